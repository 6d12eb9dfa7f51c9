import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPayoutFile, memberAmountKey, type FileRules } from '../../src-main/payouts/file-check';
import type { KnownMember } from '../../src-main/payouts/row-checks';
import type { ValidationReport } from '../../src-shared/contract/payouts';

// Issue 11, "Amount" and "Every row gets all its codes in one pass": the file check against
// rules held in memory (the store's lookups as plain functions), so thousands of random files run
// in seconds. Amounts written in any accepted form become exact minor units, with no float in
// between; and a row of random valid and invalid cells gets exactly the codes a plain model of
// the rules gives it, however the cells combine with each other and with the other rows.

const DIGITS = { JPY: 0, CNY: 2, KWD: 3 } as const;
type Currency = keyof typeof DIGITS;

/** Members 1000 (active, with a bank card), 2000 (frozen), 3000 (active, no card); 777 was paid to 1000 this week. */
const MEMBERS: Record<string, KnownMember> = {
  '1000': { id: 1, name: 'Li', status: 'active', bankCardId: 11 },
  '2000': { id: 2, name: 'Han', status: 'frozen', bankCardId: null },
  '3000': { id: 3, name: 'Ada', status: 'active', bankCardId: null },
};

function rulesFor(currency: string, itemLimit: number | null = null): FileRules {
  return {
    currency,
    enabledCurrencies: new Set(['CNY', 'USD', 'JPY', 'KWD']),
    itemLimit,
    members: (memberNumbers) => new Map(Object.entries(MEMBERS).filter(([memberNumber]) => memberNumbers.has(memberNumber))),
    fileImported: () => false,
    referencesUsed: (references) => new Set([...references].filter((reference) => reference.startsWith('USED-'))),
    paidRecently: (candidates) => new Set(candidates.filter(({ memberId, amount }) => memberId === 1 && amount === 77_700).map(memberAmountKey)),
  };
}

const check = (csv: string, rules: FileRules): ValidationReport => checkPayoutFile(Buffer.from(csv), rules).report;

/** A decimal written as finance might: grouped in thousands or not, with or without the trailing zeros, spaces around. */
const writtenAmount = (digits: number) =>
  fc
    .record({
      whole: fc.bigInt({ min: 0n, max: BigInt(Number.MAX_SAFE_INTEGER) / 10n ** BigInt(digits) - 1n }),
      fraction: fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 0, maxLength: digits }),
      grouped: fc.boolean(),
      padded: fc.boolean(),
    })
    .map(({ whole, fraction, grouped, padded }) => {
      const wholeText = grouped ? whole.toString().replace(/\B(?=(\d{3})+$)/g, ',') : whole.toString();
      const text = fraction === '' ? wholeText : `${wholeText}.${fraction}`;
      const minor = whole * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
      return { text: padded ? ` ${text} ` : text, minor };
    });

describe('payout amounts (property)', () => {
  for (const currency of Object.keys(DIGITS) as Currency[]) {
    it(`reads any ${currency} amount with at most ${DIGITS[currency]} decimals as its exact minor units`, () => {
      fc.assert(
        fc.property(fc.array(writtenAmount(DIGITS[currency]), { minLength: 1, maxLength: 20 }), (amounts) => {
          const csv = ['reference,member_no,amount', ...amounts.map((amount, index) => `R-${index},3000,"${amount.text}"`)].join('\n');
          const report = check(csv, rulesFor(currency));
          report.rows.forEach((row, index) => {
            const { minor } = amounts[index]!;
            if (minor === 0n) {
              expect(row.problems).toEqual([expect.objectContaining({ code: 'INVALID_AMOUNT', details: expect.objectContaining({ reason: 'zero' }) })]);
              return;
            }
            expect(row.amount).toBe(Number(minor));
            expect(BigInt(row.amount!)).toBe(minor);
            expect(row.problems.filter((problem) => problem.code !== 'POSSIBLE_DUPLICATE')).toEqual([]);
          });
        }),
        { numRuns: 300 },
      );
    });
  }

  it('refuses one decimal more than the currency has, whatever the digits', () => {
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(DIGITS) as Currency[])), fc.nat({ max: 1_000_000 }), fc.integer({ min: 1, max: 9 }), (currency, whole, last) => {
        const text = `${whole}.${'0'.repeat(DIGITS[currency])}${last}`;
        const report = check(`reference,member_no,amount\nR-1,3000,${text}\n`, rulesFor(currency));
        expect(report.rows[0]!.problems).toEqual([expect.objectContaining({ code: 'INVALID_AMOUNT', details: expect.objectContaining({ reason: 'too_many_decimals' }) })]);
        expect(report.rows[0]!.amount).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

/** One cell's choices: what is written, and the codes it brings on its own. */
type Cell = readonly [text: string, codes: readonly string[]];

const REFERENCES: Cell[] = [
  ['R', []],
  ['', ['MISSING_FIELD']],
  ['X'.repeat(65), ['INVALID_REFERENCE']],
  ['=R', ['FORMULA_TEXT']],
  ['USED-R', ['REFERENCE_ALREADY_USED']],
  ['TWICE', []],
];
const MEMBER_NUMBERS: Cell[] = [
  ['1000', []],
  ['3000', []],
  ['2000', ['MEMBER_NOT_ACTIVE']],
  ['9999', ['UNKNOWN_MEMBER']],
  ['', ['MISSING_FIELD']],
  ['-1000', ['FORMULA_TEXT']],
];
const AMOUNTS: Cell[] = [
  ['1.00', []],
  ['1', []],
  ['777', []],
  ['2,500.50', []],
  ['', ['MISSING_FIELD']],
  ['-1', ['INVALID_AMOUNT']],
  ['1e3', ['INVALID_AMOUNT']],
  ['1.005', ['INVALID_AMOUNT']],
  ['999,999.00', ['AMOUNT_OVER_LIMIT']],
];
const CURRENCIES: Cell[] = [
  ['', []],
  ['CNY', []],
  ['usd', ['CURRENCY_MISMATCH']],
  ['EUR', ['UNSUPPORTED_CURRENCY']],
  ['XYZ', ['UNSUPPORTED_CURRENCY']],
];
const DESTINATIONS: Cell[] = [
  ['', []],
  ['wallet', []],
  ['bank_card', []],
  ['boat', ['INVALID_DESTINATION']],
];
const NOTES: Cell[] = [
  ['', []],
  ['十二月佣金', []],
  ['注'.repeat(141), ['NOTE_TOO_LONG']],
  ['+note', ['FORMULA_TEXT']],
  ['"quoted, with comma"', []],
];

const AMOUNT_MINOR: Record<string, number> = { '1.00': 100, '1': 100, '777': 77_700, '2,500.50': 250_050, '999,999.00': 99_999_900 };

interface ModelRow {
  reference: Cell;
  member: Cell;
  amount: Cell;
  currency: Cell;
  destination: Cell;
  note: Cell;
}

const modelRow: fc.Arbitrary<ModelRow> = fc.record({
  reference: fc.constantFrom(...REFERENCES),
  member: fc.constantFrom(...MEMBER_NUMBERS),
  amount: fc.constantFrom(...AMOUNTS),
  currency: fc.constantFrom(...CURRENCIES),
  destination: fc.constantFrom(...DESTINATIONS),
  note: fc.constantFrom(...NOTES),
})
  // A line of empty cells is a blank line, which a file may have anywhere and which is no row.
  .filter((row) => Object.values(row).some(([text]) => text !== ''));

/** The rules of the issue, written plainly: each cell's own codes, then what rows say about each other. */
function modelCodes(rows: readonly ModelRow[], references: readonly string[]): string[][] {
  const memberOf = (row: ModelRow) => MEMBERS[row.member[0].replace('-', '')];
  const amountOf = (row: ModelRow) => AMOUNT_MINOR[row.amount[0]];
  const pairs = new Map<string, number>();
  for (const row of rows) {
    const member = memberOf(row);
    const amount = amountOf(row);
    if (member && amount !== undefined) pairs.set(`${member.id}:${amount}`, (pairs.get(`${member.id}:${amount}`) ?? 0) + 1);
  }
  return rows.map((row, index) => {
    const codes = [...row.reference[1], ...row.member[1], ...row.amount[1], ...row.currency[1], ...row.destination[1], ...row.note[1]];
    const reference = references[index]!;
    if (reference !== '' && references.slice(0, index).includes(reference)) codes.push('DUPLICATE_REFERENCE');
    const member = memberOf(row);
    if (member && row.destination[0] === 'bank_card' && member.bankCardId === null) codes.push('NO_BANK_CARD');
    const amount = amountOf(row);
    if (member && amount !== undefined && (pairs.get(`${member.id}:${amount}`)! > 1 || (member.id === 1 && amount === 77_700))) codes.push('POSSIBLE_DUPLICATE');
    return codes.sort();
  });
}

describe('row codes against a model (property)', () => {
  it('gives every row of a random file exactly the codes the model gives it', () => {
    fc.assert(
      fc.property(fc.array(modelRow, { minLength: 1, maxLength: 25 }), (rows) => {
        // Plain references are numbered so only TWICE and USED-R repeat; the rest are as chosen.
        const references = rows.map((row, index) => (row.reference[0] === 'R' ? `R-${index}` : row.reference[0] === '=R' ? `=R-${index}` : row.reference[0]));
        const cells = rows.map((row, index) => [references[index]!, row.member[0], row.amount[0].includes(',') ? `"${row.amount[0]}"` : row.amount[0], row.currency[0], row.destination[0], row.note[0]]);
        const csv = ['reference,member_no,amount,currency,destination,note', ...cells.map((cell) => cell.join(','))].join('\r\n');
        const report = check(csv, rulesFor('CNY', 5_000_000));
        expect(report.fileProblems).toEqual([]);
        expect(report.rows.map((row) => row.problems.map((problem) => problem.code).sort())).toEqual(modelCodes(rows, references));
        expect(report.rows.map((row) => row.line)).toEqual(rows.map((_, index) => index + 2));
      }),
      { numRuns: 500 },
    );
  });
});
