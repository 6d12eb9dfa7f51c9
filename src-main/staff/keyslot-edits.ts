import type { Store } from '../store/store';
import { assertKeyslotMac, createStaffSlot, readKeyslotFile, writeKeyslotFile, type Keyslot } from '../store/keyslots';

// keyslots.json is edited only inside an IMMEDIATE database transaction, which holds SQLite's
// write lock: the file is read and rewritten under that lock, so the app and the CLI editing
// slots at the same moment cannot overwrite each other's change.

/** The current slots, proven unmodified by the file MAC under this store's master key. */
export function currentSlots(store: Store): Keyslot[] {
  const file = readKeyslotFile(store.paths.keyslots);
  assertKeyslotMac(file, store.masterKey);
  return file.slots;
}

/** A fresh slot (new key pair) under a passphrase; slow (scrypt), so made before the transaction. */
export function createSlotFor(store: Store, username: string, passphrase: string): Promise<Keyslot> {
  return createStaffSlot(username, passphrase, store.masterKey);
}

/** Replaces a person's slot, or adds it. Call inside the change's immediate transaction. */
export function putSlot(store: Store, slot: Keyslot): void {
  writeKeyslotFile(store.paths.keyslots, [...currentSlots(store).filter((s) => s.username !== slot.username), slot], store.masterKey);
}

/** Removes a person's slot. Call inside the change's immediate transaction. */
export function dropSlot(store: Store, username: string): void {
  writeKeyslotFile(store.paths.keyslots, currentSlots(store).filter((s) => s.username !== username), store.masterKey);
}
