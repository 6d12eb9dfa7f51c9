import { MenuItem, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_KINDS, OWNER_TYPES, type AccountKind, type OwnerType } from '../../../../src-shared/contract/ledger';

export interface AccountFilterValues {
  currency: string;
  kind: AccountKind | '';
  ownerType: OwnerType | '';
}

export const NO_ACCOUNT_FILTERS: AccountFilterValues = { currency: '', kind: '', ownerType: '' };

export function accountQueryFrom(filters: AccountFilterValues) {
  return {
    ...(filters.currency ? { currency: filters.currency } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.ownerType ? { ownerType: filters.ownerType } : {}),
  };
}

export function AccountFilters({ value, currencies, onChange }: { value: AccountFilterValues; currencies: string[]; onChange: (next: AccountFilterValues) => void }) {
  const { t } = useTranslation();
  const set = (key: keyof AccountFilterValues) => (event: { target: { value: string } }) => onChange({ ...value, [key]: event.target.value });
  return (
    <Stack direction="row" role="search" aria-label={t('ledger:filters.label')} sx={{ gap: 2, flexWrap: 'wrap' }}>
      <TextField select size="small" label={t('ledger:field.currency')} value={value.currency} onChange={set('currency')} sx={{ width: 140 }}>
        <MenuItem value="">{t('ledger:filters.any')}</MenuItem>
        {currencies.map((currency) => (
          <MenuItem key={currency} value={currency}>
            {currency}
          </MenuItem>
        ))}
      </TextField>
      <TextField select size="small" label={t('ledger:field.kind')} value={value.kind} onChange={set('kind')} sx={{ width: 170 }}>
        <MenuItem value="">{t('ledger:filters.any')}</MenuItem>
        {ACCOUNT_KINDS.map((kind) => (
          <MenuItem key={kind} value={kind}>
            {t(`ledger:kind.${kind}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField select size="small" label={t('ledger:field.owner')} value={value.ownerType} onChange={set('ownerType')} sx={{ width: 170 }}>
        <MenuItem value="">{t('ledger:filters.any')}</MenuItem>
        {OWNER_TYPES.map((owner) => (
          <MenuItem key={owner} value={owner}>
            {t(`ledger:owner.${owner}`)}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
}
