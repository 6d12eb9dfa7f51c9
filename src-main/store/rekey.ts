import { AppError } from '../../src-shared/errors';
import type { ReportProgress } from '../../src-shared/contract/jobs';
import type { InspectCopy } from './backup';
import { randomKey } from './crypto';
import { changeCount, reencryptDatabase, snapshotDatabase, yieldToEventLoop } from './database-copy';
import { formatRecoveryKey } from '../../src-shared/recovery-key';
import { assertKeyslotMac, createRecoverySlot, readKeyslotFile, recoverySlotOf, resealSlot, writeKeyslotFile, type RecoverySlot } from './keyslots';
import type { SigningIdentity } from './signing-keys';
import { readRetiredKeys, retiredKeyEntry, writeRetiredKeys } from './retired-keys';
import { openStore, type Store } from './store';
import { commitSwap, discardStaging, prepareStaging, type SwapPlan } from './swap';

// Rekey (DESIGN.md §3): a new random master key. The database is copied (VACUUM INTO) and the
// copy re-encrypted (PRAGMA rekey); every keyslot, the recovery slot too, gets the new key sealed
// to its X25519 public key, so nobody's passphrase is needed and the recovery key on paper stays
// valid; keyslots.json gets a new MAC; the old key joins retired-keys.json. A version 1 folder
// (its recovery key was the master key) gets its recovery slot here, under a new random recovery
// key that the caller shows once: the old recovery key then opens only what the old master key
// did (older backups). All of it is built and verified in staging/ while the current files stay
// untouched, then swapped in crash-safely (swap.ts).

export interface RekeySteps {
  now: Date;
  /** Checks the re-encrypted copy against the live data; throws when they differ. */
  inspect: InspectCopy;
  /** Writes the audit row of the rekey into the re-encrypted database (and, when this rekey added the recovery slot, its certificate). */
  record: (rekeyed: Store, summary: { slots: number; recoveryAdded: boolean }) => void;
  /** The signing identity a recovery slot added by this rekey holds (a version 1 folder). */
  recoverySigning: SigningIdentity;
  onProgress?: ReportProgress;
  /** The new master key; random unless a caller (the crash test) needs to know it in advance. */
  nextKey?: Buffer;
}

/** A new random recovery key and its slot, for a folder that had none. */
function newRecoverySlot(nextKey: Buffer, signing: SigningIdentity): { slot: RecoverySlot; recoveryKey: string } {
  const secret = randomKey();
  const recoveryKey = formatRecoveryKey(secret.toString('hex'));
  const slot = createRecoverySlot(secret, nextKey, signing);
  secret.fill(0);
  return { slot, recoveryKey };
}

export interface StagedRekey {
  nextKey: Buffer;
  /** The new recovery key when this rekey made the recovery slot (a version 1 folder); null: unchanged. */
  recoveryKey: string | null;
  /**
   * Refuses when the live database was written after the snapshot: the swap would lose that
   * write. Call it synchronously before closing the live store and committing.
   */
  assertLiveUnchanged(): void;
  /** The swap; the caller has closed its connection to the database first. */
  commit(): void;
  discard(): void;
}

const REKEY_FILES: SwapPlan = { kind: 'rekey', files: ['paydesk.db', 'keyslots.json', 'recovery-slot.json', 'retired-keys.json'] };

/** Snapshot, re-encrypt, verify, re-seal the slots: the steps a rekey reports. */
export const REKEY_STEPS = 4;

/** Builds the rekeyed files in staging/. The caller holds exclusive access to the folder. */
export async function stageRekey(store: Store, steps: RekeySteps): Promise<StagedRekey> {
  const { paths, masterKey, sqlite } = store;
  const report = steps.onProgress ?? (() => undefined);
  const nextKey = steps.nextKey ?? randomKey();
  const keyslots = readKeyslotFile(paths.keyslots);
  assertKeyslotMac(keyslots, masterKey);
  const retired = readRetiredKeys(paths.dataDir, masterKey);
  const added = recoverySlotOf(keyslots.slots) ? null : newRecoverySlot(nextKey, steps.recoverySigning);
  const changesAtSnapshot = changeCount(sqlite);
  const staging = prepareStaging(paths);
  try {
    snapshotDatabase(sqlite, staging.database);
    report(1, REKEY_STEPS);
    await yieldToEventLoop();
    reencryptDatabase(staging.database, masterKey, nextKey);
    report(2, REKEY_STEPS);
    await yieldToEventLoop();
    const rekeyed = await openStore(staging.dataDir, nextKey);
    try {
      steps.inspect(rekeyed);
      steps.record(rekeyed, { slots: keyslots.slots.length, recoveryAdded: added !== null });
    } finally {
      rekeyed.close();
    }
    report(3, REKEY_STEPS);
    const slots = keyslots.slots.map((slot) => resealSlot(slot, nextKey));
    writeKeyslotFile(staging.keyslots, added ? [...slots, added.slot] : slots, nextKey);
    writeRetiredKeys(staging.dataDir, [...retired, retiredKeyEntry(masterKey, steps.now)], nextKey);
  } catch (error) {
    discardStaging(paths);
    throw error;
  }
  return {
    nextKey,
    recoveryKey: added?.recoveryKey ?? null,
    assertLiveUnchanged() {
      if (changeCount(sqlite) !== changesAtSnapshot) {
        throw new AppError('DATA_IN_USE', 'The data changed while the rekey was being prepared; nothing was changed. Try again.');
      }
    },
    commit: () => commitSwap(paths, REKEY_FILES, steps.now),
    discard: () => discardStaging(paths),
  };
}
