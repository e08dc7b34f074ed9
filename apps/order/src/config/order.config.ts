import { z } from 'zod';
import { envRules, loadConfig, serviceBaseEnv } from '@storefront/platform/config';

export const orderEnvSchema = z.object({
  ...serviceBaseEnv(3003),
  ORDER_DATABASE_URL: envRules.postgresUrl(),
  AUTH_URL: envRules.httpsUrl(),
  CATALOG_URL: envRules.httpsUrl(),
  VAULT_URL: envRules.httpsUrl(),
});

export type OrderConfig = Readonly<z.output<typeof orderEnvSchema>>;

/** Injection token for the validated, frozen configuration. */
export const ORDER_CONFIG = Symbol('ORDER_CONFIG');

/** The only place the order service reads its environment; throws InvalidConfigError naming every bad variable. */
export function loadOrderConfig(env: Record<string, string | undefined> = process.env): OrderConfig {
  return loadConfig('order', orderEnvSchema, env);
}
