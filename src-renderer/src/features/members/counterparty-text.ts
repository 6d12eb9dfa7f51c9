import type { TFunction } from 'i18next';
import type { WalletCounterparty } from '../../../../src-shared/contract/members';
import { formatMemberNumber } from '../../../../src-shared/member-number';

/**
 * Who stood on the other side of a wallet transfer, as a teller says it: the other member with
 * their number, the merchant, or the operator's account in plain words ("Cash" for branch cash).
 */
export function counterpartyText(counterparty: WalletCounterparty | null, t: TFunction): string {
  if (counterparty === null) return '—';
  switch (counterparty.kind) {
    case 'member':
      return `${counterparty.member.name} · ${formatMemberNumber(counterparty.member.memberNumber)}`;
    case 'merchant':
      return counterparty.name;
    case 'operator':
      // The counter's own word where it has one ("Cash"), else the account's name in the chart.
      return t([`members:counterparty.${counterparty.role}`, `ledger:systemRole.${counterparty.role}`], { defaultValue: counterparty.role });
  }
}
