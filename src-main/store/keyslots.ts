import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import { writeFileAtomic } from './atomic-file';
import {
  DEFAULT_SCRYPT, deriveKeyFromPassphrase, generateSlotKeyPair, hkdf, hmac, openGcm, openWithPrivateKey,
  randomKey, sameBytes, sealGcm, sealToPublicKey, type ScryptParams,
} from './crypto';

// keyslots.json holds the master key once per staff member, never in the clear.
// Each slot has an X25519 key pair; its private key is sealed under the person's passphrase
// (scrypt → AES-256-GCM) and the master key is sealed to its public key. A passphrase change
// touches one slot; a rekey re-seals the new master key to every public key without passphrases.
// A MAC under the master key covers the whole file, so an edited file is caught at unlock.

const sealedBox = z.object({ nonce: z.string(), ciphertext: z.string(), tag: z.string() });
const keyslotSchema = z.object({
  id: z.string(),
  kind: z.literal('staff'),
  username: z.string(),
  createdAt: z.string(),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int().min(2 ** 15), r: z.number().int(), p: z.number().int(), salt: z.string() }),
  /** HMAC of a constant under the passphrase key: tells a wrong passphrase from damaged bytes. */
  verifier: z.string(),
  publicKey: z.string(),
  privateKey: sealedBox,
  masterKey: sealedBox.extend({ ephemeralPublicKey: z.string() }),
});
const keyslotFileSchema = z.object({
  format: z.literal('paydesk-keyslots'),
  version: z.literal(1),
  slots: z.array(keyslotSchema),
  mac: z.string(),
});

export type Keyslot = z.infer<typeof keyslotSchema>;
export type KeyslotFile = z.infer<typeof keyslotFileSchema>;

const VERIFIER_LABEL = 'paydesk/passphrase-verifier';

function damaged(why: string): AppError {
  return new AppError('DATA_DAMAGED', `keyslots.json is damaged: ${why}`);
}

export async function createStaffSlot(username: string, passphrase: string, masterKey: Buffer, params: ScryptParams = DEFAULT_SCRYPT): Promise<Keyslot> {
  const id = randomUUID();
  const salt = randomKey(16);
  const kek = await deriveKeyFromPassphrase(passphrase, salt, params);
  const pair = generateSlotKeyPair();
  return {
    id,
    kind: 'staff',
    username,
    createdAt: new Date().toISOString(),
    kdf: { name: 'scrypt', ...params, salt: salt.toString('base64') },
    verifier: hmac(kek, VERIFIER_LABEL).toString('hex'),
    publicKey: pair.publicKey,
    privateKey: sealGcm(kek, pair.privateKey, id),
    masterKey: sealToPublicKey(pair.publicKey, masterKey, id),
  };
}

/** The master key, or null when the passphrase is wrong. Damaged bytes throw DATA_DAMAGED. */
export async function unwrapStaffSlot(slot: Keyslot, passphrase: string): Promise<Buffer | null> {
  const { N, r, p, salt } = slot.kdf;
  const kek = await deriveKeyFromPassphrase(passphrase, Buffer.from(salt, 'base64'), { N, r, p });
  if (!sameBytes(hmac(kek, VERIFIER_LABEL), Buffer.from(slot.verifier, 'hex'))) return null;
  const privateKey = openGcm(kek, slot.privateKey, slot.id);
  if (!privateKey) throw damaged(`slot of ${slot.username} does not decrypt`);
  const masterKey = openWithPrivateKey(privateKey, slot.masterKey, slot.id);
  if (!masterKey) throw damaged(`sealed key of ${slot.username} does not decrypt`);
  return masterKey;
}

/** Spends the same scrypt work as a real unlock, so an unknown name is not faster to refuse. */
export async function spendUnlockWork(passphrase: string): Promise<void> {
  await deriveKeyFromPassphrase(passphrase, randomKey(16), DEFAULT_SCRYPT);
}

export function resealSlot(slot: Keyslot, masterKey: Buffer): Keyslot {
  return { ...slot, masterKey: sealToPublicKey(slot.publicKey, masterKey, slot.id) };
}

function macKey(masterKey: Buffer): Buffer {
  return hkdf(masterKey, 'paydesk/keyslots-mac');
}

function fileMac(slots: Keyslot[], masterKey: Buffer): string {
  return hmac(macKey(masterKey), JSON.stringify({ format: 'paydesk-keyslots', version: 1, slots })).toString('hex');
}

export function buildKeyslotFile(slots: Keyslot[], masterKey: Buffer): KeyslotFile {
  return { format: 'paydesk-keyslots', version: 1, slots, mac: fileMac(slots, masterKey) };
}

export function parseKeyslotFile(text: string): KeyslotFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw damaged('not JSON');
  }
  const parsed = keyslotFileSchema.safeParse(json);
  if (!parsed.success) throw damaged('unexpected structure');
  return parsed.data;
}

export function readKeyslotFile(path: string): KeyslotFile {
  if (!existsSync(path)) throw new AppError('NOT_INITIALIZED', 'No keyslots.json in this data folder.');
  return parseKeyslotFile(readFileSync(path, 'utf8'));
}

export function assertKeyslotMac(file: KeyslotFile, masterKey: Buffer): void {
  if (!sameBytes(Buffer.from(fileMac(file.slots, masterKey), 'hex'), Buffer.from(file.mac, 'hex'))) {
    throw damaged('its MAC does not match');
  }
}

export function writeKeyslotFile(path: string, slots: Keyslot[], masterKey: Buffer): void {
  writeFileAtomic(path, `${JSON.stringify(buildKeyslotFile(slots, masterKey), null, 2)}\n`);
}
