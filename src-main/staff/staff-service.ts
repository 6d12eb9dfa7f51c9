import type { Role } from '../../src-shared/permissions';
import { AppError } from '../../src-shared/errors';
import type { StaffMember } from '../../src-shared/contract/staff';
import type { Store } from '../store/store';
import { execute } from '../store/sql';
import { clearFailedUnlocks } from './lockout';
import { recordAudit } from '../audit/record-audit';
import { assertAcceptablePassphrase, assertReservedNameFree } from './passphrase';
import { countActiveAdmins, findStaff, getStaff, listStaffRows, staffSummary, toStaffMember } from './staff-repo';
import { createSlotFor, dropSlot, putSlot } from './keyslot-edits';
import { staffSql } from './tables';
import { newSigningIdentity, type Signer } from '../trust/signer';
import { certificateBook, issueCertificate, type CertificateFields, type CertificateStatus } from '../trust/staff-certificates';

// Staff changes touch two files: the staff table (with its audit row) and keyslots.json. The
// keyslot file is written inside the database transaction, so a failed write rolls the row back;
// a slot left without a row (crash after the write) cannot unlock, because unlock checks the row.

export interface NewStaff {
  username: string;
  displayName: string;
  role: Role;
  passphrase: string;
}

export function listStaff(store: Store): StaffMember[] {
  return listStaffRows(store).map((row) => toStaffMember(store, row));
}

export async function addStaff(store: Store, admin: Signer, input: NewStaff, now = new Date()): Promise<StaffMember> {
  const actor = admin.username;
  assertReservedNameFree(input.username);
  if (findStaff(store, input.username)) throw new AppError('STAFF_EXISTS', `${input.username} already exists.`, { field: 'username' });
  assertAcceptablePassphrase(input.passphrase);
  const identity = newSigningIdentity(admin.trustFingerprint);
  const slot = await createSlotFor(store, input.username, input.passphrase, identity);
  const row = store.sqlite.transaction(() => {
    if (findStaff(store, input.username)) throw new AppError('STAFF_EXISTS', `${input.username} already exists.`, { field: 'username' });
    const at = now.toISOString();
    execute(
      store.sqlite,
      staffSql.insertInto('staff').values({ username: input.username, display_name: input.displayName, role: input.role, status: 'active', created_at: at, updated_at: at }),
    );
    const created = getStaff(store, input.username);
    recordAudit(store, { actor, action: 'staff.add', entityType: 'staff', entityId: input.username, after: staffSummary(created) }, now);
    issueCertificate(store, admin, { username: input.username, role: input.role, status: 'active', publicKey: identity.publicKey }, now);
    putSlot(store, slot);
    return created;
  }).immediate();
  return toStaffMember(store, row);
}

export function disableStaff(store: Store, admin: Signer, username: string, now = new Date()): StaffMember {
  const actor = admin.username;
  const row = store.sqlite.transaction(() => {
    const before = getStaff(store, username);
    if (before.status === 'disabled') return before;
    if (before.role === 'admin' && countActiveAdmins(store) <= 1) {
      throw new AppError('LAST_ADMIN', 'The last active admin cannot be disabled.', { field: 'username' });
    }
    execute(store.sqlite, staffSql.updateTable('staff').set({ status: 'disabled', updated_at: now.toISOString() }).where('id', '=', before.id));
    const after = getStaff(store, username);
    recordAudit(store, { actor, action: 'staff.disable', entityType: 'staff', entityId: username, before: staffSummary(before), after: staffSummary(after) }, now);
    recertify(store, admin, username, { status: 'disabled' }, now);
    dropSlot(store, username);
    return after;
  }).immediate();
  return toStaffMember(store, row);
}

/** A new role for an active person: their row, an audit row, and a certificate the admin signs. */
export function changeRole(store: Store, admin: Signer, username: string, role: Role, now = new Date()): StaffMember {
  const row = store.sqlite.transaction(() => {
    const before = getStaff(store, username);
    if (before.status !== 'active') throw new AppError('STAFF_DISABLED', `${username} is disabled.`, { field: 'username' });
    if (before.role === role) return before;
    if (before.role === 'admin' && countActiveAdmins(store) <= 1) {
      throw new AppError('LAST_ADMIN', 'The last active admin cannot be disabled or demoted.', { field: 'role' });
    }
    execute(store.sqlite, staffSql.updateTable('staff').set({ role, updated_at: now.toISOString() }).where('id', '=', before.id));
    const after = getStaff(store, username);
    recordAudit(store, { actor: admin.username, action: 'staff.changeRole', entityType: 'staff', entityId: username, before: staffSummary(before), after: staffSummary(after) }, now);
    recertify(store, admin, username, { role }, now);
    return after;
  }).immediate();
  return toStaffMember(store, row);
}

/**
 * A disabled person back: disabling removed their keyslot, so they get a new passphrase and a new
 * signing key, certified active with the role they had.
 */
export async function enableStaff(store: Store, admin: Signer, username: string, passphrase: string, now = new Date()): Promise<StaffMember> {
  const target = getStaff(store, username);
  if (target.status === 'active') return toStaffMember(store, target);
  assertAcceptablePassphrase(passphrase);
  const identity = newSigningIdentity(admin.trustFingerprint);
  const slot = await createSlotFor(store, username, passphrase, identity);
  const row = store.sqlite.transaction(() => {
    const before = getStaff(store, username);
    if (before.status === 'active') return before;
    execute(store.sqlite, staffSql.updateTable('staff').set({ status: 'active', updated_at: now.toISOString() }).where('id', '=', before.id));
    const after = getStaff(store, username);
    recordAudit(store, { actor: admin.username, action: 'staff.enable', entityType: 'staff', entityId: username, before: staffSummary(before), after: staffSummary(after) }, now);
    recertify(store, admin, username, { status: 'active', publicKey: identity.publicKey }, now);
    putSlot(store, slot);
    return after;
  }).immediate();
  clearFailedUnlocks(store.paths.lockout, username);
  return toStaffMember(store, row);
}

/**
 * A new certificate for `username` with some fields changed, signed by `admin`: the role and
 * status are the person's current certificate's (the staff row is only a copy of them).
 */
function recertify(store: Store, admin: Signer, username: string, change: Partial<CertificateFields>, now: Date): void {
  const current = certificateBook(store).current.get(username);
  if (!current) throw new AppError('NOT_CERTIFIED', `${username} holds no staff certificate to renew.`, { field: 'username' });
  issueCertificate(store, admin, { username, role: current.role as Role, status: current.status as CertificateStatus, publicKey: current.public_key, ...change }, now);
}

/**
 * An admin sets a new passphrase for someone (who forgot theirs); it also lifts a lockout. The
 * person gets a new signing key too, certified by the admin: the old one was sealed under the
 * passphrase they lost.
 */
export async function resetPassphrase(store: Store, admin: Signer, username: string, passphrase: string, now = new Date()): Promise<StaffMember> {
  const target = getStaff(store, username);
  if (target.status !== 'active') throw new AppError('STAFF_DISABLED', `${username} is disabled.`, { field: 'username' });
  assertAcceptablePassphrase(passphrase);
  const identity = newSigningIdentity(admin.trustFingerprint);
  const slot = await createSlotFor(store, username, passphrase, identity);
  store.sqlite.transaction(() => {
    recordAudit(store, { actor: admin.username, action: 'staff.resetPassphrase', entityType: 'staff', entityId: username }, now);
    // A person from before signatures has no certificate yet: this issues their first, with the staff row's role.
    const current = certificateBook(store).current.get(username);
    issueCertificate(store, admin, { username, role: (current?.role ?? target.role) as Role, status: 'active', publicKey: identity.publicKey }, now);
    putSlot(store, slot);
  }).immediate();
  clearFailedUnlocks(store.paths.lockout, username);
  return toStaffMember(store, getStaff(store, username));
}

/** The same signing key, sealed under the new passphrase: no certificate changes. */
export async function changeOwnPassphrase(store: Store, self: Signer, next: string, now = new Date()): Promise<void> {
  assertAcceptablePassphrase(next, 'next');
  const slot = await createSlotFor(store, self.username, next, self.identity);
  store.sqlite.transaction(() => {
    recordAudit(store, { actor: self.username, action: 'session.changePassphrase', entityType: 'staff', entityId: self.username }, now);
    putSlot(store, slot);
  }).immediate();
}
