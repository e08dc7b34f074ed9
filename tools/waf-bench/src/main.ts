import path from 'node:path';
import { createWaf, type Waf } from '@storefront/edge/waf';
import { loadCorpus, type Corpus, type CorpusEntry } from './corpus';
import { dispatcherFor, send, type HttpTarget } from './http-client';
import { replayCorpus, type HttpReplayResult } from './http-replay';
import { mergeLoads, runLoad, type LoadResult } from './load';
import { APT_LINE, crsClassesIn, missingModSecurityParts, startNginx, type RunningNginx } from './modsecurity';
import { detectInProcess, inspectionsPerSecond, printRedos, redosCheck } from './offline-bench';
import { freePort, startNodeChild, stop, type Started } from './processes';
import { log, percent, table } from './report';

/**
 * npm run bench:waf -- [--modsecurity] [--target URL [--insecure]] [--concurrency N] [--duration S]
 *
 * Always: replays e2e/waf-corpus through the engine in-process (detection and false positives
 * per class, inspections/s, ReDoS-style inputs). --modsecurity: the same corpora over HTTP to
 * nginx + ModSecurity + CRS (PL1, threshold 5, blocking) and to a node:http server running
 * this engine, then the same load against both. --target: the same against any URL, e.g. the gateway.
 */
interface Options {
  modsecurity: boolean;
  target?: string;
  insecure: boolean;
  concurrency: number;
  duration: number;
}

function parseArgs(argv: readonly string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const options: Options = {
    modsecurity: argv.includes('--modsecurity'),
    target: value('--target'),
    insecure: argv.includes('--insecure'),
    concurrency: Number(value('--concurrency') ?? 32),
    duration: Number(value('--duration') ?? 10),
  };
  if (!(options.concurrency >= 1) || !(options.duration > 0)) throw new Error('--concurrency and --duration must be positive numbers');
  if (options.target !== undefined && !/^https?:\/\/[^/]+$/.test(options.target)) throw new Error('--target must be an origin such as https://127.0.0.1:8443');
  return options;
}

/** Benign requests blocked per class: for us from the matches, for CRS from the tags in nginx's error log. */
type FalsePositivesByClass = Map<string, number>;

function oursFalsePositives(waf: Waf, benign: readonly CorpusEntry[]): FalsePositivesByClass {
  const byClass: FalsePositivesByClass = new Map();
  for (const entry of benign) {
    const verdict = waf.inspect(entry);
    if (!verdict.blocked) continue;
    for (const cls of new Set(verdict.matches.map((m) => m.attackClass))) byClass.set(cls, (byClass.get(cls) ?? 0) + 1);
  }
  return byClass;
}

async function crsFalsePositives(nginx: RunningNginx, target: HttpTarget, blocked: readonly CorpusEntry[]): Promise<{ byClass: FalsePositivesByClass; detail: string[] }> {
  const byClass: FalsePositivesByClass = new Map();
  const detail: string[] = [];
  const agent = dispatcherFor(target, 1);
  for (const entry of blocked) {
    const offset = nginx.logSize();
    await send(agent, entry);
    // ModSecurity writes the audit entry after answering; wait (up to 2 s) for it to land.
    for (let waited = 0; waited < 2000 && nginx.logSize() === offset; waited += 25) await new Promise((r) => setTimeout(r, 25));
    const log = nginx.readLogFrom(offset);
    const classes = crsClassesIn(log);
    const ids = [...new Set([...log.matchAll(/"ruleId":"(\d+)"/g)].map((m) => m[1]))].filter((id) => !id.startsWith('949') && !id.startsWith('980'));
    for (const cls of classes) byClass.set(cls, (byClass.get(cls) ?? 0) + 1);
    detail.push(`${entry.id}: ${ids.join(',')}`);
  }
  await agent.close();
  return { byClass, detail };
}

function printComparison(corpus: Corpus, ours: ReturnType<typeof detectInProcess>, oursFp: FalsePositivesByClass, crs?: HttpReplayResult, crsFp?: FalsePositivesByClass): void {
  const benignTotal = corpus.benign.length;
  const rows = [...corpus.byClass.keys()].map((cls) => {
    const o = ours.byClass.get(cls);
    const c = crs?.byClass.get(cls);
    return [cls, percent(o?.detected ?? 0, o?.total ?? 0), c ? percent(c.detected, c.total) : '-', percent(oursFp.get(cls) ?? 0, benignTotal), crsFp ? percent(crsFp.get(cls) ?? 0, benignTotal) : '-'];
  });
  const extraCrsClasses = crsFp ? [...crsFp.keys()].filter((cls) => !corpus.byClass.has(cls)) : [];
  for (const cls of extraCrsClasses) rows.push([`(${cls} rules)`, '-', '-', '-', percent(crsFp?.get(cls) ?? 0, benignTotal)]);
  const oursDetected = [...ours.byClass.values()].reduce((n, r) => n + r.detected, 0);
  const total = [...ours.byClass.values()].reduce((n, r) => n + r.total, 0);
  const crsDetected = crs ? [...crs.byClass.values()].reduce((n, r) => n + r.detected, 0) : 0;
  rows.push(['ALL', percent(oursDetected, total), crs ? percent(crsDetected, total) : '-', percent(ours.falsePositives.length, benignTotal), crs ? percent(crs.benignBlocked.length, benignTotal) : '-']);
  log(`\n${table(['class', 'ours detection', 'CRS detection', 'ours FP', 'CRS FP'], rows)}`);
  log('  detection: attacks blocked (403). FP: benign shop requests blocked, attributed to the class of rule that fired (a request can count in several rows).');
  if (crs) {
    const other = [...crs.byClass.entries()].filter(([, r]) => Object.keys(r.otherStatuses).length > 0).map(([cls, r]) => `${cls} ${JSON.stringify(r.otherStatuses)}`);
    if (other.length) log(`  CRS answers that were neither 403 nor 2xx (not counted as detected): ${other.join('; ')}`);
  }
}

/** Which encodings and placements each engine misses: where CRS's fixed transformation chains fall short. */
function printEncodingBreakdown(waf: Waf, corpus: Corpus, crs: HttpReplayResult): void {
  for (const dimension of ['encoding', 'placement'] as const) {
    const groups = new Map<string, { total: number; ours: number; crs: number }>();
    for (const entry of [...corpus.byClass.values()].flat()) {
      const group = groups.get(entry[dimension]) ?? { total: 0, ours: 0, crs: 0 };
      group.total++;
      if (waf.inspect(entry).blocked) group.ours++;
      if (crs.statusById.get(entry.id) === 403) group.crs++;
      groups.set(entry[dimension], group);
    }
    log(`\n${table([dimension, 'ours detection', 'CRS detection'], [...groups.entries()].map(([name, g]) => [name, percent(g.ours, g.total), percent(g.crs, g.total)]))}`);
  }
}

function printLoad(results: readonly LoadResult[]): void {
  log(`\n${table(['target', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'statuses'], results.map((r) => [r.label, String(r.requests), r.perSecond.toFixed(0), r.p50.toFixed(2), r.p99.toFixed(2), JSON.stringify(r.statuses)]))}`);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const corpus = loadCorpus();
  const attackCount = [...corpus.byClass.values()].reduce((n, e) => n + e.length, 0);
  log(`[waf-bench] corpora: ${attackCount} attacks in ${corpus.byClass.size} classes, ${corpus.benign.length} benign requests`);
  const waf = createWaf({ paranoiaLevel: 1, anomalyThreshold: 5, exclusions: corpus.exclusions });

  log('[waf-bench 1] engine in-process (PL1, threshold 5)');
  const ours = detectInProcess(waf, corpus);
  const oursFp = oursFalsePositives(waf, corpus.benign);
  const allAttacks = [...corpus.byClass.values()].flat();
  const benignRate = inspectionsPerSecond(waf, corpus.benign, 3);
  const attackRate = inspectionsPerSecond(waf, allAttacks, 3);
  log(`  inspections/s, one core: benign mix ${benignRate.toFixed(0)}, attack mix ${attackRate.toFixed(0)}`);
  printRedos(redosCheck(waf));

  if (!options.modsecurity && !options.target) {
    printComparison(corpus, ours, oursFp);
    log('\n(run with --modsecurity to compare with nginx + ModSecurity + CRS)');
    return;
  }

  const children: Started[] = [];
  let nginx: RunningNginx | undefined;
  try {
    let crs: HttpReplayResult | undefined;
    let crsFp: FalsePositivesByClass | undefined;
    const loads: LoadResult[] = [];
    if (options.modsecurity) {
      const missing = missingModSecurityParts();
      if (missing.length > 0) {
        log(`[waf-bench] --modsecurity needs nginx + ModSecurity + CRS; missing: ${missing.join(', ')}\n  install with: ${APT_LINE}`);
        process.exitCode = 2;
        return;
      }
      log('[waf-bench 2] starting upstream, engine server and nginx + ModSecurity + CRS on loopback');
      const upstream = await startNodeChild(path.join(__dirname, 'upstream-server.js'), ['0']);
      children.push(upstream);
      const engine = await startNodeChild(path.join(__dirname, 'engine-server.js'), ['0', String(upstream.port)]);
      children.push(engine);
      const nginxPort = await freePort();
      nginx = await startNginx(nginxPort, upstream.port, corpus.exclusions);
      log(`  upstream :${upstream.port}, engine server :${engine.port}, nginx :${nginxPort} (config in ${nginx.dir})`);
      const crsTarget: HttpTarget = { label: 'nginx+ModSecurity+CRS', url: `http://127.0.0.1:${nginxPort}` };
      const engineTarget: HttpTarget = { label: 'node:http+engine', url: `http://127.0.0.1:${engine.port}` };

      log('[waf-bench 3] replaying the corpora over HTTP (403 = detected)');
      crs = await replayCorpus(crsTarget, corpus);
      const oursHttp = await replayCorpus(engineTarget, corpus);
      const mismatch = [...corpus.byClass.keys()].filter((cls) => oursHttp.byClass.get(cls)?.detected !== ours.byClass.get(cls)?.detected);
      log(mismatch.length ? `  WARNING: engine over HTTP differs from in-process for ${mismatch.join(', ')}` : '  engine over HTTP agrees with in-process detection');
      const attributed = await crsFalsePositives(nginx, crsTarget, crs.benignBlocked);
      crsFp = attributed.byClass;
      if (attributed.detail.length) log(`  CRS false positives (rule ids): ${attributed.detail.join(' | ')}`);

      printEncodingBreakdown(waf, corpus, crs);

      // Alternating rounds, so background load on this shared machine hits both targets alike.
      const rounds = 3;
      log(`[waf-bench 4] load: ${options.concurrency} connections, benign mix, ${rounds} alternating rounds of ${(options.duration / rounds).toFixed(1)} s per target`);
      const crsRuns: LoadResult[] = [];
      const engineRuns: LoadResult[] = [];
      for (let round = 0; round < rounds; round++) {
        crsRuns.push(await runLoad(crsTarget, corpus.benign, options.concurrency, options.duration / rounds));
        engineRuns.push(await runLoad(engineTarget, corpus.benign, options.concurrency, options.duration / rounds));
      }
      loads.push(mergeLoads(crsRuns), mergeLoads(engineRuns));
    }
    if (options.target) {
      const target: HttpTarget = { label: options.target, url: options.target, insecure: options.insecure };
      log(`[waf-bench 5] replay and load against ${options.target}`);
      const replay = await replayCorpus(target, corpus);
      log(`${table(['class', 'detected at target'], [...replay.byClass.entries()].map(([cls, r]) => [cls, percent(r.detected, r.total)]))}\n  benign blocked: ${percent(replay.benignBlocked.length, replay.benignTotal)}`);
      loads.push(await runLoad(target, corpus.benign, options.concurrency, options.duration));
    }
    printComparison(corpus, ours, oursFp, crs, crsFp);
    printLoad(loads);
    if (loads.length >= 2 && options.modsecurity) log(`\n  engine-server req/s / nginx req/s = ${(loads[1].perSecond / loads[0].perSecond).toFixed(2)}`);
  } finally {
    if (nginx) {
      await stop(nginx.child);
      nginx.cleanup();
    }
    for (const { child } of children.reverse()) await stop(child);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[waf-bench] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
