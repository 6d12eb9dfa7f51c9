import { useMemo } from 'react';
import { Alert, Box, Paper, Tab, Tabs } from '@mui/material';
import { DataGrid } from '@mui/x-data-grid';
import { useTranslation } from 'react-i18next';
import type { ReportSectionData } from '../../../../src-shared/contract/reports';
import { HEADER_LABELS } from '../../../../src-shared/reports/labels';
import type { ReportId } from '../../../../src-shared/reports/report-access';
import { EmptyState } from '../../ui/EmptyState';
import { useReportColumns, type PreviewRow } from './report-columns';
import { sectionTitle, useReportText } from './report-text';
import { REPORT_FIELDS } from './report-view';

const PAGE_SIZES = [25, 50, 100];
const SHORT_SECTION = 10;

function SectionGrid({ report, section }: { report: ReportId; section: ReportSectionData }) {
  const { t, i18n } = useTranslation();
  const say = useReportText();
  const rows = useMemo<PreviewRow[]>(() => section.rows.map((row, index) => ({ ...row, __index: index })), [section.rows]);
  const columns = useReportColumns(report, section, rows);
  const number = new Intl.NumberFormat(i18n.language);
  const title = sectionTitle(report, section.id, say);
  // A short section (a balance per currency, the totals) takes only the height its rows need.
  const fits = rows.length > 0 && rows.length <= SHORT_SECTION;
  const fields = REPORT_FIELDS[report];
  // What might bring rows: another period, other parameters, or (a report of everything) nothing to change.
  const noRowsHint = fields.includes('from') ? t('reports:preview.noRowsHint') : fields.length > 0 ? t('reports:preview.noRowsOtherParams') : t('reports:preview.noRowsYet');
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, flex: '1 1 0', minHeight: 0 }}>
      {section.totalRows > section.rows.length && (
        <Alert severity="info" data-testid="report-partial">
          {t('reports:preview.partial', { shown: number.format(section.rows.length), total: number.format(section.totalRows) })}
        </Alert>
      )}
      <Paper variant="outlined" sx={fits ? undefined : { flex: '1 1 0', minHeight: 300 }}>
        <DataGrid
          autoHeight={fits}
          rows={rows}
          columns={columns}
          getRowId={(row) => row.__index}
          label={title}
          density="compact"
          initialState={{ pagination: { paginationModel: { pageSize: 25 } } }}
          pageSizeOptions={PAGE_SIZES}
          disableRowSelectionOnClick
          data-testid={`report-section-${section.id}`}
          slots={{ noRowsOverlay: () => <EmptyState title={say(HEADER_LABELS.noRows)} hint={noRowsHint} /> }}
          sx={{ border: 0 }}
        />
      </Paper>
    </Box>
  );
}

/** Each section of the report as a grid; several sections sit behind tabs with their row counts. */
export function ReportSections({ report, sections, open, onOpen }: { report: ReportId; sections: ReportSectionData[]; open: string; onOpen: (section: string) => void }) {
  const { t, i18n } = useTranslation();
  const say = useReportText();
  const number = new Intl.NumberFormat(i18n.language);
  const current = sections.find((section) => section.id === open) ?? sections[0];
  if (!current) return null;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, flex: '1 1 0' }}>
      {sections.length > 1 && (
        <Tabs value={current.id} onChange={(_event, id: string) => onOpen(id)} variant="scrollable" scrollButtons="auto" aria-label={t('reports:preview.sections')}>
          {sections.map((section) => (
            <Tab key={section.id} value={section.id} label={`${sectionTitle(report, section.id, say)} (${number.format(section.totalRows)})`} />
          ))}
        </Tabs>
      )}
      <SectionGrid key={current.id} report={report} section={current} />
    </Box>
  );
}
