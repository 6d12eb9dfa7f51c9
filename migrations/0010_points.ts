import { sql, type Kysely } from 'kysely';

// Member tiers and the points scheme (issue 9). Points are PTS in the ledger: each member's
// points account is a member wallet in PTS (member_wallets), opened at their first points. What
// the journal cannot say alone lives here:
// - point_lots: one per earning, its id the id of the transfer that earned it; `remaining` is what
//   is left of it, so a member's PTS balance is the sum of their lots' remaining;
// - point_moves: every change to a lot and the transfer that made it (the earning itself, a spend,
//   an expiry, a refund's take-back, a redemption given back): the lineage of each spend;
// - point_records: the referrals and reviews recorded, so a referral counts once per referred
//   member and the caps per period can be counted;
// - point_credit: wallet money that came from redeemed points, moved by the transfers that paid it
//   in or spent it, so a payment made with it earns nothing;
// - member_tiers: a member's tier, since when, and the floor an admin set (no row: the lowest
//   tier, no floor).
// Two PTS accounts join the chart: points redeemed (5910) and points expired (5920).
// Frozen: change the schema with a new file.

const NEW_POINTS_ACCOUNTS = [
  { role: 'points_redeemed', code: '5910-PTS', name: 'Points redeemed' },
  { role: 'points_expired', code: '5920-PTS', name: 'Points expired' },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE point_lots (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id),
    rule TEXT NOT NULL CHECK (rule IN ('payment','referral','review','adjustment')),
    rules_version INTEGER NOT NULL,
    amount INTEGER NOT NULL CHECK (amount > 0),
    remaining INTEGER NOT NULL CHECK (remaining >= 0 AND remaining <= amount),
    earned_at TEXT NOT NULL,
    spendable_at TEXT NOT NULL,
    expires_at TEXT,
    source TEXT,
    revoked_at TEXT,
    shortfall INTEGER NOT NULL DEFAULT 0 CHECK (shortfall >= 0)
  )`.execute(db);
  // Spending walks a member's live lots soonest expiry first (never-expiring last), then oldest.
  await sql`CREATE INDEX point_lots_fefo ON point_lots (member_id, expires_at IS NULL, expires_at, id) WHERE remaining > 0`.execute(db);
  await sql`CREATE INDEX point_lots_due ON point_lots (expires_at) WHERE remaining > 0 AND expires_at IS NOT NULL`.execute(db);
  // Qualifying points: a member's earnings in the rolling window.
  await sql`CREATE INDEX point_lots_earned ON point_lots (member_id, earned_at)`.execute(db);

  await sql`CREATE TABLE point_moves (
    transfer_id INTEGER NOT NULL,
    lot_id INTEGER NOT NULL REFERENCES point_lots(id),
    points INTEGER NOT NULL CHECK (points <> 0),
    PRIMARY KEY (transfer_id, lot_id)
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX point_moves_lot ON point_moves (lot_id)`.execute(db);

  await sql`CREATE TABLE point_records (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('referral','review')),
    member_id INTEGER NOT NULL REFERENCES members(id),
    referred_id INTEGER REFERENCES members(id),
    reference TEXT,
    transfer_id INTEGER,
    actor TEXT NOT NULL,
    created_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX point_records_referred_once ON point_records (referred_id) WHERE kind = 'referral'`.execute(db);
  await sql`CREATE INDEX point_records_member ON point_records (member_id, kind, created_at)`.execute(db);

  await sql`CREATE TABLE point_credit (
    transfer_id INTEGER NOT NULL,
    member_id INTEGER NOT NULL REFERENCES members(id),
    currency TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount <> 0),
    PRIMARY KEY (transfer_id, member_id)
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX point_credit_wallet ON point_credit (member_id, currency)`.execute(db);

  await sql`CREATE TABLE member_tiers (
    member_id INTEGER PRIMARY KEY REFERENCES members(id),
    tier TEXT NOT NULL,
    floor TEXT,
    since TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX member_tiers_tier ON member_tiers (tier)`.execute(db);

  const createdAt = new Date().toISOString();
  for (const account of NEW_POINTS_ACCOUNTS) {
    await sql`INSERT INTO accounts (code, name, kind, currency, owner_type, system_role, no_overdraft, created_at)
      VALUES (${account.code}, ${account.name}, 'income', 'PTS', 'system', ${account.role}, 0, ${createdAt})`.execute(db);
  }
}
