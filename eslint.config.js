// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

// The layering of DESIGN.md, enforced: shared/ is platform-neutral, the renderer
// knows nothing of Node or the main process, and only src-main/electron/ may
// touch Electron. (eslint's own no-restricted-imports says this plainly enough
// that a boundaries plugin would add configuration without adding safety.)
const electron = { name: 'electron', message: 'Only src-main/electron/ may import electron.' };
// Only bare specifiers name a built-in: matched exactly (`paths`) or by the `node:` prefix, never
// as a gitignore-style `group`, which would also catch a relative `../schemas/events`.
const nodeMessage = 'Node built-ins belong in src-main/.';
const nodeBuiltinPaths = builtinModules
  .filter((m) => !m.startsWith('_'))
  .map((name) => ({ name, message: nodeMessage }));
const nodeBuiltins = [{ regex: '^node:', message: nodeMessage }];
const native = [{ name: 'better-sqlite3', message: 'The database lives in src-main/.' }];
const mainCode = {
  group: ['**/src-main/**', '../src-main/*'],
  message: 'Talk to the main process through the API contract.',
};
const rendererCode = {
  group: ['**/src-renderer/**'],
  message: 'The main process must not depend on the renderer.',
};

const restrict = (/** @type {any[]} */ paths, /** @type {any[]} */ patterns) => ({
  'no-restricted-imports': ['error', { paths, patterns }],
});

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  { files: ['**/*.{ts,tsx,js,mjs}'], ignores: ['src-main/electron/**'], rules: restrict([electron], []) },
  {
    files: ['shared/**'],
    rules: restrict([electron, ...native, ...nodeBuiltinPaths], [...nodeBuiltins, mainCode, rendererCode]),
  },
  {
    files: ['src-renderer/**'],
    rules: restrict([electron, ...native, ...nodeBuiltinPaths], [...nodeBuiltins, mainCode]),
  },
  { files: ['src-main/**'], ignores: ['src-main/electron/**'], rules: restrict([electron], [rendererCode]) },
  { files: ['src-main/electron/**'], rules: restrict([], [rendererCode]) },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
