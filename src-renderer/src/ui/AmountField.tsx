import { InputAdornment, TextField, type TextFieldProps } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../src-shared/errors';
import { minorDigits, parseAmount } from '../../../src-shared/money';
import { useFormatMoney } from './Money';

/** What the typed text is worth: minor units, or why it is not an amount (parseAmount's reason). */
export type AmountCheck = { minor: number; problem: null } | { minor: null; problem: string };

/** The one way typed text becomes money on the screens: the shared parseAmount, nothing else. */
export function checkAmount(text: string, currency: string): AmountCheck {
  try {
    return { minor: parseAmount(text, currency), problem: null };
  } catch (error) {
    if (error instanceof AppError && error.code === 'AMOUNT_INVALID') return { minor: null, problem: String(error.details?.reason ?? 'not_a_number') };
    throw error;
  }
}

export type AmountFieldProps = Omit<TextFieldProps, 'value' | 'onChange' | 'error' | 'type'> & {
  currency: string;
  value: string;
  onValueChange: (text: string) => void;
  /** Show the parse problem (after a blur or a submit), rather than while the first digit is typed. */
  showProblem: boolean;
  /** A refusal from the main process to show instead of the parse result. */
  serverError?: string | null;
};

/**
 * A money amount typed as text. Below it: what the text is worth in the locale's format, or why
 * it is not an amount, in the reader's language.
 */
export function AmountField({ currency, value, onValueChange, showProblem, serverError, slotProps, ...rest }: AmountFieldProps) {
  const { t } = useTranslation();
  const format = useFormatMoney();
  const check = checkAmount(value, currency);
  const problem = check.problem !== null && showProblem ? t(`wallets:amount.problem.${check.problem}`, { currency, digits: minorDigits(currency) }) : null;
  const worth = check.minor !== null ? format(check.minor, currency) : ' ';
  return (
    <TextField
      {...rest}
      value={value}
      onChange={(event) => onValueChange(event.target.value)}
      error={Boolean(serverError ?? problem)}
      helperText={serverError ?? problem ?? worth}
      autoComplete="off"
      slotProps={{
        ...slotProps,
        htmlInput: { inputMode: 'decimal', spellCheck: false, style: { fontVariantNumeric: 'tabular-nums' } },
        input: { endAdornment: <InputAdornment position="end">{currency}</InputAdornment> },
      }}
    />
  );
}
