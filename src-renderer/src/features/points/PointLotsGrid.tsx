import { useMemo } from 'react';
import { Chip, Paper, Stack, Typography, type ChipProps } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useTranslation } from 'react-i18next';
import type { PointLot } from '../../../../src-shared/contract/points';
import { POINTS_CURRENCY } from '../../../../src-shared/money';
import { useChannelQuery } from '../../api/queries';
import { useAmountColumn } from '../../ui/amount-column';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { DateTime } from '../../ui/DateTime';
import { sourceText } from './history-text';

// At 1024 px every column stays in view, the state last: the dates are days and the rule gives way.

/** A lot lives by the day: its dates are shown as days (wide enough for 2026年12月12日), the exact moment in the title. */
function dayColumn(field: 'earnedAt' | 'spendableAt' | 'expiresAt', headerName: string): GridColDef<PointLot> {
  return { field, headerName, width: 124, renderCell: ({ row }) => <DateTime value={row[field]} dateOnly /> };
}

const STATE_COLOURS: Record<PointLot['state'], ChipProps['color']> = { pending: 'info', live: 'success', spent: 'default', expired: 'warning', revoked: 'error' };

function LotState({ lot }: { lot: PointLot }) {
  const { t } = useTranslation();
  return <Chip size="small" color={STATE_COLOURS[lot.state]} variant={lot.state === 'live' || lot.state === 'pending' ? 'filled' : 'outlined'} label={t(`points:lotState.${lot.state}`)} />;
}

/** The rule that earned the lot over what it came from (the receipt, the referred member, the reason), whole in its title. */
function LotRule({ lot }: { lot: PointLot }) {
  const { t } = useTranslation();
  const rule = t(`points:rule.${lot.rule}`);
  const source = sourceText(lot.rule, lot.source);
  return (
    <Stack sx={{ justifyContent: 'center', height: '100%', minWidth: 0, lineHeight: 1.5 }}>
      <span>{rule}</span>
      {source && (
        <Typography variant="caption" color="text.secondary" noWrap title={source}>
          {source}
        </Typography>
      )}
    </Stack>
  );
}

function useLotColumns(rows: readonly PointLot[]): GridColDef<PointLot>[] {
  const { t } = useTranslation();
  const amountColumn = useAmountColumn();
  return useMemo(
    () => [
      { field: 'id', headerName: t('points:lots.id'), width: 60, valueFormatter: (value: number) => `#${value}` },
      dayColumn('earnedAt', t('points:lots.earnedAt')),
      { field: 'rule', headerName: t('points:lots.rule'), flex: 1, minWidth: 96, renderCell: ({ row }) => <LotRule lot={row} /> },
      amountColumn({ field: 'amount', headerName: t('points:lots.amount'), rows, amountOf: (lot) => ({ minor: lot.amount, currency: POINTS_CURRENCY }) }),
      amountColumn({ field: 'remaining', headerName: t('points:lots.remaining'), rows, amountOf: (lot) => ({ minor: lot.remaining, currency: POINTS_CURRENCY }), strong: true }),
      dayColumn('spendableAt', t('points:lots.spendableAt')),
      dayColumn('expiresAt', t('points:lots.expiresAt')),
      { field: 'state', headerName: t('points:lots.state'), width: 100, renderCell: ({ row }) => <LotState lot={row} /> },
    ],
    [t, amountColumn, rows],
  );
}

const NO_LOTS: readonly PointLot[] = [];

/** Every lot of the member, soonest expiry first (the order spending takes them in), then the spent and expired ones. */
export function PointLotsGrid({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  const lots = useChannelQuery('points.lots', { memberId });
  const rows = lots.data ?? NO_LOTS;
  const columns = useLotColumns(rows);
  if (lots.isError) return <ErrorAlert error={lots.error} />;
  if (lots.isSuccess && rows.length === 0) {
    return (
      <Paper variant="outlined">
        <EmptyState title={t('points:lots.empty')} hint={t('points:lots.emptyHint')} />
      </Paper>
    );
  }
  return (
    <Paper variant="outlined">
      <DataGrid
        rows={rows}
        columns={columns}
        loading={lots.isPending}
        autoHeight
        initialState={{ pagination: { paginationModel: { pageSize: 10 } } }}
        pageSizeOptions={[10, 25, 50]}
        disableRowSelectionOnClick
        label={t('points:lots.title')}
        sx={{ border: 0 }}
      />
    </Paper>
  );
}
