import { useState } from 'react';
import { Alert, Box, Button, Checkbox, Divider, FormControlLabel, GlobalStyles, Paper, Stack, Typography } from '@mui/material';
import ContentCopy from '@mui/icons-material/ContentCopy';
import Download from '@mui/icons-material/Download';
import Print from '@mui/icons-material/Print';
import { useTranslation } from 'react-i18next';
import { useClipboard } from './use-clipboard';

const PRINT_CLASS = 'recovery-key-print';
const MONOSPACE = '"Roboto Mono", "DejaVu Sans Mono", Consolas, monospace';

// When printing, only the key block (with the trust fingerprint, if shown) is on the page.
const printStyles = {
  '@media print': {
    'body *': { visibility: 'hidden' },
    [`.${PRINT_CLASS}, .${PRINT_CLASS} *`]: { visibility: 'visible' },
    [`.${PRINT_CLASS}`]: { position: 'absolute', top: 0, left: 0, width: '100%' },
  },
};

function saveAsText(paragraphs: string[]): void {
  const blob = new Blob([`${paragraphs.join('\n\n')}\n`], { type: 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = 'paydesk-recovery-key.txt';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export interface RecoveryKeyPanelProps {
  recoveryKey: string;
  /** Set-up's trust fingerprint: printed and saved with the key, as the paper to compare with later. */
  trustFingerprint?: string;
  continueLabel: string;
  onContinue: () => void;
}

/** The recovery key, shown once (setup and rekey). Moving on needs the "I have stored it" tick. */
export function RecoveryKeyPanel({ recoveryKey, trustFingerprint, continueLabel, onContinue }: RecoveryKeyPanelProps) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  const keyCopy = useClipboard();
  const fingerprintCopy = useClipboard();
  // Four groups to a line; copied or typed back, it still unlocks (case, spaces and dashes are ignored).
  const groups = recoveryKey.split('-');
  const lines = [0, 4, 8, 12].map((start) => groups.slice(start, start + 4).join('-'));

  const fingerprintParagraphs = trustFingerprint ? [`${t('common:trustFingerprint.title')}. ${t('common:trustFingerprint.explanation')}`, trustFingerprint] : [];

  return (
    <Stack sx={{ gap: 2 }}>
      <GlobalStyles styles={printStyles} />
      <Alert severity="warning">{t('common:recoveryKey.warning')}</Alert>
      <Paper variant="outlined" className={PRINT_CLASS} sx={{ p: 3, textAlign: 'center' }}>
        <Typography variant="overline" component="p">
          {t('common:recoveryKey.title')}
        </Typography>
        <Box
          component="pre"
          data-testid="recovery-key"
          aria-label={t('common:recoveryKey.title')}
          sx={{ fontFamily: MONOSPACE, fontSize: { xs: 18, sm: 24 }, letterSpacing: 1, m: 0, userSelect: 'all', lineHeight: 1.6 }}
        >
          {lines.join('\n')}
        </Box>
        {trustFingerprint && (
          <>
            <Divider sx={{ my: 2 }} />
            <Typography variant="overline" component="p">
              {t('common:trustFingerprint.title')}
            </Typography>
            <Box
              component="code"
              data-testid="trust-fingerprint"
              aria-label={t('common:trustFingerprint.title')}
              sx={{ fontFamily: MONOSPACE, fontSize: { xs: 14, sm: 18 }, letterSpacing: 0.5, userSelect: 'all', overflowWrap: 'anywhere' }}
            >
              {trustFingerprint}
            </Box>
          </>
        )}
      </Paper>
      {trustFingerprint && (
        <Typography variant="body2" color="text.secondary">
          {t('common:trustFingerprint.explanation')}
        </Typography>
      )}
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
        <Button variant="outlined" startIcon={<ContentCopy />} onClick={() => keyCopy.copy(recoveryKey)}>
          {keyCopy.state === 'copied' ? t('common:recoveryKey.copied') : t('common:recoveryKey.copy')}
        </Button>
        {trustFingerprint && (
          <Button variant="outlined" startIcon={<ContentCopy />} onClick={() => fingerprintCopy.copy(trustFingerprint)}>
            {fingerprintCopy.state === 'copied' ? t('common:trustFingerprint.copied') : t('common:trustFingerprint.copy')}
          </Button>
        )}
        <Button variant="outlined" startIcon={<Download />} onClick={() => saveAsText([t('common:recoveryKey.fileHeading'), recoveryKey, ...fingerprintParagraphs])}>
          {t('common:recoveryKey.save')}
        </Button>
        <Button variant="outlined" startIcon={<Print />} onClick={() => window.print()}>
          {t('common:recoveryKey.print')}
        </Button>
      </Stack>
      {keyCopy.state === 'failed' && <Alert severity="info">{t('common:recoveryKey.copyFailed')}</Alert>}
      {fingerprintCopy.state === 'failed' && <Alert severity="info">{t('common:trustFingerprint.copyFailed')}</Alert>}
      <FormControlLabel control={<Checkbox checked={stored} onChange={(event) => setStored(event.target.checked)} />} label={t('common:recoveryKey.stored')} />
      <Box>
        <Button variant="contained" size="large" disabled={!stored} onClick={onContinue}>
          {continueLabel}
        </Button>
      </Box>
    </Stack>
  );
}
