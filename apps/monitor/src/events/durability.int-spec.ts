import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SECURITY_EVENT_JOB_OPTIONS, type SecurityEvent } from '@storefront/platform/events';
import { eventually } from '@storefront/platform/testing';
import { startTestMonitor, type TestMonitor } from '../testing/test-monitor';

const BURST = 300;

const failedLogin = (i: number): SecurityEvent => ({
  schema: 1,
  id: randomUUID(),
  type: 'auth.login.failed',
  service: 'auth',
  occurredAt: new Date(Date.UTC(2026, 2, 3, 8, 0, i)).toISOString(),
  // Spread over many accounts and addresses: this test is about delivery, not rules.
  actor: { email: `burst${i % 50}@example.com` },
  source: { ip: `198.51.100.${(i % 200) + 1}` },
  outcome: 'failure',
  details: { reason: 'wrong_password' },
});

const asInput = ({ id, type, occurredAt, actor, source, outcome, details }: SecurityEvent) => ({ id, type, occurredAt, actor, source, outcome, details });

describe('monitor: durable ingestion across a consumer outage', () => {
  let m: TestMonitor;

  beforeAll(async () => {
    m = await startTestMonitor(inject('redisUrl'), inject('postgresAdminUrl'));
  });
  afterAll(async () => m?.stop());

  it('processes every event of a burst exactly once when the consumer stops half-way and restarts', async () => {
    const events = Array.from({ length: BURST }, (_, i) => failedLogin(i));
    const publisher = m.publisher('auth');
    const first = events.slice(0, BURST / 2);
    const second = events.slice(BURST / 2);

    // Publish the first half, then stop the monitor while the queue is still draining.
    await Promise.all(first.map((e) => publisher.publish(asInput(e))));
    await m.stopMonitor();
    const stoppedAt = Number((await m.db.query<{ n: string }>('SELECT count(*) AS n FROM security_event')).rows[0].n);
    // The second half arrives while nobody consumes; some of the first half are re-sent too, as a publisher retry would.
    for (const e of second) expect(await publisher.publish(asInput(e))).toBe(true);
    for (const e of first.slice(0, 20)) await m.queue.add(e.type, e, { ...SECURITY_EVENT_JOB_OPTIONS, jobId: `redelivered-${e.id}` });
    expect(await m.queue.getWaitingCount()).toBeGreaterThanOrEqual(BURST / 2);

    await m.startMonitorAgain();
    await eventually(async () => ((await m.queue.getJobCounts('waiting', 'active', 'delayed')).waiting === 0 && (await m.queue.getActiveCount()) === 0 ? true : undefined), 60_000);
    const ids = events.map((e) => e.id);
    const stored = await m.db.query<{ id: string; n: string }>('SELECT id, count(*) AS n FROM security_event WHERE id = ANY($1::uuid[]) GROUP BY id', [ids]);
    expect(stored.rows).toHaveLength(BURST);
    expect(stored.rows.every((r) => r.n === '1')).toBe(true);
    const audited = await m.db.query<{ n: string }>("SELECT count(*) AS n FROM audit_entry WHERE action = 'security_event.recorded'");
    expect(Number(audited.rows[0].n)).toBe(BURST);
    expect(stoppedAt).toBeLessThan(BURST);
    expect(await m.queue.getFailedCount()).toBe(0);
  }, 120_000);
});
