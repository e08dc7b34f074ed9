import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { SECURITY_EVENTS_QUEUE, type SecurityEvent } from '@storefront/platform/events';
import { loadTlsIdentity, ServiceClient, type ServiceRequest } from '@storefront/platform/mtls';
import { createTestPki, uniqueRedisPrefix } from '@storefront/platform/testing';
import { loadGatewayConfig } from '../config/gateway.config';
import { startGateway } from '../start-gateway';
import { randomPort, type StandIn, type StandInAuth, startEchoUpstream, startStandInAuth } from './stand-in-upstreams';

/**
 * Test support: a real gateway on a random port in front of stand-in
 * upstreams, with a browser-like client and a view of the security events
 * it queued. Used by the gateway's integration tests.
 */

/** Deletes every key under a prefix (rate-limit counters left by a test). */
export async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(inject('redisUrl'));
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}

export const tlsDir = createTestPki(['gateway', 'auth', 'catalog', 'order', 'payment-vault', 'monitor', 'ops', 'attack-lab']);
export const PUBLIC_ORIGIN = 'https://shop.test:8443';
export const INDEX_HTML = '<!doctype html><html><head><title>Storefront</title></head><body><div id="app"></div></body></html>';

export function builtWebDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'storefront-web-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), INDEX_HTML);
  writeFileSync(path.join(dir, 'assets', 'main-abc123.js'), 'console.log("storefront")');
  return dir;
}

export interface Upstreams {
  auth: StandInAuth;
  catalog: StandIn;
  order: StandIn;
  vault: StandIn;
}

export async function startGatewayFor(upstreams: Upstreams, overrides: Record<string, string>) {
  const port = randomPort();
  const prefix = uniqueRedisPrefix('gateway');
  const app = await startGateway(
    loadGatewayConfig({
      PORT: String(port),
      TLS_DIR: tlsDir,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      REDIS_URL: inject('redisUrl'),
      AUTH_URL: upstreams.auth.baseUrl,
      CATALOG_URL: upstreams.catalog.baseUrl,
      ORDER_URL: upstreams.order.baseUrl,
      VAULT_URL: upstreams.vault.baseUrl,
      // Nothing listens here: the monitor is "down" for these tests.
      MONITOR_URL: `https://127.0.0.1:${randomPort()}`,
      PUBLIC_ORIGIN,
      SECURITY_EVENTS_PREFIX: prefix,
      // Own counters per gateway under test: every test client is 127.0.0.1, so a shared prefix would leak counts between tests and runs.
      RATE_LIMIT_PREFIX: `${prefix}:ratelimit`,
      ...overrides,
    }),
  );
  // A browser-like client: it trusts the project CA; the gateway asks for no client certificate.
  const client = new ServiceClient({ name: 'gateway', baseUrl: `https://127.0.0.1:${port}` }, loadTlsIdentity(tlsDir, 'ops'));
  const queue = new Queue(SECURITY_EVENTS_QUEUE, { connection: { url: inject('redisUrl') }, prefix });
  const call = async (req: ServiceRequest) => {
    const res = await client.request(req);
    const text = res.body.toString('utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { ...res, text, json: json as Record<string, unknown> };
  };
  // Sends the path byte for byte (URL-based clients would resolve the dot segments before sending).
  const raw = (method: string, rawPath: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = https.request({ host: '127.0.0.1', port, method, path: rawPath, ca: readFileSync(path.join(tlsDir, 'ca.crt')), servername: 'localhost' }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end();
    });
  const events = async (type: string) => (await queue.getJobs(['waiting'])).map((job) => job.data as SecurityEvent).filter((event) => event.type === type);
  return {
    app,
    port,
    /** Redis key prefix of this gateway's edge state and events (the blocklist lives at `<prefix>:edge:blocklist`). */
    prefix,
    call,
    raw,
    events,
    async stop() {
      client.close();
      await app.close();
      await queue.obliterate({ force: true });
      await queue.close();
      // A prefix the test chose itself (restart tests) is the test's to clean up.
      if (!overrides.RATE_LIMIT_PREFIX) await deleteKeys(`${prefix}:ratelimit`);
    },
  };
}

export async function startUpstreams(): Promise<Upstreams> {
  return {
    auth: await startStandInAuth(tlsDir, randomPort()),
    catalog: await startEchoUpstream(tlsDir, 'catalog', randomPort()),
    order: await startEchoUpstream(tlsDir, 'order', randomPort()),
    vault: await startEchoUpstream(tlsDir, 'payment-vault', randomPort()),
  };
}

export async function stopUpstreams(upstreams: Upstreams | undefined) {
  if (!upstreams) return;
  await Promise.all(Object.values(upstreams).map((u: StandIn) => u.app.close()));
}
