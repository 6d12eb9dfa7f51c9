import { Box, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { REPORT_LABELS } from '../../../../src-shared/reports/labels';
import type { ReportId } from '../../../../src-shared/reports/report-access';
import { useChannelQuery } from '../../api/queries';
import { useUrlView } from '../../hooks/use-url-view';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageFrame } from '../../ui/PageFrame';
import { ExportButtons, ExportStatus } from './ReportExport';
import { ReportHeaderPanel } from './ReportHeaderPanel';
import { ReportParamsForm } from './ReportParamsForm';
import { ReportCards, ReportChoice } from './ReportPicker';
import { ReportSections } from './ReportSections';
import { reportFieldError } from './report-form';
import { useReportText } from './report-text';
import { NO_PARAM_VALUES, NO_REPORT_VIEW, reportParamsFrom, reportViewFrom, withReportView, type ReportParamValues } from './report-view';
import { exportSubject, useReportExport } from './use-report-export';

const VIEW_TAG = 'reports-view';
const NO_REPORTS: readonly ReportId[] = [];

/**
 * Auditor reports: pick one the signed-in person may run, set its parameters, preview it (the
 * first rows of each section, with the header every report states), and export the whole of it
 * as CSV or PDF, made in the main process as a job with progress.
 */
export function ReportsScreen() {
  const { t, i18n } = useTranslation();
  const say = useReportText();
  const [view, setView] = useUrlView(reportViewFrom, withReportView, VIEW_TAG);
  const available = useChannelQuery('reports.available', {});
  const reports = available.data ?? NO_REPORTS;
  const report = view.report !== null && (available.data === undefined || reports.includes(view.report)) ? view.report : null;
  const params = report === null ? {} : reportParamsFrom(report, view.values);
  const run = useChannelQuery('reports.run', { report: report ?? 'trial-balance', params }, { enabled: report !== null && view.ran, staleTime: Infinity });
  const exporter = useReportExport(i18n.language);
  const fieldError = report !== null && view.ran ? reportFieldError(run.error, t) : null;
  const pick = (next: ReportId) => setView({ ...NO_REPORT_VIEW, report: next });
  const runWith = (values: ReportParamValues) => {
    const same = view.ran && JSON.stringify(values) === JSON.stringify(view.values);
    setView({ ...view, values, ran: true });
    // The same parameters again make the report anew (a new "made at", the chains' heads now).
    if (same) void run.refetch();
  };
  const shown = view.ran ? run.data : undefined;

  return (
    <PageFrame
      title={t('reports:title')}
      subtitle={report === null ? t('reports:subtitle') : undefined}
      actions={report !== null && <ExportButtons disabled={!shown} running={exporter.running} onExport={(format) => exporter.start(report, params, format)} />}
    >
      <ErrorAlert error={available.error} />
      {report === null ? (
        available.isSuccess && (reports.length === 0 ? <EmptyState title={t('reports:empty.none')} /> : <ReportCards reports={reports} onPick={pick} />)
      ) : (
        <Stack sx={{ gap: 2, flexGrow: 1 }}>
          <Typography variant="body2" color="text.secondary" sx={{ mt: -1 }}>
            {say(REPORT_LABELS[report].about)}
          </Typography>
          <ReportParamsForm
            key={`${report}:${JSON.stringify(view.values)}`}
            report={report}
            values={{ ...NO_PARAM_VALUES, ...view.values }}
            serverError={fieldError}
            running={run.isFetching}
            onRun={runWith}
            leading={<ReportChoice reports={reports} value={report} onPick={pick} />}
          />
          <ExportStatus exporter={exporter} subject={exportSubject(report, params)} />
          {view.ran && fieldError === null && <ErrorAlert error={run.error} />}
          {shown ? (
            <>
              <ReportHeaderPanel header={shown.header} />
              <ReportSections report={report} sections={shown.sections} open={view.section} onOpen={(section) => setView({ ...view, section })} />
            </>
          ) : (
            !view.ran && (
              <Box sx={{ flexGrow: 1 }}>
                <EmptyState title={t('reports:empty.notRun')} hint={t('reports:empty.notRunHint')} />
              </Box>
            )
          )}
        </Stack>
      )}
    </PageFrame>
  );
}
