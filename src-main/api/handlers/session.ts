import { AppError, isAppError } from '../../../src-shared/errors';
import type { HandlerMap } from '../handler';
import type { Store } from '../../store/store';
import { initializeDataFolder } from '../../staff/setup';
import { isInitialized, provePassphrase, unlockWithPassphrase, unlockWithRecoveryKey } from '../../staff/unlock';
import { changeOwnPassphrase } from '../../staff/staff-service';
import { readSetting } from '../../settings/settings-service';
import { sessionSettings } from '../../../src-shared/settings/session-settings';
import { recordAudit } from '../../audit/record-audit';
import { currentSlots } from '../../staff/keyslot-edits';

/**
 * The idle lock, read at every status call. A saved value broken outside Paydesk falls back to the
 * default lock rather than locking everyone out of the screen that fixes it (settings.get names it).
 */
function idleLockMinutes(store: Store): number {
  try {
    return readSetting(store, sessionSettings, 'idleLockMinutes');
  } catch (error) {
    if (isAppError(error) && error.code === 'SETTINGS_INVALID') return sessionSettings.defaults.idleLockMinutes;
    throw error;
  }
}

type SessionChannels = 'app.status' | 'setup.init' | 'session.unlock' | 'session.unlockWithRecoveryKey' | 'session.databaseKey' | 'session.lock' | 'session.changePassphrase';

export const sessionHandlers: HandlerMap<SessionChannels> = {
  'app.status': (_input, { app }) => {
    const session = app.session;
    return {
      initialized: isInitialized(app.dataDir),
      unlocked: session !== null,
      session,
      idleLockMinutes: session ? idleLockMinutes(app.requireStore()) : sessionSettings.defaults.idleLockMinutes,
      dataDir: app.dataDir,
      notice: session ? null : app.signedOutNotice,
      damagedPages: session ? app.damagedPages : null,
    };
  },

  'setup.init': async (input, { app, now }) => {
    const { store, session, signer, recoveryKey, trustFingerprint } = await initializeDataFolder(app.dataDir, input, app.options, now);
    app.signIn(store, session, signer);
    return { recoveryKey, trustFingerprint, session };
  },

  'session.unlock': async (input, { app, now }) => {
    const { store, session, signer } = await unlockWithPassphrase(app.dataDir, input.username, input.passphrase, app.options, now);
    app.signIn(store, session, signer);
    return session;
  },

  'session.unlockWithRecoveryKey': async (input, { app, now }) => {
    const { store, session, signer } = await unlockWithRecoveryKey(app.dataDir, input.recoveryKey, app.options, now);
    app.signIn(store, session, signer);
    return session;
  },

  'session.databaseKey': (_input, { store, session, now }) => {
    // A staff passphrase opens the data in Paydesk, never the raw key: that takes the recovery key.
    if (!session.recovery) throw new AppError('FORBIDDEN', 'Only a session unlocked with the recovery key may print the database key.');
    recordAudit(store, { actor: session.username, action: 'session.databaseKey', entityType: 'keys' }, now);
    return { databaseKey: store.masterKey.toString('hex') };
  },

  'session.lock': (_input, { app, store, session, now }) => {
    recordAudit(store, { actor: session.username, action: 'session.lock', entityType: 'session' }, now);
    app.signOut({ reason: 'lock' });
    return { done: true };
  },

  'session.changePassphrase': async (input, { app, store, session, signer, now }) => {
    if (session.recovery) throw new AppError('FORBIDDEN', 'The recovery admin has no passphrase; add a staff account instead.');
    if (input.next === input.current) throw new AppError('INVALID_INPUT', 'next: the new passphrase is the current one.', { field: 'next', reason: 'same_as_current' });
    // Wrong guesses here count towards the same lockout as at the unlock screen; the attempt that
    // locks the account also ends the session.
    try {
      (await provePassphrase(store.paths, currentSlots(store), session.username, input.current, now)).masterKey.fill(0);
    } catch (error) {
      if (isAppError(error) && error.code === 'LOCKED_OUT') app.signOut();
      if (isAppError(error) && error.code === 'AUTH_FAILED') throw new AppError('AUTH_FAILED', 'The current passphrase is not right.', { ...error.details, field: 'current' });
      throw error;
    }
    await changeOwnPassphrase(store, signer, input.next, now);
    return { done: true };
  },
};
