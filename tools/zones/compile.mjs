#!/usr/bin/env node
// Compiles tools/zones/src to dist/tools/zones/src with the same swc settings as
// tools/build/build.mjs (which must run first: the zones code runs the built stack).
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import swc from '@swc/core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE = path.join(ROOT, 'tools/zones/src');
const SKIP = /(\.spec|\.int-spec|\.e2e-spec|\.d)\.ts$/;
const TSCONFIG = JSON.parse(readFileSync(path.join(ROOT, 'tsconfig.base.json'), 'utf8'));
const SWCRC = JSON.parse(readFileSync(path.join(ROOT, '.swcrc'), 'utf8'));

function* typescriptFiles(dir) {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) yield* typescriptFiles(full);
    else if (full.endsWith('.ts') && !SKIP.test(full)) yield full;
  }
}

for (const file of typescriptFiles(SOURCE)) {
  const out = path.join(ROOT, 'dist', path.relative(ROOT, file)).replace(/\.ts$/, '.js');
  const { code, map } = await swc.transformFile(file, {
    ...SWCRC,
    filename: file,
    swcrc: false,
    sourceFileName: path.relative(path.dirname(out), file),
    jsc: { ...SWCRC.jsc, baseUrl: ROOT, paths: TSCONFIG.compilerOptions.paths },
  });
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${code}\n//# sourceMappingURL=${path.basename(out)}.map`);
  if (map) writeFileSync(`${out}.map`, map);
}
process.stdout.write('[build] tools/zones compiled\n');
