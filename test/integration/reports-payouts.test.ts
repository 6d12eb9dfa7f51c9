import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Router } from '../../src-main/api/router';
import type { ChannelOutput } from '../../src-shared/contract';
import type { ExportResult, ReportDocument, ReportParams, ReportRow } from '../../src-shared/contract/reports';
import { ok, signInAs as signInAsPerson, TELLER } from '../support/temp-data';
import { addMember } from './members-fixtures';
import { csvOf, fund, importAndSubmit, payoutRouter, payoutState, signInAs } from './payouts-fixtures';

// The payout batch report: per batch who made, submitted, approved and ran it and when, with the
// content hash the approvals signed; per item what became of each row of the file. Every figure
// is checked against the payouts channels that own it.

const FRANK = { username: 'frank', displayName: 'Frank Finance', role: 'finance' as const, passphrase: 'second finance 2026' };
const FORMULA = '=HYPERLINK("http://x","y")';

type Batch = ChannelOutput<'payouts.get'>;

interface Desk {
  router: Router;
  /** Approved by fiona and frank (above the second-approval threshold), executed: one row skipped. */
  paid: Batch;
  /** Rejected by fiona. */
  rejected: Batch;
}

async function buildDesk(): Promise<Desk> {
  const { router, members } = await payoutRouter();
  await ok(router, 'staff.add', FRANK);
  await ok(router, 'staff.add', TELLER);
  await fund(router, 1_000_000);
  await ok(router, 'settings.update', { payoutSecondApprovalAbove: { CNY: 10_000 } });
  const formulaMember = await addMember(router, { name: FORMULA });
  const file = csvOf([
    { reference: 'P-1', member_no: members[0]!.memberNumber, amount: '60.00' },
    { reference: FORMULA, member_no: formulaMember.memberNumber, amount: '40.01', note: '+1 @SUM(A1)' },
    { reference: 'BAD', member_no: '999999999', amount: '5.00' },
  ]);
  const submitted = await importAndSubmit(router, file, 'march.csv');
  const small = await importAndSubmit(router, csvOf([{ reference: 'S-1', member_no: members[1]!.memberNumber, amount: '1.00' }]), 'small.csv');
  await signInAs(router, 'finance');
  await ok(router, 'payouts.approve', { batchId: submitted.id, contentHash: submitted.contentHash });
  await ok(router, 'payouts.reject', { batchId: small.id, reason: '-wrong file' });
  await signInAsPerson(router, FRANK);
  await ok(router, 'payouts.approve', { batchId: submitted.id, contentHash: submitted.contentHash });
  const { jobId } = await ok(router, 'payouts.execute', { batchId: submitted.id });
  expect(await router.state.jobs.wait(jobId)).toMatchObject({ state: 'done', error: null });
  await signInAs(router, 'admin');
  return { router, paid: await ok(router, 'payouts.get', { batchId: submitted.id }), rejected: await ok(router, 'payouts.get', { batchId: small.id }) };
}

/** Exports the report as a job and answers the file written (zh-CN words). */
async function exported(router: Router, params: ReportParams, format: 'csv' | 'pdf'): Promise<string> {
  const { jobId } = await ok(router, 'reports.export', { report: 'payouts', params, format, language: 'zh-CN' });
  const job = await router.state.jobs.wait(jobId);
  expect(job).toMatchObject({ state: 'done', error: null });
  return readFileSync((job.result as ExportResult).path, format === 'csv' ? 'utf8' : 'latin1');
}

const run = (router: Router, params: ReportParams) => ok(router, 'reports.run', { report: 'payouts', params });
const section = (report: ReportDocument, id: string) => report.sections.find((s) => s.id === id)!;

async function expectRefused(router: Router, params: ReportParams, code: string, details: Record<string, unknown> = {}) {
  const before = payoutState(router);
  const answer = await router.invoke('reports.run', { report: 'payouts', params });
  expect(answer.ok ? 'ok' : answer.error.code).toBe(code);
  if (!answer.ok) expect(answer.error.details ?? {}).toMatchObject(details);
  expect(payoutState(router)).toEqual(before);
}

// Each test builds its own desk: the support's afterEach closes every router a test opened.
describe('payouts report', () => {
  it('states a batch with its maker, submitter, both approvers with their times, the content hash and totals equal to its items', async () => {
    const { router, paid } = await buildDesk();
    const report = await run(router, { batch: paid.id });
    expect(report.header.parameters).toEqual({ batch: String(paid.id) });
    const batches = section(report, 'batches');
    expect(batches.totalRows).toBe(1);
    expect(batches.rows[0]).toEqual({
      id: paid.id,
      fileName: 'march.csv',
      status: 'completed',
      currency: 'CNY',
      rows: 3,
      items: 2,
      total: 10_001,
      maker: 'admin',
      importedAt: paid.createdAt,
      submitter: 'admin',
      submittedAt: paid.submittedAt,
      approvers: 'fiona, frank',
      approvedAt: paid.decidedAt,
      completedAt: paid.completedAt,
      contentHash: paid.contentHash,
      fileSha256: paid.fileSha256,
    });
    expect(paid.approvals.map((a) => a.approver)).toEqual(['fiona', 'frank']);
    const decisions = section(report, 'decisions');
    expect(decisions.totalRows).toBe(2);
    expect(decisions.rows).toEqual(
      paid.approvals.map((approval) => ({ batchId: paid.id, decision: 'approve', by: approval.approver, at: approval.at, contentHash: paid.contentHash, reason: null })),
    );
    expect(paid.completedAt).not.toBeNull();

    const items = section(report, 'items');
    expect(items.totalRows).toBe(3);
    const payable = items.rows.filter((row) => row.status !== 'SKIPPED');
    expect(payable.reduce((sum, row) => sum + (row.amount as number), 0)).toBe(batches.rows[0]!.total);
    expect(payable.map((row) => row.status)).toEqual(['PAID', 'PAID']);
    const { rows: channelItems } = await ok(router, 'payouts.items', { batchId: paid.id, offset: 0, limit: 100 });
    expect(items.rows.map((row) => [row.line, row.reference, row.memberNo, row.amount, row.status, row.code, row.transferId])).toEqual(
      channelItems.map((item) => [item.line, item.reference, item.memberNo, item.amount, item.status, item.code, item.transferId]),
    );
    expect(payable.every((row) => typeof row.transferId === 'number' && typeof row.paidAt === 'string')).toBe(true);
    expect(items.rows[2]).toMatchObject({ reference: 'BAD', memberNo: '999999999', status: 'SKIPPED', transferId: null, paidAt: null });
    expect(items.rows[2]!.code).toBe(channelItems[2]!.code);
    // References, names and notes that look like formulas go through verbatim: the CSV writer neutralizes them.
    expect(items.rows[1]).toMatchObject({ reference: FORMULA, memberName: FORMULA, note: '+1 @SUM(A1)', amount: 4_001, currency: 'CNY' });

    const csv = await exported(router, { batch: paid.id }, 'csv');
    expect(csv).toContain(`'${FORMULA.replaceAll('"', '""')}`);
    expect(csv).toContain("'+1 @SUM(A1)");
    expect(csv).toContain(',100.01,');
    expect(csv).toContain('审批与驳回');
    expect(csv).not.toMatch(/,=HYPERLINK/);
    expect(await exported(router, { batch: paid.id }, 'pdf')).toMatch(/^%PDF/);
  });

  it('covers every batch imported in the period, the rejected one with who rejected it, when and why; an empty period has no rows', async () => {
    const { router, paid, rejected } = await buildDesk();
    const report = await run(router, {});
    const ids = section(report, 'batches').rows.map((row) => row.id);
    expect(ids).toEqual([paid.id, rejected.id]);
    expect(report.header.parameters).toEqual({ from: expect.any(String), to: expect.any(String) });
    expect(section(report, 'batches').rows[1]).toMatchObject({ status: 'rejected', approvers: null, approvedAt: null, total: 100 });
    const decisions = section(report, 'decisions');
    expect(decisions.totalRows).toBe(3);
    expect(decisions.rows[2]).toEqual({ batchId: rejected.id, decision: 'reject', by: 'fiona', at: rejected.decidedAt, contentHash: null, reason: '-wrong file' });
    const items = section(report, 'items');
    expect(items.totalRows).toBe(4);
    expect(items.rows.map((row: ReportRow) => row.batchId)).toEqual([paid.id, paid.id, paid.id, rejected.id]);

    // An empty period: no rows, no crash; a batch asked by id is not held to the period.
    const empty = await run(router, { from: '2020-01-01T00:00:00.000Z', to: '2020-02-01T00:00:00.000Z' });
    expect(empty.header.parameters).toEqual({ from: '2020-01-01T00:00:00.000Z', to: '2020-02-01T00:00:00.000Z' });
    expect(empty.sections.map((s) => [s.id, s.totalRows, s.rows.length])).toEqual([
      ['batches', 0, 0],
      ['decisions', 0, 0],
      ['items', 0, 0],
    ]);
    const byId = await run(router, { batch: paid.id, from: '2020-01-01T00:00:00.000Z', to: '2020-02-01T00:00:00.000Z' });
    expect(section(byId, 'batches').rows.map((row) => row.id)).toEqual([paid.id]);
  });

  it('refuses an unknown batch, a future start and a teller, changing nothing; finance may run it', async () => {
    const { router, paid } = await buildDesk();
    await expectRefused(router, { batch: 9_999 }, 'PAYOUT_BATCH_NOT_FOUND', { field: 'batch' });
    await expectRefused(router, { from: new Date(Date.now() + 86_400_000).toISOString() }, 'INVALID_INPUT', { field: 'from', reason: 'future' });
    await signInAsPerson(router, TELLER);
    await expectRefused(router, { batch: paid.id }, 'FORBIDDEN');
    await signInAs(router, 'finance');
    expect(section(await run(router, { batch: paid.id }), 'batches').rows[0]).toMatchObject({ id: paid.id, contentHash: paid.contentHash });
  });
});
