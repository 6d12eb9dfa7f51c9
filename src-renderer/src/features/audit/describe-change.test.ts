import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import i18next from 'i18next';
import { resourcesFromFiles } from '../../i18n';
import { actionName, entityTypeName, type Words } from './audit-words';
import { beforeAfterText, describeChange, summarizeDetail } from './describe-change';

const resources = resourcesFromFiles(import.meta.glob<Record<string, unknown>>('../../i18n/*/*.json', { eager: true, import: 'default' }));

async function wordsIn(language: string): Promise<Words> {
  const instance = i18next.createInstance();
  await instance.init({ resources, lng: language, fallbackLng: 'en', defaultNS: 'common', interpolation: { escapeValue: false } });
  return instance;
}

let en: Words;
let zh: Words;

beforeAll(async () => {
  // The reader's zone, so "local time" has one answer: 15:46 UTC is 23:46 in Shanghai.
  vi.stubEnv('TZ', 'Asia/Shanghai');
  en = await wordsIn('en');
  zh = await wordsIn('zh-CN');
});

afterAll(() => {
  vi.unstubAllEnvs();
});

const staffDisabled = {
  action: 'staff.disable',
  entityType: 'staff',
  before: { username: 'tina', displayName: '张三丰', role: 'teller', status: 'active' },
  after: { username: 'tina', displayName: '张三丰', role: 'teller', status: 'disabled' },
};

const receiptReversed = {
  action: 'wallet.reverse',
  entityType: 'receipt',
  before: { receiptNumber: 'R20261201-000002', operation: 'deposit', amount: 10_000, fee: 0, currency: 'CNY' },
  after: { reversalReceipt: 'R20261201-000003', reason: 'Wrong member', transferIds: [7, 8] },
};

describe('describeChange', () => {
  it('names the action and the entity type in the reader\'s language, and an unknown code as recorded', () => {
    expect(actionName('member.freeze', en)).toBe('Froze a member');
    expect(actionName('member.freeze', zh)).toBe('冻结会员');
    expect(entityTypeName('receipt', zh)).toBe('凭条');
    expect(actionName('cards.issue', zh)).toBe('cards.issue');
    expect(actionName('member', en)).toBe('member');
  });

  it('compares an edit field by field, translating labels and codes, and summarizes only what changed', () => {
    const detail = describeChange(staffDisabled, en);
    expect(detail).toEqual({
      kind: 'change',
      rows: [
        { field: 'username', label: 'User name', before: 'tina', after: 'tina', changed: false },
        { field: 'displayName', label: 'Name', before: '张三丰', after: '张三丰', changed: false },
        { field: 'role', label: 'Role', before: 'Teller', after: 'Teller', changed: false },
        { field: 'status', label: 'Status', before: 'Active', after: 'Disabled', changed: true },
      ],
      context: [],
    });
    expect(summarizeDetail(detail, en)).toBe('Status: Active → Disabled');
    expect(summarizeDetail(describeChange(staffDisabled, zh), zh)).toBe('状态：在用 → 已停用');
  });

  it("reads a member's status in members' words and a member number grouped", () => {
    const frozen = {
      action: 'member.freeze',
      entityType: 'member',
      before: { memberNumber: '100000017', name: '欧阳小明', status: 'active', statusReason: null },
      after: { memberNumber: '100000017', name: '欧阳小明', status: 'frozen', statusReason: 'Card lost' },
    };
    expect(summarizeDetail(describeChange(frozen, zh), zh)).toBe('状态：正常 → 已冻结；状态原因：— → Card lost');
    const created = { action: 'member.create', entityType: 'member', before: null, after: { memberNumber: '100000017', name: '欧阳小明', email: null } };
    expect(summarizeDetail(describeChange(created, en), en)).toBe('Member no.: 1000 0001 7; Name: 欧阳小明');
  });

  it('shows a reversal as what it undid, the reason and the new receipt, with money as money — never as a deletion', () => {
    const detail = describeChange(receiptReversed, en);
    expect(detail).toEqual({
      kind: 'reversal',
      reversed: [
        { field: 'receiptNumber', label: 'Receipt', value: 'R20261201-000002' },
        { field: 'operation', label: 'Operation', value: 'Deposit' },
        { field: 'amount', label: 'Amount', value: 'CN¥100.00' },
        { field: 'fee', label: 'Fee', value: 'CN¥0.00' },
      ],
      reversal: [
        { field: 'reversalReceipt', label: 'Reversal receipt', value: 'R20261201-000003' },
        { field: 'reason', label: 'Reason', value: 'Wrong member' },
        { field: 'transferIds', label: 'Transfers', value: '7, 8' },
      ],
      sentence: 'Reversed receipt R20261201-000002: Deposit, CN¥100.00. New receipt R20261201-000003. Reason: Wrong member',
    });
    expect(summarizeDetail(describeChange(receiptReversed, zh), zh)).toBe('冲正凭条 R20261201-000002：存款，¥100.00。新凭条 R20261201-000003。原因：Wrong member');
    expect(summarizeDetail(detail, en)).not.toContain('→');
  });

  it('writes times in the local zone and settings in their units, never the ISO string or raw basis points', () => {
    const failed = { action: 'session.unlockFailed', entityType: 'staff', before: null, after: { at: '2026-12-01T15:46:07.443Z' } };
    expect(summarizeDetail(describeChange(failed, en), en)).toBe('Time: Dec 1, 2026, 11:46 PM');
    expect(summarizeDetail(describeChange(failed, zh), zh)).toBe('时间：2026年12月1日 23:46');
    const settings = {
      action: 'settings.update',
      entityType: 'settings',
      before: { idleLockMinutes: 10, paymentFeeBps: 50, enabledCurrencies: ['CNY'] },
      after: { idleLockMinutes: 1, paymentFeeBps: 125, enabledCurrencies: ['CNY', 'USD'] },
    };
    expect(summarizeDetail(describeChange(settings, en), en)).toBe('Idle lock: 10 minutes → 1 minute; Payment fee: 0.5% → 1.25%; Currencies: CNY → CNY, USD');
    expect(summarizeDetail(describeChange(settings, zh), zh)).toBe('闲置锁定：10 分钟 → 1 分钟；支付手续费：0.5% → 1.25%；币种：CNY → CNY、USD');
  });

  it('writes the counter\'s limits and fee rates per currency as money and percentages, and names an approver', () => {
    const settings = {
      action: 'settings.update',
      entityType: 'settings',
      before: { operationLimits: { teller: { CNY: 5_000_000 } }, approvalThresholds: { CNY: 1_000_000 }, paymentFeeBpsByCurrency: {} },
      after: { operationLimits: { teller: { CNY: 2_000_000 } }, approvalThresholds: { CNY: 500_000, USD: 100_000 }, paymentFeeBpsByCurrency: { USD: 30 } },
    };
    expect(summarizeDetail(describeChange(settings, en), en)).toBe(
      'Limit per operation: Teller: CNY CN¥50,000.00 → Teller: CNY CN¥20,000.00; Approval threshold: CNY CN¥10,000.00 → CNY CN¥5,000.00, USD $1,000.00; Payment fee per currency: — → USD 0.3%',
    );
    const approved = { action: 'wallet.approve', entityType: 'receipt', before: null, after: { operation: 'deposit', amount: 2_000_000, currency: 'CNY', approvedBy: 'fiona' } };
    expect(summarizeDetail(describeChange(approved, zh), zh)).toContain('批准人：fiona');
  });

  it('lists a transfer reversal with its amount in the currency recorded beside it, and no separate currency line', () => {
    const reversed = { action: 'ledger.reverse', entityType: 'transfer', before: null, after: { reversal: 12, amount: 150, currency: 'USD', reason: 'Duplicate' } };
    expect(summarizeDetail(describeChange(reversed, en), en)).toBe('Reversal transfer: 12; Amount: $1.50; Reason: Duplicate');
  });

  it('keeps a field only the after holds as context of the change (the closed account\'s code)', () => {
    const closed = { action: 'ledger.closeAccount', entityType: 'account', before: { closed: false }, after: { closed: true, code: '2100-100000017-CNY' } };
    expect(describeChange(closed, zh)).toEqual({
      kind: 'change',
      rows: [{ field: 'closed', label: '已关闭', before: '否', after: '是', changed: true }],
      context: [{ field: 'code', label: '科目代码', value: '2100-100000017-CNY' }],
    });
  });

  it('gives the CSV before and after as readable text: only the changed fields of an edit, both sides of a reversal', () => {
    expect(beforeAfterText(describeChange(staffDisabled, en), en)).toEqual({ before: 'Status: Active', after: 'Status: Disabled' });
    expect(beforeAfterText(describeChange(receiptReversed, en), en)).toEqual({
      before: 'Receipt: R20261201-000002; Operation: Deposit; Amount: CN¥100.00; Fee: CN¥0.00',
      after: 'Reversal receipt: R20261201-000003; Reason: Wrong member; Transfers: 7, 8',
    });
    const backup = { action: 'backup.create', entityType: 'backup', before: null, after: { path: '/b/1.pdbk', size: 1_500_000 } };
    expect(beforeAfterText(describeChange(backup, en), en)).toEqual({ before: '', after: 'File: /b/1.pdbk; Size: 1.5 MB' });
  });

  it('shows an unknown field by its recorded name and a nested value as JSON, and nothing when nothing was recorded', () => {
    const unknown = { action: 'x.y', entityType: 'x', before: null, after: { limits: { day: 1 } } };
    expect(summarizeDetail(describeChange(unknown, en), en)).toBe('limits: {"day":1}');
    expect(describeChange({ action: 'session.lock', entityType: 'session', before: null, after: null }, en)).toEqual({ kind: 'none' });
  });
});
