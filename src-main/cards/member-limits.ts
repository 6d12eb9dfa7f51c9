import type { z } from 'zod';
import type { memberLimitsSchema } from '../../src-shared/contract/cards';
import { NO_LIMITS, type SpendingLimits } from '../../src-shared/cards/limits';
import { recordAudit } from '../audit/record-audit';
import { getMemberRow } from '../members/member-repo';
import { assertCurrencyEnabled, memberWallets } from '../members/member-wallets';
import { execute, prepare, selectAll } from '../store/sql';
import type { Store } from '../store/store';
import { parseLimits } from './programs';
import { cardsSql, type MemberCardLimitsTable } from './tables';

// A member's own spending limits, one set per currency, over all their cards in that currency
// (a card's limits count that card alone). Every change is audited with the limits before and
// after, under the entity `<member id>:<currency>`.

export type MemberLimits = z.infer<typeof memberLimitsSchema>;

const POINTS = 'PTS';

function findRow(store: Store, memberId: number, currency: string): MemberCardLimitsTable | undefined {
  return prepare(store.sqlite, 'SELECT * FROM member_card_limits WHERE member_id = ? AND currency = ?').get(memberId, currency) as MemberCardLimitsTable | undefined;
}

/** The member's limits in `currency`; none saved: no limits. */
export function memberLimitsIn(store: Store, memberId: number, currency: string): SpendingLimits {
  const row = findRow(store, memberId, currency);
  return row ? parseLimits(row.limits) : NO_LIMITS;
}

function toMemberLimits(currency: string, row: MemberCardLimitsTable | undefined): MemberLimits {
  return { currency, limits: row ? parseLimits(row.limits) : NO_LIMITS, updatedAt: row?.updated_at ?? null, updatedBy: row?.updated_by ?? null };
}

/** The member's limits in every currency they have a wallet, a card or saved limits in (points aside), by currency. */
export function listMemberLimits(store: Store, memberId: number): MemberLimits[] {
  getMemberRow(store, memberId, 'memberId');
  const saved = new Map(selectAll(store.sqlite, cardsSql.selectFrom('member_card_limits').selectAll().where('member_id', '=', memberId)).map((row) => [row.currency, row]));
  const cardCurrencies = selectAll(
    store.sqlite,
    cardsSql.selectFrom('cards').innerJoin('card_programs', 'card_programs.id', 'cards.program_id').select('card_programs.currency').distinct().where('cards.member_id', '=', memberId),
  ).map((row) => row.currency);
  const currencies = new Set([...memberWallets(store, memberId).map((w) => w.currency), ...cardCurrencies, ...saved.keys()]);
  currencies.delete(POINTS);
  return [...currencies].sort().map((currency) => toMemberLimits(currency, saved.get(currency)));
}

export function setMemberLimits(store: Store, actor: string, req: { memberId: number; currency: string; limits: SpendingLimits }, now: Date): MemberLimits {
  return store.sqlite
    .transaction(() => {
      getMemberRow(store, req.memberId, 'memberId');
      assertCurrencyEnabled(store, req.currency);
      const before = findRow(store, req.memberId, req.currency);
      const row: MemberCardLimitsTable = { member_id: req.memberId, currency: req.currency, limits: JSON.stringify(req.limits), updated_by: actor, updated_at: now.toISOString() };
      execute(
        store.sqlite,
        cardsSql
          .insertInto('member_card_limits')
          .values(row)
          .onConflict((oc) => oc.columns(['member_id', 'currency']).doUpdateSet({ limits: row.limits, updated_by: row.updated_by, updated_at: row.updated_at })),
      );
      recordAudit(
        store,
        {
          actor,
          action: 'card.memberLimits',
          entityType: 'member_card_limits',
          entityId: `${req.memberId}:${req.currency}`,
          ...(before ? { before: { limits: parseLimits(before.limits) } } : {}),
          after: { limits: req.limits },
        },
        now,
      );
      return toMemberLimits(req.currency, row);
    })
    .immediate();
}
