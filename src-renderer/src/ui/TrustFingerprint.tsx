import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import ContentCopy from '@mui/icons-material/ContentCopy';
import { useTranslation } from 'react-i18next';
import { useClipboard } from './use-clipboard';

/**
 * The trust fingerprint the signed-in person's keyslot holds (the founding admin's key, to which
 * every role chains), to compare with the one kept from set-up. It is no secret.
 */
export function TrustFingerprint({ fingerprint }: { fingerprint: string }) {
  const { t } = useTranslation();
  const clipboard = useClipboard();
  return (
    <Stack sx={{ gap: 1 }}>
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Box
          component="code"
          data-testid="trust-fingerprint"
          aria-label={t('common:trustFingerprint.title')}
          sx={{ fontFamily: '"Roboto Mono", "DejaVu Sans Mono", Consolas, monospace', fontSize: 16, letterSpacing: 0.5, userSelect: 'all', overflowWrap: 'anywhere' }}
        >
          {fingerprint}
        </Box>
        <Button size="small" variant="outlined" startIcon={<ContentCopy />} onClick={() => clipboard.copy(fingerprint)}>
          {clipboard.state === 'copied' ? t('common:trustFingerprint.copied') : t('common:trustFingerprint.copy')}
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('common:trustFingerprint.explanation')}
      </Typography>
      {clipboard.state === 'failed' && <Alert severity="info">{t('common:trustFingerprint.copyFailed')}</Alert>}
    </Stack>
  );
}
