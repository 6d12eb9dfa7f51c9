import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../../src-main/api/router';
import type { ChannelInput } from '../../src-shared/contract';
import { DEFAULT_LOYALTY_RULES } from '../../src-shared/settings/loyalty-settings';
import { ADMIN, ok } from '../support/temp-data';
import { addMember, depositTo, nextKey } from './members-fixtures';

// Issue 9 on the members list: each row carries the tier the member holds now, and the list
// filters by tier. A member whose points never moved them has no member_tiers row and holds the
// rules' first tier, so the first tier's filter finds them as well as those moved down to it.

// One data folder for the whole file (the searches only read), kept outside the per-test cleanup.
const dataDir = mkdtempSync(join(tmpdir(), 'paydesk-tiers-'));
let router: Router;
const ids: Record<string, number> = {};

async function names(input: Partial<ChannelInput<'members.search'>>): Promise<{ names: string[]; total: number }> {
  const { rows, total } = await ok(router, 'members.search', input);
  return { names: rows.map((row) => row.name), total };
}

beforeAll(async () => {
  router = createRouter({ dataDir });
  await ok(router, 'setup.init', ADMIN);
  for (const name of ['王金卡', '李钻石', '张标准', '赵冻结', '陈降级']) ids[name] = (await addMember(router, { name })).id;
  // 150.00 paid earns 150 points: Gold at once.
  await depositTo(router, ids['王金卡']!, 20_000);
  await ok(router, 'wallets.pay', { memberId: ids['王金卡']!, amount: 15_000, currency: 'CNY', merchant: 'Tea house', idempotencyKey: nextKey() });
  await ok(router, 'points.adjust', { memberId: ids['李钻石']!, points: 600, reason: 'welcome bonus', idempotencyKey: nextKey() });
  await ok(router, 'points.adjust', { memberId: ids['陈降级']!, points: 120, reason: 'welcome bonus', idempotencyKey: nextKey() });
  await ok(router, 'members.freeze', { id: ids['赵冻结']!, reason: 'lost card' });
  // Gold from 130: 陈降级 (120) moves back down to Standard and keeps a row that says so; 王金卡 (150) stays Gold.
  const tiers = DEFAULT_LOYALTY_RULES.tiers.map((tier) => (tier.id === 'gold' ? { ...tier, threshold: 130 } : tier));
  await ok(router, 'points.updateRules', { rules: { ...DEFAULT_LOYALTY_RULES, tiers } });
});

afterAll(() => {
  router.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the members list by tier', () => {
  it('gives each row the tier held now, the first tier for a member never moved', async () => {
    const { rows } = await ok(router, 'members.search', {});
    expect(rows.map((row) => [row.name, row.tier])).toEqual([
      ['王金卡', 'gold'],
      ['李钻石', 'diamond'],
      ['张标准', 'standard'],
      ['赵冻结', 'standard'],
      ['陈降级', 'standard'],
    ]);
  });

  it('finds only the holders of a higher tier, and nobody for a tier no one holds', async () => {
    expect(await names({ tier: 'gold' })).toEqual({ names: ['王金卡'], total: 1 });
    expect(await names({ tier: 'diamond' })).toEqual({ names: ['李钻石'], total: 1 });
    expect(await names({ tier: 'vip' })).toEqual({ names: [], total: 0 });
  });

  it('finds the first tier both without a row and moved down to it, and counts them whole', async () => {
    expect(await names({ tier: 'standard' })).toEqual({ names: ['张标准', '赵冻结', '陈降级'], total: 3 });
    expect(await names({ tier: 'standard', limit: 1, offset: 1 })).toEqual({ names: ['赵冻结'], total: 3 });
  });

  it('combines the tier with the status, a query and every sort', async () => {
    expect(await names({ tier: 'standard', status: 'frozen' })).toEqual({ names: ['赵冻结'], total: 1 });
    expect(await names({ tier: 'standard', status: 'active' })).toEqual({ names: ['张标准', '陈降级'], total: 2 });
    expect(await names({ tier: 'gold', status: 'frozen' })).toEqual({ names: [], total: 0 });
    expect(await names({ tier: 'standard', query: '降' })).toEqual({ names: ['陈降级'], total: 1 });
    expect(await names({ tier: 'gold', query: '降' })).toEqual({ names: [], total: 0 });
    expect(await names({ tier: 'standard', sort: 'name', direction: 'desc' })).toEqual({ names: ['陈降级', '赵冻结', '张标准'], total: 3 });
    expect((await names({ tier: 'gold', sort: 'balance', direction: 'desc' })).names).toEqual(['王金卡']);
    expect((await names({ tier: 'standard', sort: 'balance', direction: 'desc' })).names).toHaveLength(3);
  });

  it('exports the members of a tier with their tier', async () => {
    const { rows } = await ok(router, 'members.export', { tier: 'standard', status: 'active' });
    expect(rows.map((row) => [row.name, row.tier])).toEqual([
      ['张标准', 'standard'],
      ['陈降级', 'standard'],
    ]);
  });

  it('refuses a tier id that is not one with INVALID_INPUT naming the field', async () => {
    const answer = await router.invoke('members.search', { tier: 'Gold!' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect([answer.error.code, answer.error.details?.field]).toEqual(['INVALID_INPUT', 'tier']);
  });
});
