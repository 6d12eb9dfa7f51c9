import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../src-shared/contract';
import type { ExportResult } from '../../src-shared/contract/reports';
import type { Job } from '../../src-shared/contract/jobs';
import type { Router } from '../../src-main/api/router';
import { placeHold, postBulk, postHold, systemAccount, voidHold } from '../../src-main/ledger';
import { exportJournal } from '../../src-main/reports/journal-export';
import { ok } from '../support/temp-data';
import { addMember, counterRouter, depositTo, nextKey, snapshot } from './members-fixtures';

// `reports.exportJournal`: every transfer as a ledger-cli/hledger journal or as CSV, written by a
// job from a snapshot of its own. The cross-check against ledger-cli itself is
// journal-ledger-cli.test.ts; these tests read the files as text.

async function exportJob(router: Router, input: ChannelInput<'reports.exportJournal'>): Promise<Job> {
  const { jobId } = await ok(router, 'reports.exportJournal', input);
  return router.state.jobs.wait(jobId);
}

async function exported(router: Router, input: ChannelInput<'reports.exportJournal'>): Promise<{ result: ExportResult; text: string }> {
  const job = await exportJob(router, input);
  expect(job.error).toBeNull();
  expect(job.state).toBe('done');
  const result = job.result as ExportResult;
  return { result, text: readFileSync(result.path, 'utf8') };
}

/** The transaction (or comment line) a transfer became: its lines up to the blank line after it. */
function blockOf(text: string, id: number): string[] {
  const blocks = text.split('\n\n');
  const found = blocks.filter((block) => new RegExp(`^(; )?\\d{4}-\\d{2}-\\d{2} (\\* )?#${id} `).test(block));
  expect(found).toHaveLength(1);
  return found[0]!.split('\n');
}

function exportAudits(router: Router) {
  const { sqlite } = router.state.requireStore();
  return sqlite.prepare("SELECT actor, entity_type, entity_id, after_json FROM audit_log WHERE action = 'report.exportJournal' ORDER BY id").all() as { actor: string; entity_type: string; entity_id: string; after_json: string }[];
}

function walletOf(router: Router, memberNumber: string): { id: number; code: string } {
  const { sqlite } = router.state.requireStore();
  return sqlite.prepare('SELECT id, code FROM accounts WHERE code = ?').get(`2100-${memberNumber}-CNY`) as { id: number; code: string };
}

describe('journal export, ledger format', () => {
  it('writes a deposit as a dated transaction with its id and kind, then the debit positive and the credit negative, each account named <Top>:<Group>:<code>', async () => {
    const { router, dataDir } = await counterRouter('admin');
    const member = await addMember(router);
    const receipt = await depositTo(router, member.id, 12_345);
    const { sqlite } = router.state.requireStore();
    const deposit = sqlite.prepare("SELECT id, created_at FROM transfers WHERE kind = 'deposit' ORDER BY id DESC LIMIT 1").get() as { id: number; created_at: string };
    expect(receipt.receiptNumber).toBeTruthy();

    const { result, text } = await exported(router, { format: 'ledger' });

    expect(result.path.startsWith(join(dataDir, 'exports', 'journal-'))).toBe(true);
    expect(result.fileName).toMatch(/^journal-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.ledger$/);
    expect(result.mediaType).toBe('text/plain; charset=utf-8');
    const wallet = walletOf(router, member.memberNumber);
    expect(blockOf(text, deposit.id)).toEqual([
      `${deposit.created_at.slice(0, 10)} * #${deposit.id} deposit`,
      `    ; id: ${deposit.id}, time: ${deposit.created_at}, state: posted`,
      '    Assets:BranchCash:1000-CNY  123.45 CNY',
      `    Liabilities:MemberWallets:${wallet.code}  -123.45 CNY`,
    ]);
  });

  it('opens with when, by whom, both chain heads, the trust fingerprint, that dates are UTC and that holds are comments', async () => {
    const { router } = await counterRouter('admin');
    const member = await addMember(router);
    await depositTo(router, member.id, 500);
    const { sqlite } = router.state.requireStore();
    const journalHead = sqlite.prepare('SELECT id, hash FROM transfers ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
    const auditHead = sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
    const fingerprint = router.state.requireSigner().trustFingerprint;

    const { text } = await exported(router, { format: 'ledger' });

    const header = text.slice(0, text.indexOf('\n\n'));
    expect(header.split('\n').every((line) => line.startsWith('; '))).toBe(true);
    expect(header).toMatch(/^; made at \d{4}-\d{2}-\d{2}T[\d:.]+Z by admin$/m);
    expect(header).toContain(`; journal head: ${journalHead.id} ${journalHead.hash}`);
    expect(header).toContain(`; audit head: ${auditHead.id} ${auditHead.hash}`);
    expect(header).toContain(`; trust fingerprint: ${fingerprint}`);
    expect(header).toContain('Dates are UTC');
    expect(header).toContain('written as comment lines only');
  });

  it('names every account so that it ends with its Paydesk code, and writes points in PTS without decimals', async () => {
    const { router } = await counterRouter('admin');
    const member = await addMember(router);
    await depositTo(router, member.id, 10_000);
    await ok(router, 'wallets.pay', { memberId: member.id, amount: 2_500, currency: 'CNY', merchant: 'Tea house', idempotencyKey: nextKey() });
    const { sqlite } = router.state.requireStore();
    const codes = new Set((sqlite.prepare('SELECT code FROM accounts').all() as { code: string }[]).map((a) => a.code));

    const { text } = await exported(router, { format: 'ledger' });

    const postings = text.split('\n').filter((line) => /^ {4}[A-Z]/.test(line));
    expect(postings.length).toBeGreaterThanOrEqual(4);
    for (const posting of postings) {
      const match = /^ {4}(Assets|Liabilities|Equity|Income|Expenses):([A-Za-z]+):([A-Za-z0-9._-]+) {2}(-?\d+(?:\.\d+)?) ([A-Z]{3})$/.exec(posting);
      expect(match, posting).not.toBeNull();
      expect(codes.has(match![3]!)).toBe(true);
      expect(match![3]!.endsWith(`-${match![5]}`)).toBe(true);
      if (match![5] === 'PTS') expect(match![4]).toMatch(/^-?\d+$/);
      else expect(match![4]).toMatch(/^-?\d+\.\d{2}$/);
    }
  });

  it('writes a hold and its void as comment lines only, and a posted hold as a transaction of the amount posted', async () => {
    const { router } = await counterRouter('admin');
    const member = await addMember(router);
    await depositTo(router, member.id, 10_000);
    const store = router.state.requireStore();
    const wallet = walletOf(router, member.memberNumber);
    const merchant = systemAccount(store, 'merchant_settlement', 'CNY');
    const hold = (amount: number) => placeHold(store, { idempotencyKey: nextKey(), debitAccountId: wallet.id, creditAccountId: merchant.id, amount, kind: 'card_authorization', actor: 'admin' });
    const voided = hold(1_500);
    const voiding = voidHold(store, { holdId: voided.id, idempotencyKey: nextKey(), actor: 'admin' });
    const captured = hold(3_000);
    const posting = postHold(store, { holdId: captured.id, amount: 2_000, idempotencyKey: nextKey(), actor: 'admin' });

    const { text } = await exported(router, { format: 'ledger' });

    for (const [transfer, state] of [[voided, 'pending'], [voiding, 'void_pending'], [captured, 'pending']] as const) {
      const block = blockOf(text, transfer.id);
      expect(block).toHaveLength(1);
      expect(block[0]).toMatch(new RegExp(`^; \\d{4}-\\d{2}-\\d{2} #${transfer.id} \\S+ \\(${state}, moves no posted total\\): `));
    }
    const posted = blockOf(text, posting.id);
    expect(posted.slice(2)).toEqual([`    Liabilities:MemberWallets:${wallet.code}  20.00 CNY`, '    Liabilities:MerchantSettlement:2200-CNY  -20.00 CNY']);
    expect(posted[1]).toContain(`hold: ${captured.id}`);
    const walletPostings = text.split('\n').filter((line) => line.startsWith(`    Liabilities:MemberWallets:${wallet.code}  `));
    expect(walletPostings).toEqual(['    Liabilities:MemberWallets:' + wallet.code + '  -100.00 CNY', '    Liabilities:MemberWallets:' + wallet.code + '  20.00 CNY']);
  });

  it('keeps a memo with a newline, a tab and a semicolon on the description line, without the semicolon that would end it', async () => {
    const { router } = await counterRouter('admin');
    const member = await addMember(router);
    await ok(router, 'wallets.deposit', { memberId: member.id, amount: 700, currency: 'CNY', idempotencyKey: nextKey(), memo: 'cash from\nbranch 2;\tsee  note' });
    const { sqlite } = router.state.requireStore();
    const deposit = sqlite.prepare("SELECT id, memo FROM transfers WHERE kind = 'deposit'").get() as { id: number; memo: string };
    expect(deposit.memo).toContain('\n');

    const { text } = await exported(router, { format: 'ledger' });

    const block = blockOf(text, deposit.id);
    expect(block).toHaveLength(4);
    expect(block[0]).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2} \\* #${deposit.id} deposit cash from branch 2, see note$`));
  });
  it('masks a card number typed into a memo to its first six and last four digits, in both formats', async () => {
    const { router } = await counterRouter('admin');
    const member = await addMember(router);
    await ok(router, 'wallets.deposit', { memberId: member.id, amount: 700, currency: 'CNY', idempotencyKey: nextKey(), memo: '押金 card 4111111111111111 ref 1234567890123' });

    const ledger = (await exported(router, { format: 'ledger' })).text;
    const csv = (await exported(router, { format: 'csv' })).text;

    for (const text of [ledger, csv]) {
      expect(text).not.toContain('4111111111111111');
      expect(text).toContain('押金 card 411111••••••1111 ref 1234567890123');
    }
  });
});

describe('journal export, CSV format', () => {
  it('writes one row per transfer of every state with a BOM, plain amounts, codes and a neutralized memo', async () => {
    const { router } = await counterRouter('admin');
    const member = await addMember(router);
    await ok(router, 'wallets.deposit', { memberId: member.id, amount: 12_345, currency: 'CNY', idempotencyKey: nextKey(), memo: '=HYPERLINK("http://x","y")' });
    const store = router.state.requireStore();
    const wallet = walletOf(router, member.memberNumber);
    const merchant = systemAccount(store, 'merchant_settlement', 'CNY');
    const held = placeHold(store, { idempotencyKey: nextKey(), debitAccountId: wallet.id, creditAccountId: merchant.id, amount: 99, kind: 'card_authorization', actor: 'admin' });
    const count = (store.sqlite.prepare('SELECT count(*) AS n FROM transfers').get() as { n: number }).n;

    const { result, text } = await exported(router, { format: 'csv' });

    expect(result.fileName.endsWith('.csv')).toBe(true);
    expect(result.mediaType).toBe('text/csv; charset=utf-8');
    expect(text.startsWith('\uFEFFid,time,kind,state,debit_account,credit_account,amount,currency,memo,actor,hash\r\n')).toBe(true);
    const lines = text.slice(1).split('\r\n').filter((line) => line !== '');
    expect(lines).toHaveLength(count + 1);
    expect(result.rows).toBe(count);
    const deposit = lines.find((line) => line.includes(',deposit,'))!;
    expect(deposit).toMatch(new RegExp(`^\\d+,\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z,deposit,posted,1000-CNY,${wallet.code},123\\.45,CNY,"'=HYPERLINK\\(""http://x"",""y""\\)",admin,[0-9a-f]{64}$`));
    expect(lines.find((line) => line.startsWith(`${held.id},`))).toMatch(new RegExp(`,pending,${wallet.code},2200-CNY,0\\.99,CNY,`));
  });
});

describe('journal export as a job', () => {
  it('reports progress as transfers done of all, block by block, and ends with done = total = rows', async () => {
    const { router } = await counterRouter('admin');
    const store = router.state.requireStore();
    const cash = systemAccount(store, 'branch_cash', 'CNY');
    const fees = systemAccount(store, 'fee_income', 'CNY');
    postBulk(store, Array.from({ length: 25_000 }, (_, i) => ({ idempotencyKey: `bulk-${i}`, debitAccountId: cash.id, creditAccountId: fees.id, amount: 1 + i, kind: 'fee', actor: 'admin' })), { chunkSize: 25_000 });
    const progress: [number, number][] = [];
    const path = join(store.paths.dataDir, 'progress.ledger');

    const result = await exportJournal(store, { format: 'ledger', path, madeBy: 'admin', trustFingerprint: 'f', now: new Date(), onProgress: (done, total) => progress.push([done, total]), signal: new AbortController().signal });

    expect(progress).toEqual([[0, 25_000], [10_000, 25_000], [20_000, 25_000], [25_000, 25_000]]);
    expect(result.rows).toBe(25_000);
    const job = await exportJob(router, { format: 'ledger' });
    expect({ state: job.state, done: job.done, total: job.total, rows: (job.result as ExportResult).rows }).toEqual({ state: 'done', done: 25_000, total: 25_000, rows: 25_000 });
  });

  it('records one audit row with the file, its size and its SHA-256, which match the file written', async () => {
    const { router } = await counterRouter('admin');
    const member = await addMember(router);
    await depositTo(router, member.id, 1_000);

    const { result } = await exported(router, { format: 'ledger' });

    const bytes = readFileSync(result.path);
    expect(result.bytes).toBe(statSync(result.path).size);
    expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const audits = exportAudits(router);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor: 'admin', entity_type: 'journal', entity_id: result.fileName });
    expect(JSON.parse(audits[0]!.after_json)).toEqual({ format: 'ledger', path: result.path, rows: result.rows, bytes: result.bytes, sha256: result.sha256 });
  });

  it('writes to the path asked for, and leaves no partial file beside it', async () => {
    const { router, dataDir } = await counterRouter('admin');
    const path = join(dataDir, 'out', 'books.csv');

    const { result } = await exported(router, { format: 'csv', path });

    expect(result.path).toBe(path);
    expect(readdirSync(join(dataDir, 'out'))).toEqual(['books.csv']);
  });

  it('fails with INVALID_INPUT (unwritable) when the path cannot be written, leaving no file and no audit row', async () => {
    const { router, dataDir } = await counterRouter('admin');
    const before = snapshot(router);

    const job = await exportJob(router, { format: 'ledger', path: join(dataDir, 'paydesk.db', 'journal.ledger') });

    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe('INVALID_INPUT');
    expect(job.error?.message).toContain('could not be written');
    expect(readdirSync(dataDir).filter((name) => name.includes('journal'))).toEqual([]);
    expect(exportAudits(router)).toEqual([]);
    expect(snapshot(router)).toEqual(before);
  });

  it('stops when cancelled with JOB_CANCELLED, leaving no file and no audit row', async () => {
    const { router, dataDir } = await counterRouter('admin');
    const member = await addMember(router);
    await depositTo(router, member.id, 1_000);
    const before = snapshot(router);

    const { jobId } = await ok(router, 'reports.exportJournal', { format: 'ledger' });
    router.state.jobs.cancel(jobId);
    const job = await router.state.jobs.wait(jobId);

    expect(job.state).toBe('cancelled');
    expect(job.error?.code).toBe('JOB_CANCELLED');
    const exports = join(dataDir, 'exports');
    expect(existsSync(exports) ? readdirSync(exports) : []).toEqual([]);
    expect(exportAudits(router)).toEqual([]);
    expect(snapshot(router)).toEqual(before);
  });

  it('refuses a teller with FORBIDDEN, writing no file and no audit row', async () => {
    const { router, dataDir } = await counterRouter('teller');
    const before = snapshot(router);

    const answer = await router.invoke('reports.exportJournal', { format: 'ledger' });

    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('FORBIDDEN');
    expect(existsSync(join(dataDir, 'exports'))).toBe(false);
    expect(exportAudits(router)).toEqual([]);
    expect(snapshot(router)).toEqual(before);
  });
});
