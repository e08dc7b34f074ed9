import { Body, Controller, HttpCode, type INestApplication, Module, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
// Test only: a real mTLS stand-in for the monitor (the lib itself depends on no feature lib).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AllowedClients, bootstrapMtlsService, loadTlsIdentity, ServiceClient } from '@storefront/platform/mtls';
import { createTestPki, uniqueRedisPrefix } from '@storefront/platform/testing';
import {
  parseSecurityEvent,
  SECURITY_EVENTS_QUEUE,
  SecurityEventDto,
  SecurityEventPublisher,
  SecurityEventsModule,
} from './index';

async function publisherFor(module: ReturnType<typeof SecurityEventsModule.forRedis>) {
  const app = await Test.createTestingModule({ imports: [module] }).compile();
  await app.init();
  return { app, publisher: app.get(SecurityEventPublisher) };
}

describe('SecurityEventsModule.forRedis', () => {
  const redisUrl = inject('redisUrl');
  const prefix = uniqueRedisPrefix('events');
  const queue = new Queue(SECURITY_EVENTS_QUEUE, { connection: { url: redisUrl }, prefix });
  let context: Awaited<ReturnType<typeof publisherFor>>;

  beforeAll(async () => {
    context = await publisherFor(SecurityEventsModule.forRedis({ redisUrl, prefix, service: 'auth' }));
  });
  afterAll(async () => {
    await context?.app.close();
    await queue.obliterate({ force: true });
    await queue.close();
  });

  it('puts a published event on the security-events queue as a valid schema-1 event with retries', async () => {
    const ok = await context.publisher.publish({
      type: 'auth.login.failed',
      outcome: 'failure',
      actor: { email: 'ann@example.com' },
      source: { ip: '203.0.113.9' },
      details: { reason: 'INVALID_CREDENTIALS' },
    });
    expect(ok).toBe(true);
    const jobs = await queue.getJobs(['waiting']);
    const job = jobs.find((j) => (j.data as { actor?: { email?: string } }).actor?.email === 'ann@example.com');
    expect(job).toBeDefined();
    expect(job?.name).toBe('auth.login.failed');
    expect(job?.id).toBe(job?.data.id);
    expect(job?.opts).toMatchObject({ attempts: 5, backoff: { type: 'exponential' }, removeOnComplete: true });
    const parsed = parseSecurityEvent(job?.data);
    expect(parsed.ok).toBe(true);
    expect(job?.data).toMatchObject({ schema: 1, service: 'auth', type: 'auth.login.failed', outcome: 'failure' });
  });

  it('never queues a card number: a PAN in details arrives as [PAN]', async () => {
    await context.publisher.publish({ type: 'vault.card.tokenized', outcome: 'success', details: { note: 'number 4242-4242-4242-4242 was typed', marker: 'pan-test' } });
    const jobs = await queue.getJobs(['waiting']);
    const job = jobs.find((j) => (j.data as { details?: { marker?: string } }).details?.marker === 'pan-test');
    expect(job?.data.details.note).toBe('number [PAN] was typed');
    expect(JSON.stringify(job?.data)).not.toMatch(/4242.?4242.?4242.?4242/);
  });

  it('drops an invalid event instead of queueing it', async () => {
    const before = await queue.count();
    const ok = await context.publisher.publish({ type: 'auth.login.failed', outcome: 'failure', details: { nested: { no: true } } as never });
    expect(ok).toBe(false);
    expect(await queue.count()).toBe(before);
  });

  it('returns false quickly, without throwing, when Redis is unreachable', async () => {
    const down = await publisherFor(SecurityEventsModule.forRedis({ redisUrl: 'redis://127.0.0.1:1', prefix, service: 'auth' }));
    const started = Date.now();
    await expect(down.publisher.publish({ type: 'auth.login.failed', outcome: 'failure' })).resolves.toBe(false);
    expect(Date.now() - started).toBeLessThan(3_000);
    await down.app.close();
  });
});

const received: SecurityEventDto[] = [];

@Controller('events')
@AllowedClients('payment-vault')
class StandInMonitorController {
  @Post()
  @HttpCode(202)
  ingest(@Body() event: SecurityEventDto) {
    received.push(event);
    return { accepted: true };
  }
}

@Module({ controllers: [StandInMonitorController] })
class StandInMonitorModule {}

describe('SecurityEventsModule.forHttp', () => {
  const tlsDir = createTestPki(['monitor', 'payment-vault']);
  const port = 20000 + Math.floor(Math.random() * 20000);
  const monitorClient = new ServiceClient({ name: 'monitor', baseUrl: `https://127.0.0.1:${port}` }, loadTlsIdentity(tlsDir, 'payment-vault'));
  let monitor: INestApplication;

  beforeAll(async () => {
    monitor = await bootstrapMtlsService({ service: 'monitor', module: StandInMonitorModule, host: '127.0.0.1', port, logLevel: 'silent', identity: loadTlsIdentity(tlsDir, 'monitor') });
  });
  afterAll(async () => {
    monitorClient.close();
    await monitor?.close();
  });

  it('POSTs validated, scrubbed events to the monitor over mutual TLS', async () => {
    const app = await Test.createTestingModule({ imports: [SecurityEventsModule.forHttp({ monitorClient, service: 'payment-vault' })] }).compile();
    const ok = await app.get(SecurityEventPublisher).publish({ type: 'vault.charge.declined', outcome: 'failure', details: { card: '4000000000000002' } });
    expect(ok).toBe(true);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ service: 'payment-vault', type: 'vault.charge.declined', details: { card: '[PAN]' } });
    await app.close();
  });
});
