import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import { inject } from 'vitest';
import { SECURITY_EVENTS_QUEUE, type SecurityEvent } from '@storefront/platform/events';
import { bootstrapMtlsService, loadTlsIdentity, ServiceClient } from '@storefront/platform/mtls';
import { createTestDatabase, createTestPki, uniqueRedisPrefix } from '@storefront/platform/testing';
import { createAppModule } from '../app.module';
import { loadAuthConfig } from '../config/auth.config';
import type { SystemOverrides } from '../system/system.module';

/**
 * Integration-test harness: the real auth AppModule on mutual TLS, against a
 * fresh database with the committed migrations, a throwaway PKI and a
 * throwaway signing key, Redis keys and security-events queue under a
 * prefix of its own. Not imported by main.ts.
 */

export const TEST_IDENTITIES = ['auth', 'gateway', 'order', 'ops', 'payment-vault'] as const;
type TestIdentity = (typeof TEST_IDENTITIES)[number];

export interface CallResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  // Response bodies are asserted field by field in the specs; any keeps those assertions readable.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  setCookies: string[];
}

export interface CallOptions {
  as?: TestIdentity;
  body?: object | string;
  bearer?: string;
  cookie?: string;
  headers?: Record<string, string>;
}

export interface AuthTestService {
  databaseUrl: string;
  /** This instance's SECURITY_EVENTS_PREFIX: its Redis keys (revoked sessions, grant usage) live under it. */
  redisPrefix: string;
  /** Security events auth queued so far (waiting jobs), oldest first, optionally of one type. */
  securityEvents(type?: string): Promise<SecurityEvent[]>;
  call(method: string, requestPath: string, options?: CallOptions): Promise<CallResult>;
  close(): Promise<void>;
}

export async function startAuthTestService(postgresAdminUrl: string, env: Record<string, string> = {}, system: SystemOverrides = {}): Promise<AuthTestService> {
  const tlsDir = createTestPki(TEST_IDENTITIES);
  const keyDir = mkdtempSync(path.join(tmpdir(), 'storefront-auth-key-'));
  const removeTempDirs = () => {
    rmSync(keyDir, { recursive: true, force: true });
    rmSync(path.dirname(tlsDir), { recursive: true, force: true });
  };
  const signingKeyFile = path.join(keyDir, 'jwt-signing-key.pem');
  writeFileSync(signingKeyFile, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const database = await createTestDatabase(postgresAdminUrl, 'auth').catch((error: unknown) => {
    removeTempDirs();
    throw error;
  });

  const redisUrl = inject('redisUrl');
  const redisPrefix = uniqueRedisPrefix('auth');
  let app: INestApplication;
  try {
    const config = loadAuthConfig({
      TLS_DIR: tlsDir,
      LOG_LEVEL: 'silent',
      AUTH_DATABASE_URL: database.url,
      JWT_SIGNING_KEY_FILE: signingKeyFile,
      REDIS_URL: redisUrl,
      SECURITY_EVENTS_PREFIX: redisPrefix,
      ...env,
    });
    app = await bootstrapMtlsService({
      service: 'auth',
      module: createAppModule(config, system),
      host: '127.0.0.1',
      port: 0, // any free port: test files run in parallel
      logLevel: config.LOG_LEVEL,
      identity: loadTlsIdentity(tlsDir, 'auth'),
    });
  } catch (error) {
    // Leave nothing behind when the service cannot start (bad config, DI error).
    await database.drop();
    removeTempDirs();
    throw error;
  }
  const { port } = (app.getHttpServer() as { address(): AddressInfo }).address();
  const baseUrl = `https://127.0.0.1:${port}`;
  const clients = new Map<TestIdentity, ServiceClient>();
  const client = (identity: TestIdentity): ServiceClient => {
    const existing = clients.get(identity);
    if (existing) return existing;
    const created = new ServiceClient({ name: 'auth', baseUrl }, loadTlsIdentity(tlsDir, identity));
    clients.set(identity, created);
    return created;
  };

  const queue = new Queue(SECURITY_EVENTS_QUEUE, { connection: { url: redisUrl }, prefix: redisPrefix });

  return {
    databaseUrl: database.url,
    redisPrefix,
    async securityEvents(type) {
      const jobs = await queue.getJobs(['waiting'], 0, -1, true);
      const events = jobs.map((job) => job.data as SecurityEvent);
      return type ? events.filter((event) => event.type === type) : events;
    },
    async call(method, requestPath, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
      if (options.cookie) headers.cookie = options.cookie;
      const res = await client(options.as ?? 'gateway').request({ method, path: requestPath, body: options.body, headers });
      const text = res.body.toString('utf8');
      const setCookie = res.headers['set-cookie'];
      return {
        status: res.status,
        headers: res.headers,
        body: text && String(res.headers['content-type']).includes('json') ? JSON.parse(text) : text,
        setCookies: Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [],
      };
    },
    async close() {
      for (const c of clients.values()) c.close();
      await app.close();
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      await database.drop();
      removeTempDirs();
    },
  };
}

/** The `sf_refresh` Set-Cookie line of a response, if any. */
export function refreshCookieLine(result: CallResult): string | undefined {
  return result.setCookies.find((line) => line.startsWith('sf_refresh='));
}

/** `sf_refresh=<token>`, ready to send back in a Cookie header. */
export function refreshCookie(result: CallResult): string {
  const line = refreshCookieLine(result);
  if (!line) throw new Error(`no sf_refresh cookie in the response (status ${result.status})`);
  return line.split(';')[0];
}

let counter = 0;
/** A unique, valid email per call, so tests never share an account. */
export function uniqueEmail(label: string): string {
  counter += 1;
  // Base 36: a decimal pid-timestamp-counter is a 16–19 digit run with dashes, Luhn-valid one time in ten, and the event scrubber rightly masks it as a card number.
  return `${label}-${process.pid.toString(36)}-${Date.now().toString(36)}-${counter}@example.test`;
}
