// Types for the TypeScript callers of runner.mjs (the e2e spec, the catalog spec).
export interface Layer {
  number: number;
  name: string;
}

export interface Scenario {
  id: string;
  title: string;
  layer: Layer;
  stoppedMeans: string;
  order: number;
  file: string;
}

export interface AttackResult {
  id: string;
  title: string;
  layer: Layer;
  verdict: 'stopped' | 'through' | 'inconclusive';
  stoppedBy?: Layer;
  evidence: string;
  attackerGot: string;
  ms: number;
}

export interface RunOptions {
  baseUrl: string;
  ca: string;
  tlsDir?: string;
  vaultUrl: string;
  serviceUrls: Record<string, string>;
  vaultDatabaseUrl?: string;
  localAddress?: string;
  sourceAddresses?: string[];
  log?: (message: string) => void;
  /** The attack lab's tagging of every request (correlation ids) and its live trace; see http.mjs. */
  trace?: ExchangeTrace;
}

export interface Exchange {
  at: string;
  method: string;
  path: string;
  /** 0 when no answer came. */
  status: number;
  code?: string;
  reference?: string;
  correlationId?: string;
}

export interface ExchangeTrace {
  nextCorrelationId(): string;
  onExchange(exchange: Exchange): void;
}

export interface OpenedRun {
  ctx: unknown;
  close(): Promise<void>;
}

export const SCENARIO_DIR: string;
export function loadScenarios(only?: Set<string>): Promise<Scenario[]>;
export function openRun(options: RunOptions): OpenedRun;
export function runOne(scenario: Scenario, ctx: unknown): Promise<AttackResult>;
export function runAttacks(scenarios: Scenario[], options: RunOptions, onProgress?: (progress: { index: number; scenario: Scenario; result?: AttackResult }) => void): Promise<AttackResult[]>;
export function serviceUrlsFor(baseUrl: string): Record<string, string>;
export function isLoopback(baseUrl: string): boolean;
export function loopbackAddresses(first: number, count: number): string[];
