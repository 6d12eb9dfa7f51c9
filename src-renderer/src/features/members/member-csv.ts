import type { TFunction } from 'i18next';
import type { MemberRow } from '../../../../src-shared/contract/members';
import type { LoyaltyRules } from '../../../../src-shared/settings/loyalty-settings';
import { tierName } from '../points/tier-text';
import type { CsvColumn } from '../../../../src-shared/csv/csv-writer';

// The members list as a CSV file: every member the search, status and tier filters select, in the
// list's order (not only the page on screen; members.export answers them in one pass), with the
// balance as a plain number in the list's currency and the tier by the name people read.

export const MEMBERS_CSV_SUBJECT = 'members';

export function memberCsvColumns(t: TFunction, currency: string, rules: Pick<LoyaltyRules, 'tiers'> | undefined): CsvColumn<MemberRow>[] {
  return [
    { kind: 'text', header: t('members:field.memberNumber'), value: (row) => row.memberNumber },
    { kind: 'text', header: t('members:field.name'), value: (row) => row.name },
    { kind: 'text', header: t('members:field.phone'), value: (row) => row.phone },
    { kind: 'text', header: t('members:field.email'), value: (row) => row.email },
    { kind: 'text', header: t('members:field.status'), value: (row) => t(`members:status.${row.status}`) },
    { kind: 'dateTime', header: t('members:field.createdAt'), value: (row) => row.createdAt },
    { kind: 'amount', header: t('members:field.balanceIn', { currency }), minor: (row) => row.balance, currency: () => currency },
    { kind: 'text', header: t('members:field.tier'), value: (row) => tierName(rules, row.tier, t) },
  ];
}
