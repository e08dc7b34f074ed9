import { describe, expect, it } from 'vitest';
import { scrubPans as libraryScrubPans } from '@storefront/shared/cards';
import { labResponse } from './lab-routes.mjs';
import { KEPT_RUNS, LabError, LabRuns, type RunRecorder, scenarioToLaunch, SHOWN_REQUESTS } from './lab-runs.mjs';
import { scrubPans, scrubPath } from './pan-scrubber.mjs';
import type { AttackResult } from './runner.mjs';

const SCENARIOS = [
  { id: 'waf-payloads', title: 'WAF payloads', layer: { number: 1, name: 'Edge shield' }, stoppedMeans: '403 REQUEST_BLOCKED for every payload' },
  { id: 'idor-orders', title: 'IDOR on orders', layer: { number: 3, name: 'Service protection' }, stoppedMeans: '404 ORDER_NOT_FOUND' },
];
type Outcome = Pick<AttackResult, 'verdict' | 'stoppedBy' | 'evidence' | 'attackerGot'>;

/** A lab whose runs finish when the test says so, with the recorder of each run at hand. */
function lab() {
  const finishers: Array<(outcome: Outcome) => void> = [];
  const recorders: RunRecorder[] = [];
  let next = 0;
  const runs = new LabRuns({
    scenarios: SCENARIOS,
    newId: () => (next++).toString(16).padStart(8, '0'),
    execute: (_scenario, recorder) => {
      recorders.push(recorder);
      return new Promise<Outcome>((resolve) => finishers.push(resolve));
    },
  });
  const finish = async (outcome: Outcome) => {
    finishers.shift()?.(outcome);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { runs, recorders, finish };
}

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof LabError) return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('what the attack lab launches', () => {
  it('takes exactly {"scenario": "<known id>"}', () => {
    expect(scenarioToLaunch({ scenario: 'idor-orders' }, SCENARIOS).id).toBe('idor-orders');
  });

  it.each([
    ['an unknown scenario, named in the message', { scenario: 'rm-rf' }, /"rm-rf"/],
    ['a scenario id that is not an id', { scenario: '../../etc/passwd' }, /scenario must be/],
    ['a number', { scenario: 9 }, /scenario must be/],
    ['no scenario', {}, /scenario must be/],
    ['an extra field', { scenario: 'waf-payloads', baseUrl: 'https://evil.example' }, /baseUrl/],
    ['an array', ['waf-payloads'], /JSON object/],
    ['null', null, /JSON object/],
  ])('refuses %s with 400 VALIDATION_FAILED', (_case, body, message) => {
    const error = refusal(() => scenarioToLaunch(body, SCENARIOS));
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(error.message).toMatch(message);
  });
});

describe('the attack lab runs one attack at a time', () => {
  it('refuses a second launch with 409 ATTACK_LAB_BUSY while one runs, and accepts it once that one finished', async () => {
    const { runs, finish } = lab();
    const first = runs.launch({ scenario: 'waf-payloads' });
    expect(first).toMatchObject({ state: 'running', scenario: 'waf-payloads', correlationPrefix: expect.stringMatching(new RegExp(`^lab-${first.id}[0-9a-f]{16}$`)), expectedLayer: { number: 1, name: 'Edge shield' } });
    expect(refusal(() => runs.launch({ scenario: 'idor-orders' }))).toMatchObject({ status: 409, code: 'ATTACK_LAB_BUSY' });
    await finish({ verdict: 'stopped', evidence: 'all 403', attackerGot: '' });
    expect(runs.find(first.id)).toMatchObject({ state: 'finished', result: { verdict: 'stopped', stoppedBy: { number: 1, name: 'Edge shield' }, evidence: 'all 403' } });
    expect(runs.find(first.id).finishedAt).toBeDefined();
    expect(runs.launch({ scenario: 'idor-orders' }).state).toBe('running');
  });

  it('a run whose scenario crashed is finished as inconclusive, and frees the lab', async () => {
    const runs = new LabRuns({ scenarios: SCENARIOS, execute: () => Promise.reject(new Error('boom')) });
    const run = runs.launch({ scenario: 'waf-payloads' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runs.find(run.id)).toMatchObject({ state: 'finished', result: { verdict: 'inconclusive', evidence: expect.stringContaining('boom') } });
    expect(runs.launch({ scenario: 'waf-payloads' }).state).toBe('running');
  });

  it('numbers the correlation ids of a run and keeps only its last requests, counting them all', async () => {
    const { runs, recorders, finish } = lab();
    const run = runs.launch({ scenario: 'waf-payloads' });
    const [recorder] = recorders;
    for (let i = 0; i < SHOWN_REQUESTS + 5; i++) {
      recorder.onExchange({ at: new Date().toISOString(), method: 'GET', path: `/api/products?i=${i}`, status: 403, code: 'REQUEST_BLOCKED', correlationId: recorder.nextCorrelationId() });
    }
    const view = runs.find(run.id);
    expect(view.requestCount).toBe(SHOWN_REQUESTS + 5);
    expect(view.requests).toHaveLength(SHOWN_REQUESTS);
    expect(view.requests.at(-1)?.correlationId).toBe(`${view.correlationPrefix}-${SHOWN_REQUESTS + 5}`);
    await finish({ verdict: 'stopped', stoppedBy: { number: 1, name: 'Edge shield' }, evidence: '', attackerGot: '' });
  });

  it('keeps the last runs only: an older one is 404 RUN_NOT_FOUND, as is an id that is not one', async () => {
    const { runs, finish } = lab();
    const ids: string[] = [];
    for (let i = 0; i <= KEPT_RUNS; i++) {
      ids.push(runs.launch({ scenario: 'waf-payloads' }).id);
      await finish({ verdict: 'stopped', evidence: '', attackerGot: '' });
    }
    expect(refusal(() => runs.find(ids[0]))).toMatchObject({ status: 404, code: 'RUN_NOT_FOUND' });
    expect(runs.find(ids[KEPT_RUNS]).id).toBe(ids[KEPT_RUNS]);
    expect(refusal(() => runs.find('../../x'))).toMatchObject({ status: 404, code: 'RUN_NOT_FOUND' });
  });

  it('shows no card number: not in a path (even percent-encoded), a progress line or the evidence', async () => {
    const { runs, recorders, finish } = lab();
    const run = runs.launch({ scenario: 'waf-payloads' });
    const [recorder] = recorders;
    recorder.onExchange({ at: '', method: 'GET', path: '/api/products?q=4242%204242%204242%204242', status: 200, correlationId: recorder.nextCorrelationId() });
    recorder.onExchange({ at: '', method: 'GET', path: '/api/products?q=4000000000000002', status: 200, correlationId: recorder.nextCorrelationId() });
    recorder.log('tokenized 4242-4242-4242-4242');
    await finish({ verdict: 'through', evidence: 'echoed 4242424242424242', attackerGot: 'the number 4242 4242 4242 4242' });
    const text = JSON.stringify(runs.find(run.id));
    expect(text).not.toMatch(/4242[ -]?4242|4242%20|4000000000000002/);
    expect(text).toContain('[PAN]');
  });
});

describe('the attack lab over HTTP (labResponse)', () => {
  const { runs } = lab();
  const call = (method: string, url: string, identity: string | undefined, rawBody?: string) => labResponse(runs, { method, url, identity, rawBody });

  it('answers only the gateway, and the launcher’s health probe on /healthz', () => {
    expect(call('POST', '/attack-lab/runs', 'catalog', '{"scenario":"waf-payloads"}')).toMatchObject({ status: 403, body: { error: { code: 'CLIENT_NOT_ALLOWED' } } });
    expect(call('GET', '/attack-lab/runs/00000000', 'ops')).toMatchObject({ status: 403 });
    expect(call('GET', '/healthz', 'ops')).toMatchObject({ status: 200 });
  });

  it('launches with 202 and reads the run back with 200', () => {
    const launched = call('POST', '/attack-lab/runs', 'gateway', '{"scenario":"waf-payloads"}') as { status: number; body: { run: { id: string } } };
    expect(launched.status).toBe(202);
    expect(call('GET', `/attack-lab/runs/${launched.body.run.id}?t=1`, 'gateway')).toMatchObject({ status: 200, body: { run: { id: launched.body.run.id, state: 'running' } } });
    expect(call('POST', '/attack-lab/runs', 'gateway', '{"scenario":"idor-orders"}')).toMatchObject({ status: 409, body: { error: { code: 'ATTACK_LAB_BUSY' } } });
  });

  it.each([
    ['malformed JSON', 'POST', '/attack-lab/runs', '{"scenario":', 400, 'MALFORMED_JSON'],
    ['an unknown scenario', 'POST', '/attack-lab/runs', '{"scenario":"nope"}', 400, 'VALIDATION_FAILED'],
    ['a GET of the collection', 'GET', '/attack-lab/runs', undefined, 405, 'METHOD_NOT_ALLOWED'],
    ['a DELETE of a run', 'DELETE', '/attack-lab/runs/00000000', undefined, 405, 'METHOD_NOT_ALLOWED'],
    ['an unknown run', 'GET', '/attack-lab/runs/ffffffff', undefined, 404, 'RUN_NOT_FOUND'],
    ['another path', 'GET', '/attack-lab/scenarios', undefined, 404, 'NOT_FOUND'],
  ])('answers %s with a clear 4xx', (_case, method, url, body, status, code) => {
    expect(call(method, url, 'gateway', body)).toMatchObject({ status, body: { error: { code } } });
  });
});

describe('the harness’s card number scrubber', () => {
  it.each(['4242424242424242', 'card 4242 4242 4242 4242 and 4000-0000-0000-0002', '4242424242424241 is not Luhn-valid', 'order 1234567890123 id', 'x'.repeat(20)])('agrees with libs/shared/cards on %j', (text) => {
    expect(scrubPans(text)).toBe(libraryScrubPans(text));
  });

  it('finds a number hidden by percent-encoding in a path', () => {
    expect(scrubPath('/api/products?q=4242%204242%204242%204242')).toBe('/api/products?q=[PAN]');
    expect(scrubPath('/api/products?q=mug%20%25')).toBe('/api/products?q=mug%20%25');
  });
});
