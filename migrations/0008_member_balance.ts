import { sql, type Kysely } from 'kysely';

// The members list sorts by wallet balance (issue 8): an index on the member accounts' currency and
// posted balance (a wallet is a liability: credits less debits), ending in the account id, lets a
// page of 100,000 members walk the index in order instead of reading and sorting every wallet.
// Partial, so posting to the operator's own busy accounts keeps one index fewer to update.
// Frozen: change the schema with a new file.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX accounts_member_balance ON accounts (currency, credits_posted - debits_posted) WHERE owner_type = 'member'`.execute(db);
}
