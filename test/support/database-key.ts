import { join } from 'node:path';
import { parseRecoveryKey } from '../../src-shared/recovery-key';
import { readKeyslotFile, recoverySlotOf, unwrapRecoverySlot } from '../../src-main/store/keyslots';

/**
 * The SQLCipher key of a data folder, from its recovery key, as `paydesk db-key` finds it: the
 * recovery key unwraps the recovery slot (it is not the database key itself).
 */
export function databaseKeyHex(dataDir: string, recoveryKey: string): string {
  const slot = recoverySlotOf(readKeyslotFile(join(dataDir, 'keyslots.json')).slots);
  if (!slot) throw new Error('databaseKeyHex: this folder has no recovery slot');
  const key = unwrapRecoverySlot(slot, Buffer.from(parseRecoveryKey(recoveryKey)!, 'hex'));
  if (!key) throw new Error('databaseKeyHex: the recovery key does not open the recovery slot');
  return key.toString('hex');
}
