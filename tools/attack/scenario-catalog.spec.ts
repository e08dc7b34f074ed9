import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarios } from './runner.mjs';
import { CATALOG_FILE, catalogModuleText, scenarioCatalog } from './scenario-catalog.mjs';

describe('the attack scenarios and the web app’s attack lab', () => {
  it('every scenario names a layer, says what "stopped" means, and has a unique id', async () => {
    const scenarios = await loadScenarios();
    expect(scenarios.length).toBeGreaterThanOrEqual(18);
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(scenarios.length);
    for (const s of scenarios) expect(s.stoppedMeans.length, s.id).toBeGreaterThan(10);
  });

  it('the lab page lists exactly the harness’s scenarios (else run node tools/attack/export-catalog.mjs)', async () => {
    const expected = catalogModuleText(scenarioCatalog(await loadScenarios()));
    expect(readFileSync(CATALOG_FILE, 'utf8')).toBe(expected);
  });
});
