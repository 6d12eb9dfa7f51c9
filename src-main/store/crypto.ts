import { createCipheriv, createDecipheriv, createHash, createHmac, diffieHellman, generateKeyPairSync, createPublicKey, createPrivateKey, hkdfSync, randomBytes, scrypt, sign, timingSafeEqual, verify, type KeyObject } from 'node:crypto';

// Primitives for keyslots and column encryption. AES-256-GCM everywhere; scrypt for passphrases
// (RFC 7914, N = 2^15, r = 8, p = 1); X25519 so every slot can receive a new master key at rekey
// time without knowing anyone's passphrase.

export const MASTER_KEY_BYTES = 32;

export interface ScryptParams { N: number; r: number; p: number }
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

export interface SealedBox { nonce: string; ciphertext: string; tag: string }

export function randomKey(bytes = MASTER_KEY_BYTES): Buffer {
  return randomBytes(bytes);
}

export function deriveKeyFromPassphrase(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const maxmem = 256 * params.N * params.r;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFKC'), salt, 32, { ...params, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export function hmac(key: Buffer, ...parts: (string | Buffer)[]): Buffer {
  const mac = createHmac('sha256', key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

export function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export function hkdf(key: Buffer, info: string, bytes = 32): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), info, bytes));
}

export function sealGcm(key: Buffer, plaintext: Buffer, aad: string): SealedBox {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { nonce: nonce.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Returns null when the tag does not verify (wrong key or changed bytes). */
export function openGcm(key: Buffer, box: SealedBox, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(box.nonce, 'base64'));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(box.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

export interface SlotKeyPair { publicKey: string; privateKey: Buffer }

export function generateSlotKeyPair(): SlotKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }),
  };
}

export interface SealedToSlot extends SealedBox { ephemeralPublicKey: string }

function sharedKey(privateKey: KeyObject, publicKey: KeyObject, info: string): Buffer {
  return hkdf(diffieHellman({ privateKey, publicKey }), info);
}

/** ECIES-style: an ephemeral X25519 key agrees a one-time AES key with the slot's public key. */
export function sealToPublicKey(publicKeyDer: string, plaintext: Buffer, aad: string): SealedToSlot {
  const recipient = createPublicKey({ key: Buffer.from(publicKeyDer, 'base64'), format: 'der', type: 'spki' });
  const ephemeral = generateKeyPairSync('x25519');
  const key = sharedKey(ephemeral.privateKey, recipient, `paydesk/slot-seal/${aad}`);
  return {
    ...sealGcm(key, plaintext, aad),
    ephemeralPublicKey: ephemeral.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  };
}

export function openWithPrivateKey(privateKeyDer: Buffer, sealed: SealedToSlot, aad: string): Buffer | null {
  try {
    const privateKey = createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' });
    const ephemeral = createPublicKey({ key: Buffer.from(sealed.ephemeralPublicKey, 'base64'), format: 'der', type: 'spki' });
    return openGcm(sharedKey(privateKey, ephemeral, `paydesk/slot-seal/${aad}`), sealed, aad);
  } catch {
    return null;
  }
}

// Ed25519 signing keys (issue 7, item 3): each person's own, sealed in their keyslot under their
// secret, never under the master key, so holding the database key does not let anyone sign.

export interface SigningKeyPair { publicKey: string; privateKey: Buffer }

/** A fresh Ed25519 pair: the public key as base64 SPKI DER, the private key as PKCS#8 DER. */
export function generateSigningKeyPair(): SigningKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }),
  };
}

/** A signing key parsed once: a checkpoint signs with it without re-reading the DER each time. */
export function signingKeyFrom(privateKeyDer: Buffer): KeyObject {
  return createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' });
}

export function signText(privateKey: KeyObject, text: string): string {
  return sign(null, Buffer.from(text), privateKey).toString('base64');
}

/** Whether `signature` is the holder of `publicKeyDer`'s over `text`; malformed input is simply false. */
export function signatureHolds(publicKeyDer: string, text: string, signature: string): boolean {
  try {
    const publicKey = createPublicKey({ key: Buffer.from(publicKeyDer, 'base64'), format: 'der', type: 'spki' });
    return verify(null, Buffer.from(text), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
