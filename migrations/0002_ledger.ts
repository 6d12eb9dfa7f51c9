import { sql, type Kysely } from 'kysely';

// The double-entry ledger: accounts with running totals, and an append-only, hash-chained
// journal of transfers. Frozen: change the schema with a new file.

// The system chart of accounts as it stood when this migration landed. It is copied here rather
// than imported so that later changes to the engine's chart never change what this file does.
const SYSTEM_ACCOUNTS: { role: string; base: string; name: string; kind: string; noOverdraft: 0 | 1; currency: string }[] = [
  { role: 'branch_cash', base: '1000', name: 'Branch cash', kind: 'asset', noOverdraft: 0, currency: 'CNY' },
  { role: 'bank_settlement', base: '1100', name: 'Bank settlement', kind: 'asset', noOverdraft: 0, currency: 'CNY' },
  { role: 'payout_funding', base: '1200', name: 'Payout funding', kind: 'asset', noOverdraft: 1, currency: 'CNY' },
  { role: 'merchant_settlement', base: '2200', name: 'Merchant settlement payable', kind: 'liability', noOverdraft: 0, currency: 'CNY' },
  { role: 'points_liability', base: '2300', name: 'Points redemption liability', kind: 'liability', noOverdraft: 0, currency: 'CNY' },
  { role: 'owner_equity', base: '3000', name: 'Owner equity', kind: 'equity', noOverdraft: 0, currency: 'CNY' },
  { role: 'fee_income', base: '4000', name: 'Fee income', kind: 'income', noOverdraft: 0, currency: 'CNY' },
  { role: 'points_expense', base: '5100', name: 'Loyalty points expense', kind: 'expense', noOverdraft: 0, currency: 'CNY' },
  { role: 'points_issued', base: '5900', name: 'Points issued', kind: 'expense', noOverdraft: 0, currency: 'PTS' },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('asset','liability','equity','income','expense')`))
    .addColumn('currency', 'text', (c) => c.notNull().check(sql`length(currency) = 3`))
    .addColumn('owner_type', 'text', (c) => c.notNull().check(sql`owner_type IN ('system','member')`))
    .addColumn('owner_id', 'integer')
    .addColumn('system_role', 'text')
    .addColumn('no_overdraft', 'integer', (c) => c.notNull().defaultTo(0).check(sql`no_overdraft IN (0,1)`))
    .addColumn('closed', 'integer', (c) => c.notNull().defaultTo(0).check(sql`closed IN (0,1)`))
    .addColumn('debits_posted', 'integer', (c) => c.notNull().defaultTo(0).check(sql`debits_posted >= 0`))
    .addColumn('credits_posted', 'integer', (c) => c.notNull().defaultTo(0).check(sql`credits_posted >= 0`))
    .addColumn('debits_pending', 'integer', (c) => c.notNull().defaultTo(0).check(sql`debits_pending >= 0`))
    .addColumn('credits_pending', 'integer', (c) => c.notNull().defaultTo(0).check(sql`credits_pending >= 0`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await sql`CREATE UNIQUE INDEX accounts_system_role ON accounts (system_role, currency) WHERE system_role IS NOT NULL`.execute(db);
  await db.schema.createIndex('accounts_owner').on('accounts').columns(['owner_type', 'owner_id']).execute();
  await db.schema.createIndex('accounts_currency_kind').on('accounts').columns(['currency', 'kind']).execute();

  // Ids are assigned by the engine (previous id + 1) because each id is part of its row's hash.
  await db.schema
    .createTable('transfers')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    // No foreign keys on the two accounts: the engine reads both accounts in the same
    // transaction before it writes, accounts are never deleted, and verify checks every row.
    // Declaring them would look both up a second time on every insert.
    .addColumn('debit_account_id', 'integer', (c) => c.notNull())
    .addColumn('credit_account_id', 'integer', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state IN ('posted','pending','post_pending','void_pending','reversal')`))
    .addColumn('pending_id', 'integer', (c) => c.references('transfers.id'))
    .addColumn('reverses_id', 'integer', (c) => c.references('transfers.id'))
    .addColumn('link_id', 'integer')
    .addColumn('memo', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('cause_ref', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  // A hold is resolved (posted or voided) at most once, and a transfer is reversed at most once:
  // the database refuses a second row, whatever the code above it does.
  await sql`CREATE UNIQUE INDEX transfers_resolves_once ON transfers (pending_id) WHERE pending_id IS NOT NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX transfers_reverses_once ON transfers (reverses_id) WHERE reverses_id IS NOT NULL`.execute(db);
  // An account's history is read newest id first; each index carries the rowid, so a single
  // column keeps it small, which matters at bulk-insert time.
  await db.schema.createIndex('transfers_debit').on('transfers').column('debit_account_id').execute();
  await db.schema.createIndex('transfers_credit').on('transfers').column('credit_account_id').execute();
  await sql`CREATE INDEX transfers_hold_expiry ON transfers (expires_at) WHERE state = 'pending' AND expires_at IS NOT NULL`.execute(db);

  // Transfers are immutable: a mistake is corrected by a reversing transfer, never an edit.
  await sql`CREATE TRIGGER transfers_no_update BEFORE UPDATE ON transfers BEGIN SELECT RAISE(ABORT, 'transfers are immutable'); END`.execute(db);
  await sql`CREATE TRIGGER transfers_no_delete BEFORE DELETE ON transfers BEGIN SELECT RAISE(ABORT, 'transfers are immutable'); END`.execute(db);
  await sql`CREATE TRIGGER accounts_no_delete BEFORE DELETE ON accounts BEGIN SELECT RAISE(ABORT, 'accounts are closed, never deleted'); END`.execute(db);

  const createdAt = new Date().toISOString();
  for (const account of SYSTEM_ACCOUNTS) {
    await sql`INSERT INTO accounts (code, name, kind, currency, owner_type, system_role, no_overdraft, created_at)
      VALUES (${`${account.base}-${account.currency}`}, ${account.name}, ${account.kind}, ${account.currency}, 'system', ${account.role}, ${account.noOverdraft}, ${createdAt})`.execute(db);
  }
}
