import { Button, LinearProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { TemplateButton } from '../TemplateButton';
import { FileDropZone } from './FileDropZone';

interface FileStepProps {
  file: File | null;
  onFile: (file: File) => void;
  currency: string;
  currencies: readonly string[];
  onCurrency: (currency: string) => void;
  checking: boolean;
  error: unknown;
  onCheck: () => void;
}

/** Step 1: the file and the currency it pays in; Check reads every row (a progress bar while a large file is read). */
export function FileStep({ file, onFile, currency, currencies, onCurrency, checking, error, onCheck }: FileStepProps) {
  const { t } = useTranslation();
  return (
    <Stack sx={{ gap: 2 }}>
      <FileDropZone file={file} onFile={onFile} />
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField
          select
          size="small"
          label={t('payouts:import.file.currency')}
          helperText={t('payouts:import.file.currencyHint')}
          value={currencies.includes(currency) ? currency : ''}
          onChange={(event) => onCurrency(event.target.value)}
          sx={{ width: 260 }}
        >
          {currencies.map((code) => (
            <MenuItem key={code} value={code}>
              {code}
            </MenuItem>
          ))}
        </TextField>
        <Typography variant="body2" color="text.secondary" sx={{ flex: '1 1 240px' }}>
          {t('payouts:import.file.templateHint')}
        </Typography>
        <TemplateButton currency={currency} />
      </Stack>
      {checking && (
        <Stack sx={{ gap: 1 }} role="status">
          <Typography variant="body2">{t('payouts:import.file.checking')}</Typography>
          <LinearProgress aria-label={t('payouts:import.file.checking')} />
        </Stack>
      )}
      <ErrorAlert error={error} />
      <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
        <Button variant="contained" onClick={onCheck} disabled={file === null || currency === '' || checking}>
          {t('payouts:import.file.check')}
        </Button>
      </Stack>
    </Stack>
  );
}
