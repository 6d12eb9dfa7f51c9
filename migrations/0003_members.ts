import { sql, type Kysely } from 'kysely';

// Members, their wallet accounts and teller receipts. Frozen: change the schema with a new file.
export async function up(db: Kysely<unknown>): Promise<void> {
  await createMembers(db);
  await createMemberSearch(db);
  await createWallets(db);
  await createReceipts(db);
  // members.history reads a member's audit rows; without this it would scan the whole log.
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity_type', 'entity_id', 'id']).execute();
}

async function createMembers(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('members')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('member_number', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    // AES-256-GCM box (JSON) under a key derived from the master key; the clear number is never stored.
    .addColumn('id_document_sealed', 'text')
    .addColumn('id_document_last4', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('active','frozen','closed')`))
    .addColumn('status_reason', 'text')
    .addColumn('referred_by', 'integer', (c) => c.references('members.id'))
    .addColumn('notes', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // A phone number identifies one living member; a closed member's number can be reissued by the carrier.
  await sql`CREATE UNIQUE INDEX members_phone_open ON members (phone) WHERE status <> 'closed'`.execute(db);
  await db.schema.createIndex('members_phone').on('members').column('phone').execute();
  await db.schema.createIndex('members_name').on('members').column('name').execute();
  await db.schema.createIndex('members_status').on('members').columns(['status', 'id']).execute();
}

async function createMemberSearch(db: Kysely<unknown>): Promise<void> {
  // Trigram tokens make any 3-character substring of a name (CJK or Latin) an index lookup.
  await sql`CREATE VIRTUAL TABLE members_fts USING fts5(name, content='members', content_rowid='id', tokenize='trigram')`.execute(db);
  await sql`CREATE TRIGGER members_fts_insert AFTER INSERT ON members BEGIN
    INSERT INTO members_fts (rowid, name) VALUES (new.id, new.name);
  END`.execute(db);
  await sql`CREATE TRIGGER members_fts_update AFTER UPDATE OF name ON members BEGIN
    INSERT INTO members_fts (members_fts, rowid, name) VALUES ('delete', old.id, old.name);
    INSERT INTO members_fts (rowid, name) VALUES (new.id, new.name);
  END`.execute(db);
  // Trigrams cannot match one or two characters. For those queries the member service writes every
  // 1- and 2-character substring of each name as one token here (rowid = member id). Letters,
  // digits, marks, punctuation and symbols are token characters, so `%` or `O'` is a token too;
  // only white space separates. Contentless: the names live in members.
  await sql`CREATE VIRTUAL TABLE members_grams USING fts5(grams, content='', contentless_delete=1, detail=none,
    tokenize="unicode61 categories 'L* N* Co M* P* S*' remove_diacritics 0")`.execute(db);
}

async function createWallets(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('member_wallets')
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('account_id', 'integer', (c) => c.notNull().unique().references('accounts.id'))
    .addPrimaryKeyConstraint('member_wallets_pk', ['member_id', 'currency'])
    .execute();
}

async function createReceipts(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('wallet_receipts')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('receipt_number', 'text', (c) => c.notNull().unique())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    // The request as first received, to tell a replay from a reuse of the key with other details.
    .addColumn('request_json', 'text', (c) => c.notNull())
    .addColumn('operation', 'text', (c) => c.notNull().check(sql`operation IN ('deposit','withdrawal','payment','transfer','reversal')`))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('counterparty_member_id', 'integer', (c) => c.references('members.id'))
    .addColumn('merchant', 'text')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('fee', 'integer', (c) => c.notNull().check(sql`fee >= 0`))
    .addColumn('balance_after', 'integer', (c) => c.notNull())
    .addColumn('teller', 'text', (c) => c.notNull())
    .addColumn('teller_name', 'text', (c) => c.notNull())
    .addColumn('memo', 'text')
    .addColumn('reason', 'text')
    .addColumn('reverses_receipt_id', 'integer', (c) => c.unique().references('wallet_receipts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wallet_receipts_member').on('wallet_receipts').columns(['member_id', 'id']).execute();
  await db.schema
    .createTable('wallet_receipt_transfers')
    .addColumn('transfer_id', 'integer', (c) => c.primaryKey().references('transfers.id'))
    .addColumn('receipt_id', 'integer', (c) => c.notNull().references('wallet_receipts.id'))
    .execute();
  await db.schema.createIndex('wallet_receipt_transfers_receipt').on('wallet_receipt_transfers').column('receipt_id').execute();
  // A receipt is what the member was handed; like a transfer, it is never edited or removed.
  for (const table of ['wallet_receipts', 'wallet_receipt_transfers']) {
    for (const event of ['UPDATE', 'DELETE']) {
      await sql.raw(`CREATE TRIGGER ${table}_no_${event.toLowerCase()} BEFORE ${event} ON ${table}
        BEGIN SELECT RAISE(ABORT, '${table} rows are immutable'); END`).execute(db);
    }
  }
}
