import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Router } from '../../src-main/api/router';
import { REPORT_PREVIEW_ROWS, type ExportResult, type ReportParams, type ReportSectionData } from '../../src-shared/contract/reports';
import { ADMIN, ok, TELLER } from '../support/temp-data';
import { addMember, counterRouter, depositTo, FINANCE, signInAs } from './members-fixtures';

// The audit log extract lists exactly the rows the audit screen lists for the same actor, action
// and period (oldest first rather than newest first), narrowed further by entity, with the
// summaries and hashes as the log stores them.

const FORMULA = '=HYPERLINK("http://x","y")';

/** A desk where admin and tina each changed things: members, a deposit, staff. */
async function auditDesk() {
  const { router } = await counterRouter('admin', ['teller', 'finance']);
  const first = await addMember(router, { name: FORMULA });
  await signInAs(router, 'teller');
  const second = await addMember(router, { name: '李雷' });
  await depositTo(router, second.id, 5_000);
  await ok(router, 'members.update', { id: first.id, name: 'Ada' });
  await signInAs(router, 'admin');
  return { router, first, second };
}

const extract = async (router: Router, params: ReportParams): Promise<ReportSectionData> => {
  const report = await ok(router, 'reports.run', { report: 'audit-log', params });
  expect(report.sections.map((s) => s.id)).toEqual(['entries']);
  return report.sections[0]!;
};

/** What the audit screen lists for the same filter, oldest first as the extract reads. */
async function listed(router: Router, query: { actor?: string; action?: string; from: string; to: string }) {
  const list = await ok(router, 'audit.list', { ...query, offset: 0, limit: 1000 });
  return { rows: [...list.rows].reverse(), total: list.total };
}

function stateOf(router: Router) {
  const { sqlite } = router.state.requireStore();
  return { audit: sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id').all(), members: sqlite.prepare('SELECT * FROM members ORDER BY id').all() };
}

async function expectRefused(router: Router, params: ReportParams, code: string, details: Record<string, unknown> = {}) {
  const before = stateOf(router);
  const answer = await router.invoke('reports.run', { report: 'audit-log', params });
  expect(answer.ok ? 'ok' : answer.error.code).toBe(code);
  if (!answer.ok) expect(answer.error.details ?? {}).toMatchObject(details);
  expect(stateOf(router)).toEqual(before);
}

describe('audit log extract', () => {
  it('lists by actor, by action and by period exactly what the audit list does, with summaries and hashes as stored', async () => {
    const { router } = await auditDesk();
    const from = '2000-01-01T00:00:00.000Z';
    const to = new Date().toISOString();
    const everything = await extract(router, { from, to });
    const all = await listed(router, { from, to });
    expect(everything.totalRows).toBe(all.total);
    expect(everything.rows.map((row) => [row.id, row.at, row.actor, row.action, row.entityType, row.entityId, row.hash])).toEqual(
      all.rows.map((entry) => [entry.id, entry.at, entry.actor, entry.action, entry.entityType, entry.entityId, entry.hash]),
    );
    // Before and after are the stored summaries, as text, byte for byte.
    const stored = router.state.requireStore().sqlite.prepare('SELECT id, before_json, after_json FROM audit_log ORDER BY id').all() as { id: number; before_json: string | null; after_json: string | null }[];
    expect(everything.rows.map((row) => [row.id, row.before, row.after])).toEqual(stored.map((row) => [row.id, row.before_json, row.after_json]));
    // Staff were added with passphrases: the log never held them, so neither does the extract.
    const text = JSON.stringify(everything.rows);
    for (const secret of [ADMIN.passphrase, TELLER.passphrase, FINANCE.passphrase]) expect(text).not.toContain(secret);

    for (const filter of [{ actor: 'tina' }, { actor: 'admin' }, { action: 'member.create' }, { actor: 'tina', action: 'member.update' }]) {
      const rows = await extract(router, { ...filter, from, to });
      const expected = await listed(router, { ...filter, from, to });
      expect(rows.rows.map((row) => row.id)).toEqual(expected.rows.map((entry) => entry.id));
      expect(rows.totalRows).toBe(expected.total);
      expect(rows.rows.length).toBeGreaterThan(0);
    }
    expect((await extract(router, { actor: 'tina', from, to })).rows.every((row) => row.actor === 'tina')).toBe(true);

    // A period cut inside the log: both ends included, as on the audit screen.
    const middle = all.rows.slice(2, 6);
    const period = { from: middle[0]!.at, to: middle.at(-1)!.at };
    const cut = await extract(router, period);
    expect(cut.rows.map((row) => row.id)).toEqual((await listed(router, period)).rows.map((entry) => entry.id));
    expect(cut.rows.map((row) => row.id)).toEqual(expect.arrayContaining(middle.map((entry) => entry.id)));
  });

  it('narrows to an entity type, or one entity as type#id, and names the formula-like name verbatim', async () => {
    const { router, first, second } = await auditDesk();
    const from = '2000-01-01T00:00:00.000Z';
    const to = new Date().toISOString();
    const all = (await listed(router, { from, to })).rows;

    const members = await extract(router, { entity: 'member', from, to });
    expect(members.rows.map((row) => row.id)).toEqual(all.filter((entry) => entry.entityType === 'member').map((entry) => entry.id));
    expect(members.rows.map((row) => row.action)).toEqual(['member.create', 'member.create', 'member.update']);

    const one = await extract(router, { entity: `member#${first.memberNumber}`, from, to });
    expect(one.rows.map((row) => [row.action, row.entityId])).toEqual([
      ['member.create', first.memberNumber],
      ['member.update', first.memberNumber],
    ]);
    expect(JSON.parse(one.rows[0]!.after as string)).toMatchObject({ name: FORMULA });
    expect(one.rows[0]!.after).toContain(JSON.stringify(FORMULA).slice(1, -1));

    const report = await ok(router, 'reports.run', { report: 'audit-log', params: { actor: 'tina', entity: `member#${second.memberNumber}`, from, to } });
    expect(report.header.parameters).toEqual({ actor: 'tina', entity: `member#${second.memberNumber}`, from, to });
    expect(report.sections[0]!.rows.map((row) => row.action)).toEqual(['member.create']);

    // Exported, the same entries: the formula-like name sits inside the JSON text, which starts with '{'.
    const { jobId } = await ok(router, 'reports.export', { report: 'audit-log', params: { entity: `member#${first.memberNumber}`, from, to }, format: 'csv' });
    const job = await router.state.jobs.wait(jobId);
    expect(job).toMatchObject({ state: 'done', error: null, result: { rows: 2 } });
    const csv = readFileSync((job.result as ExportResult).path, 'utf8');
    expect(csv).toContain(`,member.create,member,${first.memberNumber},,"{`);
    expect(csv).toContain('HYPERLINK(\\""http://x\\"",\\""y\\"")');
  });

  it('reads its rows as they are asked for: the preview holds the first rows, the count all of them', async () => {
    const { router } = await counterRouter('admin');
    for (let i = 0; i < REPORT_PREVIEW_ROWS; i += 1) await addMember(router);
    const { total } = await ok(router, 'audit.list', { offset: 0, limit: 1 });
    expect(total).toBeGreaterThan(REPORT_PREVIEW_ROWS);
    const entries = await extract(router, { from: '2000-01-01T00:00:00.000Z' });
    expect([entries.totalRows, entries.rows.length]).toEqual([total, REPORT_PREVIEW_ROWS]);
    expect(entries.rows.map((row) => row.id)).toEqual(Array.from({ length: REPORT_PREVIEW_ROWS }, (_, i) => i + 1));
  });

  it('answers an empty period, an unknown actor and an entity nobody touched with no rows', async () => {
    const { router } = await auditDesk();
    for (const params of [{ from: '2020-01-01T00:00:00.000Z', to: '2020-02-01T00:00:00.000Z' }, { actor: 'nobody' }, { entity: 'member#999999' }]) {
      const rows = await extract(router, params);
      expect([rows.totalRows, rows.rows]).toEqual([0, []]);
    }
  });

  it('refuses a future start, a malformed entity, a teller and finance, changing nothing', async () => {
    const { router } = await auditDesk();
    await expectRefused(router, { from: new Date(Date.now() + 86_400_000).toISOString() }, 'INVALID_INPUT', { field: 'from', reason: 'future' });
    await expectRefused(router, { entity: '#5' }, 'INVALID_INPUT', { field: 'entity' });
    await expectRefused(router, { entity: 'member#' }, 'INVALID_INPUT', { field: 'entity' });
    await signInAs(router, 'teller');
    await expectRefused(router, {}, 'FORBIDDEN');
    await signInAs(router, 'finance');
    await expectRefused(router, {}, 'FORBIDDEN');
  });
});
