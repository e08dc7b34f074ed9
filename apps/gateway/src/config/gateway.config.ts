import { z } from 'zod';
import { envRules, loadConfig, serviceBaseEnv } from '@storefront/platform/config';
import { DEFAULT_SECURITY_EVENTS_PREFIX } from '@storefront/platform/events';
import { isAddressOrRange } from '../edge/client-ip';

/** A number of requests per minute. */
const count = (max: number) =>
  z.coerce
    .number({ error: 'must be a whole number of requests' })
    .int('must be a whole number of requests')
    .min(1, 'must be at least 1')
    .max(max, `must be at most ${max}`);

/** A block duration. */
const seconds = () => z.coerce.number({ error: 'must be a whole number of seconds' }).int('must be a whole number of seconds').min(1).max(86_400);

export const gatewayEnvSchema = z
  .object({
  ...serviceBaseEnv(8443),
  REDIS_URL: envRules.redisUrl(),
  AUTH_URL: envRules.httpsUrl(),
  CATALOG_URL: envRules.httpsUrl(),
  ORDER_URL: envRules.httpsUrl(),
  VAULT_URL: envRules.httpsUrl(),
  MONITOR_URL: envRules.httpsUrl(),
  // The attack lab's runner (tools/attack/lab-server.mjs), a separate process: unset (the default, and always in production) the /api/attack-lab routes answer 503.
  ATTACK_LAB_URL: envRules.httpsUrl().optional(),
  WEB_DIR: envRules.directory().default('dist/web'),
  PUBLIC_ORIGIN: z
    .string()
    .regex(/^https:\/\/[^/]+$/, 'must be an https:// origin without a path')
    .default('https://localhost:8443'),
  // Load balancers or CDNs in front of the gateway whose X-Forwarded-For is believed (comma-separated IPs or CIDRs).
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((entry) => entry.trim()).filter(Boolean))
    .refine((entries) => entries.every(isAddressOrRange), 'must be comma-separated IP addresses or CIDR ranges, e.g. 10.0.0.0/8,192.0.2.7'),
  RATE_LIMIT_PER_MINUTE: count(100_000).default(300),
  RATE_LIMIT_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/, 'must be 1–64 letters, digits, colons, dashes or underscores')
    .default('storefront:ratelimit'),
  USER_WRITE_LIMIT_PER_MINUTE: count(100_000).default(60),
  LOGIN_LIMIT_PER_MINUTE: count(10_000).default(10),
  LOGIN_BLOCK_SECONDS: seconds().default(900),
  CATALOG_SLOW_AFTER_PER_MINUTE: count(100_000).default(120),
  CATALOG_LIMIT_PER_MINUTE: count(100_000).default(240),
  CATALOG_DELAY_STEP_MS: z.coerce.number().int('must be whole milliseconds').min(0).max(10_000).default(100),
  CATALOG_DELAY_MAX_MS: z.coerce.number().int('must be whole milliseconds').min(0).max(30_000).default(2_000),
  CATALOG_BLOCK_SECONDS: seconds().default(600),
  CATALOG_LIMIT_PER_HOUR: count(10_000_000).default(3_000),
  PAYMENT_LIMIT_PER_MINUTE: count(100_000).default(10),
  PAYMENT_BLOCK_SECONDS: seconds().default(600),
  // A block within this period of the last one is twice as long as it, up to the longest block.
  RATE_LIMIT_STRIKE_MEMORY_SECONDS: seconds().default(86_400),
  RATE_LIMIT_LONGEST_BLOCK_SECONDS: seconds().default(86_400),
  // A JSON file {"ips": [...], "userAgents": [...]} of sources always refused at the edge; re-read when it changes.
  EDGE_BLOCKLIST_FILE: z.string().min(1, 'must be a file path').optional(),
  // How long anonymous catalog reads are served from the edge cache (0 turns it off).
  EDGE_CACHE_TTL_SECONDS: z.coerce.number().int('must be whole seconds').min(0).max(3_600).default(60),
  // Slow-loris protection: a client gets this long to send its request headers, and this long for the whole request.
  HEADERS_TIMEOUT_SECONDS: z.coerce.number().int('must be whole seconds').min(1).max(120).default(10),
  REQUEST_TIMEOUT_SECONDS: z.coerce.number().int('must be whole seconds').min(1).max(600).default(30),
  // Open connections one client address may hold; a flood of sockets from one source is cut off at accept.
  MAX_CONNECTIONS_PER_IP: z.coerce.number().int('must be a whole number').min(1).max(100_000).default(200),
  /**
   * 'off' drops the edge's rate limits and token check so `npm run bench` can
   * measure what they cost on the same route. Refused unless the gateway
   * listens on loopback: it is a measuring instrument, never a deployment mode.
   */
  EDGE_GUARDS: z.enum(['on', 'off'], { error: "must be 'on' or 'off'" }).default('on'),
  SECURITY_EVENTS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/, 'must be 1–64 letters, digits, colons, dashes or underscores')
    .default(DEFAULT_SECURITY_EVENTS_PREFIX),
  })
  .refine((env) => env.EDGE_GUARDS === 'on' || ['127.0.0.1', '::1', 'localhost'].includes(env.HOST), {
    path: ['EDGE_GUARDS'],
    message: "may be 'off' only on a loopback HOST (it exists for the benchmark baseline)",
  })
  // Slowing down only makes sense before the hard limit is reached.
  .refine((env) => env.CATALOG_SLOW_AFTER_PER_MINUTE < env.CATALOG_LIMIT_PER_MINUTE, {
    path: ['CATALOG_SLOW_AFTER_PER_MINUTE'],
    message: 'must be below CATALOG_LIMIT_PER_MINUTE',
  });

export type GatewayConfig = Readonly<z.output<typeof gatewayEnvSchema>>;

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

/** The only place the gateway reads process.env (main.ts passes it in). */
export function loadGatewayConfig(env: Record<string, string | undefined>): GatewayConfig {
  return loadConfig('gateway', gatewayEnvSchema, env);
}
