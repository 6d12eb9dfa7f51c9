import { DASHBOARD_EXPIRING_DAYS, DASHBOARD_WAITING_SHOWN, DASHBOARD_WEEKS, type DashboardSummary } from '../../src-shared/contract/dashboard';
import { AppError } from '../../src-shared/errors';
import { can, type Permission, type Role } from '../../src-shared/permissions';
import type { Store } from '../store/store';
import { cardsByState } from './dashboard-cards';
import { membersByTier, newMembersPerWeek } from './dashboard-members';
import { pointsOutstanding, walletLiabilities } from './dashboard-money';
import { batchesWaitingApproval, payoutsSince } from './dashboard-payouts';

// The dashboard answers each role with what that role may read elsewhere: a figure is the sum of
// what its permission shows, so it is computed only when the role holds that permission.

const DAY_MS = 24 * 60 * 60 * 1000;

/** Which permission shows each figure's underlying rows. */
export const DASHBOARD_FIGURE_ACCESS = {
  walletLiabilities: 'ledger.read',
  payoutsThisMonth: 'payouts.read',
  waitingApproval: 'payouts.approve',
  members: 'members.read',
  newMembersPerWeek: 'members.read',
  points: 'reports.ledger',
  cardsByState: 'cards.read',
} as const satisfies Record<Exclude<keyof DashboardSummary, 'at'>, Permission>;

export interface DashboardRequest {
  store: Store;
  role: Role;
  now: Date;
  monthStart?: string;
  weekStart?: string;
}

/** A reader-given boundary: a real instant, not after now (a month or week that has not begun is a mistake). */
function boundary(value: string | undefined, field: string, fallback: Date, now: Date): Date {
  if (value === undefined) return fallback;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new AppError('INVALID_INPUT', `${field} is not a date-time.`, { field });
  if (at.getTime() > now.getTime()) throw new AppError('INVALID_INPUT', `${field} is in the future.`, { field, reason: 'future' });
  return at;
}

function utcMonthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

function utcMondayStart(now: Date): Date {
  const daysSinceMonday = (now.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysSinceMonday));
}

export function dashboardSummary(request: DashboardRequest): DashboardSummary {
  const { store, role, now } = request;
  const may = (figure: keyof typeof DASHBOARD_FIGURE_ACCESS) => can(role, DASHBOARD_FIGURE_ACCESS[figure]);
  const monthStart = boundary(request.monthStart, 'monthStart', utcMonthStart(now), now);
  const weekStart = boundary(request.weekStart, 'weekStart', utcMondayStart(now), now);
  const expiringBy = new Date(now.getTime() + DASHBOARD_EXPIRING_DAYS * DAY_MS);
  // One read transaction: every figure stands at the same moment.
  return store.sqlite.transaction(() => ({
    at: now.toISOString(),
    walletLiabilities: may('walletLiabilities') ? walletLiabilities(store) : null,
    payoutsThisMonth: may('payoutsThisMonth') ? { from: monthStart.toISOString(), rows: payoutsSince(store, monthStart) } : null,
    waitingApproval: may('waitingApproval') ? batchesWaitingApproval(store, DASHBOARD_WAITING_SHOWN) : null,
    members: may('members') ? membersByTier(store) : null,
    newMembersPerWeek: may('newMembersPerWeek') ? newMembersPerWeek(store, weekStart, DASHBOARD_WEEKS) : null,
    points: may('points') ? { ...pointsOutstanding(store, now, expiringBy), expiringBy: expiringBy.toISOString() } : null,
    cardsByState: may('cardsByState') ? cardsByState(store) : null,
  }))();
}
