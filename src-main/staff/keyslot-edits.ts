import type { Store } from '../store/store';
import { assertKeyslotMac, createStaffSlot, readKeyslotFile, writeKeyslotFile, type Keyslot } from '../store/keyslots';

/** The current slots, proven unmodified by the file MAC under this store's master key. */
export function currentSlots(store: Store): Keyslot[] {
  const file = readKeyslotFile(store.paths.keyslots);
  assertKeyslotMac(file, store.masterKey);
  return file.slots;
}

/** Replaces a person's slot (or adds one) with a fresh key pair under a new passphrase. */
export async function prepareSlot(store: Store, username: string, passphrase: string): Promise<Keyslot[]> {
  const slot = await createStaffSlot(username, passphrase, store.masterKey);
  return [...currentSlots(store).filter((s) => s.username !== username), slot];
}

export function removeSlot(store: Store, username: string): Keyslot[] {
  return currentSlots(store).filter((s) => s.username !== username);
}

export function saveSlots(store: Store, slots: Keyslot[]): void {
  writeKeyslotFile(store.paths.keyslots, slots, store.masterKey);
}
