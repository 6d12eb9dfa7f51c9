import { isDeepStrictEqual } from 'node:util';
import { AppError, type ErrorCode } from '../../src-shared/errors';
import type { VerifyReport } from '../../src-shared/contract/verify';
import type { InspectCopy } from '../store/backup';
import type { Store } from '../store/store';
import { verifyStore } from './index';

// What a copy of the database (backup, rekey, restore) must satisfy, in terms of `verify`:
// every domain's invariants and chain heads, not only SQLite's own checks.

/**
 * A copy must verify exactly as the live data does now: same checks, same chain heads. `expected`
 * is the live data's report when the caller has just taken it (a backup's certificate).
 */
export function sameAsLive(live: Store, code: ErrorCode, expected: VerifyReport = verifyStore(live)): InspectCopy {
  return (copy) => {
    const actual = verifyStore(copy);
    if (!isDeepStrictEqual(actual, expected)) {
      const differing = actual.checks.find((check, i) => !isDeepStrictEqual(check, expected.checks[i]));
      throw new AppError(code, `The copy does not verify like the live data${differing ? ` (${differing.name}: ${differing.detail})` : ''}; it was not kept.`);
    }
  };
}

/** A backup is restored only when it verifies clean; the first violation is named. */
export function verifiesClean(path: string): InspectCopy {
  return (copy) => {
    const failed = verifyStore(copy).checks.find((check) => !check.ok);
    if (failed) {
      throw new AppError('BACKUP_INVALID', `${path} fails ${failed.name}: ${failed.detail}.`, {
        field: 'path',
        check: failed.name,
        firstViolation: failed.firstViolation,
      });
    }
  };
}
