import { readFileSync } from 'node:fs';

/** The TLS part of an ioredis (or BullMQ connection) options object. */
export interface RedisTlsOptions {
  tls?: { ca: Buffer };
}

/**
 * TLS settings for a Redis URL. ioredis turns TLS on by itself for a
 * rediss:// URL, but then trusts only the system's public CAs; our Redis
 * servers carry certificates from the project CA, so the CA named by
 * REDIS_CA_FILE is added here, and the server's name is verified against it
 * (ioredis passes the URL's host as servername). A plain redis:// URL gets
 * nothing (local development and the test suites run Redis without TLS).
 *
 * Read from the environment here rather than from each service's schema:
 * every service connects the same way, and a connection made in a shared
 * library (the security-event sink, grant usage) sees the same file.
 */
export function redisTlsOptions(url: string, caFile: string | undefined = process.env.REDIS_CA_FILE): RedisTlsOptions {
  if (!/^rediss:\/\//i.test(url)) return {};
  if (!caFile) return {};
  return { tls: { ca: readFileSync(caFile) } };
}
