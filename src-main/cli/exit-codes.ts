import type { ErrorCode } from '../../src-shared/errors';

// DESIGN.md §8: 0 ok, 1 violations, 2 usage, 3 authentication, 4 damaged data, 5 refused by a rule.
export const EXIT = { ok: 0, violations: 1, usage: 2, auth: 3, damaged: 4, refused: 5 } as const;

const BY_CODE: Partial<Record<ErrorCode, number>> = {
  INVALID_INPUT: EXIT.usage,
  AUTH_FAILED: EXIT.auth,
  LOCKED_OUT: EXIT.auth,
  STAFF_DISABLED: EXIT.auth,
  NOT_CERTIFIED: EXIT.auth,
  TRUST_BROKEN: EXIT.violations,
  LOCKED: EXIT.auth,
  DATA_DAMAGED: EXIT.damaged,
  SCHEMA_TOO_NEW: EXIT.damaged,
  NOT_INITIALIZED: EXIT.damaged,
  BACKUP_INVALID: EXIT.damaged,
  INTERNAL: EXIT.damaged,
};

export function exitCodeFor(code: ErrorCode): number {
  return BY_CODE[code] ?? EXIT.refused;
}
