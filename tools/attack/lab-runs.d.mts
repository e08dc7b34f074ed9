// Types for the TypeScript callers of lab-runs.mjs (its spec, the e2e spec).
import type { AttackResult, Exchange, Layer, Scenario } from './runner.mjs';

export const KEPT_RUNS: number;
export const SHOWN_REQUESTS: number;
export const KEPT_LOG_LINES: number;

export class LabError extends Error {
  status: number;
  code: string;
}

export interface RunView {
  id: string;
  scenario: string;
  title: string;
  expectedLayer: Layer;
  stoppedMeans: string;
  state: 'running' | 'finished';
  startedAt: string;
  finishedAt?: string;
  correlationPrefix: string;
  requests: Exchange[];
  requestCount: number;
  log: string[];
  result?: { verdict: 'stopped' | 'through' | 'inconclusive'; stoppedBy?: Layer; evidence: string; attackerGot: string };
}

export interface RunRecorder {
  correlationPrefix: string;
  nextCorrelationId(): string;
  onExchange(exchange: Exchange): void;
  log(line: string): void;
}

export type ScenarioLike = Pick<Scenario, 'id' | 'title' | 'layer' | 'stoppedMeans'>;

export function scenarioToLaunch<S extends ScenarioLike>(body: unknown, scenarios: S[]): S;

export class LabRuns<S extends ScenarioLike = Scenario> {
  constructor(options: { scenarios: S[]; execute: (scenario: S, recorder: RunRecorder) => Promise<Pick<AttackResult, 'verdict' | 'stoppedBy' | 'evidence' | 'attackerGot'>>; newId?: () => string; now?: () => Date });
  launch(body: unknown): RunView;
  find(id: string): RunView;
}
