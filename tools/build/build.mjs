#!/usr/bin/env node
// Builds everything the stack runs, with progress: Prisma clients, the Node
// services and libs (swc, with decorator metadata, which Nest's dependency
// injection needs and esbuild lacks), and the storefront (Vite).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import swc from '@swc/core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'dist');
const SOURCE_ROOTS = ['apps', 'libs', 'tools/stack/src', 'tools/waf-bench/src', 'tools/openapi/src'];
const SKIP = /(\.spec|\.int-spec|\.e2e-spec|\.d)\.ts$/;
// Test harnesses inside apps (stand-ins, fixtures) are never shipped.
const TEST_ONLY = /\/apps\/[^/]+\/src\/(testing|test-support)\//;
const onlyNode = process.argv.includes('--node-only');
const onlyPrisma = process.argv.includes('--prisma-only');

const step = (n, total, what) => process.stdout.write(`[build ${n}/${total}] ${what}\n`);

function generatePrismaClients() {
  const databases = JSON.parse(readFileSync(path.join(ROOT, 'prisma/databases.json'), 'utf8'));
  for (const { schema } of databases) {
    const config = `prisma/${schema}/prisma.config.ts`;
    if (!existsSync(path.join(ROOT, config))) continue;
    execFileSync(path.join(ROOT, 'node_modules/.bin/prisma'), ['generate', '--config', config], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      // engineType "client" needs no native engine; these stop generate from trying to download one.
      env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false', PRISMA_QUERY_ENGINE_LIBRARY: '/bin/false', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    });
  }
}

function* typescriptFiles(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (entry === 'node_modules' || full === path.join(ROOT, 'apps/web')) continue;
    if (statSync(full).isDirectory()) yield* typescriptFiles(full);
    else if (full.endsWith('.ts') && !SKIP.test(full) && !TEST_ONLY.test(full)) yield full;
  }
}

// Read once: every file shares them.
const TSCONFIG = JSON.parse(readFileSync(path.join(ROOT, 'tsconfig.base.json'), 'utf8'));
const SWCRC = JSON.parse(readFileSync(path.join(ROOT, '.swcrc'), 'utf8'));

function swcOptions(file) {
  return {
    ...SWCRC,
    filename: file,
    swcrc: false,
    sourceFileName: path.relative(path.dirname(path.join(DIST, path.relative(ROOT, file))), file),
    // Rewrites @storefront/* aliases to relative paths so dist/ runs with plain node.
    jsc: { ...SWCRC.jsc, baseUrl: ROOT, paths: TSCONFIG.compilerOptions.paths },
  };
}

async function compileNode() {
  const files = SOURCE_ROOTS.flatMap((root) => [...typescriptFiles(path.join(ROOT, root))]);
  await Promise.all(
    files.map(async (file) => {
      const out = path.join(DIST, path.relative(ROOT, file)).replace(/\.ts$/, '.js');
      const { code, map } = await swc.transformFile(file, swcOptions(file));
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, `${code}\n//# sourceMappingURL=${path.basename(out)}.map`);
      if (map) writeFileSync(`${out}.map`, map);
    }),
  );
  return files.length;
}

function buildWeb() {
  const config = path.join(ROOT, 'apps/web/vite.config.mts');
  if (!existsSync(config)) return false;
  execFileSync(path.join(ROOT, 'node_modules/.bin/vite'), ['build', '--config', config, '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  // The public API description (generated from the code, kept in sync by a test) is served beside the app as /openapi.json.
  copyFileSync(path.join(ROOT, 'docs/openapi.json'), path.join(DIST, 'web/openapi.json'));
  return true;
}

const started = Date.now();
const total = onlyPrisma ? 1 : onlyNode ? 2 : 3;
step(1, total, 'generating Prisma clients');
generatePrismaClients();
if (onlyPrisma) process.exit(0);
step(2, total, 'compiling services and libraries (swc)');
rmSync(path.join(DIST, 'apps'), { recursive: true, force: true });
rmSync(path.join(DIST, 'libs'), { recursive: true, force: true });
const count = await compileNode();
process.stdout.write(`          ${count} files\n`);
if (!onlyNode) {
  step(3, total, 'building the storefront (vite)');
  if (!buildWeb()) process.stdout.write('          apps/web not found, skipped\n');
}
process.stdout.write(`[build] done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
