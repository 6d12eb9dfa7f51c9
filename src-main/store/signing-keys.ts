import { z } from 'zod';
import { openGcm, sealGcm } from './crypto';

// A person's signing identity, as their keyslot keeps it (issue 7, item 3): their Ed25519 private
// key and the trust fingerprint they accepted (the founding admin's key, DESIGN.md §3). Both are
// sealed together under the slot's own secret, so someone who holds the master key can neither
// sign as this person nor make their Paydesk trust another root: a root swapped in the database
// is refused at this person's next sign-in (trust/signer.ts).

export interface SigningIdentity {
  /** Ed25519, PKCS#8 DER. */
  privateKey: Buffer;
  /** Ed25519, base64 SPKI DER: what the person's staff certificate names. */
  publicKey: string;
  /** The trust fingerprint this person's certificates must chain to. */
  trustFingerprint: string;
}

const sealedBox = z.object({ nonce: z.string(), ciphertext: z.string(), tag: z.string() });
export const signingSchema = z.object({ publicKey: z.string(), sealed: sealedBox });
export type SealedSigning = z.infer<typeof signingSchema>;

const contentSchema = z.object({ privateKey: z.string(), trustFingerprint: z.string() });

function aad(slotId: string): string {
  return `${slotId}/signing`;
}

export function sealSigningKey(kek: Buffer, signing: SigningIdentity, slotId: string): SealedSigning {
  const content = JSON.stringify({ privateKey: signing.privateKey.toString('base64'), trustFingerprint: signing.trustFingerprint });
  return { publicKey: signing.publicKey, sealed: sealGcm(kek, Buffer.from(content), aad(slotId)) };
}

/** The identity, or null when the sealed bytes do not open under `kek` (damaged: the slot's verifier already accepted `kek`). */
export function openSigningKey(kek: Buffer, signing: SealedSigning, slotId: string): SigningIdentity | null {
  const opened = openGcm(kek, signing.sealed, aad(slotId));
  if (!opened) return null;
  const content = contentSchema.safeParse(JSON.parse(opened.toString('utf8')));
  if (!content.success) return null;
  return { privateKey: Buffer.from(content.data.privateKey, 'base64'), publicKey: signing.publicKey, trustFingerprint: content.data.trustFingerprint };
}
