import type { PayoutItem } from '../../../../../src-shared/contract/payouts';

// "Possible duplicates side by side": the rows the validator marked POSSIBLE_DUPLICATE, grouped
// by what made them alike (the same member and the same amount), so the reviewer reads each pair
// on one card. A group of one is a row whose twin was paid to that member in the last seven days,
// not in this file.

export interface DuplicateGroup {
  key: string;
  memberNo: string;
  memberName: string | null;
  amount: number;
  currency: string;
  items: PayoutItem[];
}

function groupKey(item: PayoutItem): string {
  return `${item.memberId ?? item.memberNo}:${item.amount ?? item.amountText}`;
}

/** The groups in the order of their first line in the file; each group's rows by line. */
export function groupPossibleDuplicates(items: readonly PayoutItem[]): DuplicateGroup[] {
  const groups = new Map<string, DuplicateGroup>();
  for (const item of [...items].sort((a, b) => a.line - b.line)) {
    const key = groupKey(item);
    const group = groups.get(key);
    if (group) group.items.push(item);
    else groups.set(key, { key, memberNo: item.memberNo, memberName: item.memberName, amount: item.amount ?? 0, currency: item.currency, items: [item] });
  }
  return [...groups.values()];
}
