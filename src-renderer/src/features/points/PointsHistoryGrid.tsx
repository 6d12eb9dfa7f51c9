import { useMemo, useState } from 'react';
import { Box, Chip, Paper, Stack, Typography } from '@mui/material';
import Undo from '@mui/icons-material/Undo';
import { DataGrid, GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PointsHistoryRow } from '../../../../src-shared/contract/points';
import { POINTS_CURRENCY } from '../../../../src-shared/money';
import { can } from '../../../../src-shared/permissions';
import { useChannelQuery } from '../../api/queries';
import { useSession } from '../../session/session';
import { useAmountColumn } from '../../ui/amount-column';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { actionsColumn, dateTimeColumn, serverPagedProps, useServerPage } from '../../ui/grid';
import { useFormatMoney } from '../../ui/Money';
import { lineageText, moveText, sourceText } from './history-text';
import { ReverseRedemptionDialog } from './ReverseRedemptionDialog';

function isReversible(row: PointsHistoryRow): boolean {
  return row.move === 'redeem' && row.redemption !== null && !row.redemption.reversed;
}

/** What the movement was about (the receipt, reason or the credit a redemption paid) over the lots it touched, each whole in its title. */
function MoveDetail({ row }: { row: PointsHistoryRow }) {
  const { t, i18n } = useTranslation();
  const formatMoney = useFormatMoney();
  const credit = row.redemption ? t('points:history.credit', { amount: formatMoney(row.redemption.amount, row.redemption.currency) }) : null;
  const about = [credit, sourceText(row.rule, row.detail)].filter((part) => part !== null).join(' · ') || '—';
  const lineage = lineageText(row, t, i18n.language);
  return (
    <Stack sx={{ justifyContent: 'center', height: '100%', minWidth: 0 }}>
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center', minWidth: 0, lineHeight: 1.5 }}>
        <Box component="span" title={about} sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {about}
        </Box>
        {row.redemption?.reversed && <Chip size="small" variant="outlined" color="warning" label={t('points:history.reversed')} sx={{ height: 20 }} />}
      </Stack>
      {lineage && (
        <Typography variant="caption" color="text.secondary" noWrap title={lineage} data-testid="lineage">
          {lineage}
        </Typography>
      )}
    </Stack>
  );
}

// At 1024 px the amounts, the balance after and the row's Reverse stay in view, whole; the
// movement and its detail give way, each whole in its title.
function useHistoryColumns(rows: readonly PointsHistoryRow[], canReverse: boolean, onReverse: (row: PointsHistoryRow) => void): GridColDef<PointsHistoryRow>[] {
  const { t } = useTranslation();
  const amountColumn = useAmountColumn();
  return useMemo(() => {
    const columns: GridColDef<PointsHistoryRow>[] = [
      dateTimeColumn<PointsHistoryRow>('at', t('points:history.at'), { width: 172 }, (row) => row.at),
      { field: 'move', headerName: t('points:history.move'), flex: 1, minWidth: 130, valueGetter: (_value, row) => moveText(row, t), renderCell: ({ value }: { value?: string }) => <Box component="span" title={value} sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{value}</Box> },
      amountColumn({
        field: 'points',
        headerName: t('points:history.points'),
        rows,
        amountOf: (row) => ({ minor: Math.abs(row.points), currency: POINTS_CURRENCY, direction: row.points < 0 ? 'out' : 'in' }),
      }),
      amountColumn({ field: 'balanceAfter', headerName: t('points:history.balanceAfter'), rows, amountOf: (row) => ({ minor: row.balanceAfter, currency: POINTS_CURRENCY }) }),
      { field: 'detail', headerName: t('points:history.detail'), flex: 2, minWidth: 150, renderCell: ({ row }) => <MoveDetail row={row} /> },
      { field: 'actor', headerName: t('points:history.actor'), width: 88 },
    ];
    if (canReverse) {
      columns.push(
        actionsColumn<PointsHistoryRow>(t('common:actions.label'), 80, ({ row }) =>
          isReversible(row) ? [<GridActionsCellItem key="reverse" icon={<Undo />} label={t('points:reverse.action')} onClick={() => onReverse(row)} />] : [],
        ),
      );
    }
    return columns;
  }, [t, amountColumn, rows, canReverse, onReverse]);
}

const NO_ROWS: readonly PointsHistoryRow[] = [];

/** Every movement of the member's points, newest first, with the balance after it; a redemption can be reversed by those who may. */
export function PointsHistoryGrid({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  const canReverse = can(useSession().role, 'ledger.reverse');
  const paging = useServerPage(25);
  const [reversing, setReversing] = useState<PointsHistoryRow | null>(null);
  const history = useChannelQuery('points.history', { memberId, ...paging.range }, { placeholderData: keepPreviousData });
  const columns = useHistoryColumns(history.data?.rows ?? NO_ROWS, canReverse, setReversing);
  return (
    <Stack sx={{ gap: 1 }}>
      <ErrorAlert error={history.error} />
      {/* As tall as its page of rows: the page scrolls, not a box inside it. */}
      <Paper variant="outlined">
        <DataGrid
          {...serverPagedProps(history, paging)}
          autoHeight
          getRowId={(row) => `${row.transferId}-${row.move}`}
          columns={columns}
          pageSizeOptions={[25, 50, 100]}
          disableColumnSorting
          label={t('points:history.title')}
          slots={{ noRowsOverlay: () => <EmptyState title={t('points:history.empty')} hint={t('points:history.emptyHint')} /> }}
          sx={{ border: 0, '--DataGrid-overlayHeight': '240px' }}
        />
      </Paper>
      <ReverseRedemptionDialog row={reversing} onClose={() => setReversing(null)} />
    </Stack>
  );
}
