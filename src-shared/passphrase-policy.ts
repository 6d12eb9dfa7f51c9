// One policy for the setup wizard's meter, the router and the CLI, so they never disagree.
export const MIN_PASSPHRASE_LENGTH = 12;

// The most common choices that pass a length check (from public breach-frequency lists).
const COMMON_PASSPHRASES = new Set([
  '123456789012', '1234567890123', 'qwertyuiopas', 'qwertyuiop123', 'password1234', 'password12345',
  'passwordpassword', 'iloveyou1234', 'administrator', 'admin1234567', 'welcome12345', 'letmein12345',
  'changeme1234', 'abcdefghijkl', 'aaaaaaaaaaaa', '111111111111', '000000000000', 'qazwsxedcrfv',
  '1q2w3e4r5t6y', 'zaq12wsxcde3', 'trustno11234', 'monkeymonkey', 'dragondragon', 'football1234',
  'baseball1234', 'sunshine1234', 'princess1234', 'superman1234', 'paydesk12345', 'paydeskpaydesk',
  'correcthorsebatterystaple', 'passw0rd1234', 'p@ssw0rd1234', 'woaini123456', 'woaiwojia123',
]);

export type PassphraseProblem = 'too_short' | 'common' | 'repetitive';

export interface PassphraseAssessment {
  /** 0 (unusable) to 4 (strong); the meter shows it, the policy needs at least 2. */
  score: 0 | 1 | 2 | 3 | 4;
  problems: PassphraseProblem[];
  acceptable: boolean;
}

function characterClasses(value: string): number {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];
  return classes.filter((re) => re.test(value)).length;
}

function isRepetitive(value: string): boolean {
  return new Set(value.toLowerCase()).size <= 3;
}

export function assessPassphrase(value: string): PassphraseAssessment {
  const problems: PassphraseProblem[] = [];
  const length = [...value].length;
  if (length < MIN_PASSPHRASE_LENGTH) problems.push('too_short');
  if (COMMON_PASSPHRASES.has(value.toLowerCase())) problems.push('common');
  if (isRepetitive(value)) problems.push('repetitive');

  let score = 0;
  if (length >= 8) score += 1;
  if (length >= MIN_PASSPHRASE_LENGTH) score += 1;
  if (length >= 16) score += 1;
  if (characterClasses(value) >= 3 || length >= 20) score += 1;
  if (problems.length > 0) score = Math.min(score, 1);
  return { score: score as PassphraseAssessment['score'], problems, acceptable: problems.length === 0 };
}
