import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import { writeFileAtomic } from './atomic-file';
import {
  DEFAULT_SCRYPT, deriveKeyFromPassphrase, generateSlotKeyPair, hkdf, hmac, openGcm, openWithPrivateKey,
  randomKey, sameBytes, sealGcm, sealToPublicKey, type ScryptParams,
} from './crypto';
import { openSigningKey, sealSigningKey, signingSchema, type SigningIdentity } from './signing-keys';

// keyslots.json holds the master key once per slot, never in the clear (DESIGN.md §3).
// Each slot has an X25519 key pair; its private key is sealed under the slot's own secret and the
// master key is sealed to its public key, so a rekey re-seals the new master key to every public
// key without knowing any secret. A MAC under the master key covers the whole file.
//   * kind 'staff': the secret is a person's passphrase (scrypt → AES-256-GCM). A passphrase
//     change touches one slot.
//   * kind 'recovery' (version 2, exactly one): the secret is the recovery key on paper, 256
//     random bits, so HKDF is enough. Like a LUKS keyslot it is not the master key, and no staff
//     slot yields it. It survives rekeys: the paper key stays valid.
// Version 1 files (before the recovery slot) have staff slots only; their recovery key *is* the
// master key, until a rekey adds the recovery slot (store/rekey.ts).
// Every slot made since signatures carries `signing`: the person's Ed25519 key and the trust
// fingerprint they accepted, sealed under the same secret as `privateKey`, never under the master
// key (store/signing-keys.ts). Slots written before have none until their owner signs in.
//
// The recovery slot is also kept alone in recovery-slot.json, as LUKS2 keeps a second header:
// when keyslots.json is lost, the recovery key still finds the master key there (staff/unlock.ts).

const sealedBox = z.object({ nonce: z.string(), ciphertext: z.string(), tag: z.string() });
// The file MAC is taken over the slots as parsed, whose keys come out in these shapes' order: it
// is the order version 1 wrote, and every writer below builds its slots in the same order.
const sealed = {
  /** HMAC of a constant under the slot's secret key: tells a wrong secret from damaged bytes. */
  verifier: z.string(),
  publicKey: z.string(),
  privateKey: sealedBox,
  masterKey: sealedBox.extend({ ephemeralPublicKey: z.string() }),
  signing: signingSchema.optional(),
};
const staffSlotSchema = z.object({
  id: z.string(),
  kind: z.literal('staff'),
  username: z.string(),
  createdAt: z.string(),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int().min(2 ** 15), r: z.number().int(), p: z.number().int(), salt: z.string() }),
  ...sealed,
});
const recoverySlotSchema = z.object({
  id: z.string(),
  kind: z.literal('recovery'),
  createdAt: z.string(),
  kdf: z.object({ name: z.literal('hkdf-sha256') }),
  ...sealed,
});
const keyslotSchema = z.discriminatedUnion('kind', [staffSlotSchema, recoverySlotSchema]);
const keyslotFileSchema = z.object({
  format: z.literal('paydesk-keyslots'),
  version: z.union([z.literal(1), z.literal(2)]),
  slots: z.array(keyslotSchema),
  mac: z.string(),
});
const recoveryCopySchema = z.object({ format: z.literal('paydesk-recovery-slot'), slot: recoverySlotSchema });

export type StaffSlot = z.infer<typeof staffSlotSchema>;
export type RecoverySlot = z.infer<typeof recoverySlotSchema>;
export type Keyslot = z.infer<typeof keyslotSchema>;
export type KeyslotFile = z.infer<typeof keyslotFileSchema>;

const VERIFIER_LABEL = 'paydesk/passphrase-verifier';
const RECOVERY_COPY = 'recovery-slot.json';

function damaged(why: string): AppError {
  return new AppError('DATA_DAMAGED', `keyslots.json is damaged: ${why}`, { file: 'keyslots.json' });
}

/** The sealed half of a slot: a fresh key pair, its private key under `kek`, the master key sealed to it. */
function sealSlot(id: string, kek: Buffer, masterKey: Buffer) {
  const pair = generateSlotKeyPair();
  return {
    verifier: hmac(kek, VERIFIER_LABEL).toString('hex'),
    publicKey: pair.publicKey,
    privateKey: sealGcm(kek, pair.privateKey, id),
    masterKey: sealToPublicKey(pair.publicKey, masterKey, id),
  };
}

/** What a slot's secret opens: the master key, and the owner's signing identity when the slot has one. */
export interface OpenedSlot {
  masterKey: Buffer;
  signing: SigningIdentity | null;
}

/** The master key (and signing identity) from a slot whose secret key is `kek`, or null when `kek` is the wrong one. */
function openSlot(slot: Keyslot, kek: Buffer, owner: string): OpenedSlot | null {
  if (!sameBytes(hmac(kek, VERIFIER_LABEL), Buffer.from(slot.verifier, 'hex'))) return null;
  const privateKey = openGcm(kek, slot.privateKey, slot.id);
  if (!privateKey) throw damaged(`slot of ${owner} does not decrypt`);
  const masterKey = openWithPrivateKey(privateKey, slot.masterKey, slot.id);
  if (!masterKey) throw damaged(`sealed key of ${owner} does not decrypt`);
  const signing = slot.signing ? openSigningKey(kek, slot.signing, slot.id) : null;
  if (slot.signing && !signing) throw damaged(`signing key of ${owner} does not decrypt`);
  return { masterKey, signing };
}

function staffKek(slot: Pick<StaffSlot, 'kdf'>, passphrase: string): Promise<Buffer> {
  const { N, r, p, salt } = slot.kdf;
  return deriveKeyFromPassphrase(passphrase, Buffer.from(salt, 'base64'), { N, r, p });
}

export async function createStaffSlot(username: string, passphrase: string, masterKey: Buffer, signing: SigningIdentity, params: ScryptParams = DEFAULT_SCRYPT): Promise<StaffSlot> {
  const id = randomUUID();
  const salt = randomKey(16);
  const kek = await deriveKeyFromPassphrase(passphrase, salt, params);
  const kdf = { name: 'scrypt' as const, ...params, salt: salt.toString('base64') };
  return { id, kind: 'staff', username, createdAt: new Date().toISOString(), kdf, ...sealSlot(id, kek, masterKey), signing: sealSigningKey(kek, signing, id) };
}

/** The slot's contents, or null when the passphrase is wrong. Damaged bytes throw DATA_DAMAGED. */
export async function openStaffSlot(slot: StaffSlot, passphrase: string): Promise<OpenedSlot | null> {
  return openSlot(slot, await staffKek(slot, passphrase), slot.username);
}

/** The master key, or null when the passphrase is wrong. Damaged bytes throw DATA_DAMAGED. */
export async function unwrapStaffSlot(slot: StaffSlot, passphrase: string): Promise<Buffer | null> {
  return (await openStaffSlot(slot, passphrase))?.masterKey ?? null;
}

/**
 * The same slot with a signing identity sealed in (a slot from before signatures, at its owner's
 * first sign-in since). Takes the passphrase again: the slot's secret never leaves this file.
 */
export async function withStaffSigning(slot: StaffSlot, passphrase: string, signing: SigningIdentity): Promise<StaffSlot> {
  return { ...slot, signing: sealSigningKey(await staffKek(slot, passphrase), signing, slot.id) };
}

/** The recovery secret is 256 random bits: HKDF, bound to the slot, is all the stretching it needs. */
function recoveryKek(secret: Buffer, slotId: string): Buffer {
  return hkdf(secret, `paydesk/recovery-slot/${slotId}`);
}

export function createRecoverySlot(secret: Buffer, masterKey: Buffer, signing: SigningIdentity): RecoverySlot {
  const id = randomUUID();
  const kek = recoveryKek(secret, id);
  return { id, kind: 'recovery', createdAt: new Date().toISOString(), kdf: { name: 'hkdf-sha256' }, ...sealSlot(id, kek, masterKey), signing: sealSigningKey(kek, signing, id) };
}

/** The slot's contents, or null when this is not the slot's recovery key. Damaged bytes throw DATA_DAMAGED. */
export function openRecoverySlot(slot: RecoverySlot, secret: Buffer): OpenedSlot | null {
  return openSlot(slot, recoveryKek(secret, slot.id), 'the recovery key');
}

/** The master key, or null when this is not the slot's recovery key. Damaged bytes throw DATA_DAMAGED. */
export function unwrapRecoverySlot(slot: RecoverySlot, secret: Buffer): Buffer | null {
  return openRecoverySlot(slot, secret)?.masterKey ?? null;
}

/** The recovery slot with a signing identity sealed in (one from before signatures). */
export function withRecoverySigning(slot: RecoverySlot, secret: Buffer, signing: SigningIdentity): RecoverySlot {
  return { ...slot, signing: sealSigningKey(recoveryKek(secret, slot.id), signing, slot.id) };
}

/** Spends the same scrypt work as a real unlock, so an unknown name is not faster to refuse. */
export async function spendUnlockWork(passphrase: string): Promise<void> {
  await deriveKeyFromPassphrase(passphrase, randomKey(16), DEFAULT_SCRYPT);
}

export function resealSlot<S extends Keyslot>(slot: S, masterKey: Buffer): S {
  return { ...slot, masterKey: sealToPublicKey(slot.publicKey, masterKey, slot.id) };
}

export function staffSlots(file: KeyslotFile): StaffSlot[] {
  return file.slots.filter((slot): slot is StaffSlot => slot.kind === 'staff');
}

/** The recovery slot; null in a version 1 file, whose recovery key is the master key itself. */
export function recoverySlotOf(slots: Keyslot[]): RecoverySlot | null {
  return slots.find((slot): slot is RecoverySlot => slot.kind === 'recovery') ?? null;
}

function versionOf(slots: Keyslot[]): 1 | 2 {
  return recoverySlotOf(slots) ? 2 : 1;
}

function macKey(masterKey: Buffer): Buffer {
  return hkdf(masterKey, 'paydesk/keyslots-mac');
}

function fileMac(version: 1 | 2, slots: Keyslot[], masterKey: Buffer): string {
  return hmac(macKey(masterKey), JSON.stringify({ format: 'paydesk-keyslots', version, slots })).toString('hex');
}

export function buildKeyslotFile(slots: Keyslot[], masterKey: Buffer): KeyslotFile {
  const version = versionOf(slots);
  return { format: 'paydesk-keyslots', version, slots, mac: fileMac(version, slots, masterKey) };
}

export function parseKeyslotFile(text: string): KeyslotFile {
  if (text.trim() === '') throw damaged('it is empty');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw damaged('not JSON (cut short?)');
  }
  const parsed = keyslotFileSchema.safeParse(json);
  if (!parsed.success) throw damaged('unexpected structure');
  const recovery = parsed.data.slots.filter((slot) => slot.kind === 'recovery').length;
  if (recovery > 1 || versionOf(parsed.data.slots) !== parsed.data.version) throw damaged('unexpected structure');
  return parsed.data;
}

export function readKeyslotFile(path: string): KeyslotFile {
  if (!existsSync(path)) throw new AppError('NOT_INITIALIZED', 'No keyslots.json in this data folder.');
  return parseKeyslotFile(readFileSync(path, 'utf8'));
}

export function assertKeyslotMac(file: KeyslotFile, masterKey: Buffer): void {
  if (!sameBytes(Buffer.from(fileMac(file.version, file.slots, masterKey), 'hex'), Buffer.from(file.mac, 'hex'))) {
    throw damaged('its MAC does not match');
  }
}

/** Writes keyslots.json, and beside it the copy of its recovery slot when it has one. */
export function writeKeyslotFile(path: string, slots: Keyslot[], masterKey: Buffer): void {
  const recovery = recoverySlotOf(slots);
  if (recovery) writeFileAtomic(join(dirname(path), RECOVERY_COPY), `${JSON.stringify({ format: 'paydesk-recovery-slot', slot: recovery }, null, 2)}\n`);
  writeFileAtomic(path, `${JSON.stringify(buildKeyslotFile(slots, masterKey), null, 2)}\n`);
}

/**
 * The copy of the recovery slot in `dataDir`, or null when there is none (a version 1 folder).
 * Nothing vouches for it but itself: the key it yields must still open the database.
 */
export function readRecoverySlotCopy(dataDir: string): RecoverySlot | null {
  const path = join(dataDir, RECOVERY_COPY);
  if (!existsSync(path)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    json = null;
  }
  const parsed = recoveryCopySchema.safeParse(json);
  if (!parsed.success) throw new AppError('DATA_DAMAGED', `${RECOVERY_COPY} is damaged.`, { file: RECOVERY_COPY });
  return parsed.data.slot;
}
