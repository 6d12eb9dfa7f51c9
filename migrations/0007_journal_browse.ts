import type { Kysely } from 'kysely';

// The journal browser (issue 8) filters every transfer by kind, by actor and by time, newest
// first. An index per filter keeps a page one short index read at a million transfers: kind and
// actor end in the id, so each reads newest first without a sort; time reads the range asked for.
// Accounts already have theirs (0002). Frozen: change the schema with a new file.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('transfers_kind').on('transfers').column('kind').execute();
  await db.schema.createIndex('transfers_actor').on('transfers').column('actor').execute();
  await db.schema.createIndex('transfers_created').on('transfers').column('created_at').execute();
}
