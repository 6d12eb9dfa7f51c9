import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../../src-main/api/router';
import type { ChannelOutput } from '../../src-shared/contract';
import type { ValidationReport } from '../../src-shared/contract/payouts';
import { ROW_CODES } from '../../src-shared/row-codes';
import { ADMIN, ok } from '../support/temp-data';
import { addMember, FINANCE } from './members-fixtures';
import { base64Of, csvOf, fund, importAndSubmit, payoutRouter, signInAs, type PayoutRow } from './payouts-fixtures';

// Issue 11, "The file", "Codes" and "Bad input": payouts.validate through the real router on a
// real encrypted store. Each row and file code has its own case; files that mix many problems
// show that every row gets exactly its codes, all of them, on the line an editor shows; the same
// content reads the same in every accepted encoding; and validating writes nothing at all.

const FIXTURES = join(__dirname, '../fixtures/payouts');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

type Member = ChannelOutput<'members.create'>;

/**
 * One desk for the read-only cases, so each does not pay for a folder of its own: the three
 * members of payoutRouter (李雷 100000009, 韩梅梅 100000017, Ada 100000025), then a frozen one
 * (100000033) and a closed one (100000041). The fixture files name them by these numbers.
 */
let desk: { router: Router; dataDir: string; members: Member[] };

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'paydesk-test-'));
  const router = createRouter({ dataDir });
  await ok(router, 'setup.init', ADMIN);
  await ok(router, 'staff.add', FINANCE);
  const members = [];
  for (const name of ['李雷', '韩梅梅', 'Ada Lovelace', 'Frozen Fred', 'Closed Clara']) members.push(await addMember(router, { name }));
  await ok(router, 'members.freeze', { id: members[3]!.id, reason: 'fraud review' });
  await ok(router, 'members.close', { id: members[4]!.id, reason: 'moved away' });
  desk = { router, dataDir, members };
});

afterAll(() => {
  desk.router.close();
  rmSync(desk.dataDir, { recursive: true, force: true });
});

const LEI = '100000009';
const MEIMEI = '100000017';
const ADA = '100000025';
const FROZEN = '100000033';
const CLOSED = '100000041';

let referenceSequence = 0;
/** A row that is valid on its own (a fresh reference, an active member, 10.00), with the fields given over it. */
function rowWith(fields: PayoutRow = {}): PayoutRow {
  referenceSequence += 1;
  return { reference: `V-${referenceSequence}`, member_no: LEI, amount: '10.00', ...fields };
}

async function validate(router: Router, file: string | Uint8Array, currency?: string): Promise<ValidationReport> {
  return ok(router, 'payouts.validate', { fileName: 'payouts.csv', contentBase64: base64Of(file), ...(currency ? { currency } : {}) });
}

/** Every code on every row, by the line the row starts on; sorted, so a table reads as a set with repeats. */
function codesByLine(report: ValidationReport): Record<number, string[]> {
  return Object.fromEntries(report.rows.map((row) => [row.line, row.problems.map((problem) => problem.code).sort()]));
}

/** The one row of a one-row file: its codes (sorted) and the problems as answered. */
async function checkOne(fields: PayoutRow, router = desk.router, currency?: string) {
  const report = await validate(router, csvOf([rowWith(fields)]), currency);
  expect(report.rows).toHaveLength(1);
  const row = report.rows[0]!;
  return { row, codes: row.problems.map((problem) => problem.code).sort(), problems: row.problems };
}

const fileCodes = (report: ValidationReport) => report.fileProblems.map((problem) => problem.code);

describe('row codes, one file each', () => {
  it('passes a clean row with no codes and counts it payable', async () => {
    const report = await validate(desk.router, csvOf([rowWith({ amount: '1,234.50', note: '十二月佣金' })]));
    expect(report).toMatchObject({ importable: true, fileProblems: [], currency: 'CNY' });
    expect(report.rows[0]).toMatchObject({ line: 2, status: 'ok', problems: [], amount: 123_450, memberName: '李雷', destination: 'wallet', note: '十二月佣金' });
    expect(report.totals).toEqual({ rows: 1, ok: 1, warning: 0, error: 0, payableCount: 1, payableAmount: 123_450, byCode: {} });
  });

  it.each(['reference', 'member_no', 'amount'] as const)('reports MISSING_FIELD naming %s when it is empty', async (field) => {
    const { row, problems } = await checkOne({ [field]: '' });
    expect(problems).toEqual([expect.objectContaining({ line: 2, code: 'MISSING_FIELD', column: field, details: { field } })]);
    expect(row.status).toBe('error');
  });

  it('reports MISSING_FIELD once per missing field, and an amount of spaces is missing, not invalid', async () => {
    const { problems } = await checkOne({ reference: ' ', member_no: '', amount: '   ', note: 'only a note' });
    expect(problems.map((problem) => [problem.code, problem.details?.field])).toEqual([
      ['MISSING_FIELD', 'reference'],
      ['MISSING_FIELD', 'member_no'],
      ['MISSING_FIELD', 'amount'],
    ]);
  });

  it('reports INVALID_REFERENCE for 65 characters and for a control character, not for 64', async () => {
    expect((await checkOne({ reference: 'R'.repeat(65) })).codes).toEqual(['INVALID_REFERENCE']);
    expect((await checkOne({ reference: 'PAY\u0007001' })).codes).toEqual(['INVALID_REFERENCE']);
    expect((await checkOne({ reference: 'PAY\u0085001' })).codes).toEqual(['INVALID_REFERENCE']);
    expect((await checkOne({ reference: 'R'.repeat(64) })).codes).toEqual([]);
    expect((await checkOne({ reference: '参'.repeat(64) })).codes).toEqual([]);
  });

  const INVALID_AMOUNTS: [string, string][] = [
    ['-12.00', 'negative'],
    ['0', 'zero'],
    ['0.00', 'zero'],
    ['1.234,50', 'not_a_number'],
    ['12.345', 'too_many_decimals'],
    ['100.', 'not_a_number'],
    ['.5', 'not_a_number'],
    ['¥100', 'not_a_number'],
    ['CNY 100', 'not_a_number'],
    ['1 000', 'not_a_number'],
    ['1e3', 'exponent'],
    ['0x10', 'not_a_number'],
    ['12,34', 'not_a_number'],
    ['１２', 'not_a_number'],
    ['99999999999999999999', 'too_large'],
  ];
  it.each(INVALID_AMOUNTS)('reports INVALID_AMOUNT for %j with the reason %s, in the message too', async (amount, reason) => {
    const { row, problems } = await checkOne({ amount });
    expect(problems).toEqual([expect.objectContaining({ code: 'INVALID_AMOUNT', column: 'amount', details: expect.objectContaining({ reason }) })]);
    expect(problems[0]!.message.length).toBeGreaterThan(50);
    expect(row).toMatchObject({ amount: null, amountText: amount.trim(), status: 'error' });
  });

  it('says in the message why an amount is invalid', async () => {
    const { problems: negative } = await checkOne({ amount: '-5' });
    const { problems: decimals } = await checkOne({ amount: '12.345' });
    expect(negative[0]!.message).toMatch(/negative/i);
    expect(decimals[0]!.message).toMatch(/decimal/i);
    expect(negative[0]!.message).not.toBe(decimals[0]!.message);
  });

  it.each([
    ['1234', 123_400],
    ['1234.5', 123_450],
    ['1234.50', 123_450],
    ['1,234.50', 123_450],
    [' 12 ', 1_200],
    ['1,000,000.01', 100_000_001],
    ['0.01', 1],
  ])('reads the amount %j as %i minor units', async (amount, minor) => {
    const { row, codes } = await checkOne({ amount, member_no: ADA });
    expect(codes.filter((code) => code !== 'AMOUNT_OVER_LIMIT')).toEqual([]);
    expect(row.amount).toBe(minor);
  });

  it('reads amounts with the batch currency’s digits: JPY 100 is 100 yen, JPY 100.5 is too many decimals', async () => {
    const { router } = await payoutRouter();
    await ok(router, 'settings.update', { enabledCurrencies: ['CNY', 'JPY'] });
    expect((await checkOne({ amount: '100' }, router, 'JPY')).row).toMatchObject({ amount: 100, currency: 'JPY', problems: [] });
    const { problems } = await checkOne({ amount: '100.5' }, router, 'JPY');
    expect(problems).toEqual([expect.objectContaining({ code: 'INVALID_AMOUNT', details: expect.objectContaining({ reason: 'too_many_decimals' }) })]);
    expect((await checkOne({ amount: '1,000' }, router, 'JPY')).row.amount).toBe(1_000);
  });

  it('reports UNSUPPORTED_CURRENCY for a code that is not ISO 4217 and for one that is not enabled', async () => {
    for (const currency of ['XYZ', 'RMB', 'PTS', 'USD', 'usd']) {
      const { problems } = await checkOne({ currency });
      expect(problems).toEqual([expect.objectContaining({ code: 'UNSUPPORTED_CURRENCY', column: 'currency', details: { currency: currency.toUpperCase() } })]);
    }
    expect((await checkOne({ currency: 'cny' })).codes).toEqual([]);
  });

  it('reports CURRENCY_MISMATCH for an enabled currency that is not the batch’s, and reads its amount in that currency', async () => {
    const { router } = await payoutRouter();
    await ok(router, 'settings.update', { enabledCurrencies: ['CNY', 'USD', 'JPY'] });
    const { problems, row } = await checkOne({ currency: 'USD', amount: '5.25' }, router);
    expect(problems).toEqual([expect.objectContaining({ code: 'CURRENCY_MISMATCH', column: 'currency', details: { currency: 'USD' } })]);
    expect(row).toMatchObject({ currency: 'USD', amount: 525 });
    expect((await checkOne({ currency: 'JPY', amount: '5.25' }, router)).codes).toEqual(['CURRENCY_MISMATCH', 'INVALID_AMOUNT']);
    expect((await checkOne({ currency: 'USD' }, router, 'USD')).codes).toEqual([]);
    expect((await checkOne({ currency: 'CNY' }, router, 'USD')).codes).toEqual(['CURRENCY_MISMATCH']);
  });

  it('refuses a batch currency that is not enabled with CURRENCY_DISABLED, before reading the file', async () => {
    const answer = await desk.router.invoke('payouts.validate', { fileName: 'usd.csv', currency: 'USD', contentBase64: base64Of(csvOf([rowWith()])) });
    expect(answer).toMatchObject({ ok: false, error: { code: 'CURRENCY_DISABLED', details: { field: 'currency' } } });
  });

  it('reports UNKNOWN_MEMBER for a number no member has, and reads a number written with spaces or dashes', async () => {
    expect((await checkOne({ member_no: '999999999' })).problems).toEqual([expect.objectContaining({ code: 'UNKNOWN_MEMBER', column: 'member_no' })]);
    expect((await checkOne({ member_no: '1000-0000-9' })).row).toMatchObject({ memberName: '李雷', problems: [] });
    expect((await checkOne({ member_no: '10000 0009' })).row.problems).toEqual([]);
  });

  it('reports MEMBER_NOT_ACTIVE for a frozen and for a closed member, naming the status', async () => {
    expect((await checkOne({ member_no: FROZEN })).problems).toEqual([expect.objectContaining({ code: 'MEMBER_NOT_ACTIVE', details: { status: 'frozen' } })]);
    expect((await checkOne({ member_no: CLOSED })).problems).toEqual([expect.objectContaining({ code: 'MEMBER_NOT_ACTIVE', details: { status: 'closed' } })]);
  });

  it('reports INVALID_DESTINATION for anything but wallet or bank_card; empty, wallet, 钱包 are the wallet', async () => {
    for (const destination of ['bank', 'cash', 'wallet2']) {
      expect((await checkOne({ destination })).problems).toEqual([expect.objectContaining({ code: 'INVALID_DESTINATION', column: 'destination', details: { destination } })]);
    }
    for (const destination of ['', 'wallet', 'WALLET', ' wallet ', '钱包']) {
      expect((await checkOne({ destination })).row).toMatchObject({ destination: 'wallet', problems: [] });
    }
  });

  it('reports NO_BANK_CARD for bank_card to a member without a default linked card, and passes once one is linked', async () => {
    const { router, members } = await payoutRouter();
    const member = members[0]!;
    expect((await checkOne({ member_no: member.memberNumber, destination: 'bank_card' }, router)).problems).toEqual([
      expect.objectContaining({ code: 'NO_BANK_CARD', column: 'destination' }),
    ]);
    await ok(router, 'bankCards.link', { memberId: member.id, pan: '4111 1111 1111 1111', holderName: 'LI LEI', expiry: '12/39', bankName: 'ICBC' });
    expect((await checkOne({ member_no: member.memberNumber, destination: 'bank_card' }, router)).row).toMatchObject({ destination: 'bank_card', problems: [] });
    expect((await checkOne({ member_no: member.memberNumber, destination: '银行卡' }, router)).row).toMatchObject({ destination: 'bank_card', problems: [] });
  });

  it('reports DUPLICATE_REFERENCE on the later row only', async () => {
    const report = await validate(desk.router, csvOf([rowWith({ reference: 'TWICE' }), rowWith({ reference: 'OTHER', amount: '11' }), rowWith({ reference: 'TWICE', member_no: ADA })]));
    expect(codesByLine(report)).toEqual({ 2: [], 3: [], 4: ['DUPLICATE_REFERENCE'] });
  });

  it('reports REFERENCE_ALREADY_USED for an earlier batch’s item, free again once that batch is cancelled or rejected', async () => {
    const { router, members } = await payoutRouter();
    const earlier = (reference: string) => csvOf([{ reference, member_no: members[0]!.memberNumber, amount: '1.00' }, { reference: `${reference}-b`, member_no: members[1]!.memberNumber, amount: '2.00' }]);
    const codesOf = async (reference: string) => (await checkOne({ reference, member_no: members[2]!.memberNumber }, router)).codes;

    const cancelled = await importAndSubmit(router, earlier('USED-C'));
    expect(await codesOf('USED-C')).toEqual(['REFERENCE_ALREADY_USED']);
    await ok(router, 'payouts.cancel', { batchId: cancelled.id, reason: 'wrong month' });
    expect(await codesOf('USED-C')).toEqual([]);

    const rejected = await importAndSubmit(router, earlier('USED-R'));
    expect(await codesOf('USED-R')).toEqual(['REFERENCE_ALREADY_USED']);
    await signInAs(router, 'finance');
    await ok(router, 'payouts.reject', { batchId: rejected.id, reason: 'not agreed' });
    expect(await codesOf('USED-R')).toEqual([]);

    const { batch: draft } = await ok(router, 'payouts.import', { fileName: 'draft.csv', contentBase64: base64Of(earlier('USED-D')) });
    expect(draft?.status).toBe('draft');
    expect(await codesOf('USED-D')).toEqual(['REFERENCE_ALREADY_USED']);
    const both = await validate(router, csvOf([rowWith({ reference: 'USED-D', member_no: members[2]!.memberNumber }), rowWith({ reference: 'USED-D', member_no: members[1]!.memberNumber, amount: '3.00' })]));
    expect(codesByLine(both)).toEqual({ 2: ['REFERENCE_ALREADY_USED'], 3: ['DUPLICATE_REFERENCE', 'REFERENCE_ALREADY_USED'] });
  });

  it('reports AMOUNT_OVER_LIMIT above 50,000.00 by default, and follows a changed limit', async () => {
    expect((await checkOne({ amount: '50,000.00' })).codes).toEqual([]);
    expect((await checkOne({ amount: '50000.01' })).problems).toEqual([expect.objectContaining({ code: 'AMOUNT_OVER_LIMIT', column: 'amount', details: { limit: 5_000_000 } })]);
    const { router } = await payoutRouter();
    await ok(router, 'settings.update', { payoutItemLimits: { CNY: 10_000 } });
    expect((await checkOne({ amount: '100.00' }, router)).codes).toEqual([]);
    expect((await checkOne({ amount: '100.01' }, router)).problems).toEqual([expect.objectContaining({ code: 'AMOUNT_OVER_LIMIT', details: { limit: 10_000 } })]);
    await ok(router, 'settings.update', { payoutItemLimits: {} });
    expect((await checkOne({ amount: '9,000,000.00' }, router)).codes).toEqual([]);
  });

  it('reports NOTE_TOO_LONG at 141 code points; 140 Chinese characters and 140 emoji pass', async () => {
    expect((await checkOne({ note: 'n'.repeat(141) })).problems).toEqual([expect.objectContaining({ code: 'NOTE_TOO_LONG', column: 'note', details: { max: 140 } })]);
    expect((await checkOne({ note: '注'.repeat(141) })).codes).toEqual(['NOTE_TOO_LONG']);
    expect((await checkOne({ note: '注'.repeat(140) })).row).toMatchObject({ note: '注'.repeat(140), problems: [] });
    expect((await checkOne({ note: '💰'.repeat(140) })).codes).toEqual([]);
  });

  it('reports MALFORMED_ROW for too many fields, too few, and an unclosed quote, and nothing else on such a row', async () => {
    const header = 'reference,member_no,amount';
    const report = await validate(desk.router, [header, `M-1,${LEI},1.00,extra`, 'M-2,', `M-3,${LEI},1.00`, `M-4,${LEI},"5.00`].join('\n'));
    expect(codesByLine(report)).toEqual({ 2: ['MALFORMED_ROW'], 3: ['MALFORMED_ROW'], 4: [], 5: ['MALFORMED_ROW'] });
    expect(report.rows[0]!.problems[0]).toMatchObject({ column: null, details: { fields: 4, expected: 3 } });
    expect(report.rows[1]!.problems[0]).toMatchObject({ details: { fields: 2, expected: 3 } });
  });

  it('reports POSSIBLE_DUPLICATE on every row sharing member and amount, however the amount or number is written', async () => {
    const report = await validate(
      desk.router,
      csvOf([
        rowWith({ member_no: MEIMEI, amount: '20' }),
        rowWith({ member_no: MEIMEI, amount: '21' }),
        rowWith({ member_no: '1000-0001-7', amount: '20.00' }),
        rowWith({ member_no: ADA, amount: '20' }),
        rowWith({ member_no: MEIMEI, amount: '20.0' }),
      ]),
    );
    expect(codesByLine(report)).toEqual({ 2: ['POSSIBLE_DUPLICATE'], 3: [], 4: ['POSSIBLE_DUPLICATE'], 5: [], 6: ['POSSIBLE_DUPLICATE'] });
    expect(report.rows.map((row) => row.status)).toEqual(['warning', 'ok', 'warning', 'ok', 'warning']);
    expect(report.totals).toMatchObject({ payableCount: 5, warning: 3, byCode: { POSSIBLE_DUPLICATE: 3 } });
  });

  it.each([
    ['reference', '=HYPERLINK("x")'],
    ['reference', '+1'],
    ['reference', '-1'],
    ['reference', '@SUM'],
    ['note', '=1+1'],
    ['note', '+86 139'],
    ['note', '-refund'],
    ['note', '@home'],
    ['note', '\tindented'],
    ['note', '\rreturn'],
    ['member_no', `-${LEI}`],
    ['member_no', `\t${LEI}`],
    ['member_no', `\r${LEI}`],
  ] as const)('reports FORMULA_TEXT on %s starting %j, keeps it verbatim, and still pays the row', async (column, text) => {
    const { row, problems } = await checkOne({ [column]: text });
    expect(problems).toEqual([expect.objectContaining({ code: 'FORMULA_TEXT', column })]);
    expect(row.status).toBe('warning');
    expect(column === 'member_no' ? row.memberNo : column === 'note' ? row.note : row.reference).toBe(text);
  });

  it('adds INVALID_REFERENCE to FORMULA_TEXT for a reference starting with a tab or CR (control characters)', async () => {
    expect((await checkOne({ reference: '\tPAY-1' })).codes).toEqual(['FORMULA_TEXT', 'INVALID_REFERENCE']);
    expect((await checkOne({ reference: '\rPAY-2' })).codes).toEqual(['FORMULA_TEXT', 'INVALID_REFERENCE']);
  });

  it('reports FORMULA_TEXT beside UNKNOWN_MEMBER for a member number behind =, + or @ (only spaces and dashes are dropped from a number)', async () => {
    for (const memberNo of [`=${LEI}`, `+${LEI}`, `@${LEI}`]) {
      const { row, codes } = await checkOne({ member_no: memberNo });
      expect(codes).toEqual(['FORMULA_TEXT', 'UNKNOWN_MEMBER']);
      expect(row.memberNo).toBe(memberNo);
    }
  });

  it('lists a row’s codes in the catalogue’s order', async () => {
    const { problems } = await checkOne({ reference: '=R'.repeat(40), member_no: FROZEN, amount: '1e3', currency: 'XYZ', destination: 'bank_card', note: 'x'.repeat(141) });
    const codes = problems.map((problem) => problem.code);
    expect(codes).toEqual([...codes].sort((a, b) => ROW_CODES.indexOf(a) - ROW_CODES.indexOf(b)));
    expect(new Set(codes)).toEqual(new Set(['INVALID_REFERENCE', 'INVALID_AMOUNT', 'UNSUPPORTED_CURRENCY', 'MEMBER_NOT_ACTIVE', 'NO_BANK_CARD', 'NOTE_TOO_LONG', 'FORMULA_TEXT']));
  });
});

describe('POSSIBLE_DUPLICATE against payouts of the last 7 days', () => {
  it('flags a row matching a payout paid to the member 7 days ago, not one paid 8 days ago', async () => {
    const { router: first, dataDir, members } = await payoutRouter();
    await ok(first, 'session.lock', {});
    let now = new Date();
    const router = createRouter({ dataDir, clock: () => now });
    try {
      const signIn = async (person: { username: string; passphrase: string }) => {
        if (router.state.session) await ok(router, 'session.lock', {});
        await ok(router, 'session.unlock', { username: person.username, passphrase: person.passphrase });
      };
      await signIn(ADMIN);
      await fund(router, 100_000);
      const batch = await importAndSubmit(router, csvOf([{ reference: 'PAID-1', member_no: members[0]!.memberNumber, amount: '88.00' }]));
      await signIn(FINANCE);
      await ok(router, 'payouts.approve', { batchId: batch.id, contentHash: batch.contentHash });
      const { jobId } = await ok(router, 'payouts.execute', { batchId: batch.id });
      expect((await router.state.jobs.wait(jobId)).state).toBe('done');

      const again = (amount: string) => csvOf([{ reference: `AGAIN-${amount}`, member_no: members[0]!.memberNumber, amount }, { reference: 'OTHER', member_no: members[1]!.memberNumber, amount: '88.00' }]);
      const paidAt = now.getTime();
      now = new Date(paidAt + 7 * 86_400_000 - 60_000);
      await signIn(ADMIN);
      expect(codesByLine(await validate(router, again('88')))).toEqual({ 2: ['POSSIBLE_DUPLICATE'], 3: [] });
      expect(codesByLine(await validate(router, again('88.01')))).toEqual({ 2: [], 3: [] });
      now = new Date(paidAt + 8 * 86_400_000);
      await signIn(ADMIN);
      expect(codesByLine(await validate(router, again('88')))).toEqual({ 2: [], 3: [] });
    } finally {
      router.close();
    }
  });
});

describe('file codes', () => {
  it('reports EMPTY_FILE for no bytes, a header alone, and a header followed by blank lines', async () => {
    for (const file of ['', 'reference,member_no,amount\r\n', 'reference,member_no,amount\n\n  \n\r\n', '\uFEFF', '\n\n']) {
      const report = await validate(desk.router, file);
      expect(fileCodes(report)).toEqual(['EMPTY_FILE']);
      expect(report).toMatchObject({ importable: false, rows: [], totals: { rows: 0 } });
    }
    const answer = await ok(desk.router, 'payouts.import', { fileName: 'empty.csv', contentBase64: '' });
    expect(answer.batch).toBeNull();
  });

  it('reports MISSING_COLUMN naming each required column the header lacks, and checks no row', async () => {
    const report = await validate(desk.router, `ref,member,amount,note\nR-1,${LEI},1.00,x\n`);
    expect(report.fileProblems.filter((problem) => problem.code === 'MISSING_COLUMN').map((problem) => problem.column)).toEqual(['reference', 'member_no']);
    expect(report).toMatchObject({ importable: false, rows: [] });
    expect(report.fileProblems.find((problem) => problem.code === 'MISSING_COLUMN')!.message).toContain('reference');
  });

  it('reports UNSUPPORTED_ENCODING for bytes valid in neither UTF-8 nor GB18030, and for NUL bytes without a UTF-16 mark', async () => {
    const header = Buffer.from(`reference,member_no,amount\nR-1,${LEI},`);
    for (const bytes of [
      Buffer.concat([header, Buffer.from([0xff, 0x31])]),
      Buffer.concat([header, Buffer.from([0x81, 0x20])]),
      Buffer.from(`reference,member_no,amount\nR-1,${LEI},1.00\n`, 'utf16le'),
      Buffer.concat([header, Buffer.from([0x00]), Buffer.from('1.00\n')]),
    ]) {
      const report = await validate(desk.router, bytes);
      expect(fileCodes(report)).toEqual(['UNSUPPORTED_ENCODING']);
      expect(report).toMatchObject({ importable: false, rows: [], file: { encoding: null } });
    }
  });

  it('reports TOO_MANY_ROWS for 100,001 data rows and reads 100,000', async () => {
    const rows = (count: number) => ['reference,member_no,amount', ...Array.from({ length: count }, (_, index) => `B-${index},${LEI},1`)].join('\n');
    const over = await validate(desk.router, rows(100_001));
    expect(fileCodes(over)).toEqual(['TOO_MANY_ROWS']);
    expect(over.fileProblems[0]).toMatchObject({ details: { max: 100_000 } });
    expect(over).toMatchObject({ importable: false, rows: [] });
    const full = await validate(desk.router, rows(100_000));
    expect(fileCodes(full)).toEqual([]);
    expect(full.file.rows).toBe(100_000);
    expect(full.totals).toMatchObject({ rows: 100_000, payableCount: 100_000, payableAmount: 10_000_000 });
  });

  it('reports UNKNOWN_COLUMN naming each column it ignores, and still imports', async () => {
    const report = await validate(desk.router, `reference,branch,member_no,amount,Region\nR-1,north,${LEI},1.00,east\n`);
    expect(report.fileProblems.map((problem) => [problem.code, problem.column])).toEqual([
      ['UNKNOWN_COLUMN', 'branch'],
      ['UNKNOWN_COLUMN', 'Region'],
    ]);
    expect(report.importable).toBe(true);
    expect(report.rows[0]).toMatchObject({ reference: 'R-1', memberNo: LEI, amount: 100, problems: [] });
  });

  it('reports FILE_ALREADY_IMPORTED for the bytes of an earlier batch, even a cancelled one, and still imports', async () => {
    const { router, members } = await payoutRouter();
    const file = csvOf([{ reference: 'ONCE', member_no: members[0]!.memberNumber, amount: '1.00' }]);
    expect(fileCodes(await validate(router, file))).toEqual([]);
    const batch = await importAndSubmit(router, file);
    await ok(router, 'payouts.cancel', { batchId: batch.id });
    const report = await validate(router, file);
    expect(fileCodes(report)).toEqual(['FILE_ALREADY_IMPORTED']);
    expect(report.importable).toBe(true);
    expect(fileCodes(await validate(router, file + '\r\n'))).toEqual([]);
  });
});

describe('files mixing many problems', () => {
  it('gives every row exactly its codes, on the line it starts on (CRLF, blank lines, a note over two lines)', async () => {
    expect(desk.members.map((member) => member.memberNumber)).toEqual([LEI, MEIMEI, ADA, FROZEN, CLOSED]);
    const report = await validate(desk.router, fixture('mixed-problems.csv'));
    expect(codesByLine(report)).toEqual({
      2: [],
      4: [],
      6: ['DUPLICATE_REFERENCE', 'FORMULA_TEXT', 'INVALID_AMOUNT', 'INVALID_DESTINATION', 'UNSUPPORTED_CURRENCY'],
      7: ['MISSING_FIELD', 'MISSING_FIELD', 'UNKNOWN_MEMBER', 'UNSUPPORTED_CURRENCY'],
      10: ['AMOUNT_OVER_LIMIT', 'INVALID_REFERENCE', 'MEMBER_NOT_ACTIVE', 'NOTE_TOO_LONG', 'NO_BANK_CARD'],
      11: ['MALFORMED_ROW'],
      12: ['POSSIBLE_DUPLICATE'],
      13: ['POSSIBLE_DUPLICATE'],
      14: ['FORMULA_TEXT', 'INVALID_AMOUNT', 'MEMBER_NOT_ACTIVE'],
      15: [],
      16: ['MALFORMED_ROW'],
    });
    expect(report.rows.find((row) => row.line === 4)).toMatchObject({ reference: 'DUP-1', amount: 123_450, note: 'first line\r\nsecond line' });
    expect(report.rows.find((row) => row.line === 15)).toMatchObject({ amount: 50, note: 'say "hi", friend' });
    expect(report.rows.find((row) => row.line === 7)!.problems.filter((problem) => problem.code === 'MISSING_FIELD').map((problem) => problem.column)).toEqual(['reference', 'amount']);
    expect(report.rows.find((row) => row.line === 6)!.problems.find((problem) => problem.code === 'INVALID_AMOUNT')!.details).toMatchObject({ reason: 'negative' });
    expect(report.fileProblems.map((problem) => [problem.code, problem.column])).toEqual([['UNKNOWN_COLUMN', 'region']]);
    expect(report.file).toMatchObject({ encoding: 'utf-8', delimiter: ',', rows: 11 });
    expect(report.totals).toMatchObject({ rows: 11, ok: 3, warning: 2, error: 6, payableCount: 5, payableAmount: 10_000 + 123_450 + 2_000 + 2_000 + 50 });
    expect(report.totals.byCode).toMatchObject({ MALFORMED_ROW: 2, MISSING_FIELD: 1, POSSIBLE_DUPLICATE: 2, FORMULA_TEXT: 2, MEMBER_NOT_ACTIVE: 2 });
  });

  it('numbers lines the same with LF, and every problem carries its row’s line', async () => {
    const lf = fixture('mixed-problems.csv').toString('utf8').replaceAll('\r\n', '\n');
    const report = await validate(desk.router, lf);
    expect(Object.keys(codesByLine(report)).map(Number)).toEqual([2, 4, 6, 7, 10, 11, 12, 13, 14, 15, 16]);
    for (const row of report.rows) for (const problem of row.problems) expect(problem.line).toBe(row.line);
  });

  it('imports such a file as a draft that keeps every row and its codes; the batch pays only the rows without errors', async () => {
    const { router } = await payoutRouter();
    const { batch, validation } = await ok(router, 'payouts.import', { fileName: 'mixed.csv', contentBase64: base64Of(fixture('mixed-problems.csv')) });
    expect(batch).toMatchObject({ status: 'draft', rowCount: 11, itemCount: validation.totals.payableCount, total: validation.totals.payableAmount });
    const { rows } = await ok(router, 'payouts.items', { batchId: batch!.id, offset: 0, limit: 100 });
    expect(rows.map((item) => [item.line, item.problems.map((problem) => problem.code).sort()])).toEqual(validation.rows.map((row) => [row.line, row.problems.map((problem) => problem.code).sort()]));
  });
});

/** GB18030 text from a table built by decoding every two-byte GBK sequence: enough for the CJK of these files. */
function gb18030Encoder(): (text: string) => Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const character = decoder.decode(new Uint8Array([lead, trail]));
      if (character.length === 1 && character !== '\uFFFD' && !table.has(character)) table.set(character, [lead, trail]);
    }
  }
  return (text) => {
    const bytes: number[] = [];
    for (const character of text) {
      if (character.charCodeAt(0) < 0x80) bytes.push(character.charCodeAt(0));
      else if (table.has(character)) bytes.push(...table.get(character)!);
      else throw new Error(`gb18030Encoder: no bytes for ${character}`);
    }
    return Uint8Array.from(bytes);
  };
}

function utf16be(text: string): Uint8Array {
  const bytes = Buffer.from(`\uFEFF${text}`, 'utf16le');
  for (let i = 0; i < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1]!, bytes[i]!];
  return bytes;
}

describe('encodings, delimiters, quoting and headers', () => {
  const text = fixture('chinese-headers.csv').toString('utf8');
  const encodings: [string, Uint8Array][] = [
    ['utf-8', Buffer.from(text)],
    ['utf-8-bom', Buffer.from(`\uFEFF${text}`)],
    ['utf-16le', Buffer.from(`\uFEFF${text}`, 'utf16le')],
    ['utf-16be', utf16be(text)],
    ['gb18030', gb18030Encoder()(text)],
  ];

  it('reads the same rows and codes from UTF-8, UTF-8 with BOM, UTF-16 LE and BE with BOM, and GB18030', async () => {
    const reports = [];
    for (const [encoding, bytes] of encodings) {
      const report = await validate(desk.router, bytes);
      expect(report.file).toMatchObject({ encoding, delimiter: ',', rows: 3, columns: ['参考号', '会员号', '金额', '币种', '去向', '备注'] });
      reports.push(report);
    }
    const [utf8, ...others] = reports;
    expect(utf8!.rows.map((row) => [row.line, row.reference, row.memberName, row.amount, row.destination, row.note, row.problems])).toEqual([
      [2, '工资-001', '李雷', 125_000, 'wallet', '十二月佣金', []],
      [3, '工资-002', '韩梅梅', 30_050, 'wallet', '退款：订单 #88', []],
      [4, '工资-003', 'Ada Lovelace', 1_200, 'wallet', '', []],
    ]);
    for (const report of others) {
      expect(report.rows).toEqual(utf8!.rows);
      expect(report.totals).toEqual(utf8!.totals);
      expect(report.fileProblems).toEqual(utf8!.fileProblems);
    }
  });

  it('carries Chinese names and notes from a GB18030 file through a paid batch to the results export intact', async () => {
    const { router } = await payoutRouter();
    await fund(router, 1_000_000);
    const { batch } = await ok(router, 'payouts.import', { fileName: '十二月.csv', contentBase64: base64Of(encodings[4]![1]) });
    expect(batch).toMatchObject({ encoding: 'gb18030', itemCount: 3 });
    const submitted = await ok(router, 'payouts.submit', { batchId: batch!.id, itemCount: 3, total: 156_250 });
    await signInAs(router, 'finance');
    await ok(router, 'payouts.approve', { batchId: submitted.id, contentHash: submitted.contentHash });
    const { jobId } = await ok(router, 'payouts.execute', { batchId: submitted.id });
    expect((await router.state.jobs.wait(jobId)).state).toBe('done');
    for (const language of ['en', 'zh-CN'] as const) {
      const { csv } = await ok(router, 'payouts.exportCsv', { batchId: submitted.id, language });
      expect(csv.startsWith('\uFEFF')).toBe(true);
      for (const text of ['工资-001', '李雷', '十二月佣金', '韩梅梅', '退款：订单 #88']) expect(csv).toContain(text);
    }
  });

  it('detects semicolons, reads header names trimmed and in any case, and reports the delimiter', async () => {
    const report = await validate(desk.router, fixture('semicolon.csv'));
    expect(report.file).toMatchObject({ delimiter: ';', columns: ['Reference', 'MEMBER_NO', 'Amount', 'Note'] });
    expect(report.fileProblems).toEqual([]);
    expect(codesByLine(report)).toEqual({ 2: ['INVALID_AMOUNT'], 3: [] });
    expect(report.rows[1]).toMatchObject({ reference: 'S-2', amount: 1_250, note: 'a;b' });
  });

  it('detects tabs, and a comma inside a tab-separated cell is text', async () => {
    const report = await validate(desk.router, fixture('tab.csv'));
    expect(report.file.delimiter).toBe('\t');
    expect(report.rows.map((row) => [row.reference, row.amount, row.note, row.problems])).toEqual([
      ['T-1', 123_450, 'one, two', []],
      ['T-2', 700, '', []],
    ]);
  });

  it('follows RFC 4180: quoted commas, doubled quotes and line breaks inside quotes', async () => {
    const file = `reference,member_no,amount,note\r\n"Q,1",${LEI},"1,000.00","He said ""pay"", twice"\r\nQ-2,${MEIMEI},2,"line one\nline two\r\nline three"\r\nQ-3,${ADA},3,""\r\n`;
    const report = await validate(desk.router, file);
    expect(report.rows.map((row) => [row.line, row.reference, row.amount, row.note, row.problems])).toEqual([
      [2, 'Q,1', 100_000, 'He said "pay", twice', []],
      [3, 'Q-2', 200, 'line one\nline two\r\nline three', []],
      [6, 'Q-3', 300, '', []],
    ]);
  });

  it('numbers lines from the file’s first line when blank lines come before the header', async () => {
    const report = await validate(desk.router, `\r\n\r\nreference,member_no,amount\r\n\r\nL-1,${LEI},1\r\nL-2,${MEIMEI},2\r\n`);
    expect(report.rows.map((row) => [row.line, row.reference])).toEqual([
      [5, 'L-1'],
      [6, 'L-2'],
    ]);
  });

  it('keeps formula text verbatim in the batch and neutralizes it with an apostrophe in the results export', async () => {
    const { router, members } = await payoutRouter();
    const file = csvOf([{ reference: '@RISKY', member_no: members[0]!.memberNumber, amount: '1.00', note: '=HYPERLINK("http://x")' }]);
    const { batch } = await ok(router, 'payouts.import', { fileName: 'formula.csv', contentBase64: base64Of(file) });
    const [item] = (await ok(router, 'payouts.items', { batchId: batch!.id, offset: 0, limit: 10 })).rows;
    expect(item).toMatchObject({ reference: '@RISKY', note: '=HYPERLINK("http://x")', rowStatus: 'warning' });
    const { csv } = await ok(router, 'payouts.exportCsv', { batchId: batch!.id, language: 'en' });
    expect(csv).toContain("'@RISKY");
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('accepts the Chinese column names mixed with English ones, in any order', async () => {
    const report = await validate(desk.router, `金额, 备注 ,MEMBER_NO,参考号\n5.00,混合表头,${LEI},MIX-1\n`);
    expect(report.fileProblems).toEqual([]);
    expect(report.rows[0]).toMatchObject({ reference: 'MIX-1', memberName: '李雷', amount: 500, note: '混合表头', problems: [] });
  });
});

/** Every row of every table a validation could touch. */
function everyRow(router: Router) {
  const { sqlite } = router.state.requireStore();
  const all = (table: string) => sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
  return Object.fromEntries(['payout_batches', 'payout_items', 'payout_approvals', 'transfers', 'accounts', 'audit_log', 'jobs', 'members'].map((table) => [table, all(table)]));
}

describe('validation writes nothing', () => {
  it('leaves every payout table, the journal and the audit log as they were, for clean files and files with errors', async () => {
    const { router, members } = await payoutRouter();
    await importAndSubmit(router, csvOf([{ reference: 'KEEP', member_no: members[0]!.memberNumber, amount: '1.00' }]));
    const before = everyRow(router);
    expect(before.payout_items).toHaveLength(1);
    for (const file of [
      csvOf([{ reference: 'NEW', member_no: members[1]!.memberNumber, amount: '2.00' }]),
      fixture('mixed-problems.csv'),
      csvOf([{ reference: 'KEEP', member_no: '1', amount: '-1', currency: 'USD' }]),
      '',
      Buffer.from([0xff, 0xff, 0x00]),
      'a,b\n1,2\n',
    ]) {
      await validate(router, file);
      expect(everyRow(router)).toEqual(before);
    }
  });
});
