import { sql, type Kysely } from 'kysely';

// CSV batch payouts (issue 11).
// - payout_batches: one imported file each, its status from draft to completed, the hash of its
//   canonical content (every item as imported), and the funding hold an approval placed.
// - payout_items: every data row of the file, payable or not, with the problems validation
//   found; `payable` rows are paid at execution, each by one transfer named on the row.
// - payout_approvals: each approval signed with the approver's own key over the content hash.
// Two accounts join the chart for every money currency: payouts in execution (2400), where an
// executing batch's hold is posted and each item is paid from, and bank payouts clearing
// (2410), where an item sent to a bank card waits until the bank settles or returns it.
// Frozen: change the schema with a new file.

const NEW_ACCOUNTS = [
  { role: 'payouts_in_execution', number: '2400', name: 'Payouts in execution' },
  { role: 'bank_payouts_clearing', number: '2410', name: 'Bank payouts clearing' },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE payout_batches (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    encoding TEXT NOT NULL,
    delimiter TEXT NOT NULL,
    currency TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft','submitted','approved','rejected','cancelled','executing','completed')),
    row_count INTEGER NOT NULL CHECK (row_count >= 0),
    item_count INTEGER NOT NULL CHECK (item_count >= 0),
    total INTEGER NOT NULL CHECK (total >= 0),
    content_hash TEXT NOT NULL,
    file_problems TEXT NOT NULL,
    approvals_required INTEGER NOT NULL CHECK (approvals_required IN (1, 2)),
    hold_id INTEGER UNIQUE,
    job_id TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    submitted_by TEXT,
    submitted_at TEXT,
    decided_by TEXT,
    decided_at TEXT,
    reject_reason TEXT,
    completed_at TEXT,
    updated_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX payout_batches_status ON payout_batches (status, id)`.execute(db);
  await sql`CREATE INDEX payout_batches_file ON payout_batches (file_sha256)`.execute(db);

  await sql`CREATE TABLE payout_items (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES payout_batches(id),
    line INTEGER NOT NULL,
    reference TEXT NOT NULL,
    member_no TEXT NOT NULL,
    member_id INTEGER REFERENCES members(id),
    amount_text TEXT NOT NULL,
    amount INTEGER CHECK (amount IS NULL OR amount > 0),
    currency TEXT NOT NULL,
    destination TEXT NOT NULL,
    bank_card_id INTEGER REFERENCES bank_cards(id),
    note TEXT NOT NULL,
    problems TEXT NOT NULL,
    payable INTEGER NOT NULL CHECK (payable IN (0, 1)),
    status TEXT NOT NULL CHECK (status IN ('PENDING','PAID','SENT','SETTLED','RETURNED','FAILED','SKIPPED')),
    code TEXT,
    transfer_id INTEGER UNIQUE,
    resolution_transfer_id INTEGER UNIQUE,
    paid_at TEXT,
    CHECK (payable = 0 OR (amount IS NOT NULL AND member_id IS NOT NULL)),
    CHECK ((transfer_id IS NOT NULL) = (status IN ('PAID','SENT','SETTLED','RETURNED'))),
    CHECK ((resolution_transfer_id IS NOT NULL) = (status IN ('SETTLED','RETURNED')))
  )`.execute(db);
  await sql`CREATE INDEX payout_items_batch ON payout_items (batch_id, id)`.execute(db);
  // REFERENCE_ALREADY_USED looks a reference up among the payable items of earlier batches.
  await sql`CREATE INDEX payout_items_reference ON payout_items (reference) WHERE payable = 1`.execute(db);
  // POSSIBLE_DUPLICATE looks up what was paid to a member, of an amount, in the last 7 days.
  await sql`CREATE INDEX payout_items_paid ON payout_items (member_id, amount, paid_at) WHERE paid_at IS NOT NULL`.execute(db);

  await sql`CREATE TABLE payout_approvals (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES payout_batches(id),
    approver TEXT NOT NULL,
    certificate_id INTEGER NOT NULL REFERENCES staff_certificates(id),
    content_hash TEXT NOT NULL,
    public_key TEXT NOT NULL,
    signature TEXT NOT NULL,
    at TEXT NOT NULL,
    UNIQUE (batch_id, approver)
  )`.execute(db);

  // Payout funding is what batches are paid from: funding credits it, a hold and each payment
  // debit it, so it is credit-normal, and no_overdraft then refuses a batch larger than it.
  await sql`UPDATE accounts SET kind = 'liability' WHERE system_role = 'payout_funding'`.execute(db);

  const createdAt = new Date().toISOString();
  for (const account of NEW_ACCOUNTS) {
    await sql`INSERT INTO accounts (code, name, kind, currency, owner_type, system_role, no_overdraft, created_at)
      SELECT ${account.number} || '-' || currency, ${account.name}, 'liability', currency, 'system', ${account.role}, 0, ${createdAt}
      FROM accounts WHERE system_role = 'payout_funding'`.execute(db);
  }
}
