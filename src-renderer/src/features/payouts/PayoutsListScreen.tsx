import { Button, MenuItem, Paper, Stack, TextField } from '@mui/material';
import UploadFile from '@mui/icons-material/UploadFileOutlined';
import Payments from '@mui/icons-material/PaymentsOutlined';
import { DataGrid } from '@mui/x-data-grid';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BATCH_STATUSES, type BatchStatus } from '../../../../src-shared/contract/payouts';
import { can } from '../../../../src-shared/permissions';
import { useSession } from '../../session/session';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { serverPagedProps } from '../../ui/grid';
import { PageFrame } from '../../ui/PageFrame';
import { FundingCard } from './FundingCard';
import { batchPath, PAYOUT_IMPORT_PATH } from './payout-paths';
import { usePayoutsListColumns } from './payouts-list-columns';
import { PAYOUTS_PAGE_SIZES } from './payouts-list-view';
import { TemplateButton } from './TemplateButton';
import { useEnabledCurrencies } from './use-enabled-currencies';
import { usePayoutsList } from './use-payouts-list';

/** Finance's payouts: the funding account, then every batch newest first, filtered by status; a row opens the batch. */
export function PayoutsListScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const list = usePayoutsList();
  const currencies = useEnabledCurrencies();
  const rows = list.batches.data?.rows ?? [];
  const columns = usePayoutsListColumns(rows);
  const mayImport = can(session.role, 'payouts.import');
  const openImport = () => void navigate(PAYOUT_IMPORT_PATH);
  const openBatch = (batchId: number) => void navigate(batchPath(batchId));
  const importButton = (
    <Button variant="contained" startIcon={<UploadFile />} onClick={openImport}>
      {t('payouts:list.import')}
    </Button>
  );
  return (
    <PageFrame
      title={t('payouts:list.title')}
      subtitle={t('payouts:list.subtitle')}
      actions={
        <>
          <TemplateButton currency={currencies[0] ?? ''} />
          {mayImport && importButton}
        </>
      }
    >
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
        {currencies.map((currency) => (
          <FundingCard key={currency} currency={currency} />
        ))}
      </Stack>
      <Stack direction="row" role="search" aria-label={t('payouts:list.filter.label')} sx={{ gap: 2 }}>
        <TextField
          select
          size="small"
          label={t('payouts:list.filter.status')}
          value={list.view.status}
          onChange={(event) => list.setStatus(event.target.value as BatchStatus | '')}
          sx={{ width: 220 }}
        >
          <MenuItem value="">{t('payouts:list.filter.anyStatus')}</MenuItem>
          {BATCH_STATUSES.map((status) => (
            <MenuItem key={status} value={status}>
              {t(`payouts:status.${status}`)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <ErrorAlert error={list.batches.error} />
      <Paper variant="outlined" sx={{ flex: '1 1 0', minHeight: 360 }}>
        <DataGrid
          {...serverPagedProps(list.batches, list)}
          columns={columns}
          pageSizeOptions={[...PAYOUTS_PAGE_SIZES]}
          disableColumnSorting
          label={t('payouts:list.title')}
          onRowClick={({ row }) => openBatch(row.id)}
          // Enter on a row opens the batch, as a click does.
          onCellKeyDown={({ row }, event) => {
            if (event.key === 'Enter') openBatch(row.id);
          }}
          slots={{
            noRowsOverlay: () =>
              list.view.status ? (
                <EmptyState title={t('payouts:list.empty.filteredTitle')} hint={t('payouts:list.empty.filteredHint')} />
              ) : (
                <EmptyState
                  icon={<Payments />}
                  title={t('payouts:list.empty.title')}
                  hint={t(mayImport ? 'payouts:list.empty.hint' : 'payouts:list.empty.readOnlyHint')}
                  action={mayImport ? <Stack sx={{ mt: 1 }}>{importButton}</Stack> : undefined}
                />
              ),
          }}
          sx={{ border: 0, '& .MuiDataGrid-row': { cursor: 'pointer' }, '& .tabular': { fontVariantNumeric: 'tabular-nums' } }}
        />
      </Paper>
    </PageFrame>
  );
}
