import type { VerifyReport } from '../../src-shared/contract/verify';
import { auditVerifier } from '../audit/audit-checks';
import { runVerifiers, type Verifier } from '../integrity/verifier';
import { schemaVerifier } from '../integrity/schema-checks';
import { storeTablesVerifier } from '../integrity/store-tables-checks';
import type { DueTask } from '../jobs/due-tasks';
import type { DurableJobKind } from '../jobs/durable-jobs';
import { durableJobsVerifier } from '../jobs/job-checks';
import { ledgerVerifier } from '../ledger/ledger-checks';
import { holdExpiryTask } from '../ledger/hold-expiry';
import { membersVerifier } from '../members/member-checks';
import { settingsVerifier } from '../settings/settings-checks';
import { staffVerifier } from '../staff/staff-checks';
import { trustVerifier } from '../trust/trust-checks';
import type { Store } from '../store/store';
import { walletsVerifier } from '../wallets/verify-wallets';
import { pointsVerifier } from '../points/points-checks';
import { lotExpiryTask } from '../points/expiry';
import { tierReviewTask } from '../points/tier-review';
import { cardExpiryTask } from '../cards/card-expiry';
import { cardsVerifier } from '../cards/card-checks';
import { authorizationExpiryTask } from '../cards/authorization-expiry';
import { executePayoutsJob } from '../payouts/execute';
import { payoutsVerifier } from '../payouts/payout-checks';

// What each domain adds to the machinery every domain shares. A new domain (points, cards,
// payouts) adds its line here: its invariants to `verify`, its timed work to the due tasks, its
// crash-safe jobs to the kinds resumed at unlock. The router, the CLI and reports read these
// lists; none of them needs to know a domain by name.

export const DUE_TASKS: readonly DueTask[] = [authorizationExpiryTask, holdExpiryTask, lotExpiryTask, tierReviewTask, cardExpiryTask];

export const DURABLE_JOB_KINDS: readonly DurableJobKind<unknown, unknown>[] = [executePayoutsJob as DurableJobKind<unknown, unknown>];

export const VERIFIERS: readonly Verifier[] = [
  schemaVerifier,
  storeTablesVerifier,
  auditVerifier,
  staffVerifier,
  settingsVerifier,
  ledgerVerifier,
  membersVerifier,
  walletsVerifier,
  pointsVerifier,
  cardsVerifier,
  payoutsVerifier,
  durableJobsVerifier(DURABLE_JOB_KINDS),
  trustVerifier,
];

/**
 * Every table in the database and the checks that would name a row of it changed, added or
 * removed. A table is tied to something verify can trust: a hash chain, a replay of the audit
 * log, the journal, or a derived index rebuilt and compared. test/integration/verify-coverage
 * fails for any table in sqlite_master that is missing here, so a new domain's tables (points,
 * cards, payouts) are covered from the day they land.
 */
export const TABLE_COVERAGE: Readonly<Record<string, readonly string[]>> = {
  // Hash chains, whose heads people sign in checkpoints: against a key holder they hold up to
  // the newest checkpoint someone else made.
  audit_log: ['audit.chain', 'store.sequences', 'trust.checkpoints', 'trust.sessions'],
  transfers: ['ledger.chain', 'ledger.transfers', 'ledger.totals', 'wallets.journal', 'trust.checkpoints', 'trust.sessions'],
  staff_certificates: ['trust.certificates', 'trust.checkpoints'],
  checkpoints: ['trust.checkpoints', 'trust.sessions'],
  // Replays of the audit log, and the certificates for roles.
  staff: ['staff.audited', 'store.sequences', 'trust.certificates'],
  settings: ['settings.audited'],
  members: ['members.audited'],
  member_wallets: ['members.wallet_links', 'members.wallets'],
  // The chart, the journal, the members' wallets and the audited closings.
  accounts: ['ledger.accounts', 'ledger.totals', 'members.wallet_links', 'store.sequences'],
  // Tied to the journal's transfers.
  wallet_receipts: ['wallets.journal', 'wallets.receipts'],
  wallet_receipt_transfers: ['wallets.journal'],
  // Points: lots tied to the transfers that earned them and moved them, balances to the journal,
  // records and tiers to the audit log, redeemed credit to its wallet transfers.
  point_lots: ['points.lots', 'points.balances', 'points.tiers'],
  point_moves: ['points.lots'],
  point_records: ['points.records'],
  point_credit: ['points.credit'],
  member_tiers: ['points.tiers'],
  // Cards: programs, cards, members' limits and bank cards to the audit log, state events to the
  // cards' audited changes, authorizations to their holds in the journal, the month totals the
  // limits read rebuilt from the authorizations.
  card_programs: ['cards.programs'],
  cards: ['cards.audited', 'cards.events', 'cards.fingerprints'],
  card_events: ['cards.events'],
  member_card_limits: ['cards.memberLimits'],
  card_authorizations: ['cards.authorizations', 'cards.spendMonths'],
  card_spend_months: ['cards.spendMonths'],
  member_spend_months: ['cards.spendMonths'],
  bank_cards: ['cards.bankCards', 'cards.fingerprints'],
  // Payouts: batches to the audit log's steps, items to the content hash the import recorded and
  // approvals signed, and to their transfers; approvals to the approvers' keys and certificates.
  payout_batches: ['payouts.batches'],
  payout_items: ['payouts.items'],
  payout_approvals: ['payouts.approvals'],
  // Search indexes, derived from members.name and compared.
  ...searchIndex('members_fts', 'members.search.trigrams'),
  ...searchIndex('members_grams', 'members.search.grams'),
  // Durable job checkpoints.
  jobs: ['jobs.rows'],
  // The migrator's and SQLite's own.
  kysely_migration: ['store.migrations', 'schema.version'],
  kysely_migration_lock: ['store.migrations'],
  sqlite_sequence: ['store.sequences'],
};

/** An FTS5 table and its shadow tables (https://sqlite.org/fts5.html#fts5_table_creation_and_initialization). */
function searchIndex(table: string, check: string): Record<string, readonly string[]> {
  return Object.fromEntries(['', '_data', '_idx', '_docsize', '_config'].map((suffix) => [`${table}${suffix}`, [check]]));
}

/** Every domain's checks, and the chain heads reports quote. */
export function verifyStore(store: Store): VerifyReport {
  return runVerifiers(store, VERIFIERS);
}
