// The harness without its command line: loads the scenarios of e2e/attacks/
// and runs them against a store. `npm run attack` (run.mjs) and the e2e spec
// (e2e/api/attack-scenarios.e2e-spec.ts) both call runAttacks, so CI runs
// exactly what a person runs.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createContext, SetupError } from './context.mjs';
import { AttackClient } from './http.mjs';
import { LAYERS } from './layers.mjs';

export const SCENARIO_DIR = path.resolve(import.meta.dirname, '../../e2e/attacks');
const SCENARIO_TIMEOUT_MS = 300_000;

/** Every scenario, validated and in running order (sign-in and catalog budgets are shared: scenarios that spend them come last). */
export async function loadScenarios(only) {
  const files = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.mjs')).sort();
  const scenarios = [];
  for (const file of files) {
    const mod = await import(pathToFileURL(path.join(SCENARIO_DIR, file)).href);
    const s = mod.default ?? mod;
    const problems = [];
    if (typeof s.id !== 'string') problems.push('id');
    if (typeof s.title !== 'string') problems.push('title');
    if (typeof s.stoppedMeans !== 'string') problems.push('stoppedMeans');
    if (!LAYERS[s.layer?.number] || typeof s.layer?.name !== 'string') problems.push('layer {number 1..6, name}');
    if (typeof s.run !== 'function') problems.push('run(ctx)');
    if (problems.length) throw new Error(`e2e/attacks/${file} must export ${problems.join(', ')}`);
    scenarios.push({ ...s, order: s.order ?? 50, file });
  }
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

export async function runOne(scenario, ctx) {
  const started = performance.now();
  const base = { id: scenario.id, title: scenario.title, layer: scenario.layer };
  try {
    const outcome = await withTimeout(scenario.run(ctx), SCENARIO_TIMEOUT_MS);
    return {
      ...base,
      verdict: outcome.stopped ? 'stopped' : 'through',
      // Which layer's refusal the evidence shows; a scenario says so when it is not the one it expected.
      stoppedBy: outcome.stopped ? (outcome.stoppedBy ?? scenario.layer) : undefined,
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

/**
 * Opens the attacker's clients and the shared context for one run.
 * `localAddress` binds the main client to one loopback address;
 * `sourceAddresses` are handed out one per `ctx.newClient()`, so a scenario
 * that earns a block or spends a per-address budget does it alone.
 */
export function openRun({ baseUrl, ca, tlsDir, vaultUrl, serviceUrls, vaultDatabaseUrl, localAddress, sourceAddresses = [], log = () => undefined, trace }) {
  const client = new AttackClient({ baseUrl, ca, localAddress, trace });
  const ctx = createContext({ client, baseUrl, vaultUrl, serviceUrls, log, ca, tlsDir, vaultDatabaseUrl, sourceAddresses });
  return { ctx, close: () => ctx.closeClients() };
}

/** Runs the scenarios one after another; `onProgress` hears each start and result. */
export async function runAttacks(scenarios, options, onProgress = () => undefined) {
  const { ctx, close } = openRun(options);
  const results = [];
  try {
    for (const [index, scenario] of scenarios.entries()) {
      onProgress({ index, scenario });
      const result = await runOne(scenario, ctx);
      results.push(result);
      onProgress({ index, scenario, result });
    }
  } finally {
    await close();
  }
  return results;
}

/** Gateway port 8443 and services 3001–3006 in local mode; another stack (e2e: +10000) keeps the same offsets. */
const GATEWAY_PORT = 8443;
const SERVICE_PORTS = { auth: 3001, catalog: 3002, order: 3003, 'payment-vault': 3004, kms: 3005, monitor: 3006 };

export function serviceUrlsFor(baseUrl) {
  const base = new URL(baseUrl);
  const offset = Number(base.port || 443) - GATEWAY_PORT;
  return Object.fromEntries(Object.entries(SERVICE_PORTS).map(([name, port]) => [name, `https://${base.hostname}:${port + offset}`]));
}

/** `count` loopback source addresses from 127.0.0.`first` on: each attacker's own (the whole of 127.0.0.0/8 is this machine). */
export function loopbackAddresses(first, count) {
  if (first < 2 || first + count - 1 > 254) throw new Error(`127.0.0.${first}… (${count}) leaves 127.0.0.2–254`);
  return Array.from({ length: count }, (_, i) => `127.0.0.${first + i}`);
}

/** Loopback targets can be attacked from many source addresses (all of 127.0.0.0/8 is this machine); others from one. */
export function isLoopback(baseUrl) {
  const host = new URL(baseUrl).hostname;
  return host === 'localhost' || host.startsWith('127.') || host === '[::1]';
}
