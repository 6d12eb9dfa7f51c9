import { AppError } from '../../src-shared/errors';
import { formatAmount } from '../../src-shared/money';
import type { Role } from '../../src-shared/permissions';
import { counterLimitSettings } from '../../src-shared/settings/counter-limits';
import { readSetting } from '../settings/settings-service';
import type { Store } from '../store/store';
import type { Approver } from './receipts';

// Limits at the counter (issue 8). Two rules, both settings per currency in minor units:
// - OVER_LIMIT: no operation above the operator's role limit (settings.operationLimits), even
//   approved; a larger amount is split or taken by someone whose role allows it;
// - APPROVAL_REQUIRED: an operation or a reversal above the approval threshold
//   (settings.approvalThresholds) needs a second person's approval, proven by their passphrase
//   before the operation's transaction starts (counter-approval.ts).
// Both are checked inside the operation's transaction, so what is posted obeys the settings as
// they stand when it commits.

/**
 * What stands between an operator and the counter's limits. `counter`: a person at the counter,
 * with their certified role and the approver they brought; `preview` is a dry run, which answers
 * `approvalRequired` instead of refusing. `demo`: Paydesk seeding demo history, where no person
 * stands at a counter.
 */
export type CounterClearance = { at: 'counter'; role: Role; approver: Approver | null; preview: boolean } | { at: 'demo' };

export const DEMO_HISTORY: CounterClearance = { at: 'demo' };

/** What the checks decided: who approved (for the receipt and the audit), and whether a preview still needs approval. */
export interface Cleared {
  approver: Approver | null;
  approvalRequired: boolean;
}

const NOTHING_TO_APPROVE: Cleared = { approver: null, approvalRequired: false };

/** The approval threshold of a currency, or null when no amount in it needs approval. */
function approvalThreshold(store: Store, currency: string): number | null {
  return readSetting(store, counterLimitSettings, 'approvalThresholds')[currency] ?? null;
}

/** Refuses an amount above the role's limit in the currency with OVER_LIMIT, stating the limit. */
function assertWithinRoleLimit(store: Store, role: Role, currency: string, amount: number): void {
  const limits = readSetting(store, counterLimitSettings, 'operationLimits') as Partial<Record<Role, Partial<Record<string, number>>>>;
  const limit = limits[role]?.[currency];
  if (limit === undefined || amount <= limit) return;
  throw new AppError('OVER_LIMIT', `A ${role} may take at most ${formatAmount(limit, currency, 'en')} in one operation.`, { field: 'amount', limit, currency, role });
}

/**
 * The approval an amount above the threshold needs: the approver who gave it, or in a preview the
 * note that it is still to come; in a real operation without it, APPROVAL_REQUIRED.
 */
export function requireApproval(store: Store, clearance: CounterClearance, currency: string, amount: number): Cleared {
  if (clearance.at === 'demo') return NOTHING_TO_APPROVE;
  const threshold = approvalThreshold(store, currency);
  const needed = threshold !== null && amount > threshold;
  if (!needed || clearance.approver) return { approver: clearance.approver, approvalRequired: false };
  if (clearance.preview) return { approver: null, approvalRequired: true };
  throw new AppError('APPROVAL_REQUIRED', `Above ${formatAmount(threshold, currency, 'en')} a second person (finance or admin) must approve.`, {
    field: 'approval',
    threshold,
    currency,
  });
}

/** A counter operation (deposit, withdrawal, payment, transfer): the role limit, then the approval. */
export function clearCounterOperation(store: Store, clearance: CounterClearance, currency: string, amount: number): Cleared {
  if (clearance.at === 'counter') assertWithinRoleLimit(store, clearance.role, currency, amount);
  return requireApproval(store, clearance, currency, amount);
}
