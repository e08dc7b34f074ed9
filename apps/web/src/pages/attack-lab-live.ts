import type { LabAlert, LabEvents, LabRun } from '../api/attack-lab';
import { h, mount } from '../dom';
import { formatTime } from '../format';
import { ATTACK_LAYERS, describeLane, describeOutcome, type Lane, type RunTrace, type TracedEvent, type TracedRequest, traceRun } from './attack-lab-trace';

/** Items shown per lane (the list scrolls); the request table below and the security desk keep the rest. */
const LANE_ITEM_LIMIT = 40;

export interface LivePanel {
  element: HTMLElement;
  /** Starts a new run's trace (clears the last one and moves focus to the panel). */
  begin(run: LabRun): void;
  show(run: LabRun, events: LabEvents): void;
}

/**
 * The live trace of one launched run: six lanes from the edge to the
 * monitor, each with the requests it refused and the events and alerts the
 * monitor recorded in it, then every request with its path through the
 * layers, the runner's log and, at the end, its verdict. Elements are built
 * once and updated in place, so the lanes' live status lines are only read
 * out when they change.
 */
export function livePanel(): LivePanel {
  const heading = h('h2', { tabindex: -1, id: 'lab-live-heading' }, 'Live trace');
  const status = h('p', { class: 'muted', 'data-testid': 'lab-run-status', 'aria-live': 'polite' });
  const lanes = ATTACK_LAYERS.map((layer) => laneView(layer.number, layer.name));
  const verdict = h('div', { class: 'lab-verdict', 'data-testid': 'lab-verdict', 'aria-live': 'polite' });
  const requestsHeading = h('h3', null, 'Requests');
  const requests = h('tbody');
  const log = h('ol', { class: 'lab-log', 'data-testid': 'lab-log' });
  const element = h(
    'section',
    { class: 'card lab-live', 'data-testid': 'lab-live', 'aria-labelledby': 'lab-live-heading', hidden: true },
    heading,
    status,
    h('ol', { class: 'lab-lanes', 'aria-label': 'The six layers, from the edge to the monitor' }, lanes.map((lane) => lane.element)),
    verdict,
    requestsHeading,
    h(
      'div',
      { class: 'lab-table-wrap' },
      h(
        'table',
        { class: 'alert-table', 'data-testid': 'lab-requests' },
        h('thead', null, h('tr', null, ['Time', 'Request', 'Status', 'Code', 'Reference', 'Through the layers'].map((label) => h('th', { scope: 'col' }, label)))),
        requests,
      ),
    ),
    h('h3', null, 'Runner log'),
    log,
  );

  return {
    element,
    begin(run) {
      element.hidden = false;
      heading.textContent = `Live trace: ${run.title}`;
      element.setAttribute('data-correlation-prefix', run.correlationPrefix);
      mount(verdict);
      verdict.className = 'lab-verdict';
      verdict.removeAttribute('data-verdict');
      delete verdict.dataset.shown;
      heading.focus();
    },
    show(run, events) {
      const trace = traceRun(run, events.items, events.alerts);
      setText(status, runStatus(run, events));
      trace.lanes.forEach((lane, index) => lanes[index].update(lane));
      requestsHeading.textContent = run.requestCount > run.requests.length ? `Requests (the last ${run.requests.length} of ${run.requestCount})` : `Requests (${run.requestCount})`;
      mount(requests, trace.requests.map(requestRow));
      mount(log, run.log.map((line) => h('li', null, line)));
      showVerdict(verdict, run, trace);
    },
  };
}

function laneView(number: number, name: string): { element: HTMLElement; update: (lane: Lane) => void } {
  const status = h('p', { class: 'lab-lane-status', 'data-testid': 'lab-lane-status', 'aria-live': 'polite' }, 'Waiting');
  const items = h('ul', { class: 'lab-lane-items' });
  const element = h('li', { class: 'lab-lane', 'data-testid': 'lab-lane', 'data-layer': number, 'data-state': 'not-reached' }, h('h3', null, `${number} · ${name}`), status, items);
  return {
    element,
    update(lane) {
      element.setAttribute('data-state', lane.state);
      element.classList.toggle('lab-lane-credited', lane.credited);
      setText(status, describeLane(lane));
      // In time order, so a refused request and the event its refusal raised sit next to each other.
      const all = [
        ...lane.requests.map((r) => ({ at: r.at, element: laneRequest(r) })),
        ...lane.events.map((e) => ({ at: e.occurredAt, element: laneEvent(e) })),
        ...lane.alerts.map((a) => ({ at: a.raisedAt, element: laneAlert(a) })),
      ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
      const more = all.length - LANE_ITEM_LIMIT;
      mount(
        items,
        all.slice(0, LANE_ITEM_LIMIT).map((item) => item.element),
        more > 0 ? h('li', { class: 'muted' }, `and ${more} more`) : null,
      );
    },
  };
}

function laneRequest(request: TracedRequest): HTMLElement {
  return h(
    'li',
    { class: 'lab-item lab-item-request', 'data-testid': 'lab-lane-request' },
    h('span', { class: 'lab-item-kind' }, 'request'),
    ` ${request.method} `,
    h('code', null, request.path),
    ` → ${request.status}${request.code ? ` ${request.code}` : ''}${request.reference ? ` ${request.reference}` : ''}`,
  );
}

function laneEvent(event: TracedEvent): HTMLElement {
  return h(
    'li',
    { class: 'lab-item lab-item-event', 'data-testid': 'lab-event', 'data-type': event.type },
    h('span', { class: 'lab-item-kind' }, 'event'),
    ' ',
    h('strong', null, event.type),
    ` ${event.outcome} · ${event.service} · ${formatTime(event.occurredAt)}`,
    event.correlationId ? h('code', { class: 'lab-correlation' }, event.correlationId) : null,
  );
}

function laneAlert(alert: LabAlert): HTMLElement {
  return h(
    'li',
    { class: 'lab-item lab-item-alert', 'data-testid': 'lab-alert', 'data-rule': alert.rule },
    h('span', { class: `severity severity-${alert.severity}` }, alert.severity),
    ' ',
    h('strong', null, alert.rule),
    ` ${formatTime(alert.raisedAt)}: ${alert.summary}`,
    alert.responses.length ? h('span', { class: 'muted' }, ` (${alert.responses.map((r) => `${r.action}: ${r.outcome}`).join(', ')})`) : null,
  );
}

function requestRow(request: TracedRequest): HTMLElement {
  const stoppedAt = request.outcome.kind === 'stopped' ? String(request.outcome.layer) : request.outcome.kind;
  return h(
    'tr',
    { 'data-testid': 'lab-request', 'data-status': request.status, 'data-stopped-at': stoppedAt, 'data-correlation-id': request.correlationId },
    h('td', null, formatTime(request.at)),
    h('td', null, `${request.method} `, h('code', null, request.path)),
    h('td', null, String(request.status)),
    h('td', null, request.code ?? '—'),
    h('td', null, request.reference ?? '—'),
    h('td', null, describeOutcome(request.outcome)),
  );
}

function runStatus(run: LabRun, events: LabEvents): string {
  const counts = `${run.requestCount} requests, ${events.items.length} events, ${events.alerts.length} alerts (correlation ids ${run.correlationPrefix}-…)`;
  if (run.state === 'running') return `Running since ${formatTime(run.startedAt)}: ${counts} so far.`;
  return `Finished at ${formatTime(run.finishedAt ?? run.startedAt)}: ${counts}. Events still queued reach the monitor within seconds.`;
}

const VERDICT_WORDS = { stopped: 'Stopped', through: 'Got through', inconclusive: 'Inconclusive' } as const;

function showVerdict(element: HTMLElement, run: LabRun, trace: RunTrace): void {
  const result = run.result;
  if (!result || !trace.verdict) return;
  const { stoppedBy, expected, asExpected } = trace.verdict;
  element.setAttribute('data-verdict', result.verdict);
  element.className = `lab-verdict lab-verdict-${result.verdict}`;
  const byWhom = stoppedBy ? ` by layer ${stoppedBy.number} ${stoppedBy.name}` : '';
  const expectation = result.verdict === 'stopped' && !asExpected ? ` (the scenario expected layer ${expected.number} ${expected.name})` : '';
  const key = `${result.verdict}|${byWhom}|${result.evidence}|${result.attackerGot}`;
  // Re-mounting the same verdict on every settle poll would make screen readers read it again.
  if (element.dataset.shown === key) return;
  element.dataset.shown = key;
  mount(
    element,
    h('h3', null, 'Verdict: ', h('span', { 'data-testid': 'lab-verdict-word' }, result.verdict), ` · ${VERDICT_WORDS[result.verdict]}${byWhom}${expectation}`),
    h('p', { class: 'muted' }, `Stopped means: ${run.stoppedMeans}`),
    h('h4', null, 'Evidence'),
    h('pre', { class: 'lab-evidence', 'data-testid': 'lab-evidence' }, result.evidence || '—'),
    result.attackerGot ? [h('h4', null, 'What the attacker got'), h('pre', { class: 'lab-evidence lab-evidence-through' }, result.attackerGot)] : null,
  );
}

function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}
