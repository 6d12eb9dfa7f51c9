import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PointsHistoryRow } from '../../../../src-shared/contract/points';
import { DEFAULT_LOYALTY_RULES } from '../../../../src-shared/settings/loyalty-settings';
import en from '../../i18n/en/points.json';
import zh from '../../i18n/zh-CN/points.json';
import { lineageText, moveText, sourceText } from './history-text';
import { checkPoints } from './points-input';
import { formatBasisPoints, formatMonth, formatMultiplier } from './points-format';
import { tierColour, tierName } from './tier-text';

let english: TFunction;
let chinese: TFunction;

beforeAll(async () => {
  const words = i18next.createInstance();
  await words.init({ resources: { en: { points: en }, 'zh-CN': { points: zh } }, lng: 'en', interpolation: { escapeValue: false } });
  english = words.getFixedT('en');
  chinese = words.getFixedT('zh-CN');
});

const redemption: PointsHistoryRow = {
  transferId: 7,
  at: '2026-11-02T10:00:00.000Z',
  move: 'redeem',
  rule: null,
  points: -60,
  balanceAfter: 40,
  detail: null,
  actor: 'tina',
  lineage: [
    { lotId: 12, points: -40 },
    { lotId: 15, points: -20 },
  ],
  redemption: { currency: 'CNY', amount: 60, reversed: false },
};

describe('tier names', () => {
  it('calls a default tier saved without a name by its translated name', () => {
    expect(tierName(DEFAULT_LOYALTY_RULES, 'gold', english)).toBe('Gold');
    expect(tierName(DEFAULT_LOYALTY_RULES, 'diamond', chinese)).toBe('钻石卡');
  });

  it('calls a named tier by its saved name and a tier of its own making by its id', () => {
    const rules = { tiers: [{ ...DEFAULT_LOYALTY_RULES.tiers[0]!, name: 'Member' }, { id: 'platinum', name: null, threshold: 50, paymentFeeBps: null, multiplier: 100 }] };
    expect(tierName(rules, 'standard', english)).toBe('Member');
    expect(tierName(rules, 'platinum', english)).toBe('platinum');
  });

  it('gives each tier of the rules its own colour, by rank', () => {
    const colours = DEFAULT_LOYALTY_RULES.tiers.map((tier) => tierColour(DEFAULT_LOYALTY_RULES, tier.id));
    expect(new Set(colours).size).toBe(4);
  });
});

describe('the points history in words', () => {
  it('names the lots a spend took from, with how much of each', () => {
    expect(lineageText(redemption, english, 'en')).toBe('from lots #12 (40), #15 (20)');
    expect(lineageText(redemption, chinese, 'zh-CN')).toBe('取自批次 #12（40）、#15（20）');
  });

  it('names the lots points went back to, and none when no lot is named', () => {
    expect(lineageText({ ...redemption, move: 'redeem_reversal', points: 40, lineage: [{ lotId: 12, points: 1_040 }] }, english, 'en')).toBe('back to lot #12 (1,040)');
    expect(lineageText({ ...redemption, lineage: [] }, english, 'en')).toBeNull();
  });

  it('names the lot an earning made', () => {
    expect(lineageText({ ...redemption, move: 'earn', rule: 'payment', points: 250, lineage: [{ lotId: 4, points: 250 }] }, english, 'en')).toBe('into lot #4 (250)');
  });

  it('says the rule of an earning after the move', () => {
    expect(moveText({ ...redemption, move: 'earn', rule: 'referral', points: 10 }, english)).toBe('Earned · Referral');
    expect(moveText(redemption, chinese)).toBe('兑换');
    expect(moveText({ ...redemption, move: 'earn', rule: 'adjustment', points: 50 }, english)).toBe('Adjusted up');
  });
});

describe('what points came from', () => {
  it('names a referred member by their grouped number, and leaves receipts and reasons as they are', () => {
    expect(sourceText('referral', '100000017')).toBe('1000 0001 7');
    expect(sourceText('payment', 'R20261202-0000002')).toBe('R20261202-0000002');
    expect(sourceText('adjustment', null)).toBeNull();
  });
});

describe('points typed and rates shown', () => {
  it('reads whole points with the shared parseAmount, signed only where asked', () => {
    expect(checkPoints('1,500', false)).toEqual({ points: 1500, problem: null });
    expect(checkPoints('-20', true)).toEqual({ points: -20, problem: null });
    expect(checkPoints('-20', false)).toEqual({ points: null, problem: 'negative' });
    expect(checkPoints('1.5', false)).toEqual({ points: null, problem: 'too_many_decimals' });
    expect(checkPoints('0', true)).toEqual({ points: null, problem: 'zero' });
  });

  it('writes fee rates as percent, multipliers as ×n and months in the locale', () => {
    expect(formatBasisPoints(40, 'en')).toBe('0.4%');
    expect(formatMultiplier(125, 'en')).toBe('×1.25');
    expect(formatMultiplier(200, 'zh-CN')).toBe('×2');
    expect(formatMonth('2026-11', 'en')).toBe('Nov 2026');
    expect(formatMonth('2026-11', 'zh-CN')).toBe('2026年11月');
  });
});
