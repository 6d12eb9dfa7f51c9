import { useCallback } from 'react';
import { Box, Typography, type SxProps, type Theme } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatAmount } from '../../../src-shared/money';

/** `format(minor, currency)` in the reader's locale: the one way the screens turn minor units into text. */
export function useFormatMoney(): (minor: number, currency: string) => string {
  const { i18n } = useTranslation();
  return useCallback((minor: number, currency: string) => formatAmount(minor, currency, i18n.language), [i18n.language]);
}

export interface MoneyProps {
  minor: number;
  currency: string;
  /** 'in' prints a plus and 'out' a minus before the amount, coloured as money arriving or leaving. */
  direction?: 'in' | 'out';
  sx?: SxProps<Theme>;
}

/** An amount as the router sent it (integer minor units), formatted, never computed. */
export function Money({ minor, currency, direction, sx }: MoneyProps) {
  const format = useFormatMoney();
  const sign = direction === 'in' ? '+' : direction === 'out' ? '−' : '';
  const color = direction === 'in' ? 'success.main' : direction === 'out' ? 'text.primary' : undefined;
  return (
    <Box component="span" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', color, ...sx }}>
      {sign}
      {format(minor, currency)}
    </Box>
  );
}

/** A secondary amount with its caption above it, as the wallet and trial-balance cards list them. */
export function CaptionedMoney({ label, minor, currency }: { label: string; minor: number; currency: string }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="p">
        {label}
      </Typography>
      <Money minor={minor} currency={currency} />
    </Box>
  );
}
