import { apiRequest } from './http';

export interface CardInput {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
  holder: string;
}

export interface CardToken {
  cardToken: string;
  brand: string;
  last4: string;
}

/** Sends the card to the vault (through the gateway) and gets back an opaque token; the number is never kept here. */
export function tokenizeCard(card: CardInput): Promise<CardToken> {
  return apiRequest('/api/payments/cards', { method: 'POST', body: card });
}
