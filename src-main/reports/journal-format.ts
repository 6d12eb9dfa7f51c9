import { isLuhnValid } from '../../src-shared/luhn';
import type { Head } from '../trust/chain-heads';
import { maskPan } from '../sealed/mask';

// What the journal's two formats (ledger-cli/hledger text and CSV) share: the facts a file states
// about itself, and the one shape every format has so journal-export.ts can stream either.

/** What the file says about itself, read in the same snapshot as its rows. */
export interface JournalFacts {
  madeAt: string;
  madeBy: string;
  heads: { journal: Head; audit: Head };
  trustFingerprint: string;
  /** Transfers in the snapshot, all states. */
  transfers: number;
}

/**
 * Where a format puts its text. `ascii` is the fast path for text the format knows holds only
 * ASCII (codes, ISO times, decimals); `text` takes anything, encoded as UTF-8.
 */
export interface JournalSink {
  ascii(text: string): void;
  text(text: string): void;
}

export interface JournalFormat {
  extension: string;
  mediaType: string;
  /** Every transfer in id order, one row per transfer, read with `.raw()` (columns by position). */
  query: string;
  /** The text before the first row. */
  opening(facts: JournalFacts): string;
  /** One row's text, in order: a million rows are written one at a time, none kept. */
  writeRow(row: unknown[], out: JournalSink): void;
}

/** Whether `text` is printable ASCII, for words the data holds (kinds) that a format would write on the fast path. */
export function isPlainAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/**
 * A memo on one line: newlines, tabs and runs of spaces become one space, so it cannot open a
 * posting or a new transaction; a card number someone typed into it is masked (PCI DSS v4.0
 * req. 3.4.1: no export shows more than the first six and last four digits).
 */
export function oneLineMemo(memo: string): string {
  const flat = memo.replace(/\s+/g, ' ').trim();
  return /\d{13}/.test(flat) ? flat.replace(/\d{13,19}/g, (digits) => (isLuhnValid(digits) ? maskPan(digits) : digits)) : flat;
}
