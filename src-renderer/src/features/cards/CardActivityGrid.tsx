import { useCallback, useMemo } from 'react';
import { Box, Chip, Paper, Stack, type ChipProps } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Authorization, AuthorizationStatus } from '../../../../src-shared/contract/cards';
import { ApiError } from '../../api/call';
import { useErrorText } from '../../api/error-text';
import { useChannelQuery } from '../../api/queries';
import { useAmountColumn } from '../../ui/amount-column';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { joinSentences } from '../../ui/format';
import { dateTimeColumn, serverPagedProps, useServerPage } from '../../ui/grid';

const STATUS_COLORS: Record<AuthorizationStatus, ChipProps['color']> = { held: 'info', captured: 'success', voided: 'default', expired: 'default', declined: 'error' };

/** Why an attempt was declined, in the words every refusal of that code has, and the interval a limit would pass. */
function useDeclineText() {
  const { t, i18n } = useTranslation();
  const describe = useErrorText();
  return useCallback(
    (row: Authorization): string => {
      if (row.declineCode === null) return '';
      const base = describe(new ApiError({ code: row.declineCode, message: row.declineCode }));
      return row.declineInterval ? joinSentences([base, t('cards:activity.limitInterval', { interval: t(`cards:interval.${row.declineInterval}`) })], i18n.language) : base;
    },
    [describe, t, i18n.language],
  );
}

function useActivityColumns(rows: readonly Authorization[], cardCurrency: string): GridColDef<Authorization>[] {
  const { t } = useTranslation();
  const amountColumn = useAmountColumn();
  const declineText = useDeclineText();
  return useMemo(
    () => [
      dateTimeColumn<Authorization>('at', t('cards:activity.at'), { width: 172 }, (row) => row.at),
      { field: 'merchant', headerName: t('cards:activity.merchant'), flex: 1, minWidth: 120 },
      amountColumn({ field: 'amount', headerName: t('cards:activity.amount'), rows, amountOf: (row) => ({ minor: row.amount, currency: row.currency ?? cardCurrency }) }),
      {
        field: 'status',
        headerName: t('cards:activity.status'),
        width: 110,
        renderCell: ({ row }) => <Chip size="small" color={STATUS_COLORS[row.status]} variant={row.status === 'declined' || row.status === 'captured' ? 'filled' : 'outlined'} label={t(`cards:authorizationStatus.${row.status}`)} />,
      },
      amountColumn({ field: 'capturedAmount', headerName: t('cards:activity.captured'), rows, amountOf: (row) => ({ minor: row.capturedAmount, currency: row.currency ?? cardCurrency }) }),
      {
        field: 'declineCode',
        headerName: t('cards:activity.decline'),
        flex: 2,
        minWidth: 160,
        valueGetter: (_value, row) => declineText(row),
        renderCell: ({ value }: { value?: string }) => (
          <Box component="span" title={value} sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {value || '—'}
          </Box>
        ),
      },
      { field: 'actor', headerName: t('cards:activity.actor'), width: 96 },
    ],
    [t, amountColumn, rows, cardCurrency, declineText],
  );
}

const NO_ROWS: readonly Authorization[] = [];

/** Every authorization attempt on the card, approved or declined, newest first. */
export function CardActivityGrid({ cardId, currency }: { cardId: number; currency: string }) {
  const { t } = useTranslation();
  const paging = useServerPage(25);
  const activity = useChannelQuery('cards.activity', { cardId, ...paging.range }, { placeholderData: keepPreviousData });
  const columns = useActivityColumns(activity.data?.rows ?? NO_ROWS, currency);
  return (
    <Stack sx={{ gap: 1 }}>
      <ErrorAlert error={activity.error} />
      <Paper variant="outlined">
        <DataGrid
          {...serverPagedProps(activity, paging)}
          autoHeight
          columns={columns}
          pageSizeOptions={[25, 50, 100]}
          disableColumnSorting
          label={t('cards:activity.title')}
          slots={{ noRowsOverlay: () => <EmptyState title={t('cards:activity.empty')} hint={t('cards:activity.emptyHint')} /> }}
          sx={{ border: 0, '--DataGrid-overlayHeight': '200px' }}
        />
      </Paper>
    </Stack>
  );
}
