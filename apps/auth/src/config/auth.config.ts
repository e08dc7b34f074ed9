import { z } from 'zod';
import { envRules, loadConfig, serviceBaseEnv } from '@storefront/platform/config';
import { DEFAULT_SECURITY_EVENTS_PREFIX } from '@storefront/platform/events';

/** Longest an access token may live: a stolen one must expire quickly because it cannot be revoked. */
export const MAX_ACCESS_TOKEN_TTL_SECONDS = 600;

export const authEnvSchema = z.object({
  ...serviceBaseEnv(3001),
  AUTH_DATABASE_URL: envRules.postgresUrl(),
  JWT_SIGNING_KEY_FILE: z
    .string({ error: 'is required (path to the PEM PKCS#8 EC P-256 private key the launcher generates)' })
    .min(1, 'must be a file path'),
  /** Where rotated signing keys are kept; beside the initial key unless set. */
  JWT_SIGNING_KEYS_DIR: z.string().min(1, 'must be a directory path').optional(),
  /** A rotated key is published this long before it signs (longer than verifiers cache the JWKS, 60 s). */
  JWT_KEY_ACTIVATION_SECONDS: z.coerce.number().int('must be whole seconds').min(0).max(86_400).default(90),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce
    .number({ error: `must be a whole number of seconds from 60 to ${MAX_ACCESS_TOKEN_TTL_SECONDS}` })
    .int(`must be a whole number of seconds from 60 to ${MAX_ACCESS_TOKEN_TTL_SECONDS}`)
    .min(60, `must be a whole number of seconds from 60 to ${MAX_ACCESS_TOKEN_TTL_SECONDS}`)
    .max(MAX_ACCESS_TOKEN_TTL_SECONDS, `must be a whole number of seconds from 60 to ${MAX_ACCESS_TOKEN_TTL_SECONDS}`)
    .default(MAX_ACCESS_TOKEN_TTL_SECONDS),
  REFRESH_TOKEN_TTL_DAYS: z.coerce
    .number({ error: 'must be a whole number of days from 1 to 30' })
    .int('must be a whole number of days from 1 to 30')
    .min(1, 'must be a whole number of days from 1 to 30')
    .max(30, 'must be a whole number of days from 1 to 30')
    .default(7),
  SEED_DEMO_DATA: envRules.flag(false),
  /**
   * With SEED_DEMO_DATA: the seed enrols TOTP for every demo staff account and
   * writes { email: base32 secret } here (mode 0600), so a person or the e2e
   * suite can answer the MFA step. Unset: staff accounts are seeded without MFA.
   */
  DEMO_STAFF_TOTP_FILE: z.string().min(1, 'must be a file path').optional(),
  /**
   * The store's address as the browser sees it (the gateway's PUBLIC_ORIGIN).
   * Passkeys are bound to it: WebAuthn responses must come from this origin,
   * and its host is the relying party id.
   */
  PUBLIC_ORIGIN: z
    .string()
    .regex(/^https:\/\/[^/:]+(:\d{1,5})?$/, 'must be an https:// origin without a path')
    .default('https://localhost:8443'),
  /** Security events (BullMQ) and the per-source-IP sign-in failure counters. */
  REDIS_URL: envRules.redisUrl(),
  /** BullMQ key prefix shared with the monitor; also namespaces auth's own Redis keys. */
  SECURITY_EVENTS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/, 'must be 1–64 letters, digits, colons, dashes or underscores')
    .default(DEFAULT_SECURITY_EVENTS_PREFIX),
  /** How often the access review runs on its own; 0 turns the schedule off (runs started by an admin still work). */
  ACCESS_REVIEW_INTERVAL_HOURS: z.coerce
    .number({ error: 'must be a whole number of hours from 0 to 720' })
    .int('must be a whole number of hours from 0 to 720')
    .min(0, 'must be a whole number of hours from 0 to 720')
    .max(720, 'must be a whole number of hours from 0 to 720')
    .default(24),
  /** A staff grant not used for this many days is revoked by the access review. */
  ACCESS_REVIEW_UNUSED_DAYS: z.coerce
    .number({ error: 'must be a whole number of days from 1 to 3650' })
    .int('must be a whole number of days from 1 to 3650')
    .min(1, 'must be a whole number of days from 1 to 3650')
    .max(3650, 'must be a whole number of days from 1 to 3650')
    .default(90),
});

export type AuthConfig = Readonly<z.output<typeof authEnvSchema>>;

/** Injection token for the validated configuration. */
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');

/** The only place the auth service reads its environment. */
export function loadAuthConfig(env: Record<string, string | undefined> = process.env): AuthConfig {
  return loadConfig('auth', authEnvSchema, env);
}
