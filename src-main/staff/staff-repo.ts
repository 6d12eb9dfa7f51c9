import type { Selectable } from 'kysely';
import type { Role } from '../../src-shared/permissions';
import type { StaffMember } from '../../src-shared/contract/staff';
import { AppError } from '../../src-shared/errors';
import type { Store } from '../store/store';
import { selectAll, selectFirst } from '../store/sql';
import { staffSql, type StaffTable } from './tables';
import { lockoutState } from './lockout';

export type StaffRow = Selectable<StaffTable>;

export function findStaff(store: Store, username: string): StaffRow | undefined {
  return selectFirst(store.sqlite, staffSql.selectFrom('staff').selectAll().where('username', '=', username));
}

export function getStaff(store: Store, username: string): StaffRow {
  const row = findStaff(store, username);
  if (!row) throw new AppError('STAFF_NOT_FOUND', `No staff member named ${username}.`, { field: 'username' });
  return row;
}

export function listStaffRows(store: Store): StaffRow[] {
  return selectAll(store.sqlite, staffSql.selectFrom('staff').selectAll().orderBy('username'));
}

export function countActiveAdmins(store: Store): number {
  const query = staffSql
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('status', '=', 'active');
  return selectFirst(store.sqlite, query)!.n;
}

export function toStaffMember(store: Store, row: StaffRow, now = Date.now()): StaffMember {
  const lock = lockoutState(store.paths.lockout, row.username);
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    status: row.status as StaffMember['status'],
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
    failedAttempts: lock.failures,
    lockedUntil: lock.lockedUntil !== null && lock.lockedUntil > now ? new Date(lock.lockedUntil).toISOString() : null,
  };
}

/** Audit summary of a staff row: who, which role, which status. Never a passphrase. */
export function staffSummary(row: StaffRow) {
  return { username: row.username, displayName: row.display_name, role: row.role, status: row.status };
}
