import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../../src-shared/errors';
import type { ChannelInput } from '../../../src-shared/contract';
import type { AnchorCertificate, AnchorComparison, VerifyReport } from '../../../src-shared/contract/verify';
import { expectOk, stringOption, type CliCommand } from '../command';
import { UNLOCK_OPTIONS, withUnlockedRouter } from '../unlock';

/** A certificate is a few kilobytes; a larger file is not one, and is not read whole. */
const MAX_CERTIFICATE_BYTES = 1024 * 1024;
/** The first bytes of every .pdbk file (store/backup-file.ts). */
const BACKUP_MAGIC = Buffer.from('PDBK\r\n\x1a\n', 'latin1');

function badAnchor(path: string, why: string): AppError {
  return new AppError('INVALID_INPUT', `--anchor ${path} ${why}`, { field: 'anchor' });
}

/**
 * What `--anchor FILE` hands the router: a backup's path (the router reads the certificate in its
 * header), or the certificate `verify --json` printed.
 */
function readAnchor(path: string): ChannelInput<'system.verifyAnchor'> {
  let bytes: number;
  try {
    bytes = statSync(path).size;
  } catch {
    throw badAnchor(path, 'does not exist.');
  }
  if (bytes > MAX_CERTIFICATE_BYTES) throw badAnchor(path, 'is neither a backup nor a verification certificate (too large).');
  const content = Buffer.alloc(bytes);
  const file = openSync(path, 'r');
  try {
    readSync(file, content, 0, bytes, 0);
  } finally {
    closeSync(file);
  }
  if (content.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)) return { backupPath: resolve(path) };
  try {
    const document = JSON.parse(content.toString('utf8')) as { certificate?: unknown } | null;
    // verify --json prints the whole report, the certificate one field of it; the router parses
    // whatever is there, so a malformed one is INVALID_INPUT naming the field.
    return { certificate: (document?.certificate ?? document) as AnchorCertificate };
  } catch {
    throw badAnchor(path, 'is neither a backup nor a verification certificate (not JSON).');
  }
}

function reportLines(report: VerifyReport): string[] {
  const lines = report.checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}${c.firstViolation ? ` (first: ${c.firstViolation})` : ''}`);
  lines.push(...Object.entries(report.chains).map(([name, tip]) => `head ${name}: ${tip.head} (${tip.length} rows${tip.lastId === null ? '' : `, last ${tip.table}#${tip.lastId}`})`));
  lines.push(`trust fingerprint: ${report.trustFingerprint ?? 'none (data from before signatures)'}   (compare with the one printed at set-up)`);
  return lines;
}

function anchorLines(anchor: AnchorComparison): string[] {
  const lines = anchor.findings.map((f) => `${f.ok ? 'ok  ' : 'FAIL'} anchor.${f.chain}: ${f.detail}`);
  lines.push(`anchor taken ${anchor.anchorTakenAt} by ${anchor.anchorTakenBy}: ${anchor.ok ? 'today’s chains extend it' : 'CHAINS CUT OR REWRITTEN'}`);
  return lines;
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Check the database, the schema, the audit chain and every ledger invariant; --json prints a verification certificate, --anchor compares with one.',
  usage: 'verify --data DIR [--user NAME | --recovery-key-stdin | --recovery] [--anchor CERTIFICATE.json|BACKUP.pdbk] [--json]',
  options: { ...UNLOCK_OPTIONS, anchor: { type: 'string' } },
  run: (ctx) => {
    const anchorPath = stringOption(ctx, 'anchor');
    const anchor = anchorPath === undefined ? null : readAnchor(anchorPath);
    return withUnlockedRouter(ctx, async (router) => {
      if (anchor) {
        const result = expectOk(await router.invoke('system.verifyAnchor', anchor));
        const ok = result.ok && result.anchor.ok;
        const lines = [...reportLines(result), ...anchorLines(result.anchor), ok ? 'verify: clean, extends the anchor' : 'verify: VIOLATIONS FOUND'];
        return { exitCode: ok ? 0 : 1, json: result, text: lines.join('\n') };
      }
      const report = expectOk(await router.invoke('system.verify', {}));
      const lines = [...reportLines(report), report.ok ? 'verify: clean' : 'verify: VIOLATIONS FOUND'];
      return { exitCode: report.ok ? 0 : 1, json: report, text: lines.join('\n') };
    });
  },
};
