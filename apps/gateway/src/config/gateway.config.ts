import { z } from 'zod';
import { envRules, loadConfig, serviceBaseEnv } from '@storefront/platform/config';
import { DEFAULT_SECURITY_EVENTS_PREFIX } from '@storefront/platform/events';

export const gatewayEnvSchema = z.object({
  ...serviceBaseEnv(8443),
  REDIS_URL: envRules.redisUrl(),
  AUTH_URL: envRules.httpsUrl(),
  CATALOG_URL: envRules.httpsUrl(),
  ORDER_URL: envRules.httpsUrl(),
  VAULT_URL: envRules.httpsUrl(),
  MONITOR_URL: envRules.httpsUrl(),
  WEB_DIR: envRules.directory().default('dist/web'),
  PUBLIC_ORIGIN: z
    .string()
    .regex(/^https:\/\/[^/]+$/, 'must be an https:// origin without a path')
    .default('https://localhost:8443'),
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ error: 'must be a whole number of requests' })
    .int('must be a whole number of requests')
    .min(1, 'must be at least 1')
    .max(100_000, 'must be at most 100000')
    .default(300),
  SECURITY_EVENTS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/, 'must be 1–64 letters, digits, colons, dashes or underscores')
    .default(DEFAULT_SECURITY_EVENTS_PREFIX),
});

export type GatewayConfig = Readonly<z.output<typeof gatewayEnvSchema>>;

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

/** The only place the gateway reads process.env (main.ts passes it in). */
export function loadGatewayConfig(env: Record<string, string | undefined>): GatewayConfig {
  return loadConfig('gateway', gatewayEnvSchema, env);
}
