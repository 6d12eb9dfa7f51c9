import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { AppError } from '../../src-shared/errors';
import { formatRecoveryKey } from '../../src-shared/recovery-key';
import type { Session } from '../../src-shared/contract/session';
import { dataPaths } from '../store/paths';
import { finishInterruptedSwap } from '../store/swap';
import { createStore, type StoreOptions } from '../store/store';
import { createRecoverySlot, createStaffSlot, writeKeyslotFile } from '../store/keyslots';
import { randomKey } from '../store/crypto';
import { execute } from '../store/sql';
import { recordAudit } from '../audit/record-audit';
import { Signer, newSigningIdentity } from '../trust/signer';
import { issueCertificate } from '../trust/staff-certificates';
import { RECOVERY_USERNAME, assertAcceptablePassphrase, assertReservedNameFree } from './passphrase';
import { getStaff, staffSummary } from './staff-repo';
import { staffSql } from './tables';
import { assertDataFilesPaired, isInitialized, type Unlocked } from './unlock';

export interface FirstAdmin {
  username: string;
  displayName: string;
  passphrase: string;
}

/**
 * Setup happens only where neither paydesk.db nor keyslots.json is: both is a set-up folder, one
 * alone is damaged data (the other was lost), never something to set up over.
 */
function assertNothingToSetUpOver(dataDir: string): void {
  if (!isInitialized(dataDir)) return;
  const paths = dataPaths(dataDir);
  assertDataFilesPaired(paths);
  throw new AppError('ALREADY_INITIALIZED', `${dataDir} is already set up.`);
}

/**
 * First run: a random master key, a new encrypted database, the first admin and their slot, and a
 * separate random recovery key with its own slot (DESIGN.md §3). The first admin's signing key
 * is the trust root: their certificate signs itself, and they certify the recovery admin.
 * A marker file brackets the work and keyslots.json is written last, so a database left by an
 * interrupted setup is recognised (marker present) and discarded. A database without that
 * marker is someone's data, never replaced here: it counts as set up (see isInitialized).
 */
export async function initializeDataFolder(dataDir: string, admin: FirstAdmin, options: StoreOptions = {}, now = new Date()): Promise<Unlocked & { recoveryKey: string; trustFingerprint: string }> {
  const paths = dataPaths(dataDir);
  finishInterruptedSwap(paths);
  assertNothingToSetUpOver(dataDir);
  assertReservedNameFree(admin.username);
  assertAcceptablePassphrase(admin.passphrase);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(paths.setupMarker, now.toISOString());
  for (const leftover of [paths.database, `${paths.database}-wal`, `${paths.database}-shm`]) {
    if (existsSync(leftover)) rmSync(leftover);
  }
  const masterKey = randomKey();
  // The founding admin's signing key is the trust root; the recovery admin trusts it too.
  const root = new Signer(admin.username, newSigningIdentity());
  const recoveryIdentity = newSigningIdentity(root.trustFingerprint);
  const recoverySecret = randomKey();
  const recoveryKey = formatRecoveryKey(recoverySecret.toString('hex'));
  const recoverySlot = createRecoverySlot(recoverySecret, masterKey, recoveryIdentity);
  recoverySecret.fill(0);
  const slot = await createStaffSlot(admin.username, admin.passphrase, masterKey, root.identity);
  const store = await createStore(dataDir, masterKey, options);
  const at = now.toISOString();
  const row = store.sqlite.transaction(() => {
    execute(
      store.sqlite,
      staffSql
        .insertInto('staff')
        .values({ username: admin.username, display_name: admin.displayName, role: 'admin', status: 'active', created_at: at, updated_at: at, last_login_at: at }),
    );
    const created = getStaff(store, admin.username);
    recordAudit(store, { actor: admin.username, action: 'setup.init', entityType: 'staff', entityId: admin.username, after: { ...staffSummary(created), trustFingerprint: root.trustFingerprint } }, now);
    issueCertificate(store, root, { username: admin.username, role: 'admin', status: 'active', publicKey: root.publicKey }, now);
    issueCertificate(store, root, { username: RECOVERY_USERNAME, role: 'admin', status: 'active', publicKey: recoveryIdentity.publicKey }, now);
    return created;
  }).immediate();
  writeKeyslotFile(paths.keyslots, [slot, recoverySlot], masterKey);
  rmSync(paths.setupMarker);
  masterKey.fill(0);
  const session: Session = {
    staffId: row.id, username: row.username, displayName: row.display_name, role: 'admin', recovery: false, unlockedAt: at, trustFingerprint: root.trustFingerprint,
  };
  return { store, session, signer: root, recoveryKey, trustFingerprint: root.trustFingerprint };
}
