import { sql, type Selectable } from 'kysely';
import type { ReportColumn, ReportParams, ReportRow } from '../../src-shared/contract/reports';
import { AppError } from '../../src-shared/errors';
import type { AuditLogTable } from '../audit/tables';
import { filteredAudit, type AuditFilter } from '../audit/list-audit';
import { prepare, selectFirst } from '../store/sql';
import type { ReportDefinition } from './report-definition';
import { reportPeriod } from './report-params';

// The audit log extract: the rows the audit screen would list for the same actor, action, entity
// and period (the same filter, both ends of the period included), oldest first. The log grows
// with every change ever made, so the rows are read one at a time as the export writes them.
// Before and after are the summaries exactly as the log stores (and hashes) them: secrets were
// left out when the row was written, and an extract shows no more and no less.

const ENTRY_COLUMNS: ReportColumn[] = [
  { key: 'id', kind: 'integer' },
  { key: 'at', kind: 'dateTime' },
  { key: 'actor', kind: 'text' },
  { key: 'action', kind: 'code' },
  { key: 'entityType', kind: 'code' },
  { key: 'entityId', kind: 'text' },
  { key: 'before', kind: 'text' },
  { key: 'after', kind: 'text' },
  { key: 'hash', kind: 'hash' },
];

/** `entity` is an entity type (`payout_batch`) or one entity as `type#id` (`payout_batch#3`). */
function entityOf(entity: string | undefined): Pick<AuditFilter, 'entityType' | 'entityId'> {
  if (entity === undefined || entity === '') return {};
  const mark = entity.indexOf('#');
  const entityType = mark < 0 ? entity : entity.slice(0, mark);
  const entityId = mark < 0 ? undefined : entity.slice(mark + 1);
  if (entityType === '' || entityId === '') {
    throw new AppError('INVALID_INPUT', `entity "${entity}" is neither an entity type nor type#id.`, { field: 'entity', reason: 'not_an_entity' });
  }
  return { entityType, entityId };
}

function filterOf(params: ReportParams, now: Date): { filter: AuditFilter; parameters: Record<string, string> } {
  const { from, to } = reportPeriod(params, now);
  const filter: AuditFilter = { actor: params.actor || undefined, action: params.action || undefined, ...entityOf(params.entity), from, to };
  const parameters: Record<string, string> = { from, to };
  if (filter.actor) parameters.actor = filter.actor;
  if (filter.action) parameters.action = filter.action;
  if (filter.entityType) parameters.entity = params.entity!;
  return { filter, parameters };
}

function entryRow(row: Selectable<AuditLogTable>): ReportRow {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before_json,
    after: row.after_json,
    hash: row.hash,
  };
}

export const auditLogReport: ReportDefinition = {
  id: 'audit-log',
  open(ctx) {
    const { sqlite } = ctx.store;
    const { filter, parameters } = filterOf(ctx.params, ctx.now);
    const entries = filteredAudit(filter).selectAll().orderBy('id').compile();
    return {
      parameters,
      sections: [
        {
          id: 'entries',
          columns: ENTRY_COLUMNS,
          count: () => selectFirst(sqlite, filteredAudit(filter).select(sql<number>`count(*)`.as('n')))?.n ?? 0,
          rows: function* () {
            for (const row of prepare(sqlite, entries.sql).iterate(...entries.parameters) as IterableIterator<Selectable<AuditLogTable>>) yield entryRow(row);
          },
        },
      ],
    };
  },
};
