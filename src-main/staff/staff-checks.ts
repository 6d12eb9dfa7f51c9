import { auditRecords, compareWithReplay, FirstFault } from '../audit/audit-replay';
import type { Verifier } from '../integrity/verifier';
import type { StaffRow } from './staff-repo';

// The staff table against the audit log. Every change to a staff row is audited in the same
// transaction (set-up, staff.add, staff.disable, staff.changeRole, staff.enable, and each
// sign-in's last_login_at), so replaying
// those rows gives every column of every row: ids follow the order people were added (rows are
// disabled, never deleted), and a role, status or person that the log never recorded is named.
// Folders set up before set-up recorded the founding admin's display name have a set-up row
// without it; that one value is then left unchecked.

interface ExpectedStaff {
  id: number;
  username: string;
  displayName: string | undefined;
  role: unknown;
  status: unknown;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
}

const CREATED = ['setup.init', 'staff.add'];

function replayStaff(store: Parameters<Verifier['run']>[0]): Map<string, ExpectedStaff> {
  const expected = new Map<string, ExpectedStaff>();
  for (const record of auditRecords(store.sqlite, ['setup.init', 'staff.add', 'staff.disable', 'staff.changeRole', 'staff.enable', 'session.unlock'])) {
    if (record.action === 'session.unlock') {
      const person = expected.get(record.actor);
      if (person) person.lastLoginAt = record.at;
      continue;
    }
    const after = record.after ?? {};
    const username = record.entityId ?? '';
    if (CREATED.includes(record.action)) {
      expected.set(username, {
        id: expected.size + 1,
        username,
        displayName: typeof after.displayName === 'string' ? after.displayName : undefined,
        role: after.role,
        status: after.status ?? 'active',
        createdAt: record.at,
        updatedAt: record.at,
        // Set-up signs the first admin in at once.
        lastLoginAt: record.action === 'setup.init' ? record.at : null,
      });
      continue;
    }
    const person = expected.get(username);
    if (!person) continue;
    Object.assign(person, { role: after.role, status: after.status, updatedAt: record.at });
  }
  return expected;
}

function differs(row: StaffRow, person: ExpectedStaff): string | null {
  if (row.id !== person.id) return 'id';
  if (person.displayName !== undefined && row.display_name !== person.displayName) return 'display_name';
  if (row.role !== person.role) return 'role';
  if (row.status !== person.status) return 'status';
  if (row.created_at !== person.createdAt) return 'created_at';
  if (row.updated_at !== person.updatedAt) return 'updated_at';
  if (row.last_login_at !== person.lastLoginAt) return 'last_login_at';
  return null;
}

export const staffVerifier: Verifier = {
  domain: 'staff',
  run(store) {
    const expected = replayStaff(store);
    const rows = store.sqlite.prepare('SELECT * FROM staff ORDER BY id').all() as StaffRow[];
    const fault = new FirstFault();
    compareWithReplay(fault, rows, expected, {
      table: 'staff',
      key: (row) => row.username,
      id: (row) => row.id,
      expectedId: (_username, person) => person.id,
      unknown: (username) => `staff ${username} was never added through Paydesk`,
      differs: (row, person) => {
        const column = differs(row, person);
        return column === null ? null : `staff ${row.username}'s ${column} differs from the audit log`;
      },
      missing: (username) => `staff ${username}, added in the audit log, is missing`,
    });
    const counts = { staff: rows.length, audited: expected.size };
    return { checks: [fault.result('staff.audited', `${rows.length} staff, each as the audit log recorded them`, counts)] };
  },
};
