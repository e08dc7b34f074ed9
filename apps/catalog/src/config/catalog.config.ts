import { z } from 'zod';
import { envRules, loadConfig, serviceBaseEnv } from '@storefront/platform/config';
import { DEFAULT_SECURITY_EVENTS_PREFIX } from '@storefront/platform/events';

export const catalogEnvSchema = z.object({
  ...serviceBaseEnv(3002),
  CATALOG_DATABASE_URL: envRules.postgresUrl(),
  SEED_DEMO_DATA: envRules.flag(false),
  // Catalog writes are staff actions: the catalog verifies the caller's token against auth's JWKS itself.
  AUTH_URL: envRules.httpsUrl(),
  // Every product change is a security event on the monitor's queue; unset, events are logged and dropped.
  REDIS_URL: envRules.redisUrl().optional(),
  SECURITY_EVENTS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/, 'must be 1–64 letters, digits, colons, dashes or underscores')
    .default(DEFAULT_SECURITY_EVENTS_PREFIX),
});

export type CatalogConfig = Readonly<z.output<typeof catalogEnvSchema>>;

/** Injection token for the validated, frozen configuration. */
export const CATALOG_CONFIG = Symbol('CATALOG_CONFIG');

/** The only place the catalog reads its environment; throws InvalidConfigError naming every bad variable. */
export function loadCatalogConfig(env: Record<string, string | undefined> = process.env): CatalogConfig {
  return loadConfig('catalog', catalogEnvSchema, env);
}
