import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', '.tumen/', 'test-artifacts/'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // node:test's test() and describe() return promises the runner itself awaits.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
  // Layering (docs/ARCHITECTURE.md), shown in the editor; test/layers.test.ts enforces the same in CI.
  {
    files: ['domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/store/*', '**/search/*', '**/ingest/*', '**/crypto/*', '**/server/*', '**/cli/*', '**/app/*', 'node:*'] }] },
  },
  {
    files: ['search/**/*.ts', 'ingest/**/*.ts', 'crypto/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.bench.ts', '**/test-*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/store/*', '**/server/*', '**/cli/*', '**/app/*'] }] },
  },
  {
    files: ['store/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.bench.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/server/*', '**/cli/*', '**/app/*', '**/search/*', '**/ingest/*'] }] },
  },
  {
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/store/*', '**/search/*', '**/ingest/*', '**/crypto/*', '**/server/*', '**/cli/*', '**/app/*', 'node:*', 'fs', 'path'] }] },
  },
);
