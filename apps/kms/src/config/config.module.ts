import { type DynamicModule, Global, Module } from '@nestjs/common';
import { KMS_CONFIG, type KmsConfig } from './kms.config';

/** Makes the validated configuration injectable everywhere as KMS_CONFIG. */
@Global()
@Module({})
export class KmsConfigModule {
  static register(config: KmsConfig): DynamicModule {
    return { module: KmsConfigModule, providers: [{ provide: KMS_CONFIG, useValue: config }], exports: [KMS_CONFIG] };
  }
}
