import { sql, type Kysely } from 'kysely';

// Cards (issue 10): programs under the operator's BINs, the virtual cards issued under them, each
// card's state history, spending limits, the authorizations a card terminal made, and members'
// own bank cards (payout destinations).
// - A card number is stored only sealed (AES-256-GCM, src-main/sealed), beside its keyed
//   fingerprint (unique: no number is issued twice), its first six and last four digits.
// - There is no CVV column: a CVV is derived from the number and the expiry when it is needed,
//   under the program's card-verification key, a random key stored sealed with the program (so a
//   rekey, which changes the master key, changes no card's CVV).
// - card_authorizations keeps every attempt; an approved one names the wallet hold (a pending
//   transfer) that reserves its amount. `counted_amount` is what counts against the limits:
//   the amount while held, the captured amount once captured, 0 once released or declined.
// Frozen: change the schema with a new file.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE card_programs (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    bin TEXT NOT NULL CHECK (length(bin) BETWEEN 6 AND 8 AND bin NOT GLOB '*[^0-9]*'),
    pan_length INTEGER NOT NULL CHECK (pan_length BETWEEN 13 AND 19 AND pan_length - length(bin) >= 4),
    currency TEXT NOT NULL,
    validity_months INTEGER NOT NULL CHECK (validity_months BETWEEN 1 AND 120),
    mode TEXT NOT NULL CHECK (mode IN ('test','live')),
    default_limits TEXT NOT NULL,
    verification_key_sealed TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open','closed')),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`.execute(db);

  await sql`CREATE TABLE cards (
    id INTEGER PRIMARY KEY,
    issue_key TEXT NOT NULL UNIQUE,
    program_id INTEGER NOT NULL REFERENCES card_programs(id),
    member_id INTEGER NOT NULL REFERENCES members(id),
    wallet_account_id INTEGER NOT NULL REFERENCES accounts(id),
    pan_sealed TEXT NOT NULL,
    pan_fingerprint TEXT NOT NULL UNIQUE,
    first6 TEXT NOT NULL,
    last4 TEXT NOT NULL,
    pan_length INTEGER NOT NULL,
    expiry_month TEXT NOT NULL,
    holder_name TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('inactive','active','frozen','cancelled')),
    cancel_reason TEXT CHECK (cancel_reason IN ('lost','stolen','damaged','expired','other')),
    replaces_id INTEGER UNIQUE REFERENCES cards(id),
    replaced_by_id INTEGER UNIQUE REFERENCES cards(id),
    limits TEXT NOT NULL,
    issued_by TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    state_changed_at TEXT NOT NULL,
    CHECK ((state = 'cancelled') = (cancel_reason IS NOT NULL))
  )`.execute(db);
  await sql`CREATE INDEX cards_member ON cards (member_id, id)`.execute(db);
  await sql`CREATE INDEX cards_program ON cards (program_id, id)`.execute(db);
  // The expiry task walks the cards still usable whose last month has passed.
  await sql`CREATE INDEX cards_expiry ON cards (expiry_month) WHERE state <> 'cancelled'`.execute(db);

  await sql`CREATE TABLE card_events (
    id INTEGER PRIMARY KEY,
    card_id INTEGER NOT NULL REFERENCES cards(id),
    from_state TEXT,
    to_state TEXT NOT NULL,
    reason TEXT,
    note TEXT,
    actor TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('teller','system')),
    at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX card_events_card ON card_events (card_id, id)`.execute(db);

  await sql`CREATE TABLE member_card_limits (
    member_id INTEGER NOT NULL REFERENCES members(id),
    currency TEXT NOT NULL,
    limits TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (member_id, currency)
  ) WITHOUT ROWID`.execute(db);

  await sql`CREATE TABLE card_authorizations (
    id INTEGER PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    card_id INTEGER REFERENCES cards(id),
    member_id INTEGER REFERENCES members(id),
    masked_pan TEXT NOT NULL,
    merchant TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount > 0),
    currency TEXT,
    status TEXT NOT NULL CHECK (status IN ('held','captured','voided','expired','declined')),
    decline_code TEXT,
    decline_interval TEXT,
    hold_id INTEGER UNIQUE,
    captured_amount INTEGER NOT NULL DEFAULT 0 CHECK (captured_amount >= 0 AND captured_amount <= amount),
    resolved_by INTEGER UNIQUE,
    counted_amount INTEGER NOT NULL CHECK (counted_amount >= 0),
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    CHECK ((status = 'declined') = (decline_code IS NOT NULL)),
    CHECK ((status = 'declined') = (hold_id IS NULL))
  )`.execute(db);
  await sql`CREATE INDEX card_authorizations_card ON card_authorizations (card_id, id)`.execute(db);
  // Limits sum what counts in each interval with one walk of these covering indexes.
  await sql`CREATE INDEX card_authorizations_card_spend ON card_authorizations (card_id, at, counted_amount) WHERE counted_amount > 0`.execute(db);
  await sql`CREATE INDEX card_authorizations_member_spend ON card_authorizations (member_id, currency, at, counted_amount) WHERE counted_amount > 0`.execute(db);
  await sql`CREATE INDEX card_authorizations_held ON card_authorizations (hold_id) WHERE status = 'held'`.execute(db);

  // What each card, and each member in each currency, has counted per UTC month: a lifetime or a
  // year limit then sums a few months and walks only the rows near its window's start, instead of
  // a year of rows at every authorization. Kept by triggers on counted_amount, so no writer can
  // forget them; verify rebuilds them from card_authorizations and compares.
  await sql`CREATE TABLE card_spend_months (
    card_id INTEGER NOT NULL,
    month TEXT NOT NULL,
    amount INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (card_id, month)
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE TABLE member_spend_months (
    member_id INTEGER NOT NULL,
    currency TEXT NOT NULL,
    month TEXT NOT NULL,
    amount INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (member_id, currency, month)
  ) WITHOUT ROWID`.execute(db);
  for (const [trigger, when, amount, count] of [
    ['card_spend_counted', 'AFTER INSERT ON card_authorizations WHEN NEW.counted_amount > 0', 'NEW.counted_amount', '1'],
    [
      'card_spend_recounted',
      'AFTER UPDATE OF counted_amount ON card_authorizations WHEN NEW.counted_amount <> OLD.counted_amount',
      'NEW.counted_amount - OLD.counted_amount',
      '(NEW.counted_amount > 0) - (OLD.counted_amount > 0)',
    ],
  ] as const) {
    await sql`CREATE TRIGGER ${sql.raw(trigger)} ${sql.raw(when)} BEGIN
      INSERT INTO card_spend_months (card_id, month, amount, count) VALUES (NEW.card_id, substr(NEW.at, 1, 7), ${sql.raw(amount)}, ${sql.raw(count)})
        ON CONFLICT (card_id, month) DO UPDATE SET amount = amount + excluded.amount, count = count + excluded.count;
      INSERT INTO member_spend_months (member_id, currency, month, amount, count) VALUES (NEW.member_id, NEW.currency, substr(NEW.at, 1, 7), ${sql.raw(amount)}, ${sql.raw(count)})
        ON CONFLICT (member_id, currency, month) DO UPDATE SET amount = amount + excluded.amount, count = count + excluded.count;
    END`.execute(db);
  }

  await sql`CREATE TABLE bank_cards (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id),
    pan_sealed TEXT NOT NULL,
    pan_fingerprint TEXT NOT NULL,
    last4 TEXT NOT NULL,
    brand TEXT NOT NULL CHECK (brand IN ('unionpay','visa','mastercard','amex','jcb','other')),
    holder_name TEXT NOT NULL,
    expiry_month TEXT NOT NULL,
    bank_name TEXT,
    is_default INTEGER NOT NULL CHECK (is_default IN (0, 1)),
    linked_by TEXT NOT NULL,
    linked_at TEXT NOT NULL,
    unlinked_by TEXT,
    unlinked_at TEXT,
    CHECK (unlinked_at IS NULL OR is_default = 0)
  )`.execute(db);
  await sql`CREATE INDEX bank_cards_member ON bank_cards (member_id, id)`.execute(db);
  // The same card linked to another member is a warning, so the fingerprint is indexed, not unique;
  // linked twice to one member at once, it is refused.
  await sql`CREATE INDEX bank_cards_fingerprint ON bank_cards (pan_fingerprint)`.execute(db);
  await sql`CREATE UNIQUE INDEX bank_cards_linked_once ON bank_cards (member_id, pan_fingerprint) WHERE unlinked_at IS NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX bank_cards_one_default ON bank_cards (member_id) WHERE is_default = 1`.execute(db);
}
