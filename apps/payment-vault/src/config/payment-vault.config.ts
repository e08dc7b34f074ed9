import { z } from 'zod';
import { envRules, loadConfig, serviceBaseEnv } from '@storefront/platform/config';
import { describeKeyFileProblem, readBase64KeyFile } from '@storefront/vault/crypto';

export const FINGERPRINT_KEY_BYTES = 32;

const vaultEnvSchema = z.object({
  ...serviceBaseEnv(3004),
  VAULT_DATABASE_URL: envRules.postgresUrl(),
  KMS_URL: envRules.httpsUrl(),
  // Where security events go (POST /events over mTLS); unset, events are logged and dropped.
  MONITOR_URL: envRules.httpsUrl().optional(),
  KMS_KEY_ALIAS: z
    .string()
    .regex(/^alias\/[A-Za-z0-9/_-]{1,250}$/, 'must be a KMS alias name such as alias/vault-cards')
    .default('alias/vault-cards'),
  FINGERPRINT_KEY_FILE: z
    .string({ error: 'is required (a file holding the base64 fingerprint key)' })
    .min(1, { message: 'must be a file path', abort: true })
    // Checked here so a bad key file is reported with every other problem, before Nest starts. The key itself is not kept.
    .superRefine((file, ctx) => {
      const result = readBase64KeyFile(file, FINGERPRINT_KEY_BYTES);
      if ('problem' in result) ctx.addIssue({ code: 'custom', message: describeKeyFileProblem(result.problem, FINGERPRINT_KEY_BYTES) });
      else result.key.fill(0);
    }),
  // How often the rewrap job moves card data keys to the KMS master key's current generation (also POST /internal/rewrap).
  VAULT_REWRAP_INTERVAL_SECONDS: z.coerce
    .number({ error: 'must be a whole number of seconds' })
    .int('must be a whole number of seconds')
    .min(60, 'must be at least 60')
    .max(604_800, 'must be at most 604800 (one week)')
    .default(3600),
  // The vault zone's own Redis, for the rewrap queue only (never the app zone's: nothing outside the vault zone may
  // reach it). Card data never goes there, only key ids and cursors. Down, the vault still tokenizes and charges.
  VAULT_REDIS_URL: envRules.redisUrl(),
  // Prefix of every key the vault writes there, so a shared development Redis keeps the vault's keys apart.
  VAULT_REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/, 'must be 1-64 letters, digits, ":", "_" or "-"').default('vault'),
  // Cards per page of a rewrap run; the job's cursor is saved after each page, so a killed worker resumes there.
  VAULT_REWRAP_PAGE_SIZE: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000').default(100),
  // A pause between pages: ReEncrypt shares the KMS request quota with the GenerateDataKey and Decrypt calls of
  // tokenizations and charges, so a large rewrap can be slowed to leave them room.
  VAULT_REWRAP_PAGE_PAUSE_MS: z.coerce.number({ error: 'must be a whole number of milliseconds' }).int('must be a whole number of milliseconds').min(0, 'must be 0 or more').max(60_000, 'must be at most 60000').default(0),
});

export type VaultConfig = Readonly<z.output<typeof vaultEnvSchema>>;

/** Injection token for the validated configuration. */
export const VAULT_CONFIG = Symbol('VAULT_CONFIG');

/** The one place the payment vault reads its environment. */
export function loadVaultConfig(env: Record<string, string | undefined> = process.env): VaultConfig {
  return loadConfig('payment-vault', vaultEnvSchema, env);
}
