import type { ReportColumn } from '../../src-shared/contract/reports';
import { certifyReport, chainsWereRead } from '../integrity/certificate';
import { verifyStore } from '../registry';
import { sectionOf, type ReportDefinition } from './report-definition';
import { certificateRows, checkRow } from './verification-certificate-rows';

// The verification certificate, rendered: verify runs now, on the report's own snapshot, and the
// viewer signs what it found, as `paydesk verify` does. A damaged page can stop verify before it
// reads the chains: the checks then say so and there is no certificate to sign (nothing anchors).

const CHECK_COLUMNS: ReportColumn[] = [
  { key: 'name', kind: 'code' },
  { key: 'result', kind: 'code' },
  { key: 'counts', kind: 'text' },
  { key: 'firstViolation', kind: 'code' },
  { key: 'detail', kind: 'text' },
];

const CERTIFICATE_COLUMNS: ReportColumn[] = [
  { key: 'field', kind: 'code' },
  { key: 'value', kind: 'text' },
];

export const verificationReport: ReportDefinition = {
  id: 'verification',
  // It takes no parameters: an export starts its job without running verify first.
  check() {},
  open(ctx) {
    const verified = verifyStore(ctx.store);
    const certificate = chainsWereRead(verified)
      ? certifyReport(ctx.store, verified, { takenAt: ctx.now, takenBy: ctx.viewer.username, sign: (text) => ctx.signer.signVerification(text) })
      : null;
    return {
      parameters: {},
      sections: [
        sectionOf('checks', CHECK_COLUMNS, verified.checks.map(checkRow)),
        sectionOf('certificate', CERTIFICATE_COLUMNS, certificate ? certificateRows(certificate) : []),
      ],
    };
  },
};
