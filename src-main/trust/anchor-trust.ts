import type { AnchorCertificate, AnchorFinding } from '../../src-shared/contract/verify';
import { canonicalCertificate } from '../integrity/certificate';
import type { Store } from '../store/store';
import { certificateBook } from './staff-certificates';
import { signedBy } from './signer';

// What an anchor says about trust, beside its chains (integrity/anchor.ts): the data must still
// chain to the root the anchor recorded (a key holder who rebuilt every certificate under a root
// of their own changed it), and a signed anchor must be signed by the person it names, under a
// key one of their certificates holds.

export function anchorTrustFindings(store: Store, anchor: AnchorCertificate, todayFingerprint: string | null): AnchorFinding[] {
  const findings: AnchorFinding[] = [];
  if (anchor.trustFingerprint !== null) {
    const same = anchor.trustFingerprint === todayFingerprint;
    findings.push({
      chain: 'trust',
      ok: same,
      detail: same ? `the data still chains to ${todayFingerprint}` : `the trust fingerprint changed: the anchor has ${anchor.trustFingerprint}, the data today ${todayFingerprint ?? 'none'}`,
    });
  }
  if (anchor.signature !== null) {
    const { publicKey, value } = anchor.signature;
    const theirs = [...certificateBook(store).byId.values()].some((c) => c.username === anchor.takenBy && c.public_key === publicKey);
    const holds = theirs && signedBy(publicKey, 'verification-certificate', canonicalCertificate(anchor), value);
    findings.push({
      chain: 'signature',
      ok: holds,
      detail: holds ? `signed by ${anchor.takenBy}` : `the anchor is not signed by ${anchor.takenBy} under a key their certificates hold`,
    });
  }
  return findings;
}
