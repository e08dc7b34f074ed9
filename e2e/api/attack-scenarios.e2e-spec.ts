import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ATTACK_SCENARIOS } from '../../apps/web/src/pages/attack-lab-scenarios';
import { loadScenarios, loopbackAddresses, openRun, runOne, serviceUrlsFor } from '../../tools/attack/runner.mjs';

const baseUrl = inject('baseUrl').replace(/\/+$/, '');
const tlsDir = inject('tlsDir');
// The attacker's own loopback addresses: the scenarios earn blocks (catalog scraping, sign-in guessing) and spend
// per-address budgets; on these addresses that leaves every other spec's client (127.0.0.1 and friends) alone.
const MAIN_ADDRESS = '127.0.0.60';
const SOURCE_ADDRESSES = loopbackAddresses(61, 30);
const SCENARIO_TIMEOUT_MS = 180_000;

// Test names come from the generated list (kept equal to the scenarios by a unit test); the scenarios load here.
const scenarios = loadScenarios();
const run = openRun({
  baseUrl,
  ca: readFileSync(path.join(tlsDir, 'ca.crt'), 'utf8'),
  tlsDir,
  vaultUrl: serviceUrlsFor(baseUrl)['payment-vault'],
  serviceUrls: serviceUrlsFor(baseUrl),
  vaultDatabaseUrl: inject('vaultDatabaseUrl'),
  localAddress: MAIN_ADDRESS,
  sourceAddresses: SOURCE_ADDRESSES,
});
afterAll(() => run.close());

// The same scenarios as `npm run attack`, in its order (they share sign-ins and budgets), one test each.
describe('npm run attack against the e2e store: every attack is stopped by the layer it names', () => {
  it.each(ATTACK_SCENARIOS.map((s) => [s.id, s.layer] as const))(
    '%s (layer %i)',
    async (id, layer) => {
      const scenario = (await scenarios).find((s) => s.id === id);
      if (!scenario) throw new Error(`no scenario ${id} in e2e/attacks: run node tools/attack/export-catalog.mjs`);
      const result = await runOne(scenario, run.ctx);
      const report = `${result.verdict}: ${result.evidence}\n${result.attackerGot}`;
      expect(result.verdict, report).toBe('stopped');
      expect(result.stoppedBy?.number, report).toBe(layer);
    },
    SCENARIO_TIMEOUT_MS,
  );
});
