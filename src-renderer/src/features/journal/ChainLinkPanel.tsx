import { Alert, Box, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ChainLink } from '../../../../src-shared/contract/journal';
import { DetailRow } from '../../ui/DetailRow';

/** A hash is too long to sit beside its label: the label above, the 64 digits beneath, wrapping anywhere. */
function Hash({ label, value }: { label: string; value: string }) {
  return (
    <>
      <Typography variant="body2" color="text.secondary" component="dt">
        {label}
      </Typography>
      <Box component="dd" sx={{ m: 0, mb: 0.5, fontFamily: 'monospace', fontSize: 12, overflowWrap: 'anywhere' }}>
        {value}
      </Box>
    </>
  );
}

/** The transfer's link in the journal's hash chain, checked again by the main process as it was opened. */
export function ChainLinkPanel({ chain }: { chain: ChainLink }) {
  const { t } = useTranslation();
  const holds = chain.hashMatches && chain.previousMatches;
  return (
    <Stack component="section" aria-label={t('journal:chain.title')} sx={{ gap: 1 }}>
      <Typography variant="subtitle2" component="h3">
        {t('journal:chain.title')}
      </Typography>
      <Alert severity={holds ? 'success' : 'error'} data-testid="chain-status">
        {holds ? t('journal:chain.holds') : [!chain.hashMatches && t('journal:chain.hashDiffers'), !chain.previousMatches && t('journal:chain.previousDiffers', { previous: chain.sequence - 1 })].filter(Boolean).join(' ')}
      </Alert>
      <Box component="dl" sx={{ m: 0, display: 'grid', gap: 0.5 }}>
        <DetailRow label={t('journal:chain.sequence')} dense>
          {t('journal:sequence', { id: chain.sequence })}
        </DetailRow>
        <Hash label={t('journal:chain.hash')} value={chain.hash} />
        <Hash label={t('journal:chain.prevHash')} value={chain.prevHash} />
      </Box>
    </Stack>
  );
}
