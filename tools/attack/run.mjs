#!/usr/bin/env node
// npm run attack [-- --base-url https://localhost:8443 --ca .secrets/tls/ca.crt --html test-results/attack-report.html]
// Runs every scenario in e2e/attacks/ against a running store, prints a
// scorecard by layer, writes an HTML report, and exits 1 if any attack got
// through (2 if none did but some could not be carried out).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createContext, SetupError } from './context.mjs';
import { AttackClient } from './http.mjs';
import { LAYERS } from './layers.mjs';
import { scorecardHtml, scorecardText } from './report.mjs';

const SCENARIO_DIR = path.resolve(import.meta.dirname, '../../e2e/attacks');
const SCENARIO_TIMEOUT_MS = 300_000;
// Service ports of the local stack; another stack (e2e: +10000) keeps the same offsets from the gateway.
const GATEWAY_PORT = 8443;
const SERVICE_PORTS = { auth: 3001, catalog: 3002, order: 3003, 'payment-vault': 3004, kms: 3005, monitor: 3006 };

const USAGE = `usage: npm run attack [-- options]
  --base-url URL   the store (default $STOREFRONT_URL or https://localhost:8443)
  --ca FILE        the CA the store's certificates come from (default $STOREFRONT_CA or .secrets/tls/ca.crt)
  --vault-url URL  payment-vault, reached directly (default: base port - 8443 + 3004)
  --html FILE      where to write the HTML report (default test-results/attack-report.html)
  --only IDS       comma-separated scenario ids to run`;

function options() {
  const { values } = parseArgs({
    options: {
      'base-url': { type: 'string' },
      ca: { type: 'string' },
      'vault-url': { type: 'string' },
      html: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const baseUrl = (values['base-url'] ?? process.env.STOREFRONT_URL ?? 'https://localhost:8443').replace(/\/+$/, '');
  const base = new URL(baseUrl);
  const offset = Number(base.port || 443) - GATEWAY_PORT;
  const serviceUrls = Object.fromEntries(Object.entries(SERVICE_PORTS).map(([name, port]) => [name, `https://${base.hostname}:${port + offset}`]));
  return {
    baseUrl,
    caFile: path.resolve(values.ca ?? process.env.STOREFRONT_CA ?? '.secrets/tls/ca.crt'),
    vaultUrl: (values['vault-url'] ?? serviceUrls['payment-vault']).replace(/\/+$/, ''),
    serviceUrls,
    htmlFile: path.resolve(values.html ?? 'test-results/attack-report.html'),
    only: values.only ? new Set(values.only.split(',').map((s) => s.trim())) : undefined,
  };
}

async function loadScenarios(only) {
  const files = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.mjs')).sort();
  const scenarios = [];
  for (const file of files) {
    const mod = await import(pathToFileURL(path.join(SCENARIO_DIR, file)).href);
    const s = mod.default ?? mod;
    const problems = [];
    if (typeof s.id !== 'string') problems.push('id');
    if (typeof s.title !== 'string') problems.push('title');
    if (!LAYERS[s.layer?.number] || typeof s.layer?.name !== 'string') problems.push('layer {number 1..6, name}');
    if (typeof s.run !== 'function') problems.push('run(ctx)');
    if (problems.length) throw new Error(`e2e/attacks/${file} must export ${problems.join(', ')}`);
    scenarios.push({ ...s, order: s.order ?? 50, file });
  }
  // Sign-in and catalog budgets are shared: scenarios that spend them come last (see each scenario's `order`).
  scenarios.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  if (!only) return scenarios;
  const unknown = [...only].filter((id) => !scenarios.some((s) => s.id === id));
  if (unknown.length) throw new Error(`unknown scenario id(s): ${unknown.join(', ')}`);
  return scenarios.filter((s) => only.has(s.id));
}

function withTimeout(promise, ms) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new SetupError(`timed out after ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function runOne(scenario, ctx) {
  const started = performance.now();
  const base = { id: scenario.id, title: scenario.title, layer: scenario.layer };
  try {
    const outcome = await withTimeout(scenario.run(ctx), SCENARIO_TIMEOUT_MS);
    return {
      ...base,
      verdict: outcome.stopped ? 'stopped' : 'through',
      evidence: String(outcome.evidence ?? ''),
      attackerGot: String(outcome.attackerGot ?? ''),
      ms: performance.now() - started,
    };
  } catch (error) {
    // Setup refused or a crash: the attack was not carried out, so nothing is proven either way.
    const reason = error instanceof SetupError ? error.message : (error?.stack ?? String(error));
    return { ...base, verdict: 'inconclusive', evidence: `could not carry out the attack: ${reason}`, attackerGot: '', ms: performance.now() - started };
  }
}

async function main() {
  const opts = options();
  let ca;
  try {
    ca = readFileSync(opts.caFile, 'utf8');
  } catch {
    console.error(`Cannot read the CA certificate ${opts.caFile}. Start the store once (npm start) or pass --ca.`);
    process.exit(2);
  }
  const scenarios = await loadScenarios(opts.only);
  const client = new AttackClient({ baseUrl: opts.baseUrl, ca });
  const ctx = createContext({
    client,
    baseUrl: opts.baseUrl,
    vaultUrl: opts.vaultUrl,
    serviceUrls: opts.serviceUrls,
    log: (msg) => console.log(`      … ${msg}`),
  });
  ctx.ca = ca;

  const startedAt = new Date();
  console.log(`Attacking ${opts.baseUrl} (vault ${opts.vaultUrl}) with ${scenarios.length} scenarios`);
  const results = [];
  for (const [i, scenario] of scenarios.entries()) {
    console.log(`[${i + 1}/${scenarios.length}] layer ${scenario.layer.number} · ${scenario.title}`);
    const result = await runOne(scenario, ctx);
    results.push(result);
    console.log(`      → ${result.verdict === 'through' ? 'NOT STOPPED' : result.verdict} (${(result.ms / 1000).toFixed(1)} s)`);
  }
  await client.close();

  console.log(scorecardText(results, { baseUrl: opts.baseUrl }));
  mkdirSync(path.dirname(opts.htmlFile), { recursive: true });
  writeFileSync(opts.htmlFile, scorecardHtml(results, { baseUrl: opts.baseUrl, startedAt }));
  console.log(`HTML report: ${path.relative(process.cwd(), opts.htmlFile) || opts.htmlFile}`);

  if (results.some((r) => r.verdict === 'through')) process.exitCode = 1;
  else if (results.some((r) => r.verdict === 'inconclusive')) process.exitCode = 2;
}

main().catch((error) => {
  console.error(error?.stack ?? error);
  process.exit(2);
});
