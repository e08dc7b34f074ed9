import { afterAll, describe, expect, inject, it } from 'vitest';
import { eventually } from '@storefront/platform/testing';
import type { RunView } from '../../tools/attack/lab-runs.mjs';
import { signIn } from '../support/shopper';
import { signInStaff } from '../support/staff-sign-in';
import { StorefrontClient } from '../support/storefront-client';

const api = new StorefrontClient(inject('baseUrl'), inject('tlsDir'));
afterAll(() => api.close());

interface TracedEvents {
  items: Array<{ id: string; type: string; outcome: string; service: string; correlationId: string; details: Record<string, unknown> }>;
  alerts: Array<{ rule: string; eventIds: string[] }>;
}

const security = () => signInStaff(api, 'security@storefront.test', 'Security-Demo-2026');
const launch = async (scenario: unknown, token: string) => api.call<{ run: RunView; error?: { code: string; message: string } }>('POST', '/api/attack-lab/runs', { token, body: { scenario } });

/** Polls a run until the lab runner says it finished. */
async function finished(id: string, token: string): Promise<RunView> {
  return eventually(async () => {
    const res = await api.call<{ run: RunView }>('GET', `/api/attack-lab/runs/${id}`, { token });
    expect(res.status, res.text).toBe(200);
    return res.body.run.state === 'finished' ? res.body.run : undefined;
  }, 120_000);
}

describe('the attack lab: a security analyst launches a scenario through the gateway and traces it in the monitor', () => {
  it('runs waf-payloads to "stopped" at layer 1, and the monitor holds its edge.waf.blocked events under the run’s correlation ids', async () => {
    const token = await security();
    const launched = await launch('waf-payloads', token);
    expect(launched.status, launched.text).toBe(202);
    const { run } = launched.body;
    expect(run).toMatchObject({ scenario: 'waf-payloads', state: 'running', expectedLayer: { number: 1 } });
    // Unguessable: the run id plus 16 random hex digits, so nobody outside the lab can plant events in its trace.
    expect(run.correlationPrefix).toMatch(new RegExp(`^lab-${run.id}[0-9a-f]{16}$`));

    // One at a time, by design: a second launch while this one runs is refused.
    const second = await launch('idor-orders', token);
    expect(second.status, second.text).toBe(409);
    expect(second.body.error?.code).toBe('ATTACK_LAB_BUSY');

    const done = await finished(run.id, token);
    expect(done.result, done.log.join('\n')).toMatchObject({ verdict: 'stopped', stoppedBy: { number: 1 } });
    const blocked = done.requests.filter((r) => r.status === 403 && r.code === 'REQUEST_BLOCKED');
    expect(blocked.length).toBeGreaterThanOrEqual(10);
    expect(blocked.every((r) => /^EDGE-/.test(r.reference ?? '') && r.correlationId?.startsWith(`${run.correlationPrefix}-`))).toBe(true);

    // The trace is the monitor's stored events, found by the run's correlation ids (the queue makes it eventual).
    const events = await eventually(async () => {
      const res = await api.call<TracedEvents>('GET', `/api/admin/events?correlationPrefix=${run.correlationPrefix}&limit=200`, { token });
      expect(res.status, res.text).toBe(200);
      const waf = res.body.items.filter((e) => e.type === 'edge.waf.blocked');
      return waf.length >= blocked.length ? waf : undefined;
    }, 30_000);
    const blockedIds = new Set(blocked.map((r) => r.correlationId));
    expect(events.every((e) => e.service === 'gateway' && e.outcome === 'blocked')).toBe(true);
    expect(new Set(events.map((e) => e.correlationId))).toEqual(blockedIds);
  }, 180_000);

  it('refuses an unknown scenario with 400 VALIDATION_FAILED naming it', async () => {
    const res = await launch('drop-tables', await security());
    expect(res.status, res.text).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('drop-tables') });
  });

  it('answers an unknown run with 404 RUN_NOT_FOUND', async () => {
    const res = await api.call<{ error: { code: string } }>('GET', '/api/attack-lab/runs/ffffffff', { token: await security() });
    expect(res.status, res.text).toBe(404);
    expect(res.body.error.code).toBe('RUN_NOT_FOUND');
  });

  it('refuses a customer with 403 before anything reaches the lab, and a caller without a token with 401', async () => {
    const customer = await signIn(api, 'customer@storefront.test', 'Customer-Demo-2026');
    const res = await launch('waf-payloads', customer);
    expect(res.status, res.text).toBe(403);
    expect((await api.call('POST', '/api/attack-lab/runs', { body: { scenario: 'waf-payloads' } })).status).toBe(401);
    const events = await api.call('GET', '/api/admin/events?correlationPrefix=lab-00000000', { token: customer });
    expect(events.status).toBe(403);
  });

  it('answers a bad trace query with 400 VALIDATION_FAILED', async () => {
    const res = await api.call<{ error: { code: string } }>('GET', '/api/admin/events?correlationPrefix=lab', { token: await security() });
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });
});
