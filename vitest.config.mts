import { readFileSync } from 'node:fs';
import path from 'node:path';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// Path aliases come from tsconfig.base.json so there is one source of truth.
const tsconfig = JSON.parse(readFileSync(new URL('./tsconfig.base.json', import.meta.url), 'utf8'));
const alias = Object.entries(tsconfig.compilerOptions.paths as Record<string, string[]>).map(([find, [target]]) => ({
  find,
  replacement: path.resolve(import.meta.dirname, `${target}.ts`),
}));

// Nest relies on decorator metadata, which only swc (not esbuild) emits.
const plugins = [swc.vite({ module: { type: 'es6' } })];
const exclude = ['**/node_modules/**', 'dist/**', 'tmp/**'];

export default defineConfig({
  resolve: { alias },
  plugins,
  test: {
    projects: [
      {
        resolve: { alias },
        plugins,
        test: { name: 'unit', include: ['apps/**/*.spec.ts', 'libs/**/*.spec.ts', 'tools/**/*.spec.ts', 'e2e/support/**/*.spec.ts'], exclude },
      },
      {
        resolve: { alias },
        plugins,
        test: {
          name: 'int',
          include: ['apps/**/*.int-spec.ts', 'libs/**/*.int-spec.ts', 'prisma/**/*.int-spec.ts', 'tools/**/*.int-spec.ts', 'infra/**/*.int-spec.ts'],
          exclude,
          globalSetup: ['libs/platform/testing/src/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        plugins,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e-spec.ts'],
          exclude: [...exclude, 'e2e/zones/**'],
          globalSetup: ['e2e/support/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        plugins,
        test: {
          // The store inside network namespaces (root only; skipped otherwise): tools/zones.
          name: 'zones',
          include: ['e2e/zones/**/*.e2e-spec.ts'],
          exclude,
          globalSetup: ['e2e/zones/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
