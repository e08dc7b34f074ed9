import { performance } from 'node:perf_hooks';
import { benchCard, benchClient, type Call, signUpShopper } from './bench-client';
import { readKmsCalls } from './kms-call-counter';
import { type LoadResult, summarize } from './load';
import { rawAesGcmPerSecond } from './raw-aes-gcm';

const TOKENIZATIONS = Number(process.env.BENCH_TOKENIZATIONS ?? 400);
const RAW_AES_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/*
 * The monitor treats 5 new cards per user or 10 per address within an hour as
 * card testing and locks the account or blocks the address (layer 6 doing its
 * job). The bench measures tokenization, not that response, so each shopper
 * tokenizes 4 cards, from an address of its own on loopback.
 */
const CARDS_PER_SHOPPER = 4;

export interface TokenizationBenchOptions {
  baseUrl: string;
  tlsDir: string;
  kmsMetricsUrl: string;
  workers: number;
  log: (message: string) => void;
}

// 127.0.1.1, 127.0.1.2, …: Linux answers on the whole of 127.0.0.0/8.
const loopbackAddress = (i: number) => `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`;

/** Runs `jobs` on `workers` concurrent loops, recording each job's latency; a fixed count, not a fixed time. */
async function runJobs(label: string, workers: number, jobs: Array<() => Promise<boolean>>): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        const t0 = performance.now();
        const ok = await job().catch(() => false);
        latenciesMs.push(performance.now() - t0);
        if (!ok) failures++;
      }
    }),
  );
  return { label, operations: latenciesMs.length, failures, seconds: (performance.now() - started) / 1000, latenciesMs };
}

/**
 * Layer 4's cost: card tokenizations per second and their p99 through the
 * gateway (each one a KMS GenerateDataKey, an AES-256-GCM encryption and a
 * vault row), KMS calls per 1000 tokenizations from the kms's own counter,
 * and raw AES-256-GCM encryptions per second in this process as the ceiling.
 */
export async function benchCardTokenization(options: TokenizationBenchOptions): Promise<void> {
  const shopperCount = Math.ceil(TOKENIZATIONS / CARDS_PER_SHOPPER);
  options.log(`card tokenization: preparing ${shopperCount} shoppers, each on its own loopback address`);
  const signUp = benchClient(options.baseUrl, options.tlsDir, options.workers);
  const shoppers: Array<{ token: string; call: Call }> = [];
  for (let i = 0; i < shopperCount; i += options.workers) {
    const batch = Array.from({ length: Math.min(options.workers, shopperCount - i) }, (_, j) => i + j);
    shoppers.push(...(await Promise.all(batch.map(async (n) => ({ token: await signUpShopper(signUp), call: benchClient(options.baseUrl, options.tlsDir, 1, loopbackAddress(n)) })))));
  }
  const jobs = Array.from({ length: TOKENIZATIONS }, (_, n) => {
    const shopper = shoppers[Math.floor(n / CARDS_PER_SHOPPER)];
    return async () => (await shopper.call('POST', '/api/payments/cards', { token: shopper.token, body: benchCard() })).status === 201;
  });

  options.log(`card tokenization: ${TOKENIZATIONS} cards through POST /api/payments/cards, ${options.workers} at a time`);
  const kmsBefore = await readKmsCalls(options.kmsMetricsUrl);
  const result = await runJobs('POST /api/payments/cards', options.workers, jobs);
  const kmsCalls = (await readKmsCalls(options.kmsMetricsUrl)) - kmsBefore;
  options.log(`raw AES-256-GCM in this process for ${RAW_AES_SECONDS} s`);
  const raw = rawAesGcmPerSecond(RAW_AES_SECONDS);

  const s = summarize(result);
  const succeeded = result.operations - result.failures;
  process.stdout.write(
    [
      '',
      'Card tokenization (layer 4: KMS data key + AES-256-GCM + vault row, through the gateway):',
      `  ${result.label.padEnd(34)} ${s.perSecond.toFixed(1).padStart(8)}/s  p50 ${s.p50.toFixed(1).padStart(7)} ms  p99 ${s.p99.toFixed(1).padStart(7)} ms  (${result.operations} ops, ${result.failures} failed)`,
      `  KMS calls per 1000 tokenizations: ${succeeded > 0 ? ((kmsCalls / succeeded) * 1000).toFixed(0) : 'n/a'} (${kmsCalls} calls for ${succeeded} cards; a data key per card)`,
      `  raw AES-256-GCM in one process:   ${raw.perSecond.toFixed(0).padStart(8)}/s  (${raw.operations} encryptions of a 16-digit PAN)`,
      `  the raw cipher runs ${(raw.perSecond / s.perSecond).toFixed(0)}× faster than a tokenization: the cost is the KMS round trip, TLS hops and the database, not AES`,
      '',
    ].join('\n'),
  );
}
