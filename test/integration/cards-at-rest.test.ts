import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLuhnValid } from '../../src-shared/luhn';
import { databaseKeyHex } from '../support/database-key';
import { rawOpen } from '../support/files';
import { BANK_CARDS, cardBranch, type CardBranch } from './cards-branch';

// Issue 10, "no card data at rest": a branch that issued, replaced and revealed cards, ran
// authorizations and linked bank cards is opened as an auditor with only the recovery key and a
// standard SQLCipher tool would, and every value of every table (the audit log and the journal
// included) is scanned. No card number is found in clear, neither one the branch was shown nor
// any 13–19-digit run that passes the Luhn check; no CVV is stored; no column is meant for one.

let branch: CardBranch;
let raw: Database.Database;

beforeAll(async () => {
  branch = await cardBranch();
  branch.router.close();
  raw = rawOpen(join(branch.dataDir, 'paydesk.db'), databaseKeyHex(branch.dataDir, branch.recoveryKey), { readonly: false });
}, 120_000);
afterAll(() => raw?.close());

interface Found {
  table: string;
  column: string;
  value: string;
}

function tables(): string[] {
  return raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
}

/** Every value of every table as text: integers exactly (as BigInt), blobs as Latin-1. */
function everyValue(): Found[] {
  const values: Found[] = [];
  for (const table of tables()) {
    for (const row of raw.prepare(`SELECT * FROM "${table}"`).safeIntegers(true).iterate() as IterableIterator<Record<string, unknown>>) {
      for (const [column, value] of Object.entries(row)) {
        if (value === null) continue;
        values.push({ table, column, value: Buffer.isBuffer(value) ? value.toString('latin1') : String(value) });
      }
    }
  }
  return values;
}

/**
 * Digit runs of 13 to 19 that pass the Luhn check, standing on their own: a run inside a hex
 * string (a hash, a fingerprint) is part of that string, and 13 digits in a row happen there by chance.
 */
function luhnRuns(text: string): string[] {
  return [...text.matchAll(/(?<![0-9A-Za-z])\d{13,19}(?![0-9A-Za-z])/g)].map((m) => m[0]).filter(isLuhnValid);
}

function cardNumbersIn(values: Found[]): Found[] {
  return values.flatMap((found) => luhnRuns(found.value).map((value) => ({ ...found, value })));
}

describe('no card data at rest', () => {
  it('scanned a branch with every kind of card data in play', () => {
    const count = (table: string) => raw.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    expect({ cards: count('cards') >= 6, bankCards: count('bank_cards') >= 4, authorizations: count('card_authorizations') >= 6, shown: branch.shown.length }).toEqual({ cards: true, bankCards: true, authorizations: true, shown: 8 });
    expect(raw.prepare(`SELECT count(*) FROM audit_log WHERE action = 'card.reveal'`).pluck().get()).toBe(1);
  });

  it('holds none of the card numbers it was shown or given, in any table, the audit log and journal included', () => {
    const values = everyValue();
    const numbers = [...branch.shown.map((shown) => shown.pan), ...BANK_CARDS];
    expect(values.filter((found) => numbers.some((pan) => found.value.includes(pan)))).toEqual([]);
    // Nor their middle digits: at most the first six and last four are kept.
    expect(values.filter((found) => numbers.some((pan) => found.value.includes(pan.slice(6, -4))))).toEqual([]);
  });

  it('holds no 13–19-digit run that passes the Luhn check, anywhere', () => {
    expect(cardNumbersIn(everyValue())).toEqual([]);
  });

  it('finds a number planted in a row, so the scan does look', () => {
    raw.exec('BEGIN');
    try {
      raw.prepare(`UPDATE bank_cards SET holder_name = ? WHERE id = 1`).run(`LI SI ${BANK_CARDS[1]}`);
      expect(cardNumbersIn(everyValue())).toEqual([{ table: 'bank_cards', column: 'holder_name', value: BANK_CARDS[1] }]);
    } finally {
      raw.exec('ROLLBACK');
    }
  });

  it('stores no CVV: no value names one beside three digits, and no shown CVV sits beside its card', () => {
    const values = everyValue();
    expect(values.filter((found) => /(cvv|cvc|csc|verification.?value)[^0-9A-Za-z]{0,4}\d{3}/i.test(found.value))).toEqual([]);
    // A CVV alone is three digits, as amounts and ids are: the rows of its own card hold it neither as a value nor as a JSON string.
    for (const shown of branch.shown) {
      const id = raw.prepare('SELECT id FROM cards WHERE last4 = ? AND first6 = ?').pluck().get(shown.pan.slice(-4), shown.pan.slice(0, 6)) as number;
      const own = [
        ...raw.prepare('SELECT * FROM cards WHERE id = ?').all(id),
        ...raw.prepare('SELECT * FROM card_events WHERE card_id = ?').all(id),
        ...raw.prepare('SELECT * FROM card_authorizations WHERE card_id = ?').all(id),
        ...raw.prepare(`SELECT * FROM audit_log WHERE entity_type = 'card' AND entity_id = ?`).all(String(id)),
      ] as Record<string, unknown>[];
      const holding = own.flatMap((row) => Object.values(row)).filter((value) => value === shown.cvv || (typeof value === 'string' && value.includes(`"${shown.cvv}"`)));
      expect({ card: id, holding }).toEqual({ card: id, holding: [] });
    }
  });

  it('has no column, in any table, meant for a CVV', () => {
    const columns = tables().flatMap((table) => (raw.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => `${table}.${c.name}`));
    expect(columns.filter((column) => /cvv|cvc|csc|cvv2|security.?code/i.test(column))).toEqual([]);
    expect(raw.prepare(`SELECT name FROM sqlite_master WHERE sql LIKE '%cvv%' OR sql LIKE '%cvc%'`).pluck().all()).toEqual([]);
  });
});
