import { IconButton, Stack, Tooltip, Typography } from '@mui/material';
import ContentCopy from '@mui/icons-material/ContentCopyOutlined';
import Check from '@mui/icons-material/Check';
import { useTranslation } from 'react-i18next';
import { useClipboard } from '../../ui/use-clipboard';
import { DetailRow } from '../../ui/DetailRow';

/** A secret shown once, with its label and a button that copies it (and says whether it could). */
export function CopyableValue({ label, value, copyText = value, testId }: { label: string; value: string; copyText?: string; testId?: string }) {
  const { t } = useTranslation();
  const { state, copy } = useClipboard();
  const tip = state === 'copied' ? t('cards:copy.copied') : state === 'failed' ? t('cards:copy.failed') : t('cards:copy.action', { what: label });
  return (
    <DetailRow label={label}>
      <Stack direction="row" component="span" sx={{ alignItems: 'center', justifyContent: 'flex-end', gap: 0.5 }}>
        <Typography component="span" data-testid={testId} sx={{ fontFamily: '"Roboto Mono", ui-monospace, monospace', fontSize: '1.15rem', letterSpacing: '0.06em', whiteSpace: 'nowrap' }}>
          {value}
        </Typography>
        <Tooltip title={tip}>
          <IconButton size="small" aria-label={t('cards:copy.action', { what: label })} onClick={() => copy(copyText)} color={state === 'copied' ? 'success' : 'default'}>
            {state === 'copied' ? <Check fontSize="small" /> : <ContentCopy fontSize="small" />}
          </IconButton>
        </Tooltip>
      </Stack>
    </DetailRow>
  );
}
