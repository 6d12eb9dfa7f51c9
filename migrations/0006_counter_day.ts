import type { Kysely } from 'kysely';

// Home asks each person for their own receipts of the day (wallets.counterDay): an index on the
// teller and the time, so that stays one range read however many receipts the branch has.
// Frozen: change the schema with a new file.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('wallet_receipts_teller').on('wallet_receipts').columns(['teller', 'created_at']).execute();
}
