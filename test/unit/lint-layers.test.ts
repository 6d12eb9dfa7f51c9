import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli';

// The layer rule of DESIGN.md §1, as eslint.config.js enforces it: each case lints one line of
// code as if it lived at `filePath`, and reports the messages of no-restricted-imports.

const eslint = new ESLint({ cwd: REPO_ROOT });

async function layerProblems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = imported;\n`, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layer rule rejects', () => {
  it.each([
    ['electron in the store', `import imported from 'electron';`, 'src-main/store/x.ts', 'Only src-main/electron may import electron.'],
    ['electron in the api', `import imported from 'electron';`, 'src-main/api/x.ts', 'Only src-main/electron may import electron.'],
    ['a Node built-in in src-shared', `import imported from 'node:fs';`, 'src-shared/x.ts', 'src-shared is pure TypeScript: no Node built-ins.'],
    ['a bare Node built-in in src-shared', `import imported from 'crypto';`, 'src-shared/x.ts', 'src-shared is pure TypeScript: no Node built-ins.'],
    ['main-process code in src-shared', `import imported from '../src-main/store/store';`, 'src-shared/x.ts', 'src-shared imports nothing of ours and no UI.'],
    ['main-process code in the renderer', `import imported from '../../src-main/api/router';`, 'src-renderer/src/x.tsx', 'The renderer talks only to window.paydesk.'],
    ['a Node built-in in the renderer', `import imported from 'node:path';`, 'src-renderer/src/x.tsx', 'The renderer runs in a sandbox: no Node built-ins.'],
    ['the api from the store', `import imported from '../api/router';`, 'src-main/store/x.ts', 'store must not import a layer above it.'],
    ['the api from the store, spelled from the root', `import imported from '../../src-main/api/router';`, 'src-main/store/x.ts', 'store must not import a layer above it.'],
    ['a domain service from the store', `import imported from '../staff/staff-service';`, 'src-main/store/x.ts', 'store must not import a layer above it.'],
    ['the cli from a domain service', `import imported from '../cli/main';`, 'src-main/members/x.ts', 'A domain service must not import a layer above it.'],
    ['the api from the sealed fields', `import imported from '../api/router';`, 'src-main/sealed/x.ts', 'A domain service must not import a layer above it.'],
    ['the sealed fields from the store', `import imported from '../sealed/sealed-field';`, 'src-main/store/x.ts', 'store must not import a layer above it.'],
    ['the cli from the api', `import imported from '../cli/main';`, 'src-main/api/x.ts', 'api must not import a layer above it.'],
    ['demo data from a domain service', `import imported from '../demo/sample-people';`, 'src-main/members/x.ts', 'A domain service must not import a layer above it.'],
    ['demo data from the ledger', `import imported from '../demo/load-demo-data';`, 'src-main/ledger/x.ts', 'ledger must not import a layer above it.'],
    ['demo data from the store', `import imported from '../demo/load-demo-data';`, 'src-main/store/x.ts', 'store must not import a layer above it.'],
    ['the cli from the demo loader', `import imported from '../cli/main';`, 'src-main/demo/x.ts', 'demo must not import a layer above it.'],
    ['the api from the demo loader', `import imported from '../api/router';`, 'src-main/demo/x.ts', 'demo must not import a layer above it.'],
    ['the ledger from the job machinery', `import imported from '../ledger';`, 'src-main/jobs/x.ts', 'The shared job and check machinery must not import a layer above it.'],
    ['a domain from the check machinery', `import imported from '../wallets/verify-wallets';`, 'src-main/integrity/x.ts', 'The shared job and check machinery must not import a layer above it.'],
    ['the job machinery from the store', `import imported from '../jobs/due-tasks';`, 'src-main/store/x.ts', 'store must not import a layer above it.'],
    ['the registry from a domain service', `import imported from '../registry';`, 'src-main/members/x.ts', 'A domain service must not import a layer above it.'],
    ['the registry from the ledger', `import imported from '../registry/copy-checks';`, 'src-main/ledger/x.ts', 'ledger must not import a layer above it.'],
    ['the api from the registry', `import imported from '../api/router';`, 'src-main/registry/x.ts', 'registry must not import a layer above it.'],
    ['the app shell from a feature', `import imported from '../../app/routes';`, 'src-renderer/src/features/home/x.tsx', 'A feature must not import a layer above it.'],
    ['a feature from the ui', `import imported from '../features/wallets/ReceiptView';`, 'src-renderer/src/ui/x.tsx', 'A renderer building block must not import a layer above it.'],
    ['the app shell from the session', `import imported from '../app/App';`, 'src-renderer/src/session/x.ts', 'A renderer building block must not import a layer above it.'],
  ])('%s', async (_case, code, filePath, message) => {
    expect(await layerProblems(code, filePath)).toEqual([expect.stringContaining(message)]);
  });
});

describe('the layer rule accepts', () => {
  it.each([
    ['electron in src-main/electron', `import imported from 'electron';`, 'src-main/electron/x.ts'],
    ['zod in src-shared', `import imported from 'zod';`, 'src-shared/x.ts'],
    ['src-shared from the renderer', `import imported from '../../src-shared/contract';`, 'src-renderer/src/x.tsx'],
    ['React in the renderer', `import imported from 'react';`, 'src-renderer/src/x.tsx'],
    ['the store from the api', `import imported from '../store/store';`, 'src-main/api/x.ts'],
    ['the store and the audit log from a domain service', `import imported from '../store/sql';\nimport '../audit/record-audit';`, 'src-main/staff/x.ts'],
    ['a sibling file inside the store', `import imported from './keyslots';`, 'src-main/store/x.ts'],
    ['the api from the cli', `import imported from '../api/router';`, 'src-main/cli/x.ts'],
    ['the domain services, the ledger and the store from the demo loader', `import imported from '../wallets/teller-operations';\nimport '../members/member-service';\nimport '../ledger';\nimport '../store/store';`, 'src-main/demo/x.ts'],
    ['the demo loader from the cli', `import imported from '../../demo/load-demo-data';`, 'src-main/cli/commands/x.ts'],
    ['sample people from a benchmark', `import imported from '../src-main/demo/sample-people';`, 'bench/x.ts'],
    ['the router from a test', `import imported from '../../src-main/api/router';`, 'test/integration/x.test.ts'],
    ['the session, a generic hook and another feature from a feature', `import imported from '../../session/session';\nimport '../../hooks/use-debounced';\nimport '../members/member-paths';`, 'src-renderer/src/features/wallets/x.tsx'],
    ['the job and check machinery from the ledger', `import imported from '../jobs/due-tasks';\nimport '../integrity/verifier';`, 'src-main/ledger/x.ts'],
    ['domains and the job machinery from the registry', `import imported from '../ledger/ledger-checks';\nimport '../members/member-checks';\nimport '../jobs/due-tasks';`, 'src-main/registry/x.ts'],
    ['the registry from the api', `import imported from '../registry';`, 'src-main/api/x.ts'],
    ['a feature from the app shell', `import imported from '../features/home/HomeScreen';`, 'src-renderer/src/app/x.tsx'],
  ])('%s', async (_case, code, filePath) => {
    expect(await layerProblems(code, filePath)).toEqual([]);
  });
});
