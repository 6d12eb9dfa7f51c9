import { describe, expect, it } from 'vitest';
import type { PayoutItem } from '../../../../../src-shared/contract/payouts';
import { groupPossibleDuplicates } from './duplicate-groups';

function item(id: number, line: number, memberId: number, amount: number): PayoutItem {
  return {
    id, line, reference: `R${line}`, memberNo: `10000000${memberId}`, memberId, memberName: `会员${memberId}`, amountText: String(amount / 100), amount, currency: 'CNY', destination: 'wallet',
    bankCardLast4: null, note: '', rowStatus: 'warning', problems: [], status: 'PENDING', code: null, transferId: null,
  };
}

describe('possible duplicates side by side', () => {
  it('puts the rows of one member and amount in one group, groups in the order of their first line', () => {
    const groups = groupPossibleDuplicates([item(5, 9, 2, 500), item(1, 2, 1, 100), item(3, 6, 1, 100), item(4, 7, 2, 500)]);
    expect(groups.map((group) => group.items.map((row) => row.line))).toEqual([[2, 6], [7, 9]]);
    expect(groups[0]).toMatchObject({ memberName: '会员1', amount: 100, currency: 'CNY' });
  });

  it('keeps the same member with another amount apart, and a row paid alike last week alone', () => {
    const groups = groupPossibleDuplicates([item(1, 2, 1, 100), item(2, 3, 1, 200)]);
    expect(groups.map((group) => group.items.length)).toEqual([1, 1]);
  });
});
