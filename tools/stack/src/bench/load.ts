import { performance } from 'node:perf_hooks';

export interface LoadResult {
  label: string;
  operations: number;
  failures: number;
  seconds: number;
  latenciesMs: number[];
}

/**
 * Runs `workers` concurrent loops of `operation` for `seconds` and records
 * each operation's latency. A failed operation counts, and does not stop the run.
 */
export async function runLoad(label: string, workers: number, seconds: number, operation: (worker: number) => Promise<boolean>): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  let failures = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const ok = await operation(worker).catch(() => false);
        latenciesMs.push(performance.now() - t0);
        if (!ok) failures++;
      }
    }),
  );
  return { label, operations: latenciesMs.length, failures, seconds: (performance.now() - started) / 1000, latenciesMs };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function summarize(result: LoadResult) {
  return {
    perSecond: result.operations / result.seconds,
    p50: percentile(result.latenciesMs, 50),
    p99: percentile(result.latenciesMs, 99),
  };
}
