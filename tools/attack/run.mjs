#!/usr/bin/env node
// npm run attack [-- --base-url https://localhost:8443 --ca .secrets/tls/ca.crt --html test-results/attack-report.html]
// Runs every scenario in e2e/attacks/ against a running store, prints a
// scorecard (scenario → expected layer → stopped by → evidence), writes an
// HTML report, and exits 1 if any attack got through (2 if none did but some
// could not be carried out).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { scorecardHtml, scorecardText } from './report.mjs';
import { isLoopback, loadScenarios, loopbackAddresses, runAttacks } from './runner.mjs';
import { TARGET_OPTIONS, TARGET_USAGE, targetFrom } from './target.mjs';

const USAGE = `usage: npm run attack [-- options]
${TARGET_USAGE}
  --html FILE           where to write the HTML report (default test-results/attack-report.html)
  --only IDS            comma-separated scenario ids to run`;

// Scenarios that earn a block or spend a per-address budget get their own loopback source (local stacks only).
const SOURCE_ADDRESSES = loopbackAddresses(101, 30);

function options() {
  const { values } = parseArgs({
    options: {
      ...TARGET_OPTIONS,
      html: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    ...targetFrom(values),
    htmlFile: path.resolve(values.html ?? 'test-results/attack-report.html'),
    only: values.only ? new Set(values.only.split(',').map((s) => s.trim())) : undefined,
  };
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
  const startedAt = new Date();
  console.log(`Attacking ${opts.baseUrl} (vault ${opts.vaultUrl}) with ${scenarios.length} scenarios`);
  const results = await runAttacks(
    scenarios,
    {
      ...opts,
      ca,
      sourceAddresses: isLoopback(opts.baseUrl) ? SOURCE_ADDRESSES : [],
      log: (msg) => console.log(`      … ${msg}`),
    },
    ({ index, scenario, result }) => {
      if (!result) console.log(`[${index + 1}/${scenarios.length}] layer ${scenario.layer.number} · ${scenario.title}`);
      else console.log(`      → ${result.verdict === 'through' ? 'NOT STOPPED' : result.verdict} (${(result.ms / 1000).toFixed(1)} s)`);
    },
  );

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
