import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../../src-main/api/router';
import type { ChannelInput } from '../../src-shared/contract';
import { ADMIN, ok } from '../support/temp-data';
import { addMember, counterRouter } from './members-fixtures';

// One data folder for the whole file (the searches only read), kept outside the per-test cleanup.
const dataDir = mkdtempSync(join(tmpdir(), 'paydesk-search-'));
let router: Router;
const ids: Record<string, number> = {};

async function names(input: ChannelInput<'members.search'>): Promise<string[]> {
  return (await ok(router, 'members.search', input)).rows.map((r) => r.name);
}

afterAll(() => {
  router.close();
  rmSync(dataDir, { recursive: true, force: true });
});

beforeAll(async () => {
  router = createRouter({ dataDir });
  await ok(router, 'setup.init', ADMIN);
  const people: [string, string][] = [
    ['张三', '13800138000'],
    ['张三丰', '13800138001'],
    ['李四', '13912345678'],
    ['Anna Lee', '+8613700000001'],
    ['Joanne Smith', '15000000002'],
    ['Oliver Li', '15000000003'],
    ['100% Pure', '15000000004'],
    ['O"Brien', '15000000005'],
  ];
  for (const [name, phone] of people) ids[name] = (await addMember(router, { name, phone })).id;
  await ok(router, 'members.freeze', { id: ids['李四']!, reason: 'lost card' });
});

describe('searching members by name', () => {
  it('finds any substring of a Chinese name: 三 finds 张三 and 张三丰, 丰 finds 张三丰', async () => {
    expect(await names({ query: '三' })).toEqual(['张三', '张三丰']);
    expect(await names({ query: '丰' })).toEqual(['张三丰']);
    expect(await names({ query: '三丰' })).toEqual(['张三丰']);
    expect(await names({ query: '张三丰' })).toEqual(['张三丰']);
  });

  it('finds Latin substrings of any length without regard to case', async () => {
    expect(await names({ query: 'ANN' })).toEqual(['Anna Lee', 'Joanne Smith']);
    expect(await names({ query: 'li' })).toEqual(['Oliver Li']);
    expect(await names({ query: 'e' })).toEqual(['Anna Lee', 'Joanne Smith', 'Oliver Li', '100% Pure', 'O"Brien']);
  });

  it('treats wildcard and quote characters in a query as plain text', async () => {
    expect(await names({ query: '%' })).toEqual(['100% Pure']);
    expect(await names({ query: '_' })).toEqual([]);
    expect(await names({ query: 'O"B' })).toEqual(['O"Brien']);
    expect(await names({ query: '0% P' })).toEqual(['100% Pure']);
  });

  it('finds a renamed member by the new name only', async () => {
    const { router: own } = await counterRouter();
    const member = await addMember(own, { name: '王小明' });
    await ok(own, 'members.update', { id: member.id, name: '王大明' });
    const search = async (query: string) => (await ok(own, 'members.search', { query })).rows.map((r) => r.name);
    expect(await search('王大明')).toEqual(['王大明']);
    expect(await search('王小明')).toEqual([]);
    expect(await search('小')).toEqual([]);
  });
});

describe('searching members by number and phone', () => {
  it('finds a member by exact member number, by its prefix, and typed with spaces', async () => {
    const rows = (await ok(router, 'members.search', { query: '1000 0001 7' })).rows;
    expect(rows.map((r) => r.name)).toEqual(['张三丰']);
    expect((await ok(router, 'members.search', { query: '10000' })).total).toBe(8);
  });

  it('finds members by phone prefix, with or without the country code', async () => {
    expect(await names({ query: '138 0013' })).toEqual(['张三', '张三丰']);
    expect(await names({ query: '139' })).toEqual(['李四']);
    expect(await names({ query: '+86137' })).toEqual(['Anna Lee']);
    expect(await names({ query: '+8613800' })).toEqual([]);
  });
});

describe('filtering, sorting and paging', () => {
  it('filters by status', async () => {
    expect(await names({ query: '', status: 'frozen' })).toEqual(['李四']);
    expect(await names({ query: '李', status: 'active' })).toEqual([]);
    expect((await ok(router, 'members.search', { status: 'active' })).total).toBe(7);
  });

  it('sorts by name or member number in either direction', async () => {
    expect(await names({ query: '张', sort: 'memberNumber', direction: 'desc' })).toEqual(['张三丰', '张三']);
    expect(await names({ query: 'e', sort: 'name' })).toEqual(['100% Pure', 'Anna Lee', 'Joanne Smith', 'O"Brien', 'Oliver Li']);
  });

  it('pages through results and reports the total', async () => {
    const first = await ok(router, 'members.search', { query: '', limit: 3, offset: 0 });
    const last = await ok(router, 'members.search', { query: '', limit: 3, offset: 6 });
    expect(first.total).toBe(8);
    expect(first.rows.map((r) => r.name)).toEqual(['张三', '张三丰', '李四']);
    expect(last.rows.map((r) => r.name)).toEqual(['100% Pure', 'O"Brien']);
    expect(last.total).toBe(8);
  });

  it('names the field of an invalid search', async () => {
    expect(await router.call('members.search', { query: 'x', limit: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'limit' } } });
    expect(await router.call('members.search', { status: 'gone' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'status' } } });
  });
});
