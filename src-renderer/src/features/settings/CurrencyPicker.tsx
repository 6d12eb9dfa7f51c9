import { useMemo } from 'react';
import { Autocomplete, Chip, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { CURRENCY_DIGITS, POINTS_CURRENCY } from '../../../../src-shared/money';

/** The ISO 4217 codes a wallet can hold: every currency Paydesk knows the decimals of, except points. */
const WALLET_CURRENCIES = Object.keys(CURRENCY_DIGITS)
  .filter((code) => code !== POINTS_CURRENCY)
  .sort();

/** "USD" → "US Dollar" / "美元", in the reader's language. */
export function useCurrencyName(): (code: string) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: 'currency' });
    return (code: string) => names.of(code) ?? code;
  }, [i18n.language]);
}

export interface CurrencyPickerProps {
  value: string[];
  onChange: (currencies: string[]) => void;
  onBlur: () => void;
  label: string;
  helperText: string;
  error: boolean;
  readOnly: boolean;
}

/** The enabled currencies as chips of ISO codes; type a code or a name to add one. */
export function CurrencyPicker({ value, onChange, onBlur, label, helperText, error, readOnly }: CurrencyPickerProps) {
  const { t } = useTranslation();
  const currencyName = useCurrencyName();
  return (
    <Autocomplete
      multiple
      disableCloseOnSelect
      readOnly={readOnly}
      options={WALLET_CURRENCIES}
      value={value}
      onChange={(_event, currencies) => onChange(currencies)}
      onBlur={onBlur}
      getOptionLabel={(code) => `${code} — ${currencyName(code)}`}
      noOptionsText={t('settings:currencies.noMatch')}
      renderValue={(codes, getItemProps) =>
        codes.map((code, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} {...itemProps} label={code} title={currencyName(code)} size="small" />;
        })
      }
      renderInput={(params) => <TextField {...params} label={label} helperText={helperText} error={error} />}
      sx={{ maxWidth: 640 }}
    />
  );
}
