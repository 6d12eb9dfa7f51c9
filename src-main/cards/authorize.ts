import { AppError } from '../../src-shared/errors';
import type { Authorization, AuthorizeRequest, Card, DeclineCode } from '../../src-shared/contract/cards';
import type { LimitInterval } from '../../src-shared/cards/limits';
import { cardSettings } from '../../src-shared/settings/card-settings';
import { systemMemo } from '../../src-shared/system-memo';
import { recordAudit } from '../audit/record-audit';
import { balanceOf, placeHold } from '../ledger';
import { fingerprinter } from '../sealed/fingerprint';
import { HIDDEN, maskPan } from '../sealed/mask';
import { masterKeys } from '../sealed/master-keys';
import { readSetting } from '../settings/settings-service';
import { sameBytes } from '../store/crypto';
import { prepare } from '../store/sql';
import type { Store } from '../store/store';
import { operatorAccounts } from '../wallets/wallet-legs';
import { findAuthorizationByKey, getAuthorization } from './authorization-rows';
import { authorizationCause, cardLedgerKey } from './card-ledger';
import { CARD_PAN, cardVerificationValue, expiryMonthOf } from './card-numbers';
import { findCardView, maskedPanOf, toCard, type CardView } from './card-rows';
import { monthIn } from './limit-windows';
import { getProgramRow, verificationKey } from './programs';
import { firstBreach, spendingSources } from './spending';
import { businessZone } from './business-zone';
import { nextCardTableId, type CardAuthorizationsTable } from './tables';

// A card terminal's authorization: the card found by its number's fingerprint, then its state,
// its expiry, its CVV, the member, the spending limits and the wallet's available balance, in
// that order; the first that fails declines. An approval holds the amount on the wallet
// (card-ledger.ts). Every attempt is a row of card_authorizations, a decline too (committed on
// its own, then answered as its code's error), so the card's activity shows them all; a decline
// moves no money and places no hold. Attempts are not audited row by row: an approval is in the
// journal and this table; a decline moves no money, so it is audited (declineAuditSummary), which
// lets verify tell a decline made up or removed afterwards. Neither carries the clear number.

export interface AuthorizeOutcome {
  authorization: Authorization;
  card: Card;
  availableAfter: number;
}

interface Decline {
  code: DeclineCode;
  message: string;
  card: CardView | undefined;
  interval?: LimitInterval;
  /** Details only the first answer gives (whose limit, what was available): a replayed decline is answered from its row. */
  extra?: Record<string, unknown>;
}

const DAY_MS = 86_400_000;

/** What a terminal may keep of a typed number that matched no card: first six and last four at most (PCI DSS v4.0 req. 3.4.1). */
function maskTyped(digits: string): string {
  if (digits.length < 13 || digits.length > 19) return HIDDEN.repeat(Math.min(Math.max(digits.length, 1), 19));
  return maskPan(digits);
}

/**
 * The card whose number this is: a card keeps the fingerprint of the master key it was issued
 * under, so after a rekey an older key's fingerprint is tried (the current key's first, since
 * most cards have it).
 */
function findCardByPan(store: Store, digits: string): CardView | undefined {
  if (digits.length < 13 || digits.length > 19) return undefined;
  for (const key of masterKeys(store)) {
    const row = prepare(store.sqlite, 'SELECT id FROM cards WHERE pan_fingerprint = ?').get(fingerprinter(key, CARD_PAN)(digits)) as { id: number } | undefined;
    if (row) return findCardView(store, row.id);
  }
  return undefined;
}

function cvvMatches(store: Store, card: CardView, digits: string, typed: string): boolean {
  const expected = cardVerificationValue(verificationKey(store, getProgramRow(store, card.program_id)), digits, card.expiry_month);
  return sameBytes(Buffer.from(expected), Buffer.from(typed));
}

/** The checks in their order: the first decline, or the card that passed them all. */
function decide(store: Store, req: AuthorizeRequest, digits: string, now: Date): Decline | CardView {
  const card = findCardByPan(store, digits);
  if (!card) return { code: 'CARD_NOT_FOUND', message: 'No card has this number.', card };
  if (card.state !== 'active') return { code: 'CARD_NOT_ACTIVE', message: `Card ${maskedPanOf(card)} is ${card.state}.`, card };
  const zone = businessZone(store);
  if (expiryMonthOf(req.expiry) !== card.expiry_month || monthIn(zone, now) > card.expiry_month) {
    return { code: 'CARD_EXPIRED', message: `Card ${maskedPanOf(card)}: the expiry does not match, or the card has expired.`, card };
  }
  if (!cvvMatches(store, card, digits, req.cvv)) return { code: 'CVV_MISMATCH', message: `Card ${maskedPanOf(card)}: the CVV does not match.`, card };
  if (card.member_status !== 'active') return { code: 'MEMBER_NOT_ACTIVE', message: `Member ${card.member_number} is ${card.member_status}.`, card };
  const breach = firstBreach(spendingSources(store, card, now, zone), req.amount);
  if (breach) {
    return {
      code: 'LIMIT_EXCEEDED',
      message: `${req.amount} would pass the ${breach.whose}'s ${breach.limit} limit per ${breach.interval}.`,
      card,
      interval: breach.interval,
      extra: { limitedBy: breach.whose, limit: breach.limit },
    };
  }
  const available = balanceOf(store, card.wallet_account_id).available;
  if (available < req.amount) return { code: 'INSUFFICIENT_FUNDS', message: `The wallet has ${available} available; ${req.amount} was asked.`, card, extra: { available } };
  return card;
}

/** What the audit log keeps of a decline, and verify replays: the row, its number masked (audit rows blank any `pan` key). */
export function declineAuditSummary(row: Pick<CardAuthorizationsTable, 'card_id' | 'member_id' | 'masked_pan' | 'merchant' | 'amount' | 'currency' | 'decline_code' | 'decline_interval' | 'actor' | 'at'>): Record<string, unknown> {
  return {
    card_id: row.card_id, member_id: row.member_id, masked_number: row.masked_pan, merchant: row.merchant, amount: row.amount, currency: row.currency,
    decline_code: row.decline_code, decline_interval: row.decline_interval, actor: row.actor, at: row.at,
  };
}

type NewAuthorization = Omit<CardAuthorizationsTable, 'id'> & { id: number };

// Prepared once per connection: the terminal's every attempt writes one.
const AUTHORIZATION_COLUMNS = [
  'id', 'idempotency_key', 'card_id', 'member_id', 'masked_pan', 'merchant', 'amount', 'currency', 'status', 'decline_code', 'decline_interval', 'hold_id',
  'captured_amount', 'resolved_by', 'counted_amount', 'actor', 'at',
] as const satisfies readonly (keyof NewAuthorization)[];
const INSERT_AUTHORIZATION = `INSERT INTO card_authorizations (${AUTHORIZATION_COLUMNS.join(', ')}) VALUES (${AUTHORIZATION_COLUMNS.map((c) => `@${c}`).join(', ')})`;

function insertAuthorization(store: Store, row: NewAuthorization): void {
  prepare(store.sqlite, INSERT_AUTHORIZATION).run(row);
}

function baseRow(store: Store, actor: string, req: AuthorizeRequest, maskedPan: string, card: CardView | undefined, now: Date): NewAuthorization {
  return {
    id: nextCardTableId(store, 'card_authorizations'), idempotency_key: req.idempotencyKey, card_id: card?.id ?? null, member_id: card?.member_id ?? null, masked_pan: maskedPan,
    merchant: req.merchant, amount: req.amount, currency: card?.currency ?? null, status: 'declined', decline_code: null, decline_interval: null, hold_id: null,
    captured_amount: 0, resolved_by: null, counted_amount: 0, actor, at: now.toISOString(),
  };
}

function approve(store: Store, actor: string, req: AuthorizeRequest, card: CardView, now: Date): number {
  const row = baseRow(store, actor, req, maskedPanOf(card), card, now);
  const holdDays = readSetting(store, cardSettings, 'authorizationHoldDays');
  const hold = placeHold(store, {
    idempotencyKey: cardLedgerKey('auth', req.idempotencyKey),
    debitAccountId: card.wallet_account_id,
    creditAccountId: operatorAccounts(store, card.currency).merchantSettlement,
    amount: req.amount,
    kind: 'payment',
    memo: systemMemo({ memo: 'payment', merchant: req.merchant }),
    actor,
    causeRef: authorizationCause(row.id),
    at: now,
    expiresAt: new Date(now.getTime() + holdDays * DAY_MS),
  });
  insertAuthorization(store, { ...row, status: 'held', hold_id: hold.id, counted_amount: req.amount });
  return row.id;
}

function declineError(code: DeclineCode, message: string, authorizationId: number, interval: LimitInterval | null, extra?: Record<string, unknown>): AppError {
  return new AppError(code, message, { authorizationId, ...(interval ? { interval } : {}), ...extra });
}

function answer(store: Store, authorizationId: number): AuthorizeOutcome {
  const authorization = getAuthorization(store, authorizationId);
  const card = findCardView(store, authorization.cardId!)!;
  return { authorization, card: toCard(card), availableAfter: balanceOf(store, card.wallet_account_id).available };
}

/**
 * A retried request (same key) answers as the first did, without a second row: an approval with
 * the authorization as it stands now, a decline with the same code. The same key with another amount, merchant or card number is IDEMPOTENCY_CONFLICT.
 */
function replay(store: Store, existing: NonNullable<ReturnType<typeof findAuthorizationByKey>>, req: AuthorizeRequest, digits: string): AuthorizeOutcome {
  const differs = existing.amount !== req.amount ? 'amount' : existing.merchant !== req.merchant ? 'merchant' : existing.masked_pan !== maskTyped(digits) ? 'pan' : null;
  if (differs) throw new AppError('IDEMPOTENCY_CONFLICT', `Key ${req.idempotencyKey} was used for another authorization (${differs} differs).`, { field: differs });
  if (existing.status === 'declined') {
    throw declineError(existing.decline_code!, `This authorization was declined (${existing.decline_code}).`, existing.id, existing.decline_interval);
  }
  return answer(store, existing.id);
}

/** Authorizes an amount on a card; a decline is kept in the card's activity, then thrown as its code. */
export function authorizeCard(store: Store, actor: string, req: AuthorizeRequest, now: Date): AuthorizeOutcome {
  const digits = req.pan.replace(/[\s-]/g, '');
  const outcome = store.sqlite
    .transaction((): AuthorizeOutcome | AppError => {
      const existing = findAuthorizationByKey(store, req.idempotencyKey);
      if (existing) return replay(store, existing, req, digits);
      const decision = decide(store, req, digits, now);
      if (!('code' in decision)) return answer(store, approve(store, actor, req, decision, now));
      const row = { ...baseRow(store, actor, req, decision.card ? maskedPanOf(decision.card) : maskTyped(digits), decision.card, now), decline_code: decision.code, decline_interval: decision.interval ?? null };
      insertAuthorization(store, row);
      recordAudit(store, { actor, action: 'card.decline', entityType: 'card_authorization', entityId: row.id, after: declineAuditSummary(row) }, now);
      return declineError(decision.code, decision.message, row.id, row.decline_interval, decision.extra);
    })
    .immediate();
  if (outcome instanceof AppError) throw outcome;
  return outcome;
}
