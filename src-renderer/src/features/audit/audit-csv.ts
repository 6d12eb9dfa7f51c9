import { useMemo } from 'react';
import type { AuditEntry } from '../../../../src-shared/contract/audit';
import type { ChannelInput } from '../../../../src-shared/contract';
import { call } from '../../api/call';
import type { CsvColumn } from '../../../../src-shared/csv/csv-writer';
import { actionName, entityTypeName, type Words } from './audit-words';
import { beforeAfterText, describeChange } from './describe-change';
import { useAuditWords } from './use-audit-words';

// The audit log as a CSV file: every row the filters select, newest first, with the action in
// words and as its code (what a script or the CLI filters on), local times, and before/after as
// the same readable text the screen shows.

export const AUDIT_CSV_SUBJECT = 'audit-log';

/** The most rows `audit.list` answers at once (src-shared/contract/audit.ts). */
const PAGE_SIZE = 1000;

type AuditQuery = Omit<ChannelInput<'audit.list'>, 'offset' | 'limit'>;

/**
 * Every row the query selects, page by page. Rows recorded meanwhile arrive at the top and push
 * the pages down, so a row can come twice; it is kept once, and none is missed.
 */
export async function allAuditRows(query: AuditQuery): Promise<AuditEntry[]> {
  const rows = new Map<number, AuditEntry>();
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = await call('audit.list', { ...query, offset, limit: PAGE_SIZE });
    for (const row of page.rows) rows.set(row.id, row);
    if (page.rows.length < PAGE_SIZE) return [...rows.values()].sort((a, b) => b.id - a.id);
  }
}

export function auditCsvColumns(words: Words): CsvColumn<AuditEntry>[] {
  const { t } = words;
  const side = (row: AuditEntry) => beforeAfterText(describeChange(row, words), words);
  return [
    { kind: 'integer', header: t('audit:csv.id'), value: (row) => row.id },
    { kind: 'dateTime', header: t('audit:field.at'), value: (row) => row.at },
    { kind: 'text', header: t('audit:field.actor'), value: (row) => row.actor },
    { kind: 'text', header: t('audit:field.action'), value: (row) => actionName(row.action, words) },
    { kind: 'text', header: t('audit:csv.actionCode'), value: (row) => row.action },
    { kind: 'text', header: t('audit:csv.entityType'), value: (row) => entityTypeName(row.entityType, words) },
    { kind: 'text', header: t('audit:csv.entityId'), value: (row) => row.entityId },
    { kind: 'text', header: t('audit:csv.before'), value: (row) => side(row).before },
    { kind: 'text', header: t('audit:csv.after'), value: (row) => side(row).after },
  ];
}

export function useAuditCsvColumns(): CsvColumn<AuditEntry>[] {
  const words = useAuditWords();
  return useMemo(() => auditCsvColumns(words), [words]);
}
