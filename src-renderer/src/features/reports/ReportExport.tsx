import { Alert, Button, Stack } from '@mui/material';
import FileDownload from '@mui/icons-material/FileDownloadOutlined';
import PictureAsPdf from '@mui/icons-material/PictureAsPdfOutlined';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { JobProgress } from '../../ui/JobProgress';
import type { useReportExport } from './use-report-export';

/** The Export buttons: the whole report (every row, not only the preview's) as CSV or PDF, made in the main process. */
export function ExportButtons({ disabled, running, onExport }: { disabled: boolean; running: boolean; onExport: (format: 'csv' | 'pdf') => void }) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" sx={{ gap: 1 }}>
      <Button variant="outlined" startIcon={<FileDownload />} disabled={disabled || running} onClick={() => onExport('csv')}>
        {t('reports:export.csv')}
      </Button>
      <Button variant="outlined" startIcon={<PictureAsPdf />} disabled={disabled || running} onClick={() => onExport('pdf')}>
        {t('reports:export.pdf')}
      </Button>
    </Stack>
  );
}

/** Where an export stands: its progress with Stop while it runs, then the file saved, or why it was not. */
export function ExportStatus({ exporter, subject }: { exporter: ReportExporter; subject: string }) {
  const { t, i18n } = useTranslation();
  const { format, job, saved, error, cancelled } = exporter;
  // A running export stays in view whatever is on screen; a finished one only beside its report.
  if (format === null || (!exporter.running && exporter.subject !== subject)) return null;
  const label = t('reports:export.progress', { format: format.toUpperCase() });
  return (
    <Stack sx={{ gap: 1 }}>
      {exporter.running && <JobProgress job={job} label={label} onCancel={exporter.cancel} />}
      {saved && (
        <Alert severity="success" data-testid="report-saved" onClose={exporter.dismiss}>
          {saved.rows === null
            ? t('reports:export.saved', { fileName: saved.fileName })
            : t('reports:export.savedRows', { fileName: saved.fileName, count: saved.rows, rows: new Intl.NumberFormat(i18n.language).format(saved.rows) })}
        </Alert>
      )}
      {cancelled && (
        <Alert severity="info" onClose={exporter.dismiss}>
          {t('reports:export.cancelled')}
        </Alert>
      )}
      <ErrorAlert error={error} />
    </Stack>
  );
}

export type ReportExporter = ReturnType<typeof useReportExport>;
