import { Injectable } from '@nestjs/common';
import { type AuthorizationRequest, type AuthorizationResult, CardProcessor } from './card-processor';

// The usual processor test cards (Stripe's numbers): everything else approves.
const DECLINED = Buffer.from('4000000000000002', 'ascii');
const INSUFFICIENT_FUNDS = Buffer.from('4000000000009995', 'ascii');

/** A stand-in for the card network: deterministic answers by card number, no network, no state. */
@Injectable()
export class SimulatedProcessor extends CardProcessor {
  async authorize(request: AuthorizationRequest): Promise<AuthorizationResult> {
    if (request.pan.equals(DECLINED)) return { outcome: 'declined', declineCode: 'card_declined' };
    if (request.pan.equals(INSUFFICIENT_FUNDS)) return { outcome: 'declined', declineCode: 'insufficient_funds' };
    return { outcome: 'approved' };
  }
}
