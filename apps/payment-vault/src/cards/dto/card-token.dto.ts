import type { CardBrand } from '@storefront/shared/cards';

/** What tokenization returns: enough to show the card, nothing to use it outside the vault. */
export interface CardTokenDto {
  cardToken: string;
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
}
