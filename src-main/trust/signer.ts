import type { KeyObject } from 'node:crypto';
import { generateSigningKeyPair, signatureHolds, signText, signingKeyFrom } from '../store/crypto';
import type { SigningIdentity } from '../store/signing-keys';
import { fingerprintOf } from './fingerprint';

// The signed-in person's signing key, held in memory for the session only (like the master key).
// Everything a person signs goes through here, with the purpose in the signed text, so a
// checkpoint's signature can never be replayed as a certificate's.

export type SignedPurpose = 'staff-certificate' | 'checkpoint' | 'verification-certificate' | 'payout-approval';

function signedText(purpose: SignedPurpose, text: string): string {
  return `paydesk/${purpose}/v1/${text}`;
}

export class Signer {
  private readonly key: KeyObject;

  constructor(readonly username: string, readonly identity: SigningIdentity) {
    this.key = signingKeyFrom(identity.privateKey);
  }

  get publicKey(): string {
    return this.identity.publicKey;
  }

  /** The root this person's own keyslot says to trust. */
  get trustFingerprint(): string {
    return this.identity.trustFingerprint;
  }

  sign(purpose: SignedPurpose, text: string): string {
    return signText(this.key, signedText(purpose, text));
  }

  /** A verification certificate's signature, with the public key that checks it. */
  signVerification(text: string): { publicKey: string; value: string } {
    return { publicKey: this.publicKey, value: this.sign('verification-certificate', text) };
  }
}

export function signedBy(publicKey: string, purpose: SignedPurpose, text: string, signature: string): boolean {
  return signatureHolds(publicKey, signedText(purpose, text), signature);
}

/**
 * A new signing identity. Given a fingerprint, it trusts that root (a person an admin adds);
 * without one it is a root itself (the founding admin) and trusts its own key.
 */
export function newSigningIdentity(trustFingerprint?: string): SigningIdentity {
  const pair = generateSigningKeyPair();
  return { ...pair, trustFingerprint: trustFingerprint ?? fingerprintOf(pair.publicKey) };
}
