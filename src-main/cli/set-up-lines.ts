/** What set-up prints once: the recovery key, and beside it the trust fingerprint to compare later. */
export function setUpSecretsLines(recoveryKey: string, trustFingerprint: string): string[] {
  return [
    'RECOVERY KEY (shown once; store it offline, it opens all data):',
    `  ${recoveryKey}`,
    '',
    'TRUST FINGERPRINT (keep it with the recovery key; Settings, verify and every report show it, and they must match):',
    `  ${trustFingerprint}`,
  ];
}
