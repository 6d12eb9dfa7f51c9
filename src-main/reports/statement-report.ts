import type { ReportColumn, ReportRow } from '../../src-shared/contract/reports';
import type { WalletCounterparty } from '../../src-shared/contract/members';
import { AppError } from '../../src-shared/errors';
import { POINTS_CURRENCY } from '../../src-shared/money';
import { getMemberRowByNumber } from '../members/member-repo';
import { memberWallets } from '../members/member-wallets';
import { walletHistoryContext } from '../members/wallet-history-context';
import { prepare } from '../store/sql';
import type { Store } from '../store/store';
import { sectionOf, type ReportDefinition, type SectionSource } from './report-definition';
import { reportPeriod } from './report-params';
import { countWalletMoves, signedFor, walletMoves, walletPeriod, type WalletMove } from './statement-wallet-moves';

// A member's statement for a period [from, to): per wallet (points too) the balance at `from`,
// what came in and went out, and the balance at `to`; then every money movement, wallet by
// wallet in time order with the balance after it; then every points movement likewise. Each
// wallet's movements add up to its closing balance: opening + Σ movements = closing.

const BALANCE_COLUMNS: ReportColumn[] = [
  { key: 'currency', kind: 'code' },
  { key: 'opening', kind: 'amount', currencyKey: 'currency' },
  { key: 'moneyIn', kind: 'amount', currencyKey: 'currency' },
  { key: 'moneyOut', kind: 'amount', currencyKey: 'currency' },
  { key: 'closing', kind: 'amount', currencyKey: 'currency' },
];

const MOVEMENT_COLUMNS: ReportColumn[] = [
  { key: 'at', kind: 'dateTime' },
  { key: 'transferId', kind: 'integer' },
  { key: 'kind', kind: 'code' },
  // A code when it is the operator's side (`branch_cash`, shown in the reader's words), else the member or merchant as written.
  { key: 'counterparty', kind: 'code' },
  { key: 'currency', kind: 'code' },
  { key: 'amount', kind: 'amount', currencyKey: 'currency' },
  { key: 'balance', kind: 'amount', currencyKey: 'currency' },
];

const POINTS_COLUMNS: ReportColumn[] = [
  { key: 'at', kind: 'dateTime' },
  { key: 'transferId', kind: 'integer' },
  { key: 'kind', kind: 'code' },
  { key: 'points', kind: 'integer' },
  { key: 'balance', kind: 'integer' },
  { key: 'expiresAt', kind: 'dateTime' },
];

/** Movements are described a chunk at a time: naming the other side reads the chunk's accounts and receipts together. */
const CHUNK = 500;

interface Wallet {
  currency: string;
  accountId: number;
  opening: number;
}

function counterpartyText(counterparty: WalletCounterparty | null): string | null {
  if (counterparty === null) return null;
  if (counterparty.kind === 'member') return `${counterparty.member.memberNumber} ${counterparty.member.name}`;
  return counterparty.kind === 'merchant' ? counterparty.name : counterparty.role;
}

function* chunksOf<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

const toHistory = (move: WalletMove) => ({ id: move.id, debitAccountId: move.debit_account_id, creditAccountId: move.credit_account_id, memo: move.memo, pendingId: move.pending_id });

function movementsSection(store: Store, wallets: Wallet[], from: string, to: string): SectionSource {
  return {
    id: 'movements',
    columns: MOVEMENT_COLUMNS,
    count: () => wallets.reduce((n, w) => n + countWalletMoves(store, w.accountId, from, to), 0),
    rows: function* () {
      for (const wallet of wallets) {
        let balance = wallet.opening;
        for (const chunk of chunksOf(walletMoves(store, wallet.accountId, from, to), CHUNK)) {
          const context = walletHistoryContext(store, wallet.accountId, chunk.map(toHistory));
          for (const move of chunk) {
            const amount = signedFor(move, wallet.accountId);
            balance += amount;
            const counterparty = counterpartyText(context.counterparty(toHistory(move)));
            yield { at: move.created_at, transferId: move.id, kind: move.kind, counterparty, currency: wallet.currency, amount, balance } satisfies ReportRow;
          }
        }
      }
    },
  };
}

/** The lot an earning made (its id is the earning transfer's): when those points expire. */
const LOT_EXPIRY = 'SELECT expires_at FROM point_lots WHERE id = ?';

function pointsSection(store: Store, wallet: Wallet | undefined, from: string, to: string): SectionSource {
  if (wallet === undefined) return sectionOf('points', POINTS_COLUMNS, []);
  return {
    id: 'points',
    columns: POINTS_COLUMNS,
    count: () => countWalletMoves(store, wallet.accountId, from, to),
    rows: function* () {
      let balance = wallet.opening;
      for (const move of walletMoves(store, wallet.accountId, from, to)) {
        const points = signedFor(move, wallet.accountId);
        balance += points;
        const expiresAt = (prepare(store.sqlite, LOT_EXPIRY).pluck().get(move.id) as string | null | undefined) ?? null;
        yield { at: move.created_at, transferId: move.id, kind: move.kind, points, balance, expiresAt } satisfies ReportRow;
      }
    },
  };
}

export const statementReport: ReportDefinition = {
  id: 'statement',
  open(ctx) {
    const number = ctx.params.member;
    if (number === undefined) throw new AppError('INVALID_INPUT', 'A statement is for one member: give their member number.', { field: 'member', reason: 'required' });
    const { from, to } = reportPeriod(ctx.params, ctx.now);
    const { store } = ctx;
    const member = getMemberRowByNumber(store, number, 'member');
    const balanceRows: ReportRow[] = [];
    const wallets: Wallet[] = [];
    // Money in currency order, then points, as the sections follow.
    const pointsLast = (w: { currency: string }) => (w.currency === POINTS_CURRENCY ? 1 : 0);
    for (const { currency, accountId } of memberWallets(store, member.id).sort((a, b) => pointsLast(a) - pointsLast(b))) {
      const period = walletPeriod(store, accountId, from, to);
      balanceRows.push({ currency, ...period });
      wallets.push({ currency, accountId, opening: period.opening });
    }
    const money = wallets.filter((w) => w.currency !== POINTS_CURRENCY);
    const points = wallets.find((w) => w.currency === POINTS_CURRENCY);
    return {
      parameters: { member: member.member_number, memberName: member.name, from, to },
      sections: [sectionOf('balances', BALANCE_COLUMNS, balanceRows), movementsSection(store, money, from, to), pointsSection(store, points, from, to)],
    };
  },
};
