import { Alert, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { VerifyJobResult } from '../../../../src-shared/contract/verify';
import { formatDateTime, joinSentences } from '../../ui/format';
import { TrustFingerprint } from '../../ui/TrustFingerprint';
import { ChainHeads } from './ChainHeads';
import { CheckTable } from './CheckTable';

/** One sentence on the whole run: all passed, or how many failed; when and by whom. */
function VerifySummary({ result }: { result: VerifyJobResult }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const failed = result.checks.filter((check) => !check.ok).length;
  const total = number.format(result.checks.length);
  const outcome = failed === 0 ? t('verify:summary.ok', { total }) : t('verify:summary.failed', { count: failed, total });
  const { certificate } = result;
  const taken = certificate
    ? t('verify:summary.taken', { time: formatDateTime(certificate.takenAt, i18n.language), who: certificate.takenBy })
    : t('verify:summary.noCertificate');
  return (
    <Alert severity={result.ok ? 'success' : 'error'} data-testid="verify-summary">
      {joinSentences([outcome, taken], i18n.language)}
    </Alert>
  );
}

/** The data's trust fingerprint, to compare with the one written down at set-up and with the one this person's key slot trusts. */
function TrustPanel({ fingerprint, trusted }: { fingerprint: string | null; trusted: string | null }) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Typography variant="subtitle1" component="h2">
        {t('verify:trust.title')}
      </Typography>
      {fingerprint === null ? (
        <Typography variant="body2">{t('verify:trust.none')}</Typography>
      ) : (
        <>
          <Typography variant="body2">{t('verify:trust.compare')}</Typography>
          <TrustFingerprint fingerprint={fingerprint} />
          {trusted !== null && trusted !== fingerprint && (
            <Alert severity="error" role="alert">
              {t('verify:trust.mismatch', { data: fingerprint, session: trusted })}
            </Alert>
          )}
        </>
      )}
    </Paper>
  );
}

/**
 * What a finished verify found: the summary, every check, and, when verify got as far as the
 * chains (no damaged page stopped it first, so there is a certificate), their heads and the trust
 * fingerprint.
 */
export function VerifyResult({ result, trustedFingerprint }: { result: VerifyJobResult; trustedFingerprint: string | null }) {
  const chainsRead = result.certificate !== null;
  return (
    <Stack sx={{ gap: 2 }}>
      <VerifySummary result={result} />
      <CheckTable checks={result.checks} />
      {chainsRead && <ChainHeads chains={result.chains} />}
      {chainsRead && <TrustPanel fingerprint={result.trustFingerprint} trusted={trustedFingerprint} />}
    </Stack>
  );
}
