import { recordAudit } from '../audit/record-audit';
import type { DueTask } from '../jobs/due-tasks';
import { inLedgerTransaction } from '../ledger';
import { perConnection } from '../store/sql';
import type { Store } from '../store/store';
import { writePointsDebit } from './point-debits';
import { findPointsAccountId } from './points-account';

// Lots past their expiry lose what remains in them, and only that: one transfer per member from
// their points account to points expired, whose lineage names each lot. A lot that was spent
// from keeps what it gave; a later lot is untouched. Registered as a due task: it runs at
// sign-in, every minute while the data is open, and with `paydesk jobs run`.

const expiryStatements = perConnection((sqlite) => ({
  due: sqlite.prepare<[string], { id: number; member_id: number; remaining: number }>(
    `SELECT id, member_id, remaining FROM point_lots WHERE expires_at <= ? AND remaining > 0 AND expires_at IS NOT NULL ORDER BY member_id, id`,
  ),
}));

interface MemberExpiry {
  memberId: number;
  lots: { lotId: number; points: number }[];
  points: number;
}

function dueByMember(store: Store, at: string): MemberExpiry[] {
  const members: MemberExpiry[] = [];
  for (const lot of expiryStatements(store.sqlite).due.iterate(at)) {
    let current = members[members.length - 1];
    if (current?.memberId !== lot.member_id) members.push((current = { memberId: lot.member_id, lots: [], points: 0 }));
    current.lots.push({ lotId: lot.id, points: lot.remaining });
    current.points += lot.remaining;
  }
  return members;
}

/** Expires every lot due at `now`, in one transaction, audited once with the counts. */
export function expireDueLots(store: Store, actor: string, now: Date): { members: number; lots: number; points: number } {
  return inLedgerTransaction(store, (writer) => {
    const at = now.toISOString();
    const members = dueByMember(store, at);
    if (members.length === 0) return { members: 0, lots: 0, points: 0 };
    let lots = 0;
    let points = 0;
    for (const member of members) {
      writePointsDebit(store, writer, {
        account: findPointsAccountId(store, member.memberId)!,
        to: 'points_expired',
        kind: 'points_expire',
        move: 'expire',
        rule: null,
        detail: null,
        key: `points:expire:${member.memberId}:${member.lots[0]!.lotId}:${at}`,
        actor,
        at: now,
        plan: member.lots,
      });
      lots += member.lots.length;
      points += member.points;
    }
    recordAudit(store, { actor, action: 'points.expireLots', entityType: 'points', after: { members: members.length, lots, points } }, now);
    return { members: members.length, lots, points };
  });
}

export const lotExpiryTask: DueTask = {
  name: 'points.expireLots',
  run: (store, actor, now) => expireDueLots(store, actor, now),
};
