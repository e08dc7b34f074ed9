import { performance } from 'node:perf_hooks';
import type { Waf, WafRequest } from '@storefront/edge/waf';
import type { Corpus } from './corpus';
import { log } from './report';

export interface ClassResult {
  readonly detected: number;
  readonly total: number;
}

/** Replays every corpus entry through the engine in-process: detection per class and false positives. */
export function detectInProcess(waf: Waf, corpus: Corpus): { byClass: Map<string, ClassResult>; falsePositives: string[] } {
  const byClass = new Map<string, ClassResult>();
  for (const [cls, entries] of corpus.byClass) {
    byClass.set(cls, { detected: entries.filter((entry) => waf.inspect(entry).blocked).length, total: entries.length });
  }
  const falsePositives = corpus.benign.filter((entry) => waf.inspect(entry).blocked).map((entry) => entry.id);
  return { byClass, falsePositives };
}

/** Inspections per second over a request mix, after a warm-up so the JIT has settled. */
export function inspectionsPerSecond(waf: Waf, requests: readonly WafRequest[], seconds: number): number {
  for (let i = 0; i < 2000; i++) waf.inspect(requests[i % requests.length]);
  let count = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  while (performance.now() < deadline) {
    for (let i = 0; i < 100; i++) waf.inspect(requests[(count + i) % requests.length]);
    count += 100;
  }
  return count / ((performance.now() - started) / 1000);
}

/**
 * Inputs built to make backtracking regexes explode. The engine bounds value length and its
 * patterns avoid nested quantifiers, so each should take about as long as any large request.
 */
const PATHOLOGICAL: ReadonlyArray<readonly [string, string]> = [
  ['50k of "a" then "!"', `${'a'.repeat(50_000)}!`],
  ['10k quotes', "'".repeat(10_000)],
  ['20k "<" and spaces', '< '.repeat(10_000)],
  ['5k nested ${', '${'.repeat(5_000)],
  ['10k unclosed /*', '/*'.repeat(10_000)],
  ['10k %25', '%25'.repeat(10_000)],
  ['5k "1 or "', '1 or '.repeat(5_000)],
  ['3k "select a," with no from', `select ${'a,'.repeat(3_000)}`],
  ['4k "<a " with no >', '<a '.repeat(4_000)],
  ['long URL-ish host', `http://${'1.'.repeat(5_000)}`],
  ['deep ../', '../'.repeat(10_000)],
  ['{{ without }}', `{{${'constructor '.repeat(2_000)}`],
];

export function redosCheck(waf: Waf): Array<{ label: string; ms: number }> {
  return PATHOLOGICAL.map(([label, payload]) => {
    const request: WafRequest = { method: 'POST', path: '/api/catalog/search', query: `q=${encodeURIComponent(payload.slice(0, 2000))}`, body: { text: payload }, headers: { 'user-agent': payload.slice(0, 4000) } };
    const started = performance.now();
    waf.inspect(request);
    const ms = performance.now() - started;
    return { label, ms };
  });
}

export function printRedos(results: ReadonlyArray<{ label: string; ms: number }>): void {
  log('\nPathological (ReDoS-style) inputs, one inspection each:');
  for (const { label, ms } of results) log(`  ${ms.toFixed(2).padStart(8)} ms  ${label}${ms > 50 ? '  <-- SLOW' : ''}`);
}
