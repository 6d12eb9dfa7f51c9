import { z } from 'zod';
import type { AuditEntry } from '../../../../src-shared/contract/audit';
import { fieldLabel, formatFieldValue, isShownApart } from './audit-fields';
import type { Words } from './audit-words';

// What an audit row recorded, as a person reads it: the fields that changed with their values
// before and after, what was recorded when there is only one side, and a reversal as what it
// undid and why — never as a deletion. The summaries never hold secrets (the main process strips
// them), so all of it can be shown.

export interface Fact {
  field: string;
  label: string;
  value: string;
}

export interface ChangedField {
  field: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

export type ChangeDetail =
  /** The same fields before and after (an edit, a status change, a setting). */
  | { kind: 'change'; rows: ChangedField[]; context: Fact[] }
  /** Only one side was recorded: what a creation made, or what an event noted. */
  | { kind: 'record'; side: 'before' | 'after'; facts: Fact[] }
  /** A receipt reversed: what it undid, and the reversal's receipt and reason. */
  | { kind: 'reversal'; reversed: Fact[]; reversal: Fact[]; sentence: string }
  | { kind: 'none' };

type Described = Pick<AuditEntry, 'action' | 'entityType' | 'before' | 'after'>;
type Fields = Record<string, unknown>;

function asRecord(value: unknown): Fields | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : null;
}

/** A value's comparable form: two values are the same when they serialize the same. */
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function factsOf(record: Fields, entityType: string, words: Words): Fact[] {
  return Object.entries(record)
    .filter(([field, value]) => value !== null && value !== undefined && isShownApart(field, record))
    .map(([field, value]) => ({ field, label: fieldLabel(field, words), value: formatFieldValue(field, value, { record, entityType }, words) }));
}

function changeOf(was: Fields, now: Fields, entityType: string, words: Words): ChangeDetail {
  const shared = Object.keys(was).filter((field) => field in now && isShownApart(field, was));
  const rows = shared.map((field) => ({
    field,
    label: fieldLabel(field, words),
    before: formatFieldValue(field, was[field], { record: was, entityType }, words),
    after: formatFieldValue(field, now[field], { record: now, entityType }, words),
    changed: !same(was[field], now[field]),
  }));
  const onlyAfter = Object.fromEntries(Object.entries(now).filter(([field]) => !(field in was)));
  return { kind: 'change', rows, context: factsOf(onlyAfter, entityType, words) };
}

// wallet.reverse (src-main/wallets/wallet-reversal.ts): the receipt undone before, its reversal after.
const reversedReceipt = z.object({ receiptNumber: z.string(), operation: z.string(), amount: z.number(), currency: z.string() });
const reversalReceipt = z.object({ reversalReceipt: z.string(), reason: z.string() });

function reversalOf(entry: Described, was: Fields, now: Fields, words: Words): ChangeDetail | null {
  const reversed = reversedReceipt.safeParse(was);
  const reversal = reversalReceipt.safeParse(now);
  if (!reversed.success || !reversal.success) return null;
  const context = { record: was, entityType: entry.entityType };
  const sentence = words.t('audit:reversal.summary', {
    receipt: reversed.data.receiptNumber,
    operation: formatFieldValue('operation', reversed.data.operation, context, words),
    amount: formatFieldValue('amount', reversed.data.amount, context, words),
    reversal: reversal.data.reversalReceipt,
    reason: reversal.data.reason,
  });
  return { kind: 'reversal', reversed: factsOf(was, entry.entityType, words), reversal: factsOf(now, entry.entityType, words), sentence };
}

/** Actions whose before is what was undone and whose after is the undoing, not an edit of one thing. */
const REVERSALS = new Set(['wallet.reverse']);

export function describeChange(entry: Described, words: Words): ChangeDetail {
  const was = asRecord(entry.before);
  const now = asRecord(entry.after);
  if (was && now && REVERSALS.has(entry.action)) {
    const reversal = reversalOf(entry, was, now, words);
    if (reversal) return reversal;
  }
  if (was && now) return changeOf(was, now, entry.entityType, words);
  if (now) return { kind: 'record', side: 'after', facts: factsOf(now, entry.entityType, words) };
  if (was) return { kind: 'record', side: 'before', facts: factsOf(was, entry.entityType, words) };
  return { kind: 'none' };
}

function pairs(facts: Fact[], words: Words): string {
  return facts.map(({ label, value }) => words.t('audit:detail.pair', { label, value })).join(words.t('audit:detail.separator'));
}

/** One line for the grid: what changed as "Status: Active → Frozen", or what was recorded. */
export function summarizeDetail(detail: ChangeDetail, words: Words): string {
  switch (detail.kind) {
    case 'change': {
      const changed = detail.rows.filter((row) => row.changed);
      if (changed.length === 0) return pairs(detail.context, words);
      return changed.map(({ label, before, after }) => words.t('audit:detail.change', { label, before, after })).join(words.t('audit:detail.separator'));
    }
    case 'record':
      return pairs(detail.facts, words);
    case 'reversal':
      return detail.sentence;
    case 'none':
      return '';
  }
}

/** The row's before and after as text, for a CSV cell each: only the changed fields of an edit. */
export function beforeAfterText(detail: ChangeDetail, words: Words): { before: string; after: string } {
  switch (detail.kind) {
    case 'change': {
      const changed = detail.rows.filter((row) => row.changed);
      const side = (pick: 'before' | 'after') => pairs(changed.map((row) => ({ field: row.field, label: row.label, value: row[pick] })), words);
      return { before: side('before'), after: [side('after'), pairs(detail.context, words)].filter(Boolean).join(words.t('audit:detail.separator')) };
    }
    case 'record':
      return detail.side === 'after' ? { before: '', after: pairs(detail.facts, words) } : { before: pairs(detail.facts, words), after: '' };
    case 'reversal':
      return { before: pairs(detail.reversed, words), after: pairs(detail.reversal, words) };
    case 'none':
      return { before: '', after: '' };
  }
}
