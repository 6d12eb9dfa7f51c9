import { AppError } from '../../src-shared/errors';
import { assessPassphrase } from '../../src-shared/passphrase-policy';

export function assertAcceptablePassphrase(passphrase: string, field = 'passphrase'): void {
  const assessment = assessPassphrase(passphrase);
  if (!assessment.acceptable) {
    throw new AppError('WEAK_PASSPHRASE', `The passphrase is not acceptable: ${assessment.problems.join(', ')}.`, {
      field,
      problems: assessment.problems,
    });
  }
}

/** The recovery admin's name in the audit log and on their staff certificate. */
export const RECOVERY_USERNAME = 'recovery';

/** Names the audit log uses for actors that are not staff accounts. */
export const RESERVED_ACTOR_NAMES = [RECOVERY_USERNAME, 'system'] as const;

export function assertReservedNameFree(username: string): void {
  if ((RESERVED_ACTOR_NAMES as readonly string[]).includes(username)) {
    throw new AppError('INVALID_INPUT', `${username} is reserved for the audit log's own actors.`, { field: 'username' });
  }
}
