import { Checkbox, ListItemText, MenuItem, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { DateRangeFields, dayRangeQuery } from '../../ui/DateRangeFields';

/** The ledger kinds a wallet's transfers carry (wallet-legs.ts on the main side). */
export const WALLET_KINDS = ['deposit', 'withdrawal', 'payment', 'fee', 'member_transfer', 'reversal'] as const;

export interface HistoryFilterValues {
  currency: string;
  /** yyyy-mm-dd from a date field, or '' */
  from: string;
  to: string;
  kinds: string[];
}

/** A date field's day, as the instants that bound it in local time. */
export function historyQueryFrom(filters: HistoryFilterValues) {
  return {
    currency: filters.currency,
    ...dayRangeQuery(filters),
    ...(filters.kinds.length > 0 ? { kinds: filters.kinds } : {}),
  };
}

export function HistoryFilters({ value, currencies, onChange }: { value: HistoryFilterValues; currencies: string[]; onChange: (next: HistoryFilterValues) => void }) {
  const { t } = useTranslation();
  const set = (key: 'currency') => (event: { target: { value: string } }) => onChange({ ...value, [key]: event.target.value });
  return (
    <Stack direction="row" role="search" aria-label={t('wallets:history.filters')} sx={{ gap: 2, flexWrap: 'wrap' }}>
      {currencies.length > 1 && (
        <TextField select size="small" label={t('wallets:field.currency')} value={value.currency} onChange={set('currency')} sx={{ width: 120 }}>
          {currencies.map((currency) => (
            <MenuItem key={currency} value={currency}>
              {currency}
            </MenuItem>
          ))}
        </TextField>
      )}
      <DateRangeFields value={value} labels={{ from: t('wallets:history.from'), to: t('wallets:history.to') }} width={170} onChange={(range) => onChange({ ...value, ...range })} />
      <TextField
        select
        size="small"
        label={t('wallets:history.kinds')}
        value={value.kinds}
        onChange={(event) => onChange({ ...value, kinds: event.target.value as unknown as string[] })}
        sx={{ minWidth: 220, width: 'auto' }}
        slotProps={{
          select: {
            multiple: true,
            displayEmpty: true,
            renderValue: (selected) => ((selected as string[]).length === 0 ? t('wallets:history.anyKind') : (selected as string[]).map((kind) => t(`wallets:kind.${kind}`)).join(', ')),
          },
          inputLabel: { shrink: true },
        }}
      >
        {WALLET_KINDS.map((kind) => (
          <MenuItem key={kind} value={kind}>
            <Checkbox size="small" checked={value.kinds.includes(kind)} />
            <ListItemText primary={t(`wallets:kind.${kind}`)} />
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
}
