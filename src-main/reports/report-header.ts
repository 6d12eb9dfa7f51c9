import type { ReportHeader } from '../../src-shared/contract/reports';
import type { ReportId } from '../../src-shared/reports/report-access';
import { headOf } from '../trust/chain-heads';
import type { ReportContext } from './report-definition';

/** What, when, by whom, and where both hash chains stood when the report was read. */
export function reportHeader(report: ReportId, parameters: Record<string, string>, ctx: ReportContext): ReportHeader {
  const { sqlite } = ctx.store;
  return {
    report,
    parameters,
    madeAt: ctx.now.toISOString(),
    madeBy: ctx.viewer.username,
    heads: { journal: headOf(sqlite, 'journal'), audit: headOf(sqlite, 'audit') },
    trustFingerprint: ctx.signer.trustFingerprint,
  };
}
