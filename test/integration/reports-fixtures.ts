import { expect } from 'vitest';
import type { Router } from '../../src-main/api/router';
import type { ReportDocument, ReportParams, ReportSectionData } from '../../src-shared/contract/reports';
import type { ReportId } from '../../src-shared/reports/report-access';
import { REPORT_LABELS } from '../../src-shared/reports/labels';
import { ok } from '../support/temp-data';
import { snapshot } from './members-fixtures';

// Shared by the reports-* tests: running a report through the router, reading a section, and the
// check every refused report must pass (the code, and nothing changed: journal and audit heads,
// and every row a report could have touched).

export async function runReport(router: Router, report: ReportId, params: ReportParams = {}): Promise<ReportDocument> {
  return ok(router, 'reports.run', { report, params });
}

export function sectionIn(report: ReportDocument, id: string): ReportSectionData {
  const section = report.sections.find((s) => s.id === id);
  if (!section) throw new Error(`the ${report.header.report} report has no ${id} section`);
  return section;
}

/** Both chain heads as the tables hold them. */
export function chainHeads(router: Router) {
  const { sqlite } = router.state.requireStore();
  const head = (table: string) => sqlite.prepare(`SELECT id, hash FROM ${table} ORDER BY id DESC LIMIT 1`).get();
  return { journal: head('transfers'), audit: head('audit_log') };
}

/** Runs the report, expects it refused with `code` (and `details` when given), and that nothing changed. */
export async function expectReportRefused(router: Router, report: ReportId, params: ReportParams, code: string, details: Record<string, unknown> = {}) {
  const before = { heads: chainHeads(router), rows: snapshot(router) };
  const answer = await router.invoke('reports.run', { report, params });
  expect(answer.ok).toBe(false);
  if (answer.ok) return;
  expect(answer.error.code).toBe(code);
  expect(answer.error.details ?? {}).toMatchObject(details);
  expect({ heads: chainHeads(router), rows: snapshot(router) }).toEqual(before);
}

/** Every section and column the report answers has a title in both languages. */
export function expectLabelled(report: ReportDocument) {
  const labels = REPORT_LABELS[report.header.report];
  for (const language of ['en', 'zh-CN'] as const) {
    expect(labels.title[language]).not.toBe('');
    expect(labels.about[language]).not.toBe('');
    for (const section of report.sections) {
      const sectionLabels = labels.sections[section.id];
      expect(sectionLabels?.title[language], `${section.id} title`).toBeTruthy();
      for (const column of section.columns) expect(sectionLabels?.columns[column.key]?.[language], `${section.id}.${column.key}`).toBeTruthy();
    }
  }
}
