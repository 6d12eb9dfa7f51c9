import { AppError } from '../../src-shared/errors';
import type { Account } from '../../src-shared/contract/ledger';

// Checks on the shape of a request, before any row is read. Each rule has its own code.

const MAX_KEY = 200;
const MAX_KIND = 40;
const MAX_TEXT = 500;

function invalid(field: string, message: string): AppError {
  return new AppError('INVALID_INPUT', `${field}: ${message}`, { field });
}

// A lone UTF-16 surrogate cannot be stored as UTF-8: SQLite would keep a replacement character
// and the row would no longer hash to what the engine chained.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function storableText(value: string, field: string): string {
  if (LONE_SURROGATE.test(value)) throw invalid(field, 'contains a broken character');
  return value;
}

export function assertIdempotencyKey(key: unknown): string {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY) throw invalid('idempotencyKey', `1 to ${MAX_KEY} characters`);
  return storableText(key, 'idempotencyKey');
}

export function assertActor(actor: unknown): string {
  if (typeof actor !== 'string' || actor.trim() === '') throw invalid('actor', 'who asks for the change is required');
  return storableText(actor, 'actor');
}

export function assertKind(kind: unknown): string {
  if (typeof kind !== 'string' || !/^[a-z][a-z0-9_.]*$/.test(kind) || kind.length > MAX_KIND) {
    throw invalid('kind', `lowercase words joined by _ or ., at most ${MAX_KIND} characters`);
  }
  return kind;
}

export function optionalText(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length > MAX_TEXT) throw invalid(field, `text of at most ${MAX_TEXT} characters`);
  return storableText(value, field);
}

export function requiredText(value: unknown, field: string): string {
  const text = optionalText(value, field);
  if (text === null || text.trim() === '') throw invalid(field, 'required');
  return text;
}

let lastMs = Number.NaN;
let lastIso = '';

/** The time as ISO text; bulk loads stamp many requests with one time, so the last one is kept. */
export function isoTime(at: Date | undefined, field = 'at'): string {
  const time = at ?? new Date();
  const ms = time instanceof Date ? time.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw invalid(field, 'not a valid time');
  if (ms !== lastMs) {
    lastIso = time.toISOString();
    lastMs = ms;
  }
  return lastIso;
}

export function assertDistinctAccounts(debitAccountId: number, creditAccountId: number): void {
  if (debitAccountId === creditAccountId) {
    throw new AppError('SAME_ACCOUNT', `Account ${debitAccountId} cannot be debited and credited by one transfer.`, { field: 'creditAccountId' });
  }
}

export function assertSameCurrency(debit: Account, credit: Account): void {
  if (debit.currency !== credit.currency) {
    throw new AppError('CURRENCY_MISMATCH', `Account ${debit.code} holds ${debit.currency} and ${credit.code} holds ${credit.currency}.`, {
      field: 'creditAccountId',
      debitCurrency: debit.currency,
      creditCurrency: credit.currency,
    });
  }
}
