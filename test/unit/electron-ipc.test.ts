import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../src-shared/contract';
import type { Answer } from '../../src-shared/result';
import { buildPaydeskBridge } from '../../src-main/electron/bridge';
import { bindContractChannels, contractCallAnswerer, type ContractCallEvent, type InvokeRegistrar } from '../../src-main/electron/contract-ipc';
import { rendererPage } from '../../src-main/electron/renderer-page';
import { ADMIN, tempDataDir, testRouter } from '../support/temp-data';

const page = rendererPage({ mainDir: join('/opt', 'paydesk', 'out', 'main'), isPackaged: true });
const fromOurPage: ContractCallEvent = { senderFrame: { url: `${page.url}#/setup`, parent: null } };
const fromEvil: ContractCallEvent = { senderFrame: { url: 'https://evil.example/', parent: null } };

/** ipcMain.handle's bookkeeping: which channels got a handler, to call them as Electron would. */
function handlerTable(): InvokeRegistrar & { handlers: Map<string, (event: ContractCallEvent, input: unknown) => Promise<Answer<unknown>>> } {
  const handlers = new Map<string, (event: ContractCallEvent, input: unknown) => Promise<Answer<unknown>>>();
  return {
    handlers,
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
  };
}

describe('binding the contract to IPC', () => {
  it('binds every contract channel exactly once', () => {
    const table = handlerTable();
    bindContractChannels(table, CHANNEL_NAMES, { router: testRouter(), page });
    expect([...table.handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('answers our own page through the real router', async () => {
    const dataDir = tempDataDir();
    const table = handlerTable();
    bindContractChannels(table, CHANNEL_NAMES, { router: testRouter(dataDir), page });
    const status = await table.handlers.get('app.status')!(fromOurPage, {});
    expect(status).toEqual({ ok: true, value: expect.objectContaining({ initialized: false, unlocked: false, dataDir }) });
    const setup = await table.handlers.get('setup.init')!(fromOurPage, ADMIN);
    expect(setup.ok).toBe(true);
    expect(existsSync(join(dataDir, 'paydesk.db'))).toBe(true);
  });

  it('lets the router refuse bad input, naming the field', async () => {
    const table = handlerTable();
    bindContractChannels(table, CHANNEL_NAMES, { router: testRouter(), page });
    const answer = await table.handlers.get('setup.init')!(fromOurPage, { ...ADMIN, username: '' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'username' } } });
  });

  it('refuses another page with FORBIDDEN, and nothing is written', async () => {
    const dataDir = tempDataDir();
    const warnings: string[] = [];
    const answer = contractCallAnswerer({ router: testRouter(dataDir), page, warn: (line) => warnings.push(line) });

    const refused = await answer('setup.init', fromEvil, ADMIN);

    expect(refused).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Only the Paydesk window may call Paydesk.' } });
    expect(readdirSync(dataDir)).toEqual([]);
    expect(warnings).toEqual(['answerContractCall: refused setup.init from https://evil.example/']);
  });

  it('refuses a subframe of our page and a frame that is gone, and never logs the input', async () => {
    const dataDir = tempDataDir();
    const warnings: string[] = [];
    const answer = contractCallAnswerer({ router: testRouter(dataDir), page, warn: (line) => warnings.push(line) });

    const fromSubframe = await answer('setup.init', { senderFrame: { url: page.url, parent: {} } }, ADMIN);
    const fromGone = await answer('setup.init', { senderFrame: null }, ADMIN);

    expect(fromSubframe).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(fromGone).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(readdirSync(dataDir)).toEqual([]);
    expect(warnings.join('\n')).not.toContain(ADMIN.passphrase);
  });
});

describe('window.paydesk', () => {
  it('has one function per channel, keyed by channel name, and nothing else', () => {
    const bridge = buildPaydeskBridge(CHANNEL_NAMES, async () => undefined);
    expect(Object.keys(bridge).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const channel of CHANNEL_NAMES) expect(typeof bridge[channel]).toBe('function');
    expect(bridge).not.toHaveProperty('ipcRenderer');
    expect(bridge).not.toHaveProperty('invoke');
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('sends each call to its own channel with only the input', async () => {
    const sent: unknown[][] = [];
    const bridge = buildPaydeskBridge(CHANNEL_NAMES, async (...args) => {
      sent.push(args);
      return { ok: true, value: null };
    });
    await (bridge['staff.list'] as (input: unknown, extra: unknown) => Promise<unknown>)({ includeDisabled: true }, 'smuggled');
    await bridge['app.status']!();
    expect(sent).toEqual([
      ['staff.list', { includeDisabled: true }],
      ['app.status', undefined],
    ]);
  });

  it('reaches the real router end to end, as the preload and main process wire it', async () => {
    const table = handlerTable();
    bindContractChannels(table, CHANNEL_NAMES, { router: testRouter(), page });
    const bridge = buildPaydeskBridge(CHANNEL_NAMES, (channel, input) => table.handlers.get(channel)!(fromOurPage, input));
    const status = (await bridge['app.status']!({})) as Answer<{ initialized: boolean }>;
    expect(status).toMatchObject({ ok: true, value: { initialized: false } });
  });
});
