import { type DynamicModule, Global, Module } from '@nestjs/common';
import { VAULT_CONFIG, type VaultConfig } from './payment-vault.config';

/** Makes the validated configuration injectable everywhere as VAULT_CONFIG. */
@Global()
@Module({})
export class VaultConfigModule {
  static register(config: VaultConfig): DynamicModule {
    return { module: VaultConfigModule, providers: [{ provide: VAULT_CONFIG, useValue: config }], exports: [VAULT_CONFIG] };
  }
}
