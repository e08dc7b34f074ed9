export interface AuthorizationRequest {
  /** The PAN digits (ASCII). Owned by the caller, who zeroes it after the call. */
  pan: Buffer;
  amountCents: number;
  currency: string;
  /** Our reference for the attempt (the order id), which a real processor would use for idempotency. */
  reference: string;
}

export type DeclineCode = 'card_declined' | 'insufficient_funds';

export type AuthorizationResult = { outcome: 'approved' } | { outcome: 'declined'; declineCode: DeclineCode };

/** The card network as the vault sees it. Injected, so tests can watch calls and a real processor can replace the simulation. */
export abstract class CardProcessor {
  abstract authorize(request: AuthorizationRequest): Promise<AuthorizationResult>;
}
