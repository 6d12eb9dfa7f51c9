// Lint rules, including the layer boundaries of DESIGN.md §1:
// electron / cli / test harness → api → domain services → ledger → store; src-shared imports nothing of ours.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'url', 'util', 'stream', 'events', 'worker_threads'];
const pattern = (group, message) => ({ group, message });

// A regex, so the package is caught but our own src-main/electron/*.ts files are not.
const noElectron = { regex: '^electron(/.*)?$', message: 'Only src-main/electron may import electron.' };
const noRenderer = pattern(['**/src-renderer/**'], 'The main process never imports renderer code.');
// Matched on the import text, so relative forms count too: '../api/router', '../../src-main/api/router'.
const noUpward = (layers, where) => ({ regex: `^(\\.\\./)+(src-main/)?(${layers.join('|')})(/|$)`, message: `${where} must not import a layer above it.` });
const rendererPatterns = [
  pattern(nodeBuiltins, 'The renderer runs in a sandbox: no Node built-ins.'),
  noElectron,
  pattern(['**/src-main/**', '**/migrations/**', 'better-sqlite3-multiple-ciphers', 'kysely'], 'The renderer talks only to window.paydesk.'),
];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', '.electron-sqlite/**', 'dist/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src-shared/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        pattern(nodeBuiltins, 'src-shared is pure TypeScript: no Node built-ins.'),
        noElectron,
        pattern(['**/src-main/**', '**/src-renderer/**', '**/migrations/**', 'react', 'react-dom', '@mui/*'], 'src-shared imports nothing of ours and no UI.'),
      ] }],
      'no-restricted-globals': ['error', 'window', 'document', 'Buffer', 'process'],
    },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: rendererPatterns }],
    },
  },
  {
    // The renderer's own layers: app/ (the shell and the screen registry) → features/ →
    // session/, hooks/, ui/, api/, i18n/. A feature that needs the shell's state reads it from below.
    files: ['src-renderer/src/features/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...rendererPatterns, noUpward(['app'], 'A feature')] }] },
  },
  {
    files: ['src-renderer/src/{session,hooks,ui,api,i18n}/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...rendererPatterns, noUpward(['app', 'features'], 'A renderer building block')] }] },
  },
  {
    files: ['src-main/store/**', 'migrations/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noRenderer, noUpward(['api', 'cli', 'demo', 'registry', 'jobs', 'integrity', 'ledger', 'members', 'wallets', 'points', 'cards', 'payouts', 'reports', 'staff', 'audit', 'settings', 'sealed', 'trust'], 'store')] }] },
  },
  {
    // The machinery every domain uses (jobs and due tasks, the verify registry's check type) sits
    // just above the store, so the ledger and every domain can declare their own tasks and checks.
    files: ['src-main/{jobs,integrity}/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noRenderer, noUpward(['api', 'cli', 'demo', 'registry', 'ledger', 'members', 'wallets', 'points', 'cards', 'payouts', 'reports', 'staff', 'audit', 'settings', 'sealed', 'trust'], 'The shared job and check machinery')] }] },
  },
  {
    files: ['src-main/ledger/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noRenderer, noUpward(['api', 'cli', 'demo', 'registry', 'members', 'wallets', 'points', 'cards', 'payouts', 'reports', 'staff', 'sealed', 'trust'], 'ledger')] }] },
  },
  {
    files: ['src-main/{members,wallets,points,cards,payouts,staff,audit,settings,sealed,trust}/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noRenderer, noUpward(['api', 'cli', 'demo', 'registry', 'reports'], 'A domain service')] }] },
  },
  {
    // Reports read every domain and the verify registry (the verification certificate), and
    // nothing but the router reads reports.
    files: ['src-main/reports/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noRenderer, noUpward(['api', 'cli', 'demo'], 'reports')] }] },
  },
  {
    // Demo and sample data sit beside api, above the domain services: they load data through the
    // services' own functions, and nothing below them may depend on made-up data.
    files: ['src-main/demo/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noRenderer, noUpward(['api', 'cli'], 'demo')] }] },
  },
  {
    // The registry lists each domain's checks, due tasks and durable jobs: above the domains, below the router.
    files: ['src-main/registry/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noRenderer, noUpward(['api', 'cli', 'demo'], 'registry')] }] },
  },
  {
    files: ['src-main/api/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noRenderer, noUpward(['cli'], 'api')] }] },
  },
  {
    files: ['src-main/cli/**', 'src-main/preview/**', 'test/**', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron] }] },
  },
);
