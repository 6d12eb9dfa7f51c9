import { describe, expect, it } from 'vitest';
import { EXIT, exitCodeFor } from '../../src-main/cli/exit-codes';

// DESIGN.md §8: a refusal by a business rule exits 5, a failed authentication 3.

describe('CLI exit codes', () => {
  it('exits 5 for the counter\'s limits and approvals, and 3 for an approver\'s wrong passphrase', () => {
    for (const code of ['OVER_LIMIT', 'APPROVAL_REQUIRED', 'SELF_APPROVAL', 'APPROVER_NOT_ALLOWED'] as const) expect(exitCodeFor(code), code).toBe(EXIT.refused);
    expect(exitCodeFor('AUTH_FAILED')).toBe(EXIT.auth);
    expect(exitCodeFor('LOCKED_OUT')).toBe(EXIT.auth);
  });
});
