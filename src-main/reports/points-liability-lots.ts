import { prepare } from '../store/sql';
import type { Store } from '../store/store';

// The points members hold at a moment, lot by lot, with each lot's expiry. A lot's `remaining`
// stands at now and is the sum of its moves (points/lots.ts), so the points it held at `asOf` are
// its remaining less what its moves changed after then: the moves of the transfers posted after
// `asOf`, an indexed range of the journal by time, as the trial balance takes back its totals.
// Taken at now that range is empty and the live lots are read through their partial indexes
// (remaining > 0) alone: the journal is never scanned.

/** The expiry buckets, soonest first; past expiry means held until the next expiry run empties the lot. */
export const EXPIRY_BUCKETS = ['pastExpiry', 'within30Days', 'within90Days', 'within365Days', 'later', 'never'] as const;
export type ExpiryBucket = (typeof EXPIRY_BUCKETS)[number];

const DAY_MS = 86_400_000;

/** What each lot's moves changed after `asOf`, as [lot id, points] pairs (JSON, for the query's json_each). */
function movedAfter(store: Store, asOf: string): string {
  const sql = `SELECT m.lot_id, sum(m.points) FROM transfers t JOIN point_moves m ON m.transfer_id = t.id WHERE t.created_at > ? GROUP BY m.lot_id`;
  return JSON.stringify(prepare(store.sqlite, sql).raw().all(asOf));
}

/**
 * `SELECT member_id, expires_at, held` over every lot that held points at `asOf`, with the
 * parameters it needs (all named: the callers add their own).
 */
export interface HeldLots {
  sql: string;
  params: Record<string, string>;
}

export function heldLots(store: Store, asOf: string): HeldLots {
  const moved = movedAfter(store, asOf);
  const at = new Date(asOf).getTime();
  const days = (n: number) => new Date(at + n * DAY_MS).toISOString();
  const params = { asOf, d30: days(30), d90: days(90), d365: days(365) };
  if (moved === '[]') return { sql: 'SELECT member_id, expires_at, remaining AS held FROM point_lots WHERE remaining > 0', params };
  // A lot emptied since `asOf` (spent, expired) held points then too; a lot earned since held none.
  const adjusted = `(SELECT json_extract(value, '$[0]') AS lot_id, json_extract(value, '$[1]') AS points FROM json_each(@moved))`;
  const sql = `SELECT l.member_id, l.expires_at, l.remaining - coalesce(a.points, 0) AS held FROM point_lots l LEFT JOIN ${adjusted} a ON a.lot_id = l.id WHERE l.remaining > 0
    UNION ALL
    SELECT l.member_id, l.expires_at, -a.points AS held FROM ${adjusted} a JOIN point_lots l ON l.id = a.lot_id WHERE l.remaining = 0`;
  return { sql, params: { ...params, moved } };
}

/** The bucket of a lot's expiry relative to `asOf` (@asOf, @d30, @d90, @d365 of heldLots' parameters). */
export function bucketOf(expiresAt: string): string {
  return `CASE WHEN ${expiresAt} IS NULL THEN 'never' WHEN ${expiresAt} <= @asOf THEN 'pastExpiry' WHEN ${expiresAt} <= @d30 THEN 'within30Days'
    WHEN ${expiresAt} <= @d90 THEN 'within90Days' WHEN ${expiresAt} <= @d365 THEN 'within365Days' ELSE 'later' END`;
}

/** Points held at `asOf` in each bucket (buckets holding none left out). */
export function pointsByBucket(store: Store, lots: HeldLots): Map<ExpiryBucket, number> {
  const sql = `SELECT ${bucketOf('expires_at')} AS bucket, sum(held) AS points FROM (${lots.sql}) WHERE held > 0 GROUP BY bucket`;
  const rows = prepare(store.sqlite, sql).all(lots.params) as { bucket: ExpiryBucket; points: number }[];
  return new Map(rows.map((row) => [row.bucket, row.points]));
}

export interface MemberLiability {
  member_number: string;
  name: string;
  tier: string;
  points: number;
  expiring: number;
}

function memberSql(lots: HeldLots): string {
  return `SELECT m.member_number, m.name, coalesce(t.tier, @lowestTier) AS tier, sum(s.held) AS points,
      sum(CASE WHEN s.expires_at IS NOT NULL AND s.expires_at <= @d30 THEN s.held ELSE 0 END) AS expiring
    FROM (${lots.sql}) s JOIN members m ON m.id = s.member_id LEFT JOIN member_tiers t ON t.member_id = s.member_id
    WHERE s.held > 0 GROUP BY s.member_id ORDER BY s.member_id`;
}

/** Each member holding points at `asOf`, in registration order: their points and those expiring within 30 days (past expiry included). */
export function membersHolding(store: Store, lots: HeldLots, lowestTier: string): IterableIterator<MemberLiability> {
  return prepare(store.sqlite, memberSql(lots)).iterate({ ...lots.params, lowestTier }) as IterableIterator<MemberLiability>;
}

export function countMembersHolding(store: Store, lots: HeldLots): number {
  const sql = `SELECT count(*) FROM (SELECT member_id FROM (${lots.sql}) WHERE held > 0 GROUP BY member_id)`;
  return prepare(store.sqlite, sql).pluck().get(lots.params) as number;
}
