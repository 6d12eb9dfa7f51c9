import { Box, IconButton, Stack, Tooltip } from '@mui/material';
import ContentCopy from '@mui/icons-material/ContentCopyOutlined';
import Check from '@mui/icons-material/Check';
import { useTranslation } from 'react-i18next';
import { useClipboard } from '../../ui/use-clipboard';

const MONO = '"Roboto Mono", "DejaVu Sans Mono", Consolas, monospace';

/** A hash cut to its first and last digits (as people compare them), the whole of it on hover. */
export function shortHash(hash: string, keep = 8): string {
  return hash.length <= keep * 2 + 1 ? hash : `${hash.slice(0, keep)}…${hash.slice(-keep)}`;
}

/** A hash in monospace, shortened, with its whole value on hover and a button that copies it whole. */
export function HashText({ value, label, keep }: { value: string; label: string; keep?: number }) {
  const { t } = useTranslation();
  const { state, copy } = useClipboard();
  const tip = state === 'copied' ? t('reports:copy.copied') : state === 'failed' ? t('reports:copy.failed') : t('reports:copy.action', { what: label });
  return (
    <Stack direction="row" component="span" sx={{ alignItems: 'center', gap: 0.25, minWidth: 0 }}>
      <Box component="code" title={value} data-hash={value} sx={{ fontFamily: MONO, fontSize: 13, whiteSpace: 'nowrap' }}>
        {shortHash(value, keep)}
      </Box>
      <Tooltip title={tip}>
        <IconButton
          size="small"
          aria-label={t('reports:copy.action', { what: label })}
          color={state === 'copied' ? 'success' : 'default'}
          onClick={(event) => {
            // In a grid row, a click on the button copies without moving the row's focus.
            event.stopPropagation();
            copy(value);
          }}
        >
          {state === 'copied' ? <Check fontSize="inherit" /> : <ContentCopy fontSize="inherit" />}
        </IconButton>
      </Tooltip>
    </Stack>
  );
}
