import { DescribeKeyCommand, type KMSClient, KMSServiceException, RotateKeyOnDemandCommand } from '@aws-sdk/client-kms';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { loadTlsIdentity } from '@storefront/platform/mtls';
import { createKmsClient } from '../card-vault/kms-client.factory';
import { VAULT_CONFIG, type VaultConfig } from '../config/payment-vault.config';
import { KeyAdminError, keyAdminError } from './key-admin.errors';

const KMS_REFUSALS: Readonly<Record<string, { code: KeyAdminError; message: string }>> = {
  AccessDeniedException: { code: KeyAdminError.RotationRefused, message: 'The key service does not allow the vault to rotate its master key.' },
  LimitExceededException: { code: KeyAdminError.RotationLimitReached, message: 'The key service allows no more on-demand rotations of this key for now.' },
  ConflictException: { code: KeyAdminError.RotationInProgress, message: 'The key service is already rotating this key.' },
};

/** "Rotate now": asks the KMS for new material for the vault's master key. The scheduled 90-day rotation needs no call. */
@Injectable()
export class MasterKeyRotationService implements OnModuleDestroy {
  private readonly logger = new Logger(MasterKeyRotationService.name);
  private readonly kms: KMSClient;
  private readonly masterKeyAlias: string;

  constructor(@Inject(VAULT_CONFIG) config: VaultConfig) {
    this.kms = createKmsClient(config.KMS_URL, loadTlsIdentity(config.TLS_DIR, 'payment-vault'));
    this.masterKeyAlias = config.KMS_KEY_ALIAS;
  }

  /** Returns the ARN of the rotated key. AWS takes no alias for RotateKeyOnDemand, so the alias is resolved first. */
  async rotateNow(): Promise<string> {
    try {
      const described = await this.kms.send(new DescribeKeyCommand({ KeyId: this.masterKeyAlias }));
      const arn = described.KeyMetadata?.Arn;
      if (!arn) throw new Error('DescribeKey returned no key ARN');
      await this.kms.send(new RotateKeyOnDemandCommand({ KeyId: arn }));
      this.logger.log({ keyArn: arn }, 'master key rotated on demand');
      return arn;
    } catch (error) {
      const refusal = error instanceof KMSServiceException ? KMS_REFUSALS[error.name] : undefined;
      this.logger.error({ reason: error instanceof Error ? error.name : 'unknown' }, 'on-demand rotation failed');
      if (refusal) throw keyAdminError(refusal.code, refusal.message);
      throw keyAdminError(KeyAdminError.KmsUnavailable, 'The key service is not reachable right now. Try again shortly.');
    }
  }

  onModuleDestroy(): void {
    this.kms.destroy();
  }
}
