import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Router } from '../../src-main/api/router';
import { canonicalCertificate } from '../../src-main/integrity/certificate';
import { signedBy } from '../../src-main/trust/signer';
import { anchorCertificateSchema } from '../../src-shared/contract/verify';
import type { ExportResult, ReportDocument, ReportRow } from '../../src-shared/contract/reports';
import { ok, signInAs as signInAsPerson } from '../support/temp-data';
import { addMember, counterRouter, depositTo, signInAs } from './members-fixtures';

// The verification report runs verify when it is made and renders the certificate the viewer
// signs: every check with its counts, and the certificate field by field, so an auditor can
// keep it and later anchor a verify to it.

const AUDITOR = { username: 'otto', displayName: 'Otto Auditor', role: 'auditor' as const, passphrase: 'auditor passphrase 2026' };

async function verifyDesk() {
  const { router } = await counterRouter('admin', ['teller', 'finance']);
  await ok(router, 'staff.add', AUDITOR);
  const member = await addMember(router, { name: '李雷' });
  await depositTo(router, member.id, 12_345);
  await signInAsPerson(router, AUDITOR);
  return { router };
}

/** Exports the report as a job and answers the file written (zh-CN words). */
async function exported(router: Router, format: 'csv' | 'pdf'): Promise<string> {
  const { jobId } = await ok(router, 'reports.export', { report: 'verification', params: {}, format, language: 'zh-CN' });
  const job = await router.state.jobs.wait(jobId);
  expect(job).toMatchObject({ state: 'done', error: null });
  return readFileSync((job.result as ExportResult).path, format === 'csv' ? 'utf8' : 'latin1');
}

const run = (router: Router) => ok(router, 'reports.run', { report: 'verification', params: {} });
const rowsOf = (report: ReportDocument, id: string) => report.sections.find((s) => s.id === id)!.rows;

/** The certificate section back as `{field: value}`. */
function fieldsOf(report: ReportDocument): Record<string, string | null> {
  return Object.fromEntries(rowsOf(report, 'certificate').map((row: ReportRow) => [row.field as string, row.value as string | null]));
}

function stateOf(router: Router) {
  const { sqlite } = router.state.requireStore();
  return { audit: sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id').all(), transfers: sqlite.prepare('SELECT id, hash FROM transfers ORDER BY id').all() };
}

describe('verification report', () => {
  it('shows every check ok with the counts verify gives, and the certificate signed by the auditor who ran it', async () => {
    const { router } = await verifyDesk();
    const report = await run(router);
    const verified = await ok(router, 'system.verify', {});
    expect(verified.ok).toBe(true);
    expect(report.header).toMatchObject({ report: 'verification', parameters: {}, madeBy: 'otto' });

    const checks = rowsOf(report, 'checks');
    expect(checks.length).toBeGreaterThan(10);
    expect(checks.map((row) => [row.name, row.result, row.firstViolation])).toEqual(verified.checks.map((check) => [check.name, 'ok', null]));
    const first = checks.find((row) => row.name === verified.checks[0]!.name)!;
    expect(first.counts).toBe(Object.entries(verified.checks[0]!.counts).map(([name, n]) => `${name} ${n}`).join(', '));

    const fields = fieldsOf(report);
    const { certificate } = verified;
    expect(fields).toMatchObject({
      format: 'paydesk-verify-certificate',
      version: '1',
      takenAt: report.header.madeAt,
      takenBy: 'otto',
      schemaVersion: String(certificate.schemaVersion),
      ok: 'ok',
      'chains.journal.length': String(certificate.chains.journal.length),
      'chains.journal.lastId': String(report.header.heads.journal.id),
      'chains.journal.head': report.header.heads.journal.hash,
      'chains.audit.lastId': String(report.header.heads.audit.id),
      'chains.audit.head': report.header.heads.audit.hash,
      'chains.certificates.head': certificate.chains.certificates!.head,
      trustFingerprint: report.header.trustFingerprint,
      'signature.publicKey': certificate.signature!.publicKey,
    });
    expect(certificate.chains.journal.length).toBeGreaterThan(0);

    // The anchor row is the certificate an auditor keeps: its signature holds, and a later verify extends it.
    const anchor = anchorCertificateSchema.parse(JSON.parse(fields.anchor!));
    expect(anchor.signature!.value).toBe(fields['signature.value']);
    const { signature, ...signed } = anchor;
    expect(signedBy(signature!.publicKey, 'verification-certificate', canonicalCertificate(signed), signature!.value)).toBe(true);
    expect(signedBy(signature!.publicKey, 'verification-certificate', canonicalCertificate({ ...signed, takenBy: 'mallory' }), signature!.value)).toBe(false);
    const anchored = await ok(router, 'system.verifyAnchor', { certificate: anchor });
    expect(anchored.anchor.ok).toBe(true);

    // Exported, verify runs on the export's own snapshot and the file carries the same checks and a signed certificate.
    const csv = await exported(router, 'csv');
    for (const check of verified.checks) expect(csv).toContain(`${check.name},ok,`);
    expect(csv).toContain(`signature.publicKey,${certificate.signature!.publicKey}`);
    expect(await exported(router, 'pdf')).toMatch(/^%PDF/);
  });

  it('names the failing check and its row after a change behind Paydesk, and states the result failed', async () => {
    const { router } = await verifyDesk();
    router.state.requireStore().sqlite.prepare(`UPDATE staff SET display_name = 'Mallory' WHERE id = 1`).run();
    const report = await run(router);
    const failed = rowsOf(report, 'checks').filter((row) => row.result === 'failed');
    expect(failed.map((row) => [row.name, row.firstViolation])).toContainEqual(['staff.audited', 'staff#1']);
    // Exactly the checks verify itself fails (the founding admin's name also reads wrong on the receipt they made).
    const verified = await ok(router, 'system.verify', {});
    expect(failed.map((row) => [row.name, row.firstViolation])).toEqual(verified.checks.filter((check) => !check.ok).map((check) => [check.name, check.firstViolation]));
    expect(failed[0]!.detail).not.toBe('');
    expect(fieldsOf(report).ok).toBe('failed');
  });

  it('is refused to a teller and to finance with FORBIDDEN, changing nothing', async () => {
    const { router } = await verifyDesk();
    for (const who of ['teller', 'finance'] as const) {
      await signInAs(router, who);
      const before = stateOf(router);
      const answer = await router.invoke('reports.run', { report: 'verification', params: {} });
      expect(answer.ok ? 'ok' : answer.error.code).toBe('FORBIDDEN');
      expect(stateOf(router)).toEqual(before);
    }
  });
});
