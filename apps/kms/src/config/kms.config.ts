import { z } from 'zod';
import { envRules, loadConfig, serviceBaseEnv } from '@storefront/platform/config';
import { AES_KEY_BYTES, describeKeyFileProblem, readBase64KeyFile } from '@storefront/vault/crypto';

const kmsEnvSchema = z.object({
  ...serviceBaseEnv(3005),
  KMS_DATABASE_URL: envRules.postgresUrl(),
  KMS_ROOT_KEY_FILE: z
    .string({ error: 'is required (a file holding the base64 root key)' })
    .min(1, { message: 'must be a file path', abort: true })
    // Checked here so a bad key file is reported with every other problem, before Nest starts. The key itself is not kept.
    .superRefine((file, ctx) => {
      const result = readBase64KeyFile(file, AES_KEY_BYTES);
      if ('problem' in result) ctx.addIssue({ code: 'custom', message: describeKeyFileProblem(result.problem, AES_KEY_BYTES) });
      else result.key.fill(0);
    }),
  // How often the rotation scheduler looks for keys whose next rotation date has passed (it also looks once at start).
  KMS_ROTATION_CHECK_INTERVAL_SECONDS: z.coerce
    .number({ error: 'must be a whole number of seconds' })
    .int('must be a whole number of seconds')
    .min(1, 'must be at least 1')
    .max(86_400, 'must be at most 86400 (one day)')
    .default(60),
});

export type KmsConfig = Readonly<z.output<typeof kmsEnvSchema>>;

/** Injection token for the validated configuration. */
export const KMS_CONFIG = Symbol('KMS_CONFIG');

/** The one place the kms service reads its environment. */
export function loadKmsConfig(env: Record<string, string | undefined> = process.env): KmsConfig {
  return loadConfig('kms', kmsEnvSchema, env);
}
