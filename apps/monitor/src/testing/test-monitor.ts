import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { BullMqSecurityEventSink, SECURITY_EVENTS_QUEUE, SecurityEventPublisher } from '@storefront/platform/events';
import { loadTlsIdentity, ServiceClient } from '@storefront/platform/mtls';
import { createTestDatabase, createTestPki, freePort, uniqueRedisPrefix } from '@storefront/platform/testing';
import { loadMonitorConfig, type MonitorConfig } from '../config/monitor.config';
import { SecurityEventIngestion } from '../events/security-event-ingestion.service';
import { startMonitor } from '../start-monitor';
import { startStandInAuth } from './stand-in-auth';
import { startStandInOrder } from './stand-in-order';

export const testTlsDir = createTestPki(['monitor', 'auth', 'gateway', 'payment-vault', 'kms', 'order', 'ops']);

/**
 * One monitor with its own database, queue prefix, audit key and stand-in
 * auth. `restart()` stops the monitor (its queue consumer included) and
 * starts a fresh process on the same database and queue, as after a crash.
 */
export async function startTestMonitor(redisUrl: string, postgresAdminUrl: string) {
  const database = await createTestDatabase(postgresAdminUrl, 'monitor');
  const prefix = uniqueRedisPrefix('monitor');
  const keyFile = path.join(mkdtempSync(path.join(tmpdir(), 'monitor-key-')), 'audit-hmac.key');
  writeFileSync(keyFile, randomBytes(32).toString('base64'));
  const auth = await startStandInAuth(testTlsDir, await freePort(), ['monitor']);
  const order = await startStandInOrder(testTlsDir, await freePort());
  const port = await freePort();
  const config: MonitorConfig = loadMonitorConfig({
    PORT: String(port),
    TLS_DIR: testTlsDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    MONITOR_DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    AUTH_URL: auth.baseUrl,
    ORDER_URL: order.baseUrl,
    AUDIT_HMAC_KEY_FILE: keyFile,
    SECURITY_EVENTS_PREFIX: prefix,
  });
  let app: INestApplication | null = await startMonitor(config);
  const db = new Client({ connectionString: database.url });
  await db.connect();
  const sink = new BullMqSecurityEventSink(redisUrl, prefix);
  const queue = new Queue(SECURITY_EVENTS_QUEUE, { connection: { url: redisUrl }, prefix });
  const clients: ServiceClient[] = [];
  const running = () => {
    if (!app) throw new Error('the monitor is stopped');
    return app;
  };
  return {
    get app() {
      return running();
    },
    auth,
    order,
    db,
    queue,
    prefix,
    client(identity: string) {
      const c = new ServiceClient({ name: 'monitor', baseUrl: `https://127.0.0.1:${port}` }, loadTlsIdentity(testTlsDir, identity));
      clients.push(c);
      return c;
    },
    publisher: (service: string) => new SecurityEventPublisher(sink, service),
    /** The ingestion service itself: replays skip the queue for speed (the durability test uses the queue). */
    get ingestion() {
      return running().get(SecurityEventIngestion);
    },
    async stopMonitor() {
      await app?.close();
      app = null;
    },
    async startMonitorAgain() {
      app = await startMonitor(config);
    },
    async stop() {
      clients.forEach((c) => c.close());
      await app?.close();
      await auth.app.close();
      await order.app.close();
      await sink.close();
      await queue.obliterate({ force: true });
      await queue.close();
      await db.end();
      await database.drop();
    },
  };
}
export type TestMonitor = Awaited<ReturnType<typeof startTestMonitor>>;
