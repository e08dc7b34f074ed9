#!/usr/bin/env node
// `npm test`: the same gates as CI, in order, each with its time:
// generate Prisma clients → lint (architecture boundaries included) → typecheck → build → unit →
// integration (real PostgreSQL + Redis) → e2e (the whole stack, a real browser) → zones (the stack in
// network namespaces: isolation proven with real connections and nmap; root only, skipped otherwise).
import { spawnSync } from 'node:child_process';

// Testcontainers is tried first; without a Docker engine the tests use these
// services, which default to the local ones this project expects.
process.env.DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/postgres';
process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
process.env.NX_DAEMON ??= 'false';

const only = process.argv.slice(2);
const steps = [
  // Typecheck and lint need the generated Prisma clients (git-ignored).
  ['generate', 'node', ['tools/build/build.mjs', '--prisma-only']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['build', 'node', ['tools/build/build.mjs']],
  ['unit', 'npx', ['vitest', 'run', '--project', 'unit']],
  ['integration', 'npx', ['vitest', 'run', '--project', 'int']],
  ['e2e', 'npx', ['vitest', 'run', '--project', 'e2e', '--passWithNoTests']],
  // The network zones are real namespaces and firewalls: root on Linux only.
  ['zones', 'npx', ['vitest', 'run', '--project', 'zones'], zonesUnavailableReason],
].filter(([name]) => only.length === 0 || only.includes(name));

function zonesUnavailableReason() {
  if (process.getuid?.() !== 0) return 'not root (network namespaces need root)';
  if (spawnSync('ip', ['netns', 'list'], { stdio: 'ignore' }).status !== 0) return '`ip netns` is not available';
  if (spawnSync('nmap', ['--version'], { stdio: 'ignore' }).status !== 0) return 'nmap is not installed (apt-get install nmap)';
  return undefined;
}

const results = [];
for (const [name, command, args, unavailable] of steps) {
  const skipped = unavailable?.();
  if (skipped) {
    process.stdout.write(`\n━━ ${name} ━━ skipped: ${skipped}\n`);
    results.push(`- ${name.padEnd(12)} skipped (${skipped})`);
    continue;
  }
  process.stdout.write(`\n━━ ${name} ━━ ${command} ${args.join(' ')}\n`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push(`${status === 0 ? '✓' : '✗'} ${name.padEnd(12)} ${seconds} s`);
  if (status !== 0) {
    process.stdout.write(`\n${results.join('\n')}\n\n${name} failed; later steps were not run.\n`);
    process.exit(status ?? 1);
  }
}
process.stdout.write(`\n${results.join('\n')}\n\nAll green.\n`);
