// The lint gate (`npm run lint`): ESLint's and typescript-eslint's type-aware recommended rules over src/, test/, scripts/ and bench/.
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig(
  {
    ignores: ['**/*.generated.ts', 'dist/', 'docs/', 'node_modules/', 'test-output/', 'bench/out/', 'coverage/'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        // tsconfig.eslint.json is tsconfig.json plus the .mjs/.cjs scripts and benches (allowJs), so those are type-aware too.
        project: './tsconfig.eslint.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // The terminal, CSV and HTML sinks strip C0 control characters on purpose: a regex over \x00-\x1f is the point.
      'no-control-regex': 'off',
      // `const { _tag, ...rest } = x` is how the code drops a key without mutating; `_`-prefixed parameters mark deliberate non-use.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['test/**'],
    rules: {
      // Tests feed JSON.parse output and vitest's asymmetric matchers (expect.any, expect.stringMatching: typed any) to
      // expectations, and types.test.ts misuses types under @ts-expect-error on purpose.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // Fakes implement the async ports (Io, Docs writers, token refreshers, sleeps) synchronously.
      '@typescript-eslint/require-await': 'off',
      // Hostile-input tests throw and reject non-Error values (undefined, Proxies, plain objects) to exercise `unknown` handling.
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      // Prototype-pollution tests compare method identities (Object.prototype.toString) without calling them.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    rules: {
      // Plain JavaScript without JSDoc types: every import of an untyped value and every JSON.parse is `any`, so these only restate that.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
  {
    // The docs bench runs these callbacks inside the page (Playwright's page.evaluate), where the browser's globals exist.
    files: ['bench/docs.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // A CommonJS preload (node -r) for the peak-RSS probe.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
