import type { ReportRow } from '../../src-shared/contract/reports';
import type { AnchoredChains, CheckResult, VerificationCertificate } from '../../src-shared/contract/verify';

// The verification report as rows: each check verify made, and the signed certificate field by
// field. Field names are the certificate's own JSON paths, so a row reads back to the file an
// auditor keeps; like check names they are codes, the same in either language.

/** `transfers 12, accounts 9`: a check's counts in the order verify gave them. */
function countsText(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
}

export function checkRow(check: CheckResult): ReportRow {
  return { name: check.name, result: check.ok ? 'ok' : 'failed', counts: countsText(check.counts), firstViolation: check.firstViolation, detail: check.detail };
}

const CHAIN_NAMES = ['journal', 'audit', 'certificates', 'checkpoints'] as const satisfies readonly (keyof AnchoredChains)[];

/** What an anchor needs back (`verify --anchor`): the certificate without its ok and counts, as JSON. */
function anchorJson(certificate: VerificationCertificate): string {
  const { format, version, takenAt, takenBy, schemaVersion, chains, trustFingerprint, signature } = certificate;
  return JSON.stringify({ format, version, takenAt, takenBy, schemaVersion, chains, trustFingerprint, signature });
}

export function certificateRows(certificate: VerificationCertificate): ReportRow[] {
  const field = (name: string, value: string | number | null): ReportRow => ({ field: name, value: value === null ? null : String(value) });
  const chains = CHAIN_NAMES.flatMap((name) => {
    const tip = certificate.chains[name];
    if (!tip) return [];
    return [field(`chains.${name}.length`, tip.length), field(`chains.${name}.lastId`, tip.lastId), field(`chains.${name}.head`, tip.head)];
  });
  return [
    field('format', certificate.format),
    field('version', certificate.version),
    field('takenAt', certificate.takenAt),
    field('takenBy', certificate.takenBy),
    field('schemaVersion', certificate.schemaVersion),
    field('ok', certificate.ok ? 'ok' : 'failed'),
    ...chains,
    field('trustFingerprint', certificate.trustFingerprint),
    field('signature.value', certificate.signature?.value ?? null),
    field('signature.publicKey', certificate.signature?.publicKey ?? null),
    field('anchor', anchorJson(certificate)),
  ];
}
