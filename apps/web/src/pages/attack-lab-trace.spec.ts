import { describe, expect, it } from 'vitest';
import type { LabAlert, LabEvent, LabRequest, LabRun } from '../api/attack-lab';
import { describeLane, describeOutcome, type LaneState, placeEvent, placeRequest, traceRun } from './attack-lab-trace';

const run = (overrides: Partial<LabRun>): LabRun => ({
  id: 'r1',
  scenario: 'waf-payloads',
  title: 'WAF payloads',
  expectedLayer: { number: 1, name: 'Edge shield' },
  stoppedMeans: '403 REQUEST_BLOCKED',
  state: 'running',
  startedAt: '2026-11-25T10:00:00.000Z',
  correlationPrefix: 'lab-r1',
  requests: [],
  requestCount: 0,
  log: [],
  ...overrides,
});

let seq = 0;
const request = (status: number, code?: string, extra: Partial<LabRequest> = {}): LabRequest => ({
  at: '2026-11-25T10:00:01.000Z',
  method: 'GET',
  path: '/api/products?q=x',
  status,
  ...(code ? { code } : {}),
  correlationId: `lab-r1-${++seq}`,
  ...extra,
});
const event = (type: string, outcome = 'blocked', details: LabEvent['details'] = {}): LabEvent => ({
  id: `e${++seq}`,
  type,
  outcome,
  service: type.split('.')[0],
  occurredAt: '2026-11-25T10:00:01.000Z',
  correlationId: `lab-r1-${seq}`,
  details,
});
const states = (trace: ReturnType<typeof traceRun>): LaneState[] => trace.lanes.map((lane) => lane.state);

describe('placing a request in the layer that answered it', () => {
  it('puts the edge shield’s refusals, rate limits and unrouted paths in layer 1', () => {
    expect(placeRequest({ status: 403, code: 'REQUEST_BLOCKED' })).toEqual({ kind: 'stopped', layer: 1 });
    expect(placeRequest({ status: 403, code: 'SOURCE_BLOCKED' })).toEqual({ kind: 'stopped', layer: 1 });
    expect(placeRequest({ status: 429, code: 'RATE_LIMITED' })).toEqual({ kind: 'stopped', layer: 1 });
    expect(placeRequest({ status: 404, code: 'NOT_FOUND' })).toEqual({ kind: 'stopped', layer: 1 });
    expect(placeRequest({ status: 400, code: 'INVALID_PATH' })).toEqual({ kind: 'stopped', layer: 1 });
  });

  it('tells the gateway’s token, CSRF and validation checks (3) from identity (5) and the mTLS allow-list (2)', () => {
    expect(placeRequest({ status: 401, code: 'UNAUTHENTICATED' })).toEqual({ kind: 'stopped', layer: 3 });
    expect(placeRequest({ status: 403, code: 'CSRF_REJECTED' })).toEqual({ kind: 'stopped', layer: 3 });
    for (const status of [400, 409, 413, 415, 422]) expect(placeRequest({ status, code: 'X' })).toEqual({ kind: 'stopped', layer: 3 });
    expect(placeRequest({ status: 404, code: 'ORDER_NOT_FOUND' })).toEqual({ kind: 'stopped', layer: 3 });
    expect(placeRequest({ status: 401, code: 'MFA_CODE_INVALID' })).toEqual({ kind: 'stopped', layer: 5 });
    expect(placeRequest({ status: 403, code: 'FORBIDDEN' })).toEqual({ kind: 'stopped', layer: 5 });
    expect(placeRequest({ status: 423, code: 'ACCOUNT_LOCKED' })).toEqual({ kind: 'stopped', layer: 5 });
    expect(placeRequest({ status: 403, code: 'CLIENT_NOT_ALLOWED' })).toEqual({ kind: 'stopped', layer: 2 });
  });

  it('lets answers through every layer and leaves server errors and closed connections unplaced', () => {
    expect(placeRequest({ status: 200 })).toEqual({ kind: 'through' });
    expect(placeRequest({ status: 201 })).toEqual({ kind: 'through' });
    expect(placeRequest({ status: 500, code: 'INTERNAL' })).toEqual({ kind: 'unanswered' });
    expect(placeRequest({ status: 0 })).toEqual({ kind: 'unanswered' });
    expect(describeOutcome({ kind: 'stopped', layer: 3 })).toBe('passed 1–2, stopped at 3 Service protection');
    expect(describeOutcome({ kind: 'stopped', layer: 1 })).toBe('stopped at 1 Edge shield');
  });
});

describe('placing an event in its layer', () => {
  it('follows the defence that sent it', () => {
    expect(placeEvent(event('edge.waf.blocked'))).toBe(1);
    expect(placeEvent(event('edge.rate_limited'))).toBe(1);
    expect(placeEvent(event('edge.token.refused'))).toBe(3);
    expect(placeEvent(event('access.permission.denied', 'blocked', { clientIdentity: 'catalog', route: '/cards' }))).toBe(2);
    expect(placeEvent(event('vault.card.tokenized', 'success'))).toBe(4);
    expect(placeEvent(event('kms.key.rotated', 'success'))).toBe(4);
    expect(placeEvent(event('auth.login.failed', 'failure'))).toBe(5);
    expect(placeEvent(event('access.permission.denied', 'blocked', { permission: 'orders:read:any' }))).toBe(5);
    expect(placeEvent(event('order.held_for_review', 'success'))).toBe(6);
  });
});

describe('tracing a run through the six layers', () => {
  it('a WAF block: layer 1 stopped with the refused requests and events, the rest not reached, the monitor watched', () => {
    const requests = [request(403, 'REQUEST_BLOCKED', { reference: 'EDGE-ABCD1234' }), request(403, 'REQUEST_BLOCKED'), request(200)]; // the last is the honest control search
    const events = [event('edge.waf.blocked'), event('edge.waf.blocked')];
    const running = traceRun(run({ requests, requestCount: 3 }), events, []);
    expect(states(running)).toEqual(['stopped', 'not-reached', 'not-reached', 'not-reached', 'not-reached', 'watched']);
    expect(running.lanes[0].requests).toHaveLength(2);
    expect(running.lanes[0].events.map((e) => e.type)).toEqual(['edge.waf.blocked', 'edge.waf.blocked']);
    expect(running.verdict).toBeNull();
    expect(describeLane(running.lanes[0])).toBe('Stopped here: 2 requests refused, 2 events');

    const finished = traceRun(run({ requests, requestCount: 3, state: 'finished', result: { verdict: 'stopped', stoppedBy: { number: 1, name: 'Edge shield' }, evidence: 'all 403', attackerGot: '' } }), events, []);
    expect(finished.lanes[0]).toMatchObject({ state: 'stopped', credited: true });
    expect(finished.verdict).toMatchObject({ verdict: 'stopped', stoppedBy: { number: 1 }, asExpected: true });
  });

  it('a permission refusal: layers 1–4 passed, identity stopped, the denial event in layer 5', () => {
    const requests = [request(200, undefined, { path: '/api/auth/login', method: 'POST' }), request(403, 'FORBIDDEN', { path: '/api/admin/orders' })];
    const events = [event('auth.login.succeeded', 'success'), event('access.permission.denied', 'blocked', { permission: 'orders:read:any' })];
    const trace = traceRun(
      run({ expectedLayer: { number: 5, name: 'Identity' }, requests, requestCount: 2, state: 'finished', result: { verdict: 'stopped', stoppedBy: { number: 5, name: 'Identity' }, evidence: '403', attackerGot: '' } }),
      events,
      [],
    );
    expect(states(trace)).toEqual(['passed', 'passed', 'passed', 'passed', 'stopped', 'watched']);
    expect(trace.lanes[4].events.map((e) => e.type)).toEqual(['auth.login.succeeded', 'access.permission.denied']);
    expect(trace.lanes[4].requests.map((r) => r.code)).toEqual(['FORBIDDEN']);
  });

  it('an attack that got through: every layer passed, no lane stopped, whatever was refused on the way', () => {
    const alerts: LabAlert[] = [{ id: 'a1', rule: 'payments.velocity', severity: 'high', summary: 'six cards', raisedAt: '2026-11-25T10:00:05.000Z', eventIds: ['e1'], responses: [] }];
    const requests = [request(201, undefined, { method: 'POST', path: '/api/payments/cards' }), request(400, 'VALIDATION_FAILED')];
    const trace = traceRun(
      run({ expectedLayer: { number: 6, name: 'Monitoring' }, requests, requestCount: 2, state: 'finished', result: { verdict: 'through', evidence: 'no lock', attackerGot: 'six cards' } }),
      [event('vault.card.tokenized', 'success')],
      alerts,
    );
    expect(states(trace)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed', 'watched']);
    expect(trace.lanes.some((lane) => lane.credited)).toBe(false);
    expect(trace.lanes[5].alerts).toEqual(alerts);
    expect(trace.verdict).toMatchObject({ verdict: 'through', stoppedBy: null, asExpected: false });
  });

  it('a run with no gateway traffic (a direct service call): only the runner’s verdict places the stop', () => {
    const direct = run({ scenario: 'direct-service-call', expectedLayer: { number: 2, name: 'Private network' } });
    expect(states(traceRun(direct, [], []))).toEqual(['not-reached', 'not-reached', 'not-reached', 'not-reached', 'not-reached', 'not-reached']);
    const finished = traceRun({ ...direct, state: 'finished', result: { verdict: 'stopped', stoppedBy: { number: 2, name: 'Private network' }, evidence: 'certificate required', attackerGot: '' } }, [], []);
    expect(states(finished)).toEqual(['passed', 'stopped', 'not-reached', 'not-reached', 'not-reached', 'not-reached']);
    expect(finished.lanes[1]).toMatchObject({ credited: true, requests: [], events: [] });
    expect(finished.requests).toEqual([]);
  });

  it('a refusal before the credited layer stays stopped and the lanes between are passed (forged tokens: 401 at the gateway, credited to identity)', () => {
    const trace = traceRun(
      run({ expectedLayer: { number: 5, name: 'Identity' }, requests: [request(401, 'UNAUTHENTICATED')], requestCount: 1, state: 'finished', result: { verdict: 'stopped', stoppedBy: { number: 5, name: 'Identity' }, evidence: '401', attackerGot: '' } }),
      [event('edge.token.refused')],
      [],
    );
    expect(states(trace)).toEqual(['passed', 'passed', 'stopped', 'passed', 'stopped', 'watched']);
    expect(trace.lanes[4].credited).toBe(true);
  });

  it('an inconclusive run credits no layer', () => {
    const trace = traceRun(run({ state: 'finished', result: { verdict: 'inconclusive', evidence: 'could not sign in', attackerGot: '' } }), [], []);
    expect(trace.verdict).toMatchObject({ verdict: 'inconclusive', stoppedBy: null, asExpected: false });
    expect(trace.lanes.every((lane) => lane.state === 'not-reached')).toBe(true);
  });
});
