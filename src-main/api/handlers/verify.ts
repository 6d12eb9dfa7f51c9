import { AppError } from '../../../src-shared/errors';
import type { AnchorCertificate } from '../../../src-shared/contract/verify';
import type { ParsedInput } from '../../../src-shared/contract';
import type { HandlerMap, CallContext } from '../handler';
import { compareWithAnchor, readAnchoredRows } from '../../integrity/anchor';
import { certifyReport } from '../../integrity/certificate';
import { anchorTrustFindings } from '../../trust/anchor-trust';
import { verifyStore } from '../../registry';
import { identifyBackup } from '../../store/restore';

/** Every domain's checks, with the certificate an auditor keeps. */
function certifiedVerify({ store, session, signer, now }: CallContext) {
  const report = verifyStore(store);
  return { ...report, certificate: certifyReport(store, report, { takenAt: now, takenBy: session.username, sign: (text) => signer.signVerification(text) }) };
}

/** The certificate handed in, or the one in a backup's header (checked under the master key it was made with). */
async function anchorOf(input: ParsedInput<'system.verifyAnchor'>, { store }: CallContext): Promise<AnchorCertificate> {
  if ('certificate' in input) return input.certificate;
  const { backup } = await identifyBackup(store.paths, input.backupPath, store.masterKey);
  if (!backup.header.certificate) {
    throw new AppError('INVALID_INPUT', `${input.backupPath} was made before backups carried a verification certificate; it cannot serve as an anchor.`, {
      field: 'backupPath',
      reason: 'no_certificate',
    });
  }
  return backup.header.certificate;
}

export const verifyHandlers: HandlerMap<'system.verify' | 'system.verifyAnchor'> = {
  'system.verify': (_input, ctx) => certifiedVerify(ctx),
  'system.verifyAnchor': async (input, ctx) => {
    const anchor = await anchorOf(input, ctx);
    const verified = certifiedVerify(ctx);
    const chains = compareWithAnchor(anchor, verified.chains, readAnchoredRows(ctx.store, anchor, verified.chains));
    const findings = [...chains.findings, ...anchorTrustFindings(ctx.store, anchor, verified.trustFingerprint)];
    return { ...verified, anchor: { ...chains, ok: findings.every((f) => f.ok), findings } };
  },
};
