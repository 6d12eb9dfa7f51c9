import { z } from 'zod';
import { ROLE_PERMISSIONS, ROLES, type Permission, type Role } from '../permissions';
import { settingsSection } from './define';
import { minorAmountSchema, perCurrency } from './setting-fields';

// How much one person may move at the counter, and above what a second person must approve.
// Amounts are minor units per currency; a currency left out has no limit / needs no approval.

const COUNTER_PERMISSIONS: readonly Permission[] = ['wallet.deposit', 'wallet.withdraw', 'wallet.pay', 'wallet.transfer'];

/** The roles that take counter operations (deposit, withdrawal, payment, transfer), by the permission matrix. */
export const COUNTER_ROLES = ROLES.filter((role) => ROLE_PERMISSIONS[role].some((p) => COUNTER_PERMISSIONS.includes(p))) as [Role, ...Role[]];

/** The roles whose certified holders may approve another person's operation above the threshold. */
export const APPROVER_ROLES: readonly Role[] = ['finance', 'admin'];

export const counterLimitSettings = settingsSection({
  domain: 'counter',
  schema: z.object({
    /**
     * The largest amount one counter operation (deposit, withdrawal, payment before its fee,
     * transfer) may move, per role and currency, in minor units; above it the operation is
     * refused (OVER_LIMIT). A role or currency left out has no limit. Default: a teller up to
     * CN¥50,000.00 (5,000,000 fen) per operation; admins without a limit.
     */
    operationLimits: z.partialRecord(z.enum(COUNTER_ROLES), perCurrency(minorAmountSchema)),
    /**
     * Per currency, in minor units: an operation or a reversal above this amount needs a second
     * person (finance or admin, not the one operating) to approve it at the same workstation by
     * entering their own passphrase. A currency left out never needs approval. Default: above
     * CN¥10,000.00 (1,000,000 fen).
     */
    approvalThresholds: perCurrency(minorAmountSchema),
  }),
  defaults: { operationLimits: { teller: { CNY: 5_000_000 } }, approvalThresholds: { CNY: 1_000_000 } },
});

export type CounterLimits = z.output<typeof counterLimitSettings.schema>;
