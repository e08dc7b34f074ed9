import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * The architecture as lint rules (see STYLE.md "Tags and boundaries"):
 * a service imports its own scope and scope:shared only; the vault's crypto
 * (scope:vault) is importable by payment-vault and kms alone; browser code
 * never pulls in node-only libs.
 */
const depConstraints = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared'] },
  { sourceTag: 'scope:auth', onlyDependOnLibsWithTags: ['scope:auth', 'scope:shared'] },
  { sourceTag: 'scope:catalog', onlyDependOnLibsWithTags: ['scope:catalog', 'scope:shared'] },
  { sourceTag: 'scope:order', onlyDependOnLibsWithTags: ['scope:order', 'scope:shared'] },
  { sourceTag: 'scope:monitor', onlyDependOnLibsWithTags: ['scope:monitor', 'scope:shared'] },
  { sourceTag: 'scope:payment-vault', onlyDependOnLibsWithTags: ['scope:payment-vault', 'scope:vault', 'scope:shared'] },
  { sourceTag: 'scope:kms', onlyDependOnLibsWithTags: ['scope:kms', 'scope:vault', 'scope:shared'] },
  { sourceTag: 'scope:vault', onlyDependOnLibsWithTags: ['scope:vault', 'scope:shared'] },
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util'] },
  { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:util'] },
  { sourceTag: 'platform:browser', notDependOnLibsWithTags: ['platform:node'] },
  { sourceTag: 'platform:any', notDependOnLibsWithTags: ['platform:node', 'platform:browser'] },
];

export default [
  { ignores: ['**/node_modules', '**/dist', '**/tmp', '**/generated', '.nx', 'test-results', '**/*.mjs', '**/*.cjs', '**/vite.config.mts', 'vitest.config.mts'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: [], depConstraints }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
