// The attack lab's runs, without HTTP: what may be launched, one run at a
// time (by design: a person watches one attack pass through the layers, and
// two at once would mix their blocks and budgets), and what a run looks like
// to the web page. lab-server.mjs puts HTTP in front of it.
import { randomBytes } from 'node:crypto';
import { LAYERS } from './layers.mjs';
import { scrubPans, scrubPath } from './pan-scrubber.mjs';

/** Runs kept for GET after they finish; older ones are forgotten. */
export const KEPT_RUNS = 20;
/** Requests a run view lists (the last ones); requestCount says how many there were. */
export const SHOWN_REQUESTS = 200;
/** Progress lines a run view keeps (the last ones). */
export const KEPT_LOG_LINES = 200;

const RUN_ID = /^[0-9a-f]{8}$/;
const SCENARIO_ID = /^[a-z0-9-]{1,64}$/;

/** A refusal the server answers as { error: { code, message } }. */
export class LabError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** The scenario a POST /runs body names: exactly `{ "scenario": "<known id>" }`. */
export function scenarioToLaunch(body, scenarios) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new LabError(400, 'VALIDATION_FAILED', 'The body must be a JSON object: {"scenario": "<id>"}.');
  const extra = Object.keys(body).filter((key) => key !== 'scenario');
  if (extra.length) throw new LabError(400, 'VALIDATION_FAILED', `Unexpected field(s): ${extra.join(', ')}; the body is {"scenario": "<id>"}.`);
  const id = body.scenario;
  if (typeof id !== 'string' || !SCENARIO_ID.test(id)) throw new LabError(400, 'VALIDATION_FAILED', 'scenario must be a scenario id: 1–64 lower-case letters, digits or dashes.');
  const scenario = scenarios.find((s) => s.id === id);
  if (!scenario) throw new LabError(400, 'VALIDATION_FAILED', `There is no scenario "${id}" in e2e/attacks.`);
  return scenario;
}

const layerOf = (layer) => ({ number: layer.number, name: LAYERS[layer.number] ?? layer.name });

/**
 * The runs of one lab. `execute(scenario, recorder)` carries a scenario out
 * and resolves with the harness's result ({ verdict, stoppedBy, evidence,
 * attackerGot }); the recorder gives it the run's correlation ids and takes
 * its exchanges and progress lines.
 */
export class LabRuns {
  constructor({ scenarios, execute, newId = () => randomBytes(4).toString('hex'), now = () => new Date() }) {
    this.scenarios = scenarios;
    this.execute = execute;
    this.newId = newId;
    this.now = now;
    /** @type {Map<string, object>} newest last */
    this.runs = new Map();
    this.running = undefined;
  }

  /** Starts a run of the scenario `body` names; 409 ATTACK_LAB_BUSY while another is running. */
  launch(body) {
    const scenario = scenarioToLaunch(body, this.scenarios);
    if (this.running) throw new LabError(409, 'ATTACK_LAB_BUSY', `The lab runs one attack at a time; run ${this.running.id} (${this.running.scenario.id}) is still going.`);
    let id = this.newId();
    while (this.runs.has(id)) id = this.newId();
    const run = { id, scenario, startedAt: this.now(), requests: [], requestCount: 0, log: [], result: undefined, finishedAt: undefined };
    // The gateway believes any caller's x-correlation-id, so a prefix anyone could guess would let them plant
    // events in an analyst's trace: 96 random bits, shown to nobody but the analysts following the run.
    run.correlationPrefix = `lab-${id}${randomBytes(8).toString('hex')}`;
    this.running = run;
    this.runs.set(id, run);
    while (this.runs.size > KEPT_RUNS) this.runs.delete(this.runs.keys().next().value);
    let n = 0;
    const recorder = {
      correlationPrefix: run.correlationPrefix,
      nextCorrelationId: () => `${run.correlationPrefix}-${++n}`,
      onExchange: (exchange) => {
        run.requestCount += 1;
        run.requests.push({ ...exchange, path: scrubPath(exchange.path) });
        if (run.requests.length > SHOWN_REQUESTS) run.requests.shift();
      },
      log: (line) => {
        run.log.push(scrubPans(line));
        if (run.log.length > KEPT_LOG_LINES) run.log.shift();
      },
    };
    let outcome;
    try {
      outcome = Promise.resolve(this.execute(scenario, recorder));
    } catch (error) {
      outcome = Promise.reject(error);
    }
    run.done = outcome
      .catch((error) => ({ verdict: 'inconclusive', evidence: `could not carry out the attack: ${error?.message ?? String(error)}`, attackerGot: '' }))
      .then((result) => {
        run.result = {
          verdict: result.verdict,
          // Which layer's refusal the evidence shows: the one the scenario names unless it says otherwise (as in report.mjs).
          ...(result.verdict === 'stopped' ? { stoppedBy: layerOf(result.stoppedBy ?? scenario.layer) } : {}),
          evidence: scrubPans(result.evidence ?? ''),
          attackerGot: scrubPans(result.attackerGot ?? ''),
        };
        run.finishedAt = this.now();
        if (this.running === run) this.running = undefined;
      });
    return this.view(run);
  }

  /** The run with this id; 404 RUN_NOT_FOUND for an unknown or forgotten one. */
  find(id) {
    const run = typeof id === 'string' && RUN_ID.test(id) ? this.runs.get(id) : undefined;
    if (!run) throw new LabError(404, 'RUN_NOT_FOUND', `There is no run ${String(id).slice(0, 64)} (the lab keeps the last ${KEPT_RUNS}).`);
    return this.view(run);
  }

  /** What the web page sees of a run. */
  view(run) {
    return {
      id: run.id,
      scenario: run.scenario.id,
      title: run.scenario.title,
      expectedLayer: layerOf(run.scenario.layer),
      stoppedMeans: run.scenario.stoppedMeans,
      state: run.result ? 'finished' : 'running',
      startedAt: run.startedAt.toISOString(),
      ...(run.finishedAt ? { finishedAt: run.finishedAt.toISOString() } : {}),
      correlationPrefix: run.correlationPrefix,
      requests: run.requests.map((r) => ({ ...r })),
      requestCount: run.requestCount,
      log: [...run.log],
      ...(run.result ? { result: { ...run.result } } : {}),
    };
  }
}
