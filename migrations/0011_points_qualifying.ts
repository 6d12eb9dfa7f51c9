import { sql, type Kysely } from 'kysely';

// The tier review sums every member's qualifying points in one pass over point_lots (issue 9's
// points.expire_job.100k: 100k members, 1M lots). With amount and revoked_at in the index beside
// member and earning time, that pass and each member's own qualifying sum read the index alone,
// not a table row per lot; it replaces 0010's (member_id, earned_at), which it starts with.
// Frozen: change the schema with a new file.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX point_lots_qualifying ON point_lots (member_id, earned_at, amount, revoked_at)`.execute(db);
  await sql`DROP INDEX point_lots_earned`.execute(db);
}
