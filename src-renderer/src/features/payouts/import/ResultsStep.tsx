import { useMemo, useState } from 'react';
import { Alert, Button, Paper, Stack, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { DataGrid } from '@mui/x-data-grid';
import { useTranslation } from 'react-i18next';
import { ROW_STATUSES, type RowStatus, type ValidationReport } from '../../../../../src-shared/contract/payouts';
import { EmptyState } from '../../../ui/EmptyState';
import { CodeCountChips } from './CodeCountChips';
import { ResultsTotals } from './ResultsTotals';
import { useRowResultColumns } from './row-results-columns';
import { NO_ROW_FILTER, rowsShown, type RowResultsFilter } from './row-results-view';

const PAGE_SIZES = [25, 50, 100];

interface ResultsStepProps {
  report: ValidationReport;
  onBack: () => void;
  onNext: () => void;
}

/**
 * Step 3: every row with its verdict and problems, in a grid that draws only what is on screen
 * (100,000 rows stay smooth), filtered by verdict or by one code; rows that stand out are tinted.
 */
export function ResultsStep({ report, onBack, onNext }: ResultsStepProps) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<RowResultsFilter>(NO_ROW_FILTER);
  const rows = useMemo(() => rowsShown(report.rows, filter), [report.rows, filter]);
  const columns = useRowResultColumns(report.rows, report.currency);
  const number = new Intl.NumberFormat(i18n.language);
  const statusCount: Record<RowStatus, number> = { ok: report.totals.ok, warning: report.totals.warning, error: report.totals.error };
  return (
    <Stack sx={{ gap: 2, flexGrow: 1 }}>
      <ResultsTotals report={report} />
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={filter.status}
          onChange={(_event, status: RowStatus | '' | null) => setFilter((current) => ({ ...current, status: status ?? '' }))}
          aria-label={t('payouts:import.results.byStatus')}
        >
          <ToggleButton value="">{t('payouts:import.results.all', { count: report.totals.rows, rows: number.format(report.totals.rows) })}</ToggleButton>
          {ROW_STATUSES.map((status) => (
            <ToggleButton key={status} value={status}>
              {t(`payouts:import.results.status.${status}`, { count: statusCount[status], rows: number.format(statusCount[status]) })}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Stack>
      <CodeCountChips byCode={report.totals.byCode} selected={filter.code} onSelect={(code) => setFilter((current) => ({ ...current, code }))} />
      <Paper variant="outlined" sx={{ flex: '1 1 0', minHeight: 480 }}>
        <DataGrid
          rows={rows}
          columns={columns}
          getRowId={(row) => row.line}
          getRowClassName={({ row }) => `payout-row-${row.status}`}
          // A page holds at most 100 rows (the grid's own limit), so measuring each row's height stays cheap at 100,000.
          getRowHeight={() => 'auto'}
          initialState={{ pagination: { paginationModel: { pageSize: 100, page: 0 } } }}
          pageSizeOptions={PAGE_SIZES}
          disableRowSelectionOnClick
          label={t('payouts:import.results.title')}
          slots={{ noRowsOverlay: () => <EmptyState title={t('payouts:import.results.noneTitle')} hint={t('payouts:import.results.noneHint')} /> }}
          sx={(theme) => ({
            border: 0,
            '& .MuiDataGrid-cell': { py: 1, display: 'flex', alignItems: 'center' },
            '& .payout-row-warning': { bgcolor: alpha(theme.palette.warning.main, 0.12) },
            '& .payout-row-error': { bgcolor: alpha(theme.palette.error.main, 0.08) },
          })}
        />
      </Paper>
      {report.totals.payableCount === 0 && <Alert severity="info">{t('payouts:import.results.nothingPayable')}</Alert>}
      <Stack direction="row" sx={{ justifyContent: 'space-between' }}>
        <Button onClick={onBack}>{t('payouts:import.back')}</Button>
        <Button variant="contained" onClick={onNext} disabled={report.totals.payableCount === 0}>
          {t('payouts:import.results.next')}
        </Button>
      </Stack>
    </Stack>
  );
}
