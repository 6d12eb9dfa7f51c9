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
