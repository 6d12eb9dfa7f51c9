import { useMemo, type RefObject } from 'react';
import { gridFilteredSortedRowEntriesSelector, type GridApi } from '@mui/x-data-grid';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../../src-shared/contract/staff';
import type { CsvColumn } from '../../../../src-shared/csv/csv-writer';

// The staff list as a CSV file: the people the grid shows, filtered and sorted as on screen.

export const STAFF_CSV_SUBJECT = 'staff';

export function useStaffCsvColumns(): CsvColumn<StaffMember>[] {
  const { t } = useTranslation();
  return useMemo(
    () => [
      { kind: 'text', header: t('staff:field.username'), value: (member) => member.username },
      { kind: 'text', header: t('staff:field.displayName'), value: (member) => member.displayName },
      { kind: 'text', header: t('staff:field.role'), value: (member) => t(`common:role.${member.role}`) },
      { kind: 'text', header: t('staff:field.status'), value: (member) => t(`common:status.${member.status}`) },
      { kind: 'dateTime', header: t('staff:field.lastLogin'), value: (member) => member.lastLoginAt },
      { kind: 'dateTime', header: t('staff:field.lockout'), value: (member) => member.lockedUntil },
    ],
    [t],
  );
}

/** The rows as the grid shows them now: after its filter and quick search, in its sort order. */
export function shownStaff(apiRef: RefObject<GridApi | null>): StaffMember[] {
  return gridFilteredSortedRowEntriesSelector(apiRef).map((entry) => entry.model as StaffMember);
}
