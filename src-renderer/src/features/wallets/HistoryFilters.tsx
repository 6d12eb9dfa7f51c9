import { Checkbox, ListItemText, MenuItem, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';

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
    ...(filters.from ? { from: new Date(`${filters.from}T00:00:00`).toISOString() } : {}),
    ...(filters.to ? { to: new Date(`${filters.to}T23:59:59.999`).toISOString() } : {}),
    ...(filters.kinds.length > 0 ? { kinds: filters.kinds } : {}),
  };
}

export function HistoryFilters({ value, currencies, onChange }: { value: HistoryFilterValues; currencies: string[]; onChange: (next: HistoryFilterValues) => void }) {
  const { t } = useTranslation();
  const set = (key: 'currency' | 'from' | 'to') => (event: { target: { value: string } }) => onChange({ ...value, [key]: event.target.value });
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
      <TextField size="small" type="date" label={t('wallets:history.from')} value={value.from} onChange={set('from')} slotProps={{ inputLabel: { shrink: true } }} sx={{ width: 170 }} />
      <TextField size="small" type="date" label={t('wallets:history.to')} value={value.to} onChange={set('to')} slotProps={{ inputLabel: { shrink: true } }} sx={{ width: 170 }} />
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
