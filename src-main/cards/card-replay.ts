import type { AuditRecord } from '../audit/audit-replay';
import { redact } from '../audit/record-audit';

// The replay every card table is checked against: each change of a program, a card, a member's
// limits or a bank card writes the entity's whole summary to its audit row, so the last row of
// each entity is the entity as it must be now, and its first row says who made it and when.

export interface ReplayedEntity {
  /** The audit row that made the entity (its creation), and the latest one. */
  first: AuditRecord;
  last: AuditRecord;
}

/** By entity id, the entities the records leave standing; `deleteAction` removes one. */
export function replayEntities(records: readonly AuditRecord[], deleteAction?: string): Map<string, ReplayedEntity> {
  const entities = new Map<string, ReplayedEntity>();
  for (const record of records) {
    const id = record.entityId ?? '';
    if (record.action === deleteAction) {
      entities.delete(id);
      continue;
    }
    const known = entities.get(id);
    entities.set(id, { first: known?.first ?? record, last: record });
  }
  return entities;
}

/** JSON with object keys sorted, so two pictures built in different key orders compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The first field of `summary` (a row's summary as the service writes it) that the audited
 * picture does not hold, compared as the log keeps it (secret-looking fields redacted); null
 * when they agree. Keys the picture has beyond the summary (how a change happened) are ignored.
 */
export function summaryDiffers(summary: Record<string, unknown>, audited: Record<string, unknown> | null): string | null {
  const kept = redact(summary) as Record<string, unknown>;
  for (const [field, value] of Object.entries(kept)) {
    if (!audited || canonical(value) !== canonical(audited[field])) return field;
  }
  return null;
}
