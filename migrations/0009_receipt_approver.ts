import type { Kysely } from 'kysely';

// Above the counter's approval threshold a second person (finance or admin) approves an
// operation with their own passphrase (issue 8); the receipt names them, as it names the teller.
// Both columns are null on every receipt before this and on every receipt nobody had to approve.
// Frozen: change the schema with a new file.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('wallet_receipts').addColumn('approver', 'text').execute();
  await db.schema.alterTable('wallet_receipts').addColumn('approver_name', 'text').execute();
}
