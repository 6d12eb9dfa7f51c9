import { useState } from 'react';
import { Alert, Box, Button, Checkbox, FormControlLabel, GlobalStyles, Paper, Stack, Typography } from '@mui/material';
import ContentCopy from '@mui/icons-material/ContentCopy';
import Download from '@mui/icons-material/Download';
import Print from '@mui/icons-material/Print';
import { useTranslation } from 'react-i18next';

const PRINT_CLASS = 'recovery-key-print';

// When printing, only the key block is on the page.
const printStyles = {
  '@media print': {
    'body *': { visibility: 'hidden' },
    [`.${PRINT_CLASS}, .${PRINT_CLASS} *`]: { visibility: 'visible' },
    [`.${PRINT_CLASS}`]: { position: 'absolute', top: 0, left: 0, width: '100%' },
  },
};

function saveAsText(recoveryKey: string, heading: string): void {
  const blob = new Blob([`${heading}\n\n${recoveryKey}\n`], { type: 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = 'paydesk-recovery-key.txt';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The recovery key, shown once (setup and rekey). Moving on needs the "I have stored it" tick. */
export function RecoveryKeyPanel({ recoveryKey, continueLabel, onContinue }: { recoveryKey: string; continueLabel: string; onContinue: () => void }) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  // Four groups to a line; copied or typed back, it still unlocks (case, spaces and dashes are ignored).
  const groups = recoveryKey.split('-');
  const lines = [0, 4, 8, 12].map((start) => groups.slice(start, start + 4).join('-'));

  const copyKey = () => {
    navigator.clipboard.writeText(recoveryKey).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };

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
          sx={{ fontFamily: '"Roboto Mono", "DejaVu Sans Mono", Consolas, monospace', fontSize: { xs: 18, sm: 24 }, letterSpacing: 1, m: 0, userSelect: 'all', lineHeight: 1.6 }}
        >
          {lines.join('\n')}
        </Box>
      </Paper>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
        <Button variant="outlined" startIcon={<ContentCopy />} onClick={copyKey}>
          {copy === 'copied' ? t('common:recoveryKey.copied') : t('common:recoveryKey.copy')}
        </Button>
        <Button variant="outlined" startIcon={<Download />} onClick={() => saveAsText(recoveryKey, t('common:recoveryKey.fileHeading'))}>
          {t('common:recoveryKey.save')}
        </Button>
        <Button variant="outlined" startIcon={<Print />} onClick={() => window.print()}>
          {t('common:recoveryKey.print')}
        </Button>
      </Stack>
      {copy === 'failed' && <Alert severity="info">{t('common:recoveryKey.copyFailed')}</Alert>}
      <FormControlLabel control={<Checkbox checked={stored} onChange={(event) => setStored(event.target.checked)} />} label={t('common:recoveryKey.stored')} />
      <Box>
        <Button variant="contained" size="large" disabled={!stored} onClick={onContinue}>
          {continueLabel}
        </Button>
      </Box>
    </Stack>
  );
}
