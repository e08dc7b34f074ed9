import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { dropDatabases, readDatabaseRegistry } from '../databases';
import { startStack } from '../start-stack';
import type { StackOptions } from '../stack-layout';
import { benchCard, benchClient, type Call, signUpShopper } from './bench-client';
import { benchCardTokenization } from './card-tokenization';
import { startUnguardedGateway } from './edge-guards';
import { type LoadResult, runLoad, summarize } from './load';

/**
 * `npm run bench`: checkouts per second and their latency with N concurrent
 * simulated shoppers through the gateway, beside a baseline measured in the
 * same run on the same stack (a plain catalog GET through the same gateway).
 * Ratios, not absolute numbers, are what compare across machines.
 */
const ROOT = path.resolve(__dirname, '../../../../..');
const SHOPPERS = Number(process.env.BENCH_SHOPPERS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const log = (message: string) => process.stdout.write(`[bench] ${message}\n`);

const client = (baseUrl: string, tlsDir: string): Call => benchClient(baseUrl, tlsDir, SHOPPERS * 2);

async function prepareShopper(call: Call): Promise<{ token: string; cardToken: string }> {
  const token = await signUpShopper(call);
  const card = await call('POST', '/api/payments/cards', { token, body: benchCard() });
  return { token, cardToken: (card.body as { cardToken: string }).cardToken };
}

function memoryMb(pid: number | undefined): string {
  try {
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return rss ? `${(Number(rss[1]) / 1024).toFixed(0)} MB` : '?';
  } catch {
    return '?';
  }
}

const row = (r: LoadResult, s: ReturnType<typeof summarize>) =>
  `  ${r.label.padEnd(34)} ${s.perSecond.toFixed(1).padStart(8)}/s  p50 ${s.p50.toFixed(1).padStart(7)} ms  p99 ${s.p99.toFixed(1).padStart(7)} ms  (${r.operations} ops, ${r.failures} failed)`;

/** Layer 3's cost: the same authenticated GET through a guarded and an unguarded gateway. Goal: guarded ≥ 0.7× unguarded. */
function printEdgeGuards(guarded: LoadResult, unguarded: LoadResult) {
  const g = summarize(guarded);
  const u = summarize(unguarded);
  const ratio = g.perSecond / u.perSecond;
  process.stdout.write(
    [
      '',
      'Edge guards (token check, rate-limit counting, edge shield) on the same authenticated GET /api/cart:',
      row(guarded, g),
      row(unguarded, u),
      `  guarded throughput ${ratio.toFixed(3)}× unguarded (goal ≥ 0.7: ${ratio >= 0.7 ? 'met' : 'NOT met'})`,
      '',
    ].join('\n'),
  );
}

function printResults(baseline: LoadResult, checkout: LoadResult) {
  const b = summarize(baseline);
  const c = summarize(checkout);
  process.stdout.write(
    [
      '',
      `${SHOPPERS} concurrent shoppers, ${SECONDS} s each:`,
      row(baseline, b),
      row(checkout, c),
      '',
      'Checkout against the catalog GET baseline (same run, same stack):',
      `  throughput ${(c.perSecond / b.perSecond).toFixed(3)}× baseline`,
      `  p50 latency ${(c.p50 / b.p50).toFixed(1)}× baseline, p99 latency ${(c.p99 / b.p99).toFixed(1)}× baseline`,
      '',
    ].join('\n'),
  );
}

async function main() {
  process.env.LOG_LEVEL ??= 'warn'; // request logging off the hot path, as in production
  const options: StackOptions = {
    root: ROOT,
    secretsDir: path.join(ROOT, 'tmp/bench/secrets'),
    logDir: path.join(ROOT, 'tmp/bench/logs'),
    portOffset: 20_000,
    databasePrefix: 'bench_',
    postgresAdminUrl: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
    redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/2',
    seedDemoData: true,
    // The bench measures the order path, not the edge's flood protection: lift the per-IP limits.
    extraEnv: {
      // The highest values the gateway accepts: the counting still runs (its cost is part of what is measured).
      RATE_LIMIT_PER_MINUTE: '100000',
      USER_WRITE_LIMIT_PER_MINUTE: '100000',
      LOGIN_LIMIT_PER_MINUTE: '10000',
      CATALOG_SLOW_AFTER_PER_MINUTE: '99999',
      CATALOG_LIMIT_PER_MINUTE: '100000',
      CATALOG_LIMIT_PER_HOUR: '10000000',
      PAYMENT_LIMIT_PER_MINUTE: '100000',
    },
  };
  await dropDatabases(options, readDatabaseRegistry(ROOT));
  const stack = await startStack(options, (m) => log(m));
  try {
    // Enough stock that no checkout fails for lack of it: the bench measures the path, not sell-outs.
    const admin = new Client({ connectionString: stack.databaseUrls.get('catalog') });
    await admin.connect();
    await admin.query('update product set stock = 1000000');
    await admin.end();

    const tlsDir = path.join(options.secretsDir, 'tls');
    const call = client(stack.baseUrl, tlsDir);
    const products = ((await call('GET', '/api/products?pageSize=48')).body as { items: Array<{ id: string }> }).items;
    log(`preparing ${SHOPPERS} shoppers (register, sign in, tokenize a card)`);
    const shoppers = await Promise.all(Array.from({ length: SHOPPERS }, () => prepareShopper(call)));

    log(`baseline: catalog GET for ${SECONDS} s`);
    const baseline = await runLoad('catalog GET (baseline)', SHOPPERS, SECONDS, async (w) => {
      const res = await call('GET', `/api/products/${products[w % products.length].id}`);
      return res.status === 200;
    });
    log(`checkout: add to cart + place order for ${SECONDS} s`);
    let n = 0;
    const checkout = await runLoad('checkout (cart + order)', SHOPPERS, SECONDS, async (w) => {
      const shopper = shoppers[w];
      const productId = products[n++ % products.length].id;
      await call('POST', '/api/cart/items', { token: shopper.token, body: { productId, quantity: 1 } });
      const res = await call('POST', '/api/orders', {
        token: shopper.token,
        body: { cardToken: shopper.cardToken, shippingAddress: { name: 'Bench', line1: '1 Main St', city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' } },
        headers: { 'idempotency-key': randomUUID() },
      });
      return res.status === 201;
    });
    printResults(baseline, checkout);
    await benchCardTokenization({ baseUrl: stack.baseUrl, tlsDir, kmsMetricsUrl: stack.metricsUrls.kms, workers: SHOPPERS, log });

    log('edge guards: authenticated GET /api/cart through the guarded gateway and an unguarded one');
    const unguarded = await startUnguardedGateway(options, async (url) => (await client(url, tlsDir)('GET', '/healthz')).status === 200);
    try {
      const callUnguarded = client(unguarded.baseUrl, tlsDir);
      const cartThrough = (label: string, via: Call) =>
        runLoad(label, SHOPPERS, SECONDS, async (w) => (await via('GET', '/api/cart', { token: shoppers[w].token })).status === 200);
      const unguardedCart = await cartThrough('GET /api/cart, guards off', callUnguarded);
      const guardedCart = await cartThrough('GET /api/cart, guards on', call);
      printEdgeGuards(guardedCart, unguardedCart);
    } finally {
      await unguarded.stop();
    }
    process.stdout.write(`Memory (RSS) after the run: ${stack.services.map((s) => `${s.name} ${memoryMb(s.process.pid)}`).join(', ')}\n`);
    if (process.argv.includes('--waf')) await compareGatewayWithModSecurity(stack.baseUrl);
  } finally {
    await stack.stop();
    await dropDatabases(options, readDatabaseRegistry(ROOT));
  }
}

/**
 * `npm run bench -- --waf`: layer 1's throughput goal is about the real
 * gateway, so while this stack (rate limits lifted) is up, the WAF bench
 * replays its corpora and load against it and, in the same run, against
 * nginx + ModSecurity + CRS (Debian packages; the WAF bench names them if missing).
 */
async function compareGatewayWithModSecurity(gatewayUrl: string): Promise<void> {
  log('layer 1: the WAF bench against this gateway and nginx + ModSecurity + CRS');
  const script = path.join(ROOT, 'dist/tools/waf-bench/src/main.js');
  const child = spawn(process.execPath, [script, '--modsecurity', '--target', gatewayUrl, '--insecure', '--duration', String(SECONDS)], { stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) log(`the WAF bench exited with ${code}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
