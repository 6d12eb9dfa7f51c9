import { AppError } from '../../src-shared/errors';
import type { Role } from '../../src-shared/permissions';
import type { Store } from '../store/store';
import type { OpenedSlot } from '../store/keyslots';
import type { SigningIdentity } from '../store/signing-keys';
import { recordAudit } from '../audit/record-audit';
import { certificateBook, certifiedCertificate, issueCertificate, type CertificateRow } from '../trust/staff-certificates';
import { Signer, newSigningIdentity } from '../trust/signer';

// Who signs for a session, and the certificate that decides their role (issue 7, item 3).
//
// A slot from before signatures has no signing key. In a folder with no certificates yet (data
// from before signatures) the first admin, or the recovery admin, to sign in founds the trust
// root with a new key sealed into their own slot. Everyone else needs a certificate an admin
// issues, which resetting their passphrase does: a key holder must not be able to bind a key in
// someone else's name.

export interface SignedIn {
  signer: Signer;
  certificate: CertificateRow;
}

function notCertified(username: string): AppError {
  return new AppError('NOT_CERTIFIED', `${username} holds no staff certificate yet; an admin resets their passphrase to issue one.`);
}

/**
 * The signer and certificate of someone whose slot just opened. `sealInto` writes a new signing
 * identity into their slot (a slot from before signatures) inside the root's transaction.
 */
export async function signerAtSignIn(
  store: Store,
  username: string,
  opened: OpenedSlot,
  founding: { role: Role | null; sealInto: (identity: SigningIdentity) => Promise<() => void> },
  now: Date,
): Promise<SignedIn> {
  let identity = opened.signing;
  if (!identity) {
    if (certificateBook(store).count > 0 || founding.role !== 'admin') throw notCertified(username);
    identity = newSigningIdentity();
    const root = new Signer(username, identity);
    const writeSlot = await founding.sealInto(identity);
    store.sqlite.transaction(() => {
      if (certificateBook(store).count > 0) throw notCertified(username);
      const certificate = issueCertificate(store, root, { username, role: 'admin', status: 'active', publicKey: identity!.publicKey }, now);
      recordAudit(store, { actor: username, action: 'trust.foundRoot', entityType: 'staff', entityId: username, after: { trustFingerprint: identity!.trustFingerprint, certificate: certificate.id } }, now);
      writeSlot();
    }).immediate();
  }
  const signer = new Signer(username, identity);
  return { signer, certificate: certifiedCertificate(store, signer) };
}
