import { z } from 'zod';
import { envRules, loadConfig, serviceBaseEnv } from '@storefront/platform/config';
import { DEFAULT_SECURITY_EVENTS_PREFIX } from '@storefront/platform/events';

export const monitorEnvSchema = z.object({
  ...serviceBaseEnv(3006),
  MONITOR_DATABASE_URL: envRules.postgresUrl(),
  REDIS_URL: envRules.redisUrl(),
  AUTH_URL: envRules.httpsUrl(),
  /** Where the order service is, for the hold-for-review response; without it that response reports not_available. */
  ORDER_URL: envRules.httpsUrl().optional(),
  /** How long a demanded step-up stands when nobody answers it (the account can only reach its own account pages meanwhile). */
  STEP_UP_DEMAND_SECONDS: z.coerce.number().int().min(60).max(7 * 24 * 3600).default(24 * 3600),
  AUDIT_HMAC_KEY_FILE: z.string({ error: 'is required (a file holding the audit HMAC key)' }).min(1, 'must be a file path'),
  SECURITY_EVENTS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/, 'must be 1–64 letters, digits, colons, dashes or underscores')
    .default(DEFAULT_SECURITY_EVENTS_PREFIX),
});

export type MonitorConfig = Readonly<z.output<typeof monitorEnvSchema>>;

export const MONITOR_CONFIG = Symbol('MONITOR_CONFIG');

/** The only place the monitor reads process.env (main.ts passes it in). */
export function loadMonitorConfig(env: Record<string, string | undefined>): MonitorConfig {
  return loadConfig('monitor', monitorEnvSchema, env);
}
