import { useMemo, useState } from 'react';
import { alpha, Badge, Button, Paper, Stack } from '@mui/material';
import CompareArrows from '@mui/icons-material/CompareArrowsOutlined';
import { DataGrid, type GridColumnVisibilityModel } from '@mui/x-data-grid';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Batch, PayoutItem } from '../../../../../src-shared/contract/payouts';
import { can } from '../../../../../src-shared/permissions';
import { useChannelQuery } from '../../../api/queries';
import { useSession } from '../../../session/session';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { serverPagedProps } from '../../../ui/grid';
import { BankResultDialogs, type BankAnswer } from './BankResultDialogs';
import { DuplicatesDialog } from './DuplicatesDialog';
import { useItemColumns } from './item-columns';
import { ItemFilters } from './ItemFilters';
import { isFiltered, ITEM_PAGE_SIZES } from './items-view';
import type { useItemsView } from './use-items-view';

/** The batch's items, a page at a time from the main process (a batch may hold 100,000), filtered, with warnings and errors tinted. */
export function ItemsPanel({ batch, items: view }: { batch: Batch; items: ReturnType<typeof useItemsView> }) {
  const { t } = useTranslation();
  const session = useSession();
  const [duplicatesOpen, setDuplicatesOpen] = useState(false);
  const [bankAnswer, setBankAnswer] = useState<BankAnswer>(null);
  const [chosenColumns, setChosenColumns] = useState<GridColumnVisibilityModel>({});
  const { status, verdict, code } = view.view;
  const items = useChannelQuery(
    'payouts.items',
    { batchId: batch.id, ...(status ? { status } : {}), ...(verdict ? { rowStatus: verdict } : {}), ...(code ? { code } : {}), offset: view.page.page * view.page.pageSize, limit: view.page.pageSize },
    { placeholderData: keepPreviousData },
  );
  const duplicates = useChannelQuery('payouts.items', { batchId: batch.id, code: 'POSSIBLE_DUPLICATE', offset: 0, limit: 1 });
  const mayAnswerBank = can(session.role, 'payouts.execute');
  const bank = useMemo(
    () => (mayAnswerBank ? { onSettle: (item: PayoutItem) => setBankAnswer({ kind: 'settle', item }), onReturn: (item: PayoutItem) => setBankAnswer({ kind: 'return', item }) } : { onSettle: null, onReturn: null }),
    [mayAnswerBank],
  );
  const columns = useItemColumns(items.data?.rows ?? [], batch.currency, bank);
  const duplicateCount = duplicates.data?.total ?? 0;
  const paid = batch.status === 'executing' || batch.status === 'completed';

  return (
    <Stack sx={{ gap: 1.5, flex: '1 1 auto' }}>
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center' }}>
        <ItemFilters view={view.view} onChange={view.setFilters} onClear={view.clear} />
        <Badge badgeContent={duplicateCount} color="warning" max={9999}>
          <Button variant="outlined" startIcon={<CompareArrows />} disabled={duplicateCount === 0} onClick={() => setDuplicatesOpen(true)}>
            {t('payout-batch:duplicates.open')}
          </Button>
        </Badge>
      </Stack>
      <ErrorAlert error={items.error} />
      <Paper variant="outlined" sx={{ height: 520 }}>
        <DataGrid
          {...serverPagedProps(items, view)}
          columns={columns}
          pageSizeOptions={[...ITEM_PAGE_SIZES]}
          disableColumnSorting
          // Every column is drawn, even past the right edge, so the bank's actions at the end can be reached by keyboard.
          columnBufferPx={2000}
          label={t('payout-batch:items.title')}
          getRowClassName={({ row }) => `row-${row.rowStatus}`}
          // What paying wrote (a code, a transfer) is empty until the batch is paid.
          columnVisibilityModel={{ ...(paid ? {} : { code: false, transferId: false }), ...chosenColumns }}
          onColumnVisibilityModelChange={setChosenColumns}
          slots={{
            noRowsOverlay: () =>
              isFiltered(view.view) ? <EmptyState title={t('payout-batch:items.emptyFiltered')} hint={t('payout-batch:items.emptyFilteredHint')} /> : <EmptyState title={t('payout-batch:items.empty')} />,
          }}
          sx={{
            border: 0,
            // Warnings stand out for the reviewer: those rows will be paid. Error rows say so in their chip, and are left out.
            '& .row-warning': { bgcolor: (theme) => alpha(theme.palette.warning.main, 0.12) },
            '& .row-warning:hover': { bgcolor: (theme) => alpha(theme.palette.warning.main, 0.18) },
          }}
        />
      </Paper>
      <DuplicatesDialog batchId={batch.id} open={duplicatesOpen} onClose={() => setDuplicatesOpen(false)} />
      <BankResultDialogs batchId={batch.id} answer={bankAnswer} onClose={() => setBankAnswer(null)} />
    </Stack>
  );
}
