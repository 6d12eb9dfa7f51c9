import type { Store } from '../store/store';
import { assertKeyslotMac, createStaffSlot, readKeyslotFile, writeKeyslotFile, type Keyslot, type RecoverySlot, type StaffSlot } from '../store/keyslots';
import type { SigningIdentity } from '../store/signing-keys';

// keyslots.json is edited only inside an IMMEDIATE database transaction, which holds SQLite's
// write lock: the file is read and rewritten under that lock, so the app and the CLI editing
// slots at the same moment cannot overwrite each other's change. The recovery slot is kept as it
// is (store/rekey.ts re-seals it), except once to seal a signing key into one from before signatures.

/** Every current slot, proven unmodified by the file MAC under this store's master key. */
function allSlots(store: Store): Keyslot[] {
  const file = readKeyslotFile(store.paths.keyslots);
  assertKeyslotMac(file, store.masterKey);
  return file.slots;
}

/** The current staff slots, proven unmodified by the file MAC under this store's master key. */
export function currentSlots(store: Store): StaffSlot[] {
  return allSlots(store).filter((slot): slot is StaffSlot => slot.kind === 'staff');
}

/**
 * A fresh slot (new key pairs) under a passphrase, holding `signing`; slow (scrypt), so made
 * before the transaction.
 */
export function createSlotFor(store: Store, username: string, passphrase: string, signing: SigningIdentity): Promise<StaffSlot> {
  return createStaffSlot(username, passphrase, store.masterKey, signing);
}

function isStaffSlotOf(slot: Keyslot, username: string): boolean {
  return slot.kind === 'staff' && slot.username === username;
}

/** Replaces a person's slot, or adds it. Call inside the change's immediate transaction. */
export function putSlot(store: Store, slot: StaffSlot): void {
  writeKeyslotFile(store.paths.keyslots, [...allSlots(store).filter((s) => !isStaffSlotOf(s, slot.username)), slot], store.masterKey);
}

/** Replaces the recovery slot (and its copy), when its first sign-in since signatures seals a signing key in. */
export function replaceRecoverySlot(store: Store, slot: RecoverySlot): void {
  writeKeyslotFile(store.paths.keyslots, allSlots(store).map((s) => (s.kind === 'recovery' ? slot : s)), store.masterKey);
}

/** Removes a person's slot. Call inside the change's immediate transaction. */
export function dropSlot(store: Store, username: string): void {
  writeKeyslotFile(store.paths.keyslots, allSlots(store).filter((s) => !isStaffSlotOf(s, username)), store.masterKey);
}
