import { AppError } from '../../../src-shared/errors';
import type { AnchorCertificate, VerifyJobResult, VerifyReport } from '../../../src-shared/contract/verify';
import type { ParsedInput } from '../../../src-shared/contract';
import type { HandlerMap, CallContext } from '../handler';
import { compareWithAnchor, readAnchoredRows } from '../../integrity/anchor';
import { certifyReport, chainsWereRead } from '../../integrity/certificate';
import { verifyInSteps } from '../../integrity/verify-in-steps';
import { anchorTrustFindings } from '../../trust/anchor-trust';
import { VERIFIERS, verifyStore } from '../../registry';
import { identifyBackup } from '../../store/restore';

/** The certificate of a report, signed by whoever ran verify. */
function certify({ store, session, signer, now }: CallContext, report: VerifyReport) {
  return certifyReport(store, report, { takenAt: now, takenBy: session.username, sign: (text) => signer.signVerification(text) });
}

/** Every domain's checks, with the certificate an auditor keeps. */
function certifiedVerify(ctx: CallContext) {
  const report = verifyStore(ctx.store);
  return { ...report, certificate: certify(ctx, report) };
}

/**
 * The same verify as a job, one domain after another (progress is domains done of all); the
 * certificate is signed as the job ends. The session, signer and store are the ones that started it.
 */
function startVerifyJob(ctx: CallContext): { jobId: string } {
  const { app, store, session, signer, now } = ctx;
  const started: CallContext = { app, store, session, signer, now };
  const jobId = app.jobs.start(
    'system.verify',
    async ({ report: onProgress, signal }): Promise<VerifyJobResult> => {
      const report = await verifyInSteps(store, VERIFIERS, { onProgress, signal, nativeBinding: app.options.nativeBinding });
      return { ...report, certificate: chainsWereRead(report) ? certify(started, report) : null };
    },
    { cancellable: true, now },
  );
  return { jobId };
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

export const verifyHandlers: HandlerMap<'system.verify' | 'system.startVerify' | 'system.verifyAnchor'> = {
  'system.verify': (_input, ctx) => certifiedVerify(ctx),
  'system.startVerify': (_input, ctx) => startVerifyJob(ctx),
  'system.verifyAnchor': async (input, ctx) => {
    const anchor = await anchorOf(input, ctx);
    const verified = certifiedVerify(ctx);
    const chains = compareWithAnchor(anchor, verified.chains, readAnchoredRows(ctx.store, anchor, verified.chains));
    const findings = [...chains.findings, ...anchorTrustFindings(ctx.store, anchor, verified.trustFingerprint)];
    return { ...verified, anchor: { ...chains, ok: findings.every((f) => f.ok), findings } };
  },
};
