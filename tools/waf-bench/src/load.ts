import { performance } from 'node:perf_hooks';
import type { CorpusEntry } from './corpus';
import { dispatcherFor, send, type HttpTarget } from './http-client';

export interface LoadResult {
  readonly label: string;
  readonly requests: number;
  readonly seconds: number;
  readonly latencies: readonly number[];
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly statuses: Record<string, number>;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * `concurrency` keep-alive connections, each sending the request mix back to back for
 * `seconds` (an undici loop, as autocannon is not installed). Prints requests/s each second.
 */
export async function runLoad(target: HttpTarget, mix: readonly CorpusEntry[], concurrency: number, seconds: number): Promise<LoadResult> {
  const dispatcher = dispatcherFor(target, concurrency);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let cursor = 0;
  let lastCount = 0;
  const ticker = setInterval(() => {
    process.stdout.write(`  ${target.label}: ${latencies.length - lastCount} req/s\n`);
    lastCount = latencies.length;
  }, 1000);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const entry = mix[cursor++ % mix.length];
        const t0 = performance.now();
        const status = await send(dispatcher, entry);
        latencies.push(performance.now() - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  clearInterval(ticker);
  const elapsed = (performance.now() - started) / 1000;
  await dispatcher.close();
  return summarize(target.label, latencies, elapsed, statuses);
}

function summarize(label: string, latencies: number[], seconds: number, statuses: Record<string, number>): LoadResult {
  latencies.sort((a, b) => a - b);
  return { label, requests: latencies.length, seconds, latencies, perSecond: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), statuses };
}

/** Adds up runs of the same target (the benchmark alternates targets so both see the same background load). */
export function mergeLoads(runs: readonly LoadResult[]): LoadResult {
  const statuses: Record<string, number> = {};
  for (const run of runs) for (const [status, n] of Object.entries(run.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
  return summarize(runs[0].label, runs.flatMap((r) => [...r.latencies]), runs.reduce((s, r) => s + r.seconds, 0), statuses);
}
