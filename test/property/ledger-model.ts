import type { AccountKind, TransferState } from '../../src-shared/contract/ledger';

// A plain in-memory model of the ledger's rules, written from the specification rather than from
// the engine: the property test runs every operation against both and demands the same outcome.

export interface ModelAccount {
  id: number;
  kind: AccountKind;
  currency: string;
  noOverdraft: boolean;
  closed: boolean;
  dp: number;
  cp: number;
  dpend: number;
  cpend: number;
}

export interface ModelTransfer {
  id: number;
  state: TransferState;
  debit: number;
  credit: number;
  amount: number;
  pendingId: number | null;
  resolvedBy: number | null;
  reversedBy: number | null;
}

export interface Leg {
  debit: number;
  credit: number;
  amount: number;
}

/** A refusal the model predicts, or the transfers it predicts were written. */
export type Outcome = { code: string } | { written: ModelTransfer[] };

const creditNormal = (kind: AccountKind) => kind === 'liability' || kind === 'equity' || kind === 'income';

function available(a: ModelAccount): number {
  return creditNormal(a.kind) ? a.cp - a.dp - a.dpend : a.dp - a.cp - a.cpend;
}

function move(a: ModelAccount, side: 'debit' | 'credit', state: TransferState, amount: number, holdAmount: number): void {
  const debit = side === 'debit';
  if (state === 'posted' || state === 'reversal') {
    if (debit) a.dp += amount;
    else a.cp += amount;
  } else if (state === 'pending') {
    if (debit) a.dpend += amount;
    else a.cpend += amount;
  } else {
    if (debit) a.dpend -= holdAmount;
    else a.cpend -= holdAmount;
    if (state === 'post_pending' && debit) a.dp += amount;
    if (state === 'post_pending' && !debit) a.cp += amount;
  }
}

export class LedgerModel {
  readonly accounts = new Map<number, ModelAccount>();
  readonly transfers: ModelTransfer[] = [];

  constructor(accounts: Omit<ModelAccount, 'dp' | 'cp' | 'dpend' | 'cpend'>[]) {
    for (const a of accounts) this.accounts.set(a.id, { ...a, dp: 0, cp: 0, dpend: 0, cpend: 0 });
  }

  get nextId(): number {
    return this.transfers.length + 1;
  }

  clone(): LedgerModel {
    const copy = new LedgerModel([]);
    for (const [id, a] of this.accounts) copy.accounts.set(id, { ...a });
    copy.transfers.push(...this.transfers.map((t) => ({ ...t })));
    return copy;
  }

  /** Takes over the state of a scratch copy once a whole operation has succeeded on it. */
  adopt(scratch: LedgerModel): void {
    this.accounts.clear();
    for (const [id, a] of scratch.accounts) this.accounts.set(id, a);
    this.transfers.length = 0;
    this.transfers.push(...scratch.transfers);
  }

  private write(state: TransferState, leg: Leg, links: { pendingId?: number; holdAmount?: number } = {}): Outcome {
    const debit = { ...this.accounts.get(leg.debit)! };
    const credit = { ...this.accounts.get(leg.credit)! };
    const before = [available(debit), available(credit)];
    move(debit, 'debit', state, leg.amount, links.holdAmount ?? 0);
    move(credit, 'credit', state, leg.amount, links.holdAmount ?? 0);
    for (const [i, a] of [debit, credit].entries()) {
      const after = available(a);
      if (a.noOverdraft && after < 0 && after < before[i]!) return { code: 'INSUFFICIENT_FUNDS' };
    }
    this.accounts.set(debit.id, debit);
    this.accounts.set(credit.id, credit);
    const transfer: ModelTransfer = { id: this.nextId, state, ...leg, pendingId: links.pendingId ?? null, resolvedBy: null, reversedBy: null };
    this.transfers.push(transfer);
    return { written: [transfer] };
  }

  /** The engine's order of checks for a new movement: shape, then accounts, then funds. */
  movement(leg: Leg, state: 'posted' | 'pending'): Outcome {
    if (!Number.isSafeInteger(leg.amount) || leg.amount <= 0) return { code: 'AMOUNT_INVALID' };
    if (leg.debit === leg.credit) return { code: 'SAME_ACCOUNT' };
    const debit = this.accounts.get(leg.debit);
    if (!debit) return { code: 'ACCOUNT_NOT_FOUND' };
    if (debit.closed) return { code: 'ACCOUNT_CLOSED' };
    const credit = this.accounts.get(leg.credit);
    if (!credit) return { code: 'ACCOUNT_NOT_FOUND' };
    if (credit.closed) return { code: 'ACCOUNT_CLOSED' };
    if (debit.currency !== credit.currency) return { code: 'CURRENCY_MISMATCH' };
    return this.write(state, leg);
  }

  linked(legs: Leg[]): Outcome {
    const scratch = this.clone();
    const written: ModelTransfer[] = [];
    for (const leg of legs) {
      const outcome = scratch.movement(leg, 'posted');
      if ('code' in outcome) return outcome;
      written.push(...outcome.written);
    }
    this.adopt(scratch);
    return { written };
  }

  resolve(holdId: number, amount: number | null, state: 'post_pending' | 'void_pending'): Outcome {
    const hold = this.transfers[holdId - 1];
    if (!hold || hold.state !== 'pending') return { code: 'HOLD_NOT_FOUND' };
    const posted = amount ?? hold.amount;
    if (state === 'post_pending' && (!Number.isSafeInteger(posted) || posted <= 0)) return { code: 'AMOUNT_INVALID' };
    if (hold.resolvedBy !== null) return { code: 'HOLD_ALREADY_RESOLVED' };
    if (state === 'post_pending' && posted > hold.amount) return { code: 'POST_EXCEEDS_HOLD' };
    const outcome = this.write(state, { debit: hold.debit, credit: hold.credit, amount: state === 'post_pending' ? posted : hold.amount }, { pendingId: hold.id, holdAmount: hold.amount });
    if ('written' in outcome) hold.resolvedBy = outcome.written[0]!.id;
    return outcome;
  }

  reverse(transferId: number): Outcome {
    const original = this.transfers[transferId - 1];
    if (!original) return { code: 'TRANSFER_NOT_FOUND' };
    if (original.state !== 'posted' && original.state !== 'post_pending') return { code: 'REVERSAL_NOT_ALLOWED' };
    if (original.reversedBy !== null) return { code: 'ALREADY_REVERSED' };
    const outcome = this.write('reversal', { debit: original.credit, credit: original.debit, amount: original.amount });
    if ('written' in outcome) original.reversedBy = outcome.written[0]!.id;
    return outcome;
  }

  totalsRows(): { id: number; debits_posted: number; credits_posted: number; debits_pending: number; credits_pending: number }[] {
    return [...this.accounts.values()]
      .sort((a, b) => a.id - b.id)
      .map((a) => ({ id: a.id, debits_posted: a.dp, credits_posted: a.cp, debits_pending: a.dpend, credits_pending: a.cpend }));
  }
}
