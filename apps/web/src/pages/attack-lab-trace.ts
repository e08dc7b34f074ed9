import type { LabAlert, LabEvent, LabLayer, LabRequest, LabRun, LabVerdict } from '../api/attack-lab';

/** The six layers of the README, by number (tools/attack/layers.mjs names them the same way). */
export const ATTACK_LAYERS: readonly LabLayer[] = [
  { number: 1, name: 'Edge shield' },
  { number: 2, name: 'Private network' },
  { number: 3, name: 'Service protection' },
  { number: 4, name: 'Encryption' },
  { number: 5, name: 'Identity' },
  { number: 6, name: 'Monitoring' },
];

const MONITORING = 6;

/**
 * passed: the attack went through this layer (or on past it); stopped: this
 * layer refused it (or the runner credits it with the stop); not-reached:
 * the attack never got this far; watched: the monitor recorded the run's
 * events without being the layer that stopped it.
 */
export type LaneState = 'passed' | 'stopped' | 'not-reached' | 'watched';

/** Where one request ended: refused by a layer, answered after passing them all, or no answer from any defence. */
export type RequestOutcome = { kind: 'stopped'; layer: number } | { kind: 'through' } | { kind: 'unanswered' };

export interface TracedRequest extends LabRequest {
  outcome: RequestOutcome;
}

export interface TracedEvent extends LabEvent {
  layer: number;
  /** A defence said no (a block, a refused token, a failed sign-in, a permission denial). */
  refusal: boolean;
}

export interface Lane extends LabLayer {
  state: LaneState;
  /** The runner's verdict names this layer as the one that stopped the attack. */
  credited: boolean;
  requests: TracedRequest[];
  events: TracedEvent[];
  alerts: LabAlert[];
}

export interface RunTrace {
  lanes: Lane[];
  requests: TracedRequest[];
  events: TracedEvent[];
  /** Null while the runner has no result yet. */
  verdict: { verdict: LabVerdict; stoppedBy: LabLayer | null; expected: LabLayer; asExpected: boolean } | null;
}

// 403s whose code names the gateway's own checks; any other 403 is a service's permission guard (layer 5).
const EDGE_SHIELD_CODES = new Set(['REQUEST_BLOCKED', 'SOURCE_BLOCKED']);
const CSRF_CODES = new Set(['CSRF_REJECTED', 'ORIGIN_NOT_ALLOWED']);

/**
 * The layer that answered a refused request, from its status and code as the
 * gateway and the services send them (apps/gateway/src/proxy/proxy.errors.ts,
 * edge/edge.errors.ts, libs/platform/http/src/to-api-error.ts, the auth errors)
 * and as the attack scenarios in e2e/attacks expect them.
 */
export function placeRequest(request: Pick<LabRequest, 'status' | 'code'>): RequestOutcome {
  const { status, code = '' } = request;
  if (status >= 200 && status < 400) return { kind: 'through' };
  // No status (connection closed, timed out) or a server error: no defence answered it, so it is not placed in a lane.
  if (!(status >= 400 && status < 500)) return { kind: 'unanswered' };
  return { kind: 'stopped', layer: refusingLayer(status, code) };
}

function refusingLayer(status: number, code: string): number {
  switch (status) {
    case 403:
      // The WAF and the blocklist refuse at the edge shield, before any route is matched.
      if (EDGE_SHIELD_CODES.has(code)) return 1;
      // A valid client certificate off a door's allow-list: the private network's per-route mTLS check.
      if (code === 'CLIENT_NOT_ALLOWED') return 2;
      // CSRF header and Origin on cookie routes are the README's layer 3.
      if (CSRF_CODES.has(code)) return 3;
      // FORBIDDEN (a permission none of the caller's roles grants) and STEP_UP_REQUIRED (no fresh second factor).
      return 5;
    case 429: // the rate-limit tiers; the attack catalog credits scraping and floods to the edge shield
    case 408: // the header timeout against slow-loris
    case 431: // the 16 KiB header cap
      return 1;
    case 404:
      // The gateway's own NOT_FOUND: only listed routes are proxied (edge shield). A service's ORDER_NOT_FOUND is its ownership check.
      return code === 'NOT_FOUND' ? 1 : 3;
    case 400:
      // INVALID_PATH: the gateway refuses dot segments and encoded slashes before routing.
      return code === 'INVALID_PATH' ? 1 : 3;
    case 401:
      // UNAUTHENTICATED is the gateway's token check (README layer 3); auth's own 401s
      // (INVALID_CREDENTIALS, MFA_CODE_INVALID, REFRESH_TOKEN_REUSED) are identity refusing.
      return code === 'UNAUTHENTICATED' ? 3 : 5;
    case 423: // ACCOUNT_LOCKED: the sign-in protection (or the monitor through it) locked the account
      return 5;
    default:
      // 409, 413, 415, 422 and the rest: the service's strict validation and its own state checks.
      return 3;
  }
}

// The events a defence sends when it says no; the others record something that was allowed (a sign-in, a tokenized card).
const REFUSAL_TYPES = new Set(['edge.waf.blocked', 'edge.rate_limited', 'edge.token.refused', 'auth.login.failed', 'auth.mfa.failed', 'auth.account.locked', 'access.permission.denied']);

/** The lane an event belongs in (libs/platform/events/src/security-event.types.ts lists every type). */
export function placeEvent(event: Pick<LabEvent, 'type' | 'details'>): number {
  const { type } = event;
  // The gateway's WAF and blocklist, and its rate-limit tiers (credited to the edge shield like the 429s above).
  if (type === 'edge.waf.blocked' || type === 'edge.rate_limited') return 1;
  // The gateway's bearer-token check, the README's layer 3.
  if (type === 'edge.token.refused') return 3;
  if (type === 'access.permission.denied') {
    // The mTLS allow-list guard names the client identity (a certificate); the permission guard names a user's permission.
    const details: unknown = event.details;
    return typeof details === 'object' && details !== null && 'clientIdentity' in details ? 2 : 5;
  }
  // Sign-ins, second factors, locks and access reviews are identity's.
  if (type.startsWith('auth.') || type.startsWith('access.')) return 5;
  // The vault and the KMS: card data under per-card keys.
  if (type.startsWith('vault.') || type.startsWith('kms.')) return 4;
  // Everything else (an order held for review, an order placed, a config change) is what the monitor watches.
  return MONITORING;
}

/**
 * The run as six lanes. Refusals decide the picture: a lane that refused a
 * request (or sent a refusal event) is stopped, and so is the layer the
 * runner's result credits; lanes before the first stop are passed, lanes
 * after the last are not reached. Answered requests (a scenario's controls,
 * such as the honest search beside the WAF payloads) do not move the
 * picture while something was stopped. The monitoring lane is watched when
 * the monitor recorded anything for the run (every event shown came through it).
 */
export function traceRun(run: LabRun, events: readonly LabEvent[], alerts: readonly LabAlert[]): RunTrace {
  const requests = run.requests.map((request) => ({ ...request, outcome: placeRequest(request) }));
  const traced = events.map((event) => ({ ...event, layer: placeEvent(event), refusal: REFUSAL_TYPES.has(event.type) }));
  const result = run.result;
  const credited = result?.verdict === 'stopped' ? (result.stoppedBy ?? run.expectedLayer).number : null;

  const stops = new Set<number>();
  // An attack that got through was stopped by no layer, whatever a layer refused on the way.
  if (result?.verdict !== 'through') {
    for (const r of requests) if (r.outcome.kind === 'stopped') stops.add(r.outcome.layer);
    for (const e of traced) if (e.refusal) stops.add(e.layer);
    if (credited !== null) stops.add(credited);
  }
  const first = stops.size ? Math.min(...stops) : null;
  const last = stops.size ? Math.max(...stops) : null;
  const anyThrough = requests.some((r) => r.outcome.kind === 'through');
  const monitorSaw = traced.length > 0 || alerts.length > 0;

  const lanes = ATTACK_LAYERS.map((layer): Lane => {
    let state: LaneState;
    if (stops.has(layer.number)) state = 'stopped';
    else if (layer.number === MONITORING && monitorSaw) state = 'watched';
    else if (first !== null && last !== null) state = layer.number < last ? 'passed' : 'not-reached';
    // Nothing stopped (yet): the lanes are passed once a request got through them all.
    else state = anyThrough || result?.verdict === 'through' ? 'passed' : 'not-reached';
    return {
      ...layer,
      state,
      credited: credited === layer.number,
      requests: requests.filter((r) => r.outcome.kind === 'stopped' && r.outcome.layer === layer.number),
      events: traced.filter((e) => e.layer === layer.number),
      alerts: layer.number === MONITORING ? [...alerts] : [],
    };
  });

  const stoppedBy = credited === null ? null : (ATTACK_LAYERS.find((l) => l.number === credited) ?? null);
  const verdict = result ? { verdict: result.verdict, stoppedBy, expected: run.expectedLayer, asExpected: result.verdict === 'stopped' && credited === run.expectedLayer.number } : null;
  return { lanes, requests, events: traced, verdict };
}

/** "stopped at 1 Edge shield" / "passed all six layers" / "no answer", for a request's row. */
export function describeOutcome(outcome: RequestOutcome): string {
  if (outcome.kind === 'through') return 'answered: passed every layer';
  if (outcome.kind === 'unanswered') return 'no answer from a defence';
  const layer = ATTACK_LAYERS[outcome.layer - 1];
  const passed = outcome.layer > 1 ? `passed 1–${outcome.layer - 1}, ` : '';
  return `${passed}stopped at ${layer.number} ${layer.name}`;
}

/** The lane's status line, read out by screen readers when it changes. */
export function describeLane(lane: Lane): string {
  const counts = [
    lane.requests.length ? plural(lane.requests.length, 'request') + ' refused' : '',
    lane.events.length ? plural(lane.events.length, 'event') : '',
    lane.alerts.length ? plural(lane.alerts.length, 'alert') : '',
  ].filter(Boolean);
  const state = { passed: 'Passed', stopped: 'Stopped here', 'not-reached': 'Not reached', watched: 'Watched' }[lane.state];
  const credit = lane.credited ? ' (the verdict’s layer)' : '';
  return counts.length ? `${state}${credit}: ${counts.join(', ')}` : `${state}${credit}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
