import type { Selectable } from 'kysely';
import type { SqliteDatabase } from '../store/open-database';
import type { AuditLogTable } from './tables';
import { GENESIS_HASH, canonicalAuditRow, chainHash } from './audit-chain';

export interface ChainStatus {
  ok: boolean;
  count: number;
  head: string;
  firstBrokenId: number | null;
}

/**
 * Replays the audit chain from the genesis hash and names the first row that does not match.
 * Ids run 1..n (recordAudit numbers each row after the last), so a row removed from the middle
 * is named by the row after the gap even when the hashes after it were recomputed.
 */
export function verifyAuditChain(sqlite: SqliteDatabase): ChainStatus {
  let prev = GENESIS_HASH;
  let count = 0;
  const rows = sqlite.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as Iterable<Selectable<AuditLogTable>>;
  for (const row of rows) {
    count += 1;
    const expected = chainHash(prev, canonicalAuditRow(row));
    if (row.id !== count || row.prev_hash !== prev || row.hash !== expected) {
      return { ok: false, count, head: prev, firstBrokenId: row.id };
    }
    prev = row.hash;
  }
  return { ok: true, count, head: prev, firstBrokenId: null };
}
