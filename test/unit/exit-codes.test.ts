import { describe, expect, it } from 'vitest';
import { EXIT, exitCodeFor } from '../../src-main/cli/exit-codes';

// DESIGN.md §8: a refusal by a business rule exits 5, a failed authentication 3.

describe('CLI exit codes', () => {
  it('exits 5 for the counter\'s limits and approvals, and 3 for an approver\'s wrong passphrase', () => {
    for (const code of ['OVER_LIMIT', 'APPROVAL_REQUIRED', 'SELF_APPROVAL', 'APPROVER_NOT_ALLOWED'] as const) expect(exitCodeFor(code), code).toBe(EXIT.refused);
    expect(exitCodeFor('AUTH_FAILED')).toBe(EXIT.auth);
    expect(exitCodeFor('LOCKED_OUT')).toBe(EXIT.auth);
  });

  it('exits 5 for every refusal of a payout batch step: self-approval, a second approval, stale content, funding, state', () => {
    const refusals = [
      'SELF_APPROVAL_FORBIDDEN', 'ALREADY_APPROVED', 'APPROVAL_STALE', 'INSUFFICIENT_FUNDING', 'PAYOUT_STATE_INVALID', 'PAYOUT_TOTALS_CHANGED',
      'PAYOUT_NOTHING_TO_PAY', 'PAYOUT_BATCH_NOT_FOUND', 'PAYOUT_ITEM_NOT_FOUND', 'PAYOUT_ITEM_STATE_INVALID',
    ] as const;
    for (const code of refusals) expect(exitCodeFor(code), code).toBe(EXIT.refused);
  });
});
