import { AppError } from '../../src-shared/errors';
import type { IssueCardRequest, IssuedCard } from '../../src-shared/contract/cards';
import type { SpendingLimits } from '../../src-shared/cards/limits';
import { recordAudit } from '../audit/record-audit';
import { getMemberRow, type MemberRow } from '../members/member-repo';
import { walletAccountFor } from '../members/member-wallets';
import { fingerprinter } from '../sealed/fingerprint';
import { masterKeys } from '../sealed/master-keys';
import { fieldSealer, openField } from '../sealed/sealed-field';
import { prepare } from '../store/sql';
import type { Store } from '../store/store';
import { assertMaySpend } from '../wallets/teller-operations';
import { CARD_PAN, cardVerificationValue, drawPan, expiryMonthFrom, printedExpiry } from './card-numbers';
import { cardAuditSummary, getCard, maskedPanOf, type CardRow } from './card-rows';
import { getProgramRow, parseLimits, verificationKey, type ProgramRow } from './programs';
import { nextCardTableId } from './tables';

// Issuing a virtual card: a number drawn under the program's BIN until its keyed fingerprint is
// new, sealed on the row with the first six and last four beside it, an expiry `validity` months
// on, and the CVV derived for this one answer. The card starts inactive.

/** Draws before giving up: at half a BIN's numbers used, 20 draws all collide with p ≈ 10⁻⁶. */
const MAX_DRAWS = 20;

/** Who issues, and through what: a teller's issue, or a replacement of `replacesId`. */
export interface IssueContext {
  actor: string;
  now: Date;
  issueKey: string;
  replacesId: number | null;
}

function fingerprintTaken(store: Store, fingerprints: string[]): boolean {
  const sql = `SELECT 1 FROM cards WHERE pan_fingerprint IN (${fingerprints.map(() => '?').join(', ')}) LIMIT 1`;
  return prepare(store.sqlite, sql).get(...fingerprints) !== undefined;
}

/**
 * A number no card of this data folder has: compared by fingerprint under every master key the
 * folder had, since a card issued before a rekey keeps the fingerprint of its day.
 */
function drawUnusedPan(store: Store, program: ProgramRow): { pan: string; fingerprint: string } {
  const fingerprinters = Array.from(masterKeys(store), (key) => fingerprinter(key, CARD_PAN));
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const pan = drawPan(program.bin, program.pan_length);
    const fingerprints = fingerprinters.map((fingerprint) => fingerprint(pan));
    if (!fingerprintTaken(store, fingerprints)) return { pan, fingerprint: fingerprints[0]! };
  }
  throw new AppError('CARD_NUMBERS_EXHAUSTED', `No unused number was drawn under BIN ${program.bin} in ${MAX_DRAWS} tries.`, { field: 'programId', bin: program.bin });
}

// Prepared once per connection (a 10,000-card issue spent a tenth of its time compiling queries).
const CARD_COLUMNS = [
  'id', 'issue_key', 'program_id', 'member_id', 'wallet_account_id', 'pan_sealed', 'pan_fingerprint', 'first6', 'last4', 'pan_length', 'expiry_month', 'holder_name',
  'state', 'cancel_reason', 'replaces_id', 'replaced_by_id', 'limits', 'issued_by', 'issued_at', 'state_changed_at',
] as const satisfies readonly (keyof CardRow)[];
const INSERT_CARD = `INSERT INTO cards (${CARD_COLUMNS.join(', ')}) VALUES (${CARD_COLUMNS.map((c) => `@${c}`).join(', ')})`;
const INSERT_FIRST_EVENT = `INSERT INTO card_events (card_id, from_state, to_state, reason, note, actor, channel, at) VALUES (@card_id, NULL, 'inactive', @reason, NULL, @actor, 'teller', @at)`;

export interface CardToIssue {
  member: MemberRow;
  program: ProgramRow;
  holderName: string;
  limits: SpendingLimits;
}

/**
 * Writes the card, its first event and its audit row; the caller runs it in a transaction and
 * has checked the member and the program. Answers the row and the clear number.
 */
export function writeCard(store: Store, ctx: IssueContext, card: CardToIssue): { row: CardRow; pan: string } {
  const { member, program } = card;
  const wallet = walletAccountFor(store, member, program.currency, ctx.now);
  const { pan, fingerprint } = drawUnusedPan(store, program);
  const id = nextCardTableId(store, 'cards');
  const at = ctx.now.toISOString();
  const row: CardRow = {
    id, issue_key: ctx.issueKey, program_id: program.id, member_id: member.id, wallet_account_id: wallet,
    pan_sealed: fieldSealer(store.masterKey, CARD_PAN)(id, pan), pan_fingerprint: fingerprint,
    first6: pan.slice(0, 6), last4: pan.slice(-4), pan_length: pan.length,
    expiry_month: expiryMonthFrom(ctx.now, program.validity_months), holder_name: card.holderName,
    state: 'inactive', cancel_reason: null, replaces_id: ctx.replacesId, replaced_by_id: null,
    limits: JSON.stringify(card.limits), issued_by: ctx.actor, issued_at: at, state_changed_at: at,
  };
  prepare(store.sqlite, INSERT_CARD).run(row);
  prepare(store.sqlite, INSERT_FIRST_EVENT).run({ card_id: id, reason: ctx.replacesId === null ? 'issued' : 'replacement', actor: ctx.actor, at });
  recordAudit(store, { actor: ctx.actor, action: 'card.issue', entityType: 'card', entityId: id, after: cardAuditSummary(row) }, ctx.now);
  return { row, pan };
}

/** The answer an issue gives once: the card, its number, the printed expiry and the CVV. */
export function issuedCard(store: Store, row: CardRow, pan: string, program: ProgramRow = getProgramRow(store, row.program_id)): IssuedCard {
  return { card: getCard(store, row.id), pan, expiry: printedExpiry(row.expiry_month), cvv: cardVerificationValue(verificationKey(store, program), pan, row.expiry_month) };
}

/** The clear number of a card, under whichever master key sealed it. */
export function openCardPan(store: Store, row: Pick<CardRow, 'id' | 'pan_sealed'>): string {
  return openField(masterKeys(store), CARD_PAN, row.id, row.pan_sealed);
}

/**
 * A retried issue or replacement (same key) answers the card it made, number and CVV again,
 * since the first answer never reached the screen; it is audited as a reveal, with `why`.
 */
export function answerAgain(store: Store, actor: string, made: CardRow, why: string, now: Date): IssuedCard {
  const pan = openCardPan(store, made);
  recordAudit(store, { actor, action: 'card.reveal', entityType: 'card', entityId: made.id, after: { reason: why, maskedNumber: maskedPanOf(made) } }, now);
  return issuedCard(store, made, pan);
}

/** A retried issue: the same member and program, else IDEMPOTENCY_CONFLICT. */
function replayIssue(store: Store, actor: string, existing: CardRow, req: IssueCardRequest, now: Date): IssuedCard {
  if (existing.member_id !== req.memberId || existing.program_id !== req.programId || existing.replaces_id !== null) {
    throw new AppError('IDEMPOTENCY_CONFLICT', `Key ${req.idempotencyKey} already issued card ${existing.id} for another request.`, { field: 'idempotencyKey' });
  }
  return answerAgain(store, actor, existing, 'issue retried', now);
}

export function findCardByIssueKey(store: Store, key: string): CardRow | undefined {
  return prepare(store.sqlite, 'SELECT * FROM cards WHERE issue_key = ?').get(key) as CardRow | undefined;
}

/** Issues a virtual card to an active member under an open program, inactive until activated. */
export function issueCard(store: Store, actor: string, req: IssueCardRequest, now: Date): IssuedCard {
  return store.sqlite
    .transaction(() => {
      const existing = findCardByIssueKey(store, req.idempotencyKey);
      if (existing) return replayIssue(store, actor, existing, req, now);
      const member = getMemberRow(store, req.memberId, 'memberId');
      assertMaySpend(member, 'memberId');
      const program = getProgramRow(store, req.programId);
      if (program.status !== 'open') throw new AppError('CARD_PROGRAM_CLOSED', `Program ${program.name} is closed to new cards.`, { field: 'programId' });
      const limits = req.limits ?? parseLimits(program.default_limits);
      const { row, pan } = writeCard(store, { actor, now, issueKey: req.idempotencyKey, replacesId: null }, { member, program, holderName: req.holderName ?? member.name, limits });
      return issuedCard(store, row, pan, program);
    })
    .immediate();
}
