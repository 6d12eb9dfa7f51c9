import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExportResult, ReportDocument } from '../../src-shared/contract/reports';
import { isLuhnValid } from '../../src-shared/luhn';
import { ok, signInAs } from '../support/temp-data';
import { cardRouter, createProgram, issueCard } from './cards-fixtures';
import { addMember, counterRouter, nextKey } from './members-fixtures';
import { expectLabelled, expectReportRefused, runReport, sectionIn } from './reports-fixtures';

// The card register shows every card masked to its first six and last four digits, and nothing
// in it may read as a card number: no run of 13 to 19 digits that passes the Luhn check.

const AUDITOR = { username: 'audrey', displayName: 'Audrey Auditor', role: 'auditor' as const, passphrase: 'auditor passphrase 2026' };
const TELLER = { username: 'tina', displayName: 'Tina Teller', role: 'teller' as const, passphrase: 'teller passphrase 2026' };

/** Every 13–19-digit stretch of `text` that passes the Luhn check (windows inside longer runs too). */
function luhnValidNumbersIn(text: string): string[] {
  const found: string[] = [];
  for (const [run] of text.matchAll(/\d{13,}/g)) {
    for (let length = 13; length <= 19; length++) {
      for (let start = 0; start + length <= run.length; start++) {
        const candidate = run.slice(start, start + length);
        if (isLuhnValid(candidate)) found.push(candidate);
      }
    }
  }
  return found;
}

/**
 * The report as JSON, its chain heads and trust fingerprint left out: those are random hex, whose
 * digits may by chance run 13 long; they are hashes, not numbers anyone issued.
 */
function reportText(report: ReportDocument): string {
  return JSON.stringify({ ...report, header: { ...report.header, heads: null, trustFingerprint: null } });
}

/** A file's text with its hashes and fingerprint (long hex, see reportText) taken out. */
function withoutHashes(text: string): string {
  return text.replace(/[0-9A-Fa-f-]{32,}/g, '#');
}

/** Two programs (8- and 6-digit BINs, 16 and 19 digits), two members, five cards in every state. */
async function register() {
  const { router, program, member } = await cardRouter();
  const long = await createProgram(router, { name: '银联虚拟卡', bin: '622848', panLength: 19 });
  const other = await addMember(router, { name: '王小明' });
  const limited = await issueCard(router, member.id, program.id, { limits: { authorization: { amount: 10_000, count: null }, day: { amount: 50_000, count: 5 } } });
  await ok(router, 'cards.activate', { cardId: limited.card.id });
  const frozen = await issueCard(router, member.id, program.id);
  await ok(router, 'cards.activate', { cardId: frozen.card.id });
  await ok(router, 'cards.freeze', { cardId: frozen.card.id });
  const inactive = await issueCard(router, other.id, long.id);
  const lost = await issueCard(router, other.id, long.id, { limits: { month: { amount: null, count: 20 } } });
  await ok(router, 'cards.activate', { cardId: lost.card.id });
  const replacement = await ok(router, 'cards.replace', { cardId: lost.card.id, reason: 'lost', idempotencyKey: nextKey() });
  return { router, program, long, member, other, issued: [limited, frozen, inactive, lost, replacement] };
}

describe('card register', () => {
  it('lists every card masked to its first six and last four digits, with its state, program, member, expiry and limits', async () => {
    const { router, program, long, member, other, issued } = await register();
    const report = await runReport(router, 'cards');
    expect(report.header.parameters).toEqual({});
    const cards = sectionIn(report, 'cards');
    expect(cards.totalRows).toBe(5);
    const masked = (i: number) => {
      const { pan } = issued[i]!;
      return `${pan.slice(0, 6)}${'•'.repeat(pan.length - 10)}${pan.slice(-4)}`;
    };
    expect(cards.rows.map((row) => [row.maskedPan, row.state, row.cancelReason, row.program, row.memberNumber, row.memberName])).toEqual([
      [masked(0), 'active', null, 'Paydesk Virtual', member.memberNumber, '李四'],
      [masked(1), 'frozen', null, 'Paydesk Virtual', member.memberNumber, '李四'],
      [masked(2), 'inactive', null, '银联虚拟卡', other.memberNumber, '王小明'],
      [masked(3), 'cancelled', 'lost', '银联虚拟卡', other.memberNumber, '王小明'],
      [masked(4), 'inactive', null, '银联虚拟卡', other.memberNumber, '王小明'],
    ]);
    expect(cards.rows[4]!.maskedPan).toMatch(/^622848•{9}\d{4}$/);
    cards.rows.forEach((row, i) => expect(row).toMatchObject({ expiryMonth: issued[i]!.card.expiryMonth, issuedAt: issued[i]!.card.issuedAt }));
    expect(cards.columns.map((column) => column.key)).toEqual(['maskedPan', 'state', 'cancelReason', 'program', 'memberNumber', 'memberName', 'expiryMonth', 'issuedAt']);

    // One row a limit, in the intervals' order; a replacement carries the limits of the card it replaces.
    expect(sectionIn(report, 'limits').rows.map((row) => [row.maskedPan, row.memberNumber, row.interval, row.amount, row.count, row.currency])).toEqual([
      [masked(0), member.memberNumber, 'authorization', 10_000, null, 'CNY'],
      [masked(0), member.memberNumber, 'day', 50_000, 5, 'CNY'],
      [masked(3), other.memberNumber, 'month', null, 20, 'CNY'],
      [masked(4), other.memberNumber, 'month', null, 20, 'CNY'],
    ]);
    expect(sectionIn(report, 'limits').totalRows).toBe(4);
    expect(sectionIn(report, 'programs').rows).toEqual([
      { program: program.name, bin: '42424200', length: 16, currency: 'CNY', mode: program.mode, status: 'open', cards: 2, inactive: 0, active: 1, frozen: 1, cancelled: 0 },
      { program: long.name, bin: '622848', length: 19, currency: 'CNY', mode: long.mode, status: 'open', cards: 3, inactive: 2, active: 0, frozen: 0, cancelled: 1 },
    ]);
    expectLabelled(report);
  });

  it('holds no card number: no issued number, and no 13–19-digit run that passes the Luhn check, anywhere in it', async () => {
    const { router, issued } = await register();
    const report = await runReport(router, 'cards');
    const whole = JSON.stringify(report);
    for (const { pan } of issued) {
      expect(isLuhnValid(pan)).toBe(true);
      expect(whole).not.toContain(pan);
      expect(whole).not.toContain(pan.slice(0, 12));
    }
    expect(luhnValidNumbersIn(reportText(report))).toEqual([]);
    // The scan finds a number where there is one.
    expect(luhnValidNumbersIn(`{"x":"${issued[0]!.pan}"}`)).toContain(issued[0]!.pan);
  });

  it('exports as CSV, JSON and PDF with no issued number and no Luhn-valid run of 13–19 digits in any of them', async () => {
    const { router, issued } = await register();
    for (const format of ['csv', 'json', 'pdf'] as const) {
      const started = await ok(router, 'reports.export', { report: 'cards', params: {}, format });
      const job = await router.state.jobs.wait(started.jobId);
      expect(job.state).toBe('done');
      const result = job.result as ExportResult;
      expect(result.rows).toBe(5 + 4 + 2);
      // A PDF is read as its reader sees it (Debian's poppler-utils, as reports-pdf.test.ts does).
      const text = format === 'pdf' ? execFileSync('pdftotext', ['-layout', result.path, '-'], { encoding: 'utf8' }) : readFileSync(result.path, 'utf8');
      for (const { pan } of issued) {
        expect(text).not.toContain(pan);
        expect(text).toContain(`${pan.slice(0, 6)}${'•'.repeat(pan.length - 10)}${pan.slice(-4)}`);
      }
      expect(luhnValidNumbersIn(withoutHashes(text))).toEqual([]);
    }
  });

  it('may be run by an auditor, states an empty register, and is refused to a teller, changing nothing', async () => {
    const { router } = await counterRouter('admin');
    await ok(router, 'staff.add', AUDITOR);
    await ok(router, 'staff.add', TELLER);
    await signInAs(router, AUDITOR);
    const empty = await runReport(router, 'cards');
    expect(empty.header.madeBy).toBe('audrey');
    expect(empty.sections.map((section) => [section.id, section.rows.length, section.totalRows])).toEqual([
      ['cards', 0, 0],
      ['limits', 0, 0],
      ['programs', 0, 0],
    ]);
    await signInAs(router, TELLER);
    await expectReportRefused(router, 'cards', {}, 'FORBIDDEN', { permission: 'reports.cards' });
  });
});
