import { sql, type Kysely } from 'kysely';

// The dashboard (issue 12) counts from indexes, never a pass over a table: members registered per
// week (a range of created_at), cards by state, and payout batches made since the month began.
// Frozen: change the schema with a new file.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX members_created ON members (created_at)`.execute(db);
  await sql`CREATE INDEX cards_state ON cards (state)`.execute(db);
  await sql`CREATE INDEX payout_batches_created ON payout_batches (created_at)`.execute(db);
}
