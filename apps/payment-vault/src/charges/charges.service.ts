import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { SecurityEventPublisher } from '@storefront/platform/events';
import { CardCipherService } from '../card-vault/card-cipher.service';
import { CLOCK, type Clock } from '../common/clock';
import { type AuthorizationResult, CardProcessor } from '../processor/card-processor';
import { ChargesError, chargesError } from './charges.errors';
import { type ChargeOutcome, ChargesRepository, type StoredCard, type StoredCharge } from './charges.repository';
import type { ChargeDto } from './dto/charge.dto';
import type { CreateChargeDto } from './dto/create-charge.dto';

/** Charging a token: the only place a card number is decrypted, for exactly as long as the processor call. */
@Injectable()
export class ChargesService {
  private readonly logger = new Logger(ChargesService.name);

  constructor(
    private readonly charges: ChargesRepository,
    private readonly cipher: CardCipherService,
    private readonly processor: CardProcessor,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly events: SecurityEventPublisher,
  ) {}

  /**
   * Charges the user's card once per order. A retry of the same order gets
   * the first result (approved or declined) without reaching the processor
   * again; a token that is unknown or belongs to someone else is 404.
   */
  async charge(request: CreateChargeDto): Promise<ChargeDto> {
    const userId = request.userId.toLowerCase();
    let firstTime = false;
    const charge = await this.charges.exclusivelyForOrder(request.orderId, async (store) => {
      const previous = await store.findByOrderId(request.orderId);
      if (previous) return this.replay(previous, request, userId);
      const card = await store.findCard(request.cardToken);
      if (!card || card.userId !== userId) throw chargesError(ChargesError.CardNotFound, 'No such card for this user.');
      const outcome = toOutcome(await this.authorize(card, request));
      const stored = await store.insert({
        id: randomUUID(),
        orderId: request.orderId,
        cardToken: card.token,
        userId,
        amountCents: request.amountCents,
        currency: request.currency,
        createdAt: this.clock(),
        ...outcome,
      });
      this.logger.log({ orderId: stored.orderId, chargeId: stored.id, status: stored.status, declineCode: stored.declineCode ?? undefined }, 'card charged');
      firstTime = true;
      return stored;
    });
    // Replays are not new charges: only the first answer for an order is an event (declines feed the card-testing rule).
    if (firstTime) this.publishCharge(charge);
    // A decline is thrown only after the transaction committed, so the decline itself is remembered for retries.
    if (charge.status === 'declined') {
      throw chargesError(ChargesError.CardDeclined, 'The card was declined.', { chargeId: charge.id, declineCode: charge.declineCode });
    }
    return { chargeId: charge.id, status: 'approved', brand: charge.brand, last4: charge.last4 };
  }

  private publishCharge(charge: StoredCharge): void {
    const approved = charge.status === 'approved';
    void this.events.publish({
      type: approved ? 'vault.charge.approved' : 'vault.charge.declined',
      outcome: approved ? 'success' : 'failure',
      actor: { userId: charge.userId },
      details: { orderId: charge.orderId, amountCents: charge.amountCents, currency: charge.currency, ...(charge.declineCode ? { declineCode: charge.declineCode } : {}) },
    });
  }

  private replay(previous: StoredCharge, request: CreateChargeDto, userId: string): StoredCharge {
    const same =
      previous.userId === userId &&
      previous.cardToken === request.cardToken &&
      previous.amountCents === request.amountCents &&
      previous.currency === request.currency;
    if (!same) throw chargesError(ChargesError.IdempotencyConflict, 'This order was already charged with different details.');
    this.logger.log({ orderId: previous.orderId, chargeId: previous.id }, 'charge replayed for a retried order');
    return previous;
  }

  /** The PAN exists in clear only here, between decryption and the processor's answer, and is wiped after. */
  private async authorize(card: StoredCard, request: CreateChargeDto): Promise<AuthorizationResult> {
    const pan = await this.cipher.open(card.token, card.sealed);
    try {
      return await this.processor.authorize({ pan, amountCents: request.amountCents, currency: request.currency, reference: request.orderId });
    } finally {
      pan.fill(0);
    }
  }
}

function toOutcome(result: AuthorizationResult): ChargeOutcome {
  return result.outcome === 'approved' ? { status: 'approved', declineCode: null } : { status: 'declined', declineCode: result.declineCode };
}
