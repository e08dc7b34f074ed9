import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { parseDownstream } from './downstream-response';
import { ServiceClients } from './service-clients';

const chargeSchema = z.object({
  chargeId: z.string().min(1).max(128),
  status: z.literal('approved'),
  brand: z.string().min(1).max(20),
  last4: z.string().regex(/^[0-9]{4}$/),
});

export type ApprovedCharge = z.output<typeof chargeSchema>;

export interface ChargeRequest {
  cardToken: string;
  userId: string;
  orderId: string;
  amountCents: number;
  currency: string;
}

/** The payment vault as the order service sees it: it may charge a token, never read a card. */
@Injectable()
export class VaultApiService {
  constructor(private readonly clients: ServiceClients) {}

  /**
   * Idempotent per order id at the vault: a retry returns the first result,
   * never a second charge. A decline (402) or an unknown token (404) arrives
   * as a DomainError with the vault's code; an outage as 503.
   */
  async charge(request: ChargeRequest): Promise<ApprovedCharge> {
    const body = await this.clients.vault.json<unknown>({ method: 'POST', path: '/internal/charges', body: request });
    return parseDownstream('payment-vault', chargeSchema, body);
  }
}
