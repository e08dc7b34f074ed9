import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum CardVaultError {
  /** The KMS cannot be reached or refuses the vault: nothing can be encrypted or decrypted. */
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  /** A stored card failed authenticated decryption: tampering or a row moved to another token. */
  CardUnreadable = 'CARD_UNREADABLE',
}

export const CARD_VAULT_STATUS: Record<CardVaultError, HttpStatus> = {
  [CardVaultError.ServiceUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
  // Our integrity failure, not the caller's input: a 5xx, logged, with no detail for the client.
  [CardVaultError.CardUnreadable]: HttpStatus.INTERNAL_SERVER_ERROR,
};

export const cardVaultError = domainErrorFactory(CARD_VAULT_STATUS);
