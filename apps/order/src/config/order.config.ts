import { z } from 'zod';
import { envRules, loadConfig, serviceBaseEnv } from '@storefront/platform/config';
import { DEFAULT_SECURITY_EVENTS_PREFIX } from '@storefront/platform/events';

export const orderEnvSchema = z.object({
  ...serviceBaseEnv(3003),
  ORDER_DATABASE_URL: envRules.postgresUrl(),
  AUTH_URL: envRules.httpsUrl(),
  CATALOG_URL: envRules.httpsUrl(),
  VAULT_URL: envRules.httpsUrl(),
  // Security events go to the monitor's queue on this Redis; unset, they are logged and dropped.
  REDIS_URL: envRules.redisUrl().optional(),
  SECURITY_EVENTS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/, 'must be 1–64 letters, digits, colons, dashes or underscores')
    .default(DEFAULT_SECURITY_EVENTS_PREFIX),
  /**
   * Checkouts whose total is above this (minor units: 50000 = 500.00) need a
   * second-factor proof from the last five minutes (403 STEP_UP_REQUIRED, then POST /api/auth/step-up).
   */
  STEP_UP_CHECKOUT_ABOVE: z.coerce
    .number({ error: 'must be a whole number of minor units (cents), 0 or more' })
    .int('must be a whole number of minor units (cents), 0 or more')
    .min(0, 'must be a whole number of minor units (cents), 0 or more')
    .default(50_000),
});

export type OrderConfig = Readonly<z.output<typeof orderEnvSchema>>;

/** Injection token for the validated, frozen configuration. */
export const ORDER_CONFIG = Symbol('ORDER_CONFIG');

/** The only place the order service reads its environment; throws InvalidConfigError naming every bad variable. */
export function loadOrderConfig(env: Record<string, string | undefined> = process.env): OrderConfig {
  return loadConfig('order', orderEnvSchema, env);
}
