import { Button, MenuItem, Stack, TextField } from '@mui/material';
import FilterAltOff from '@mui/icons-material/FilterAltOffOutlined';
import { useTranslation } from 'react-i18next';
import { ITEM_STATUSES, ROW_STATUSES, type ItemStatus, type RowStatus } from '../../../../../src-shared/contract/payouts';
import { ROW_CODES, type RowCode } from '../../../../../src-shared/row-codes';
import { isFiltered, type ItemsView } from './items-view';

interface ItemFiltersProps {
  view: ItemsView;
  onChange: (changes: Partial<ItemsView>) => void;
  onClear: () => void;
}

/** The items by status, by verdict and by the code of a problem; each change asks again from the first page. */
export function ItemFilters({ view, onChange, onClear }: ItemFiltersProps) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" role="search" aria-label={t('payout-batch:filter.label')} sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
      <TextField select size="small" label={t('payout-batch:filter.status')} value={view.status} onChange={(event) => onChange({ status: event.target.value as ItemStatus | '' })} sx={{ width: 170 }}>
        <MenuItem value="">{t('payout-batch:filter.any')}</MenuItem>
        {ITEM_STATUSES.map((status) => (
          <MenuItem key={status} value={status}>
            {t(`payout-batch:itemStatus.${status}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField select size="small" label={t('payout-batch:filter.verdict')} value={view.verdict} onChange={(event) => onChange({ verdict: event.target.value as RowStatus | '' })} sx={{ width: 170 }}>
        <MenuItem value="">{t('payout-batch:filter.any')}</MenuItem>
        {ROW_STATUSES.map((verdict) => (
          <MenuItem key={verdict} value={verdict}>
            {t(`payouts:rowStatus.${verdict}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField select size="small" label={t('payout-batch:filter.code')} value={view.code} onChange={(event) => onChange({ code: event.target.value as RowCode | '' })} sx={{ width: 260 }}>
        <MenuItem value="">{t('payout-batch:filter.any')}</MenuItem>
        {ROW_CODES.map((code) => (
          <MenuItem key={code} value={code}>
            {t(`payouts:code.${code}`)}
          </MenuItem>
        ))}
      </TextField>
      {isFiltered(view) && (
        <Button startIcon={<FilterAltOff />} onClick={onClear} sx={{ height: 40 }}>
          {t('payout-batch:filter.clear')}
        </Button>
      )}
    </Stack>
  );
}
