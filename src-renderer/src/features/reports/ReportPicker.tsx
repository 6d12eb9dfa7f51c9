import { Box, Card, CardActionArea, CardContent, MenuItem, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { REPORT_LABELS } from '../../../../src-shared/reports/labels';
import type { ReportId } from '../../../../src-shared/reports/report-access';
import { useReportText } from './report-text';

/** The reports the signed-in person may run, each a card with its title and what it answers. */
export function ReportCards({ reports, onPick }: { reports: readonly ReportId[]; onPick: (report: ReportId) => void }) {
  const say = useReportText();
  return (
    <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 2 }}>
      {reports.map((report) => (
        <Card component="li" key={report} variant="outlined" data-report={report}>
          <CardActionArea onClick={() => onPick(report)} sx={{ height: '100%', display: 'flex', flexDirection: 'column', alignItems: 'stretch', justifyContent: 'flex-start' }}>
            <CardContent>
              <Typography variant="subtitle1" component="h2">
                {say(REPORT_LABELS[report].title)}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {say(REPORT_LABELS[report].about)}
              </Typography>
            </CardContent>
          </CardActionArea>
        </Card>
      ))}
    </Box>
  );
}

/** Once a report is chosen: another one picked from a list (what the chosen one answers is the page's subtitle). */
export function ReportChoice({ reports, value, onPick }: { reports: readonly ReportId[]; value: ReportId; onPick: (report: ReportId) => void }) {
  const { t } = useTranslation();
  const say = useReportText();
  return (
    <TextField select size="small" label={t('reports:report')} value={value} onChange={(event) => onPick(event.target.value as ReportId)} sx={{ width: 200, flexShrink: 0 }}>
      {reports.map((report) => (
        <MenuItem key={report} value={report}>
          {say(REPORT_LABELS[report].title)}
        </MenuItem>
      ))}
    </TextField>
  );
}
