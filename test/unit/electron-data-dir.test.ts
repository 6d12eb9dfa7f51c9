import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataArgument, resolveDataDir } from '../../src-main/electron/data-dir';

const USER_DATA = join('/home', 'ada', '.config', 'paydesk');
const CWD = join('/work', 'branch');
const choose = (argv: string[], env: Record<string, string> = {}) => resolveDataDir({ argv, env, defaultDir: USER_DATA, cwd: CWD });

describe('the --data argument', () => {
  it('reads --data DIR and --data=DIR, as the CLI does', () => {
    expect(dataArgument(['.', '--data', '/srv/paydesk'])).toBe('/srv/paydesk');
    expect(dataArgument(['.', '--data=/srv/paydesk'])).toBe('/srv/paydesk');
  });

  it('ignores the arguments Electron and Chromium add around it', () => {
    expect(dataArgument(['.', '--no-sandbox', '--inspect=9229', '--data', '/srv/p', '--enable-logging'])).toBe('/srv/p');
    expect(dataArgument(['.', '--database-mode', 'x'])).toBeUndefined();
  });

  it('takes the last one when given twice', () => {
    expect(dataArgument(['--data', '/a', '--data=/b'])).toBe('/b');
  });

  it('stops at --', () => {
    expect(dataArgument(['.', '--', '--data', '/srv/p'])).toBeUndefined();
  });

  it('refuses --data without a folder', () => {
    expect(() => dataArgument(['.', '--data'])).toThrow('--data needs a folder');
    expect(() => dataArgument(['.', '--data', '--no-sandbox'])).toThrow('--data needs a folder');
    expect(() => dataArgument(['.', '--data='])).toThrow('--data needs a folder');
    expect(() => dataArgument(['.', '--data', '  '])).toThrow('--data needs a folder');
  });
});

describe('choosing the data folder', () => {
  it("defaults to Electron's userData folder", () => {
    expect(choose(['.'])).toEqual({ dataDir: USER_DATA, source: 'default' });
  });

  it('follows PAYDESK_DATA_DIR', () => {
    expect(choose(['.'], { PAYDESK_DATA_DIR: '/srv/paydesk' })).toEqual({ dataDir: '/srv/paydesk', source: 'environment' });
  });

  it('prefers --data over PAYDESK_DATA_DIR', () => {
    expect(choose(['.', '--data', '/mnt/usb/paydesk'], { PAYDESK_DATA_DIR: '/srv/paydesk' })).toEqual({ dataDir: '/mnt/usb/paydesk', source: 'argument' });
  });

  it('resolves a relative folder against the working directory', () => {
    expect(choose(['--data', 'ledger']).dataDir).toBe(join(CWD, 'ledger'));
    expect(choose([], { PAYDESK_DATA_DIR: 'ledger' }).dataDir).toBe(join(CWD, 'ledger'));
  });

  it('treats an empty PAYDESK_DATA_DIR as unset', () => {
    expect(choose(['.'], { PAYDESK_DATA_DIR: ' ' })).toEqual({ dataDir: USER_DATA, source: 'default' });
  });
});
