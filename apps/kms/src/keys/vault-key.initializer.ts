import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { KeysService } from './keys.service';

/** The alias the payment vault encrypts card data keys under. */
export const VAULT_CARDS_ALIAS = 'alias/vault-cards';
/** ARCHITECTURE.md promises automatic rotation of the card master key every 90 days (AWS's minimum period). */
export const VAULT_CARDS_ROTATION_DAYS = 90;

/** On start, makes sure the vault's master key exists, so a fresh stack works without a manual CreateKey. */
@Injectable()
export class VaultKeyInitializer implements OnApplicationBootstrap {
  private readonly logger = new Logger(VaultKeyInitializer.name);

  constructor(private readonly keys: KeysService) {}

  async onApplicationBootstrap(): Promise<void> {
    const key = await this.keys.ensureKeyForAlias(VAULT_CARDS_ALIAS, 'Payment vault: wraps card data keys', VAULT_CARDS_ROTATION_DAYS);
    this.logger.log({ aliasName: VAULT_CARDS_ALIAS, keyId: key.id }, 'vault card master key ready');
  }
}
