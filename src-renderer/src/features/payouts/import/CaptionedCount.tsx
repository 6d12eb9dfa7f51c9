import { Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** A count with its caption above it, as CaptionedMoney shows an amount. */
export function CaptionedCount({ label, count, color, testId }: { label: string; count: number; color?: string; testId?: string }) {
  const { i18n } = useTranslation();
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="p">
        {label}
      </Typography>
      <Box component="span" data-testid={testId} sx={{ fontVariantNumeric: 'tabular-nums', color: count > 0 ? color : undefined }}>
        {new Intl.NumberFormat(i18n.language).format(count)}
      </Box>
    </Box>
  );
}
