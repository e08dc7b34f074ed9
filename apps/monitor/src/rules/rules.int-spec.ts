import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stepUpDemandKey } from '@storefront/identity/access';
import type { SecurityEvent } from '@storefront/platform/events';
import { ServiceMetrics } from '@storefront/platform/metrics';
import { edgeBlocklistKey } from '../responses/edge-blocklist';
import { IPS_BY_COUNTRY, normalDay } from '../testing/normal-day';
import { startTestMonitor, type TestMonitor } from '../testing/test-monitor';

const MINUTE = 60_000;
/** Replays start on a fixed past day, so event times (not the wall clock) drive every window. */
const DAY = new Date('2026-03-02T00:00:00.000Z');
const at = (minutes: number) => new Date(DAY.getTime() + 12 * 60 * MINUTE + minutes * MINUTE).toISOString();

const event = (service: string, overrides: Partial<SecurityEvent> & Pick<SecurityEvent, 'type' | 'occurredAt'>): SecurityEvent => ({
  schema: 1,
  id: randomUUID(),
  service,
  actor: {},
  source: {},
  outcome: 'success',
  details: {},
  ...overrides,
});

interface AlertRow {
  id: string;
  rule: string;
  severity: string;
  subjects: string[];
  event_ids: string[];
  responses: Array<{ action: string; target: string; outcome: string }>;
}

describe('monitor rules, replayed', () => {
  let m: TestMonitor;
  let redis: Redis;

  beforeAll(async () => {
    m = await startTestMonitor(inject('redisUrl'), inject('postgresAdminUrl'));
    redis = new Redis(inject('redisUrl'));
  });
  afterAll(async () => {
    await redis?.quit();
    await m?.stop();
  });

  const replay = async (events: SecurityEvent[]) => {
    for (const e of events) await m.ingestion.ingest(e);
  };
  const alertsAbout = async (subject: string) =>
    (await m.db.query<AlertRow>('SELECT * FROM alert WHERE $1 = ANY(subjects) ORDER BY created_at', [subject])).rows;

  it('raises no alert on a seeded normal day of 200 shoppers (false positives: 0)', async () => {
    const { events, shoppers } = normalDay(20260302, 200, DAY);
    expect(shoppers).toHaveLength(200);
    await replay(events);
    const { rows } = await m.db.query<{ rule: string; summary: string }>('SELECT rule, summary FROM alert');
    console.info(`normal day: ${events.length} events from ${shoppers.length} shoppers, false positives: ${rows.length}`, rows.slice(0, 5));
    expect(rows).toEqual([]);
  }, 240_000);

  it('locks the account signed in from ten countries within an hour (critical), and raises it once', async () => {
    const userId = randomUUID();
    const countries = ['US', 'GB', 'DE', 'BR', 'ZA', 'SG', 'JP', 'IE', 'RU', 'SE'];
    await replay(
      countries.map((country, i) =>
        event('auth', { type: 'auth.login.succeeded', occurredAt: at(600 + i * 6), actor: { userId, email: 'roamer@example.com' }, source: { ip: IPS_BY_COUNTRY[country][0] } }),
      ),
    );
    const alerts = await alertsAbout(`user:${userId}`);
    const critical = alerts.filter((a) => a.severity === 'critical');
    expect(critical).toHaveLength(1);
    expect(critical[0]).toMatchObject({ rule: 'auth.impossible_travel' });
    expect(critical[0].event_ids.length).toBeGreaterThanOrEqual(5);
    expect(critical[0].responses).toEqual([expect.objectContaining({ action: 'lock_account', target: userId, outcome: 'done' })]);
    expect(m.auth.locks).toContainEqual({ userId, durationSeconds: 86_400 });
    // The earlier "two countries in 30 minutes" alert was high and did not lock; the escalation did.
    expect(alerts.filter((a) => a.severity === 'high').length).toBeLessThanOrEqual(1);
    const audit = await m.db.query('SELECT action FROM audit_entry WHERE subject = $1 ORDER BY seq', [`alert:${critical[0].id}`]);
    expect(audit.rows.map((r: { action: string }) => r.action)).toEqual(['alert.raised', 'response.lock_account']);
  });

  it('flags two sign-ins too far apart for the time between them (1000 km/h over 500 km): no lock, a step-up demand', async () => {
    const userId = randomUUID();
    await replay([
      event('auth', { type: 'auth.login.succeeded', occurredAt: at(700), actor: { userId }, source: { ip: IPS_BY_COUNTRY.DE[0] } }),
      event('auth', { type: 'auth.login.succeeded', occurredAt: at(745), actor: { userId }, source: { ip: IPS_BY_COUNTRY.US[0] } }),
    ]);
    const [alert] = await alertsAbout(`user:${userId}`);
    expect(alert).toMatchObject({ rule: 'auth.impossible_travel', severity: 'high' });
    expect(alert.responses).toEqual([expect.objectContaining({ action: 'require_step_up', target: userId, outcome: 'done' })]);
    expect(m.auth.locks.map((l) => l.userId)).not.toContain(userId);
    // The gateway reads this key: the demand's time, standing for a day.
    const key = stepUpDemandKey(m.prefix, userId);
    expect(Number(await redis.get(key))).toBeGreaterThan(Date.now() / 1000 - 60);
    expect(await redis.ttl(key)).toBeGreaterThan(23 * 3600);
  });

  it('does not flag a train ride: Paris at noon, Amsterdam four hours later', async () => {
    const userId = randomUUID();
    await replay([
      event('auth', { type: 'auth.login.succeeded', occurredAt: at(0), actor: { userId }, source: { ip: IPS_BY_COUNTRY.FR[0] } }),
      event('auth', { type: 'auth.login.succeeded', occurredAt: at(240), actor: { userId }, source: { ip: IPS_BY_COUNTRY.NL[0] } }),
    ]);
    expect(await alertsAbout(`user:${userId}`)).toEqual([]);
  });

  it('blocks a credential-stuffing source at the edge: one address, 12 accounts', async () => {
    const ip = '203.0.113.77';
    await replay(
      Array.from({ length: 12 }, (_, i) =>
        event('auth', { type: 'auth.login.failed', outcome: 'failure', occurredAt: at(800 + i * 0.25), actor: { email: `victim${i}@example.com` }, source: { ip }, details: { reason: 'wrong_password' } }),
      ),
    );
    const alerts = await alertsAbout(`ip:${ip}`);
    expect(alerts.map((a) => `${a.rule}/${a.severity}`).sort()).toEqual(['auth.brute_force/high', 'auth.credential_stuffing/critical']);
    const stuffing = alerts.find((a) => a.rule === 'auth.credential_stuffing')!;
    expect(stuffing.responses).toEqual([expect.objectContaining({ action: 'block_source', target: ip, outcome: 'done' })]);
    const expiresAt = Number(await redis.zscore(edgeBlocklistKey(m.prefix), ip));
    expect(expiresAt).toBeGreaterThan(Date.now() + 50 * MINUTE);
  });

  it('raises a failed-login alert per account within the window, but not for failures spread over an hour', async () => {
    const email = `typist-${randomUUID().slice(0, 6)}@example.com`;
    const spread = `slow-${randomUUID().slice(0, 6)}@example.com`;
    await replay([
      ...Array.from({ length: 5 }, (_, i) => event('auth', { type: 'auth.login.failed', outcome: 'failure', occurredAt: at(900 + i), actor: { email }, source: { ip: `198.51.100.${i + 1}` } })),
      ...Array.from({ length: 5 }, (_, i) => event('auth', { type: 'auth.login.failed', outcome: 'failure', occurredAt: at(900 + i * 12), actor: { email: spread }, source: { ip: `198.51.100.${i + 20}` } })),
    ]);
    expect(await alertsAbout(`email:${email}`)).toHaveLength(1);
    expect(await alertsAbout(`email:${spread}`)).toEqual([]);
  });

  it('catches card testing: new cards and declines per user (lock) and per source (block)', async () => {
    const tester = randomUUID();
    const ip = '203.0.113.99';
    await replay([
      ...Array.from({ length: 5 }, (_, i) => event('payment-vault', { type: 'vault.card.tokenized', occurredAt: at(1000 + i * 2), actor: { userId: tester }, source: { ip }, details: { brand: 'visa' } })),
      ...Array.from({ length: 5 }, (_, i) =>
        event('payment-vault', { type: 'vault.charge.declined', outcome: 'failure', occurredAt: at(1001 + i * 2), actor: { userId: tester }, details: { declineCode: 'card_declined' } }),
      ),
      // Other accounts from the same address keep adding cards: ten in the hour from one source.
      ...Array.from({ length: 5 }, (_, i) => event('payment-vault', { type: 'vault.card.tokenized', occurredAt: at(1020 + i), actor: { userId: randomUUID() }, source: { ip }, details: { brand: 'visa' } })),
    ]);
    const byUser = await m.db.query<AlertRow>('SELECT * FROM alert WHERE rule = $1 AND subjects[1] LIKE $2 ORDER BY created_at', ['payments.velocity', `user:${tester}:%`]);
    expect(byUser.rows.map((a) => a.subjects[0]).sort()).toEqual([`user:${tester}:vault.card.tokenized`, `user:${tester}:vault.charge.declined`]);
    expect(byUser.rows[0].responses).toEqual([expect.objectContaining({ action: 'lock_account', target: tester, outcome: 'done' })]);
    const bySource = await alertsAbout(`ip:${ip}:vault.card.tokenized`);
    expect(bySource).toHaveLength(1);
    expect(bySource[0].responses).toEqual([expect.objectContaining({ action: 'block_source', target: ip, outcome: 'done' })]);
  });

  it('flags an order far above the customer’s own usual, and not one within it', async () => {
    const userId = randomUUID();
    const history = [4800, 5200, 5000, 6100, 4500, 5500, 4900, 5300].map((totalCents, i) =>
      event('order', { type: 'order.placed', occurredAt: at(-(i + 1) * 60 * 24 * 7), actor: { userId }, details: { orderId: randomUUID(), totalCents, itemCount: 2 } }),
    );
    const usual = event('order', { type: 'order.placed', occurredAt: at(1100), actor: { userId }, details: { orderId: randomUUID(), totalCents: 7000, itemCount: 3 } });
    const orderId = randomUUID();
    const unusual = event('order', { type: 'order.placed', occurredAt: at(1200), actor: { userId }, details: { orderId, totalCents: 60_000, itemCount: 2 } });
    await replay([...history.reverse(), usual, unusual]);
    const alerts = await alertsAbout(`order:${orderId}`);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: 'orders.unusual_purchase', severity: 'medium', event_ids: [unusual.id] });
    expect(alerts[0].responses).toEqual([expect.objectContaining({ action: 'hold_order', target: orderId, outcome: 'done' })]);
    expect(m.order.holds).toEqual([{ orderId, reason: expect.stringContaining(alerts[0].id) }]);
    expect(await alertsAbout(`order:${usual.details.orderId as string}`)).toEqual([]);
  });

  it('judges a new customer (under 5 orders) by a fixed ceiling only', async () => {
    const small = randomUUID();
    const big = randomUUID();
    await replay([
      event('order', { type: 'order.placed', occurredAt: at(1300), actor: { userId: small }, details: { orderId: randomUUID(), totalCents: 90_000, itemCount: 4 } }),
      event('order', { type: 'order.placed', occurredAt: at(1300), actor: { userId: big }, details: { orderId: randomUUID(), totalCents: 750_000, itemCount: 1 } }),
    ]);
    expect(await alertsAbout(`user:${small}`)).toEqual([]);
    expect(await alertsAbout(`user:${big}`)).toHaveLength(1);
  });

  it('shows an alert with the events behind it to security staff, and lets them close it (audited)', async () => {
    const [alert] = (await m.db.query<AlertRow>("SELECT * FROM alert WHERE rule = 'auth.credential_stuffing'")).rows;
    const token = await m.auth.token(['security-analyst']);
    const res = await m.client('gateway').request({ method: 'GET', path: `/admin/alerts/${alert.id}`, headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body.toString()) as { events: Array<{ id: string; type: string; sourceIp: string }> };
    expect(body.events).toHaveLength(alert.event_ids.length);
    expect(body.events.every((e) => e.type === 'auth.login.failed' && e.sourceIp === '203.0.113.77')).toBe(true);
    const closed = await m.client('gateway').request({ method: 'PATCH', path: `/admin/alerts/${alert.id}`, body: { status: 'closed' }, headers: { authorization: `Bearer ${token}` } });
    expect(closed.status).toBe(200);
    expect((await m.db.query('SELECT status FROM alert WHERE id = $1', [alert.id])).rows[0]).toEqual({ status: 'closed' });
    expect((await m.db.query("SELECT 1 FROM audit_entry WHERE action = 'alert.status_changed' AND subject = $1", [`alert:${alert.id}`])).rowCount).toBe(1);
    const missing = await m.client('gateway').request({ method: 'GET', path: `/admin/alerts/${randomUUID()}`, headers: { authorization: `Bearer ${token}` } });
    expect(missing.status).toBe(404);
    const bad = await m.client('gateway').request({ method: 'GET', path: '/admin/alerts/not-a-uuid', headers: { authorization: `Bearer ${token}` } });
    expect(bad.status).toBe(400);
  });

  it('counts events by type and alerts by rule in the metrics registry', async () => {
    const text = await m.app.get(ServiceMetrics).registry.metrics();
    expect(text).toMatch(/security_events_total\{type="auth\.login\.failed",outcome="failure",source_service="auth",service="monitor"\} \d+/);
    expect(text).toMatch(/security_alerts_raised_total\{rule="auth\.credential_stuffing",severity="critical",service="monitor"\} 1/);
    expect(text).toMatch(/security_events_queue_depth\{state="waiting",service="monitor"\} 0/);
  });
});
