import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, Module, Post, type Type } from '@nestjs/common';
import { DomainError } from '@storefront/platform/http';
import { AllowedClients } from '@storefront/platform/mtls';

interface StandInCard {
  userId: string;
  brand: string;
  last4: string;
  approves: boolean;
}

interface ChargeRequest {
  cardToken: string;
  userId: string;
  orderId: string;
  amountCents: number;
  currency: string;
}

type ChargeResult = { approved: true; chargeId: string; brand: string; last4: string; amountCents: number } | { approved: false };

/**
 * Test stand-in for the payment vault and its card network (the one fake
 * the brief allows): approves or declines by token, is idempotent per order
 * id like the real vault, counts every charge it actually makes, and can be
 * switched off or made to lose its answer after charging.
 */
export class StandInVault {
  readonly cards = new Map<string, StandInCard>();
  /** The first result per order id; a retry gets it back and nothing is charged again. */
  readonly results = new Map<string, ChargeResult>();
  /** How many real charges were made per order id (must never exceed 1). */
  readonly chargesByOrder = new Map<string, number>();
  calls = 0;
  mode: 'up' | 'down' | 'charge-then-fail' = 'up';

  addCard(userId: string, approves: boolean): string {
    const token = `tok_${randomUUID().replace(/-/g, '')}`;
    this.cards.set(token, { userId, brand: 'visa', last4: approves ? '4242' : '0002', approves });
    return token;
  }

  totalCharges(): number {
    return [...this.chargesByOrder.values()].reduce((sum, n) => sum + n, 0);
  }
}

const VAULT = Symbol('STAND_IN_VAULT');

const unavailable = () => new DomainError('SERVICE_UNAVAILABLE', 'stand-in vault is down', 503);

@Controller('internal/charges')
@AllowedClients('order')
class StandInVaultController {
  constructor(@Inject(VAULT) private readonly vault: StandInVault) {}

  @Post()
  @HttpCode(201)
  charge(@Body() body: ChargeRequest) {
    this.vault.calls++;
    if (this.vault.mode === 'down') throw unavailable();
    let result = this.vault.results.get(body.orderId);
    if (!result) {
      const card = this.vault.cards.get(body.cardToken);
      if (!card || card.userId !== body.userId) throw new DomainError('CARD_NOT_FOUND', 'No such card for this user.', 404);
      if (card.approves) {
        result = { approved: true, chargeId: `ch_${randomUUID()}`, brand: card.brand, last4: card.last4, amountCents: body.amountCents };
        this.vault.chargesByOrder.set(body.orderId, (this.vault.chargesByOrder.get(body.orderId) ?? 0) + 1);
      } else {
        result = { approved: false };
      }
      this.vault.results.set(body.orderId, result);
    }
    if (this.vault.mode === 'charge-then-fail') throw unavailable();
    if (!result.approved) throw new DomainError('CARD_DECLINED', 'The card was declined.', 402);
    return { chargeId: result.chargeId, status: 'approved', brand: result.brand, last4: result.last4 };
  }
}

export function standInVaultModule(vault: StandInVault): Type<unknown> {
  @Module({ controllers: [StandInVaultController], providers: [{ provide: VAULT, useValue: vault }] })
  class StandInVaultModule {}
  return StandInVaultModule;
}
