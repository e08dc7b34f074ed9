import { Inject, Injectable, Logger } from '@nestjs/common';
import { type AuthenticatedUser, hasFreshMfa, stepUpRequired } from '@storefront/identity/access';
import { SecurityEventPublisher } from '@storefront/platform/events';
import { DomainError } from '@storefront/platform/http';
import { CartRepository } from '../cart/cart.repository';
import { Clock } from '../common/clock';
import { ORDER_CONFIG, type OrderConfig } from '../config/order.config';
import { IdGenerator } from '../common/id-generator';
import { isUniqueViolation } from '../database/unique-violation';
import { CatalogApiService, type Reservation } from '../downstream/catalog-api.service';
import { type ApprovedCharge, VaultApiService } from '../downstream/vault-api.service';
import type { OrderDto } from '../orders/dto/order.dto';
import type { ShippingAddress } from '../orders/dto/shipping-address';
import { CheckoutError, checkoutError } from './checkout.errors';
import { type CheckoutLine, CheckoutRepository, type IdempotencyRecord } from './checkout.repository';
import type { CreateOrderDto } from './dto/create-order.dto';
import { hashRequest } from './request-hash';

/**
 * How long one request may work on a checkout before a retry may take over.
 * Longer than the worst case of its downstream calls (10 s timeout each), so
 * a live request is never overtaken; short enough that a crash does not lock
 * the key for long.
 */
export const CHECKOUT_LEASE_MS = 60_000;

// Refusals after which nothing was reserved or charged: the attempt is forgotten and the refusal passed on.
// PRODUCT_ARCHIVED: a product still in the cart was withdrawn from sale after it was added.
const RESERVATION_REFUSALS = new Set(['OUT_OF_STOCK', 'PRODUCT_NOT_FOUND', 'PRODUCT_ARCHIVED']);
const CHARGE_REFUSAL_STATUSES = new Set([400, 402, 404, 422]);

export interface CheckoutResult {
  order: OrderDto;
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

interface Attempt {
  userId: string;
  key: string;
  orderId: string;
  items: CheckoutLine[];
}

type Claim = { kind: 'replay'; order: OrderDto } | { kind: 'run'; attempt: Attempt };

const byProductId = (a: CheckoutLine, b: CheckoutLine) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0);

function toShippingAddress(dto: CreateOrderDto['shippingAddress']): ShippingAddress {
  const { name, line1, line2, city, postalCode, country } = dto;
  return { name, line1, ...(line2 ? { line2 } : {}), city, postalCode, country };
}

/**
 * Checkout: an order is either placed and charged exactly once, or not at
 * all. The Idempotency-Key record is claimed first; stock is reserved and
 * the card charged under the record's order id (both idempotent per order
 * id downstream), and the order is written together with the record's
 * completion. After an outage the record stays resumable, so retrying with
 * the same key finishes the same order instead of starting a second one.
 */
@Injectable()
export class CheckoutService {
  private readonly logger = new Logger(CheckoutService.name);

  constructor(
    private readonly records: CheckoutRepository,
    private readonly cart: CartRepository,
    private readonly catalog: CatalogApiService,
    private readonly vault: VaultApiService,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly events: SecurityEventPublisher,
    @Inject(ORDER_CONFIG) private readonly config: OrderConfig,
  ) {}

  /** `sourceIp` is the shopper's address as the gateway reported it; it only labels the security event. */
  async placeOrder(user: AuthenticatedUser, idempotencyKey: string, request: CreateOrderDto, sourceIp?: string): Promise<CheckoutResult> {
    const claim = await this.claim(user, idempotencyKey, hashRequest(request));
    if (claim.kind === 'replay') return { order: claim.order, replayed: true };
    const reservation = await this.reserve(claim.attempt);
    const charge = await this.charge(claim.attempt, reservation, request.cardToken);
    const result = await this.recordOrder(claim.attempt, request, reservation, charge);
    if (!result.replayed) this.publishPlaced(user.id, result.order, sourceIp);
    return result;
  }

  /** The monitor's velocity and unusual-purchase rules read these: total and item count, never card data beyond last4. */
  private publishPlaced(userId: string, order: OrderDto, sourceIp: string | undefined): void {
    const itemCount = order.items.reduce((sum, item) => sum + item.quantity, 0);
    void this.events.publish({
      type: 'order.placed',
      outcome: 'success',
      actor: { userId },
      source: sourceIp ? { ip: sourceIp } : {},
      details: { orderId: order.id, totalCents: order.total, currency: order.currency, itemCount, lines: order.items.length },
    });
  }

  private async claim(user: AuthenticatedUser, key: string, requestHash: string): Promise<Claim> {
    const userId = user.id;
    const existing = await this.records.find(userId, key);
    // A completed or started checkout passed the step-up check when it was claimed.
    if (existing) return this.resume(existing, requestHash);

    const items = (await this.cart.lines(userId)).map(({ productId, quantity }) => ({ productId, quantity })).sort(byProductId);
    if (!items.length) throw checkoutError(CheckoutError.CartEmpty, 'Your cart is empty.');
    await this.requireStepUpForLargeOrder(user, items);
    const attempt: Attempt = { userId, key, orderId: this.ids.uuid(), items };
    if (await this.records.create({ ...attempt, requestHash, leaseExpiresAt: this.leaseDeadline() })) return { kind: 'run', attempt };

    // A concurrent request with the same key inserted first: answer as its duplicate.
    const winner = await this.records.find(userId, key);
    if (!winner) throw this.inProgress();
    return this.resume(winner, requestHash);
  }

  /**
   * Above STEP_UP_CHECKOUT_ABOVE the shopper must have proved a second factor
   * in the last five minutes. Checked before anything is recorded, reserved or
   * charged, with the catalog's current prices (the reservation prices the order itself).
   */
  private async requireStepUpForLargeOrder(user: AuthenticatedUser, items: readonly CheckoutLine[]): Promise<void> {
    if (hasFreshMfa(user, this.clock.now())) return;
    const products = await Promise.all(items.map((item) => this.catalog.findProduct(item.productId)));
    const totalCents = items.reduce((sum, item, i) => sum + (products[i]?.priceCents ?? 0) * item.quantity, 0);
    if (totalCents <= this.config.STEP_UP_CHECKOUT_ABOVE) return;
    this.logger.log({ userId: user.id, totalCents, event: 'checkout_step_up_required' }, 'large checkout refused until a second factor is confirmed');
    throw stepUpRequired('An order above the step-up amount');
  }

  private async resume(record: IdempotencyRecord, requestHash: string): Promise<Claim> {
    if (record.requestHash !== requestHash) {
      throw checkoutError(CheckoutError.IdempotencyKeyReused, 'This Idempotency-Key was already used for a different request; use a new key.');
    }
    if (record.state === 'completed' && record.response) return { kind: 'replay', order: record.response };
    const now = this.clock.now();
    if (!(await this.records.claimLease(record.userId, record.key, now, this.leaseDeadline(now)))) throw this.inProgress();
    this.logger.log({ orderId: record.orderId }, 'resuming an unfinished checkout');
    return { kind: 'run', attempt: { userId: record.userId, key: record.key, orderId: record.orderId, items: record.items } };
  }

  private async reserve(attempt: Attempt): Promise<Reservation> {
    try {
      return await this.catalog.reserve(attempt.orderId, attempt.items);
    } catch (error) {
      if (error instanceof DomainError && RESERVATION_REFUSALS.has(error.code)) {
        await this.records.delete(attempt.userId, attempt.key, attempt.orderId);
        this.logger.log({ orderId: attempt.orderId, code: error.code }, 'checkout refused by the catalog');
        throw error;
      }
      throw await this.suspend(attempt, 'reserve', error);
    }
  }

  private async charge(attempt: Attempt, reservation: Reservation, cardToken: string): Promise<ApprovedCharge> {
    try {
      return await this.vault.charge({
        cardToken,
        userId: attempt.userId,
        orderId: attempt.orderId,
        amountCents: reservation.totalCents,
        currency: reservation.currency,
      });
    } catch (error) {
      if (!(error instanceof DomainError && CHARGE_REFUSAL_STATUSES.has(error.status))) throw await this.suspend(attempt, 'charge', error);
      // Definitely not charged: give the stock back, then forget the attempt so the key can be used again.
      try {
        await this.catalog.release(attempt.orderId);
      } catch (releaseError) {
        // Keep the record: a retry re-asks the vault (same answer, per order id) and releases again.
        throw await this.suspend(attempt, 'release', releaseError);
      }
      await this.records.delete(attempt.userId, attempt.key, attempt.orderId);
      this.logger.log({ orderId: attempt.orderId, code: error.code }, 'checkout refused by the payment vault');
      throw error;
    }
  }

  private async recordOrder(attempt: Attempt, request: CreateOrderDto, reservation: Reservation, charge: ApprovedCharge): Promise<CheckoutResult> {
    const createdAt = this.clock.now();
    const order: OrderDto = {
      id: attempt.orderId,
      status: 'paid',
      total: reservation.totalCents,
      currency: reservation.currency,
      brand: charge.brand,
      last4: charge.last4,
      items: reservation.items.map(({ productId, name, unitPriceCents, quantity }) => ({ productId, name, unitPriceCents, quantity })),
      shippingAddress: toShippingAddress(request.shippingAddress),
      createdAt: createdAt.toISOString(),
    };
    try {
      await this.records.placeOrder({ userId: attempt.userId, key: attempt.key, order, chargeId: charge.chargeId, createdAt });
    } catch (error) {
      // Only possible when a retry that outlived its lease raced us to the same order: its answer stands.
      if (isUniqueViolation(error)) {
        const record = await this.records.find(attempt.userId, attempt.key);
        if (record?.state === 'completed' && record.response) return { order: record.response, replayed: true };
      }
      throw await this.suspend(attempt, 'record', error);
    }
    this.logger.log({ orderId: order.id, totalCents: order.total, lines: order.items.length }, 'order placed');
    return { order, replayed: false };
  }

  /**
   * The outcome downstream is unknown (timeout, 5xx, a reply we cannot
   * read): keep the record and its order id, free its lease, and tell the
   * client to retry with the same key.
   */
  private async suspend(attempt: Attempt, step: string, cause: unknown): Promise<DomainError> {
    const code = cause instanceof DomainError ? cause.code : 'UNEXPECTED';
    this.logger.warn({ orderId: attempt.orderId, step, code, err: cause instanceof DomainError ? undefined : cause }, 'checkout suspended: retry with the same key resumes it');
    try {
      await this.records.releaseLease(attempt.userId, attempt.key, attempt.orderId);
    } catch (error) {
      // The lease then simply expires after CHECKOUT_LEASE_MS.
      this.logger.error({ orderId: attempt.orderId, err: error }, 'could not release a checkout lease');
    }
    return checkoutError(
      CheckoutError.ServiceUnavailable,
      'The order could not be completed right now. Retry with the same Idempotency-Key: you will not be charged twice.',
    );
  }

  private inProgress(): DomainError {
    return checkoutError(CheckoutError.IdempotencyInProgress, 'A request with this Idempotency-Key is still being processed; retry shortly.');
  }

  private leaseDeadline(now: Date = this.clock.now()): Date {
    return new Date(now.getTime() + CHECKOUT_LEASE_MS);
  }
}
