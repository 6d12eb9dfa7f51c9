import type { SqliteDatabase } from '../store/open-database';
import { prepare } from '../store/sql';
import { GENESIS_HASH } from '../audit/audit-chain';

// Where each hash chain ends now: a checkpoint signs these, verify compares them. Every chained
// table numbers its rows 1..n and stores each row's hash, so a head is one indexed read.

export interface Head {
  id: number;
  hash: string;
}

export const CHAINED_TABLES = { journal: 'transfers', audit: 'audit_log', certificates: 'staff_certificates' } as const;
export type ChainName = keyof typeof CHAINED_TABLES;

const EMPTY_HEAD: Head = { id: 0, hash: GENESIS_HASH };

export function headOf(sqlite: SqliteDatabase, chain: ChainName): Head {
  return (prepare(sqlite, `SELECT id, hash FROM ${CHAINED_TABLES[chain]} ORDER BY id DESC LIMIT 1`).get() as Head | undefined) ?? EMPTY_HEAD;
}

/** The hash today's row `id` of `chain` has: null when the row is gone; the genesis hash for id 0. */
export function hashAt(sqlite: SqliteDatabase, chain: ChainName, id: number): string | null {
  if (id === 0) return GENESIS_HASH;
  return (prepare(sqlite, `SELECT hash FROM ${CHAINED_TABLES[chain]} WHERE id = ?`).get(id) as { hash: string } | undefined)?.hash ?? null;
}
