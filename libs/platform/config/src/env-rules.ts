import { z } from 'zod';

/** Reusable rules for environment variables; each message reads after the variable's name. */
export const envRules = {
  port: (fallback: number) =>
    z.coerce
      .number({ error: 'must be a TCP port number' })
      .int('must be a TCP port number')
      .min(1, 'must be a TCP port number')
      .max(65535, 'must be a TCP port number')
      .default(fallback),
  host: (fallback = '127.0.0.1') => z.string().min(1, 'must be a host name or address').default(fallback),
  postgresUrl: () =>
    z
      .string({ error: 'is required (a postgresql:// URL)' })
      .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgresql:// URL'),
  redisUrl: () =>
    z.string({ error: 'is required (a redis:// URL)' }).regex(/^rediss?:\/\/.+/, 'must be a redis:// or rediss:// URL'),
  httpsUrl: () =>
    z
      .string({ error: 'is required (an https:// URL)' })
      .regex(/^https:\/\/[^/]+$/, 'must be an https:// origin without a path (internal calls are TLS only)'),
  directory: () => z.string({ error: 'is required (a directory path)' }).min(1, 'must be a directory path'),
  logLevel: () =>
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    }).default('info'),
  flag: (fallback: boolean) =>
    z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .default(fallback ? 'true' : 'false')
      .transform((value) => value === 'true'),
};

/** Variables every service shares: where it listens, its TLS identity, its log level, its metrics port. */
export const serviceBaseEnv = (defaultPort: number) => ({
  PORT: envRules.port(defaultPort),
  // Prometheus metrics on a separate loopback listener; unset means no metrics listener.
  METRICS_PORT: z.coerce
    .number({ error: 'must be a TCP port number' })
    .int('must be a TCP port number')
    .min(1, 'must be a TCP port number')
    .max(65535, 'must be a TCP port number')
    .optional(),
  // Where the metrics listener binds: loopback by default; compose sets 0.0.0.0 on its zone's internal metrics network.
  METRICS_HOST: z.string().min(1, 'must be a host name or address').default('127.0.0.1'),
  HOST: envRules.host(),
  TLS_DIR: envRules.directory(),
  LOG_LEVEL: envRules.logLevel(),
});
