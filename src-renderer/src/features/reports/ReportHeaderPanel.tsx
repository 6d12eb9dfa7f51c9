import type { ReactNode } from 'react';
import { Box, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ReportHeader } from '../../../../src-shared/contract/reports';
import { HEADER_LABELS } from '../../../../src-shared/reports/labels';
import { formatDateTime } from '../../ui/format';
import { HashText } from './HashText';
import { parameterLabel, useReportText } from './report-text';

// What every report states about itself (issue 12): its parameters, when and by whom it was made,
// where both hash chains stood, and the trust fingerprint (the founding admin's key, as Settings
// shows it), as the CSV and PDF files state them. Hashes are cut short; hover or copy for the whole.

/** An ISO instant as the router sends parameters, e.g. 2026-12-02T10:00:00.000Z. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

function Fact({ label, wide = false, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <Box sx={{ minWidth: 0, ...(wide ? { gridColumn: 'span 2' } : {}) }}>
      <Typography variant="caption" color="text.secondary" component="dt">
        {label}
      </Typography>
      <Typography variant="body2" component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Box>
  );
}

export function ReportHeaderPanel({ header }: { header: ReportHeader }) {
  const { t, i18n } = useTranslation();
  const say = useReportText();
  const valueText = (value: string) => (ISO_INSTANT.test(value) ? formatDateTime(value, i18n.language) : value);
  const parameters = Object.entries(header.parameters);
  const head = (label: string, { id, hash }: ReportHeader['heads']['journal']) => (
    <Fact label={label}>
      <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
        <span>#{new Intl.NumberFormat(i18n.language).format(id)}</span>
        <HashText value={hash} label={label} />
      </Box>
    </Fact>
  );
  return (
    <Paper variant="outlined" component="section" aria-label={t('reports:header.title')} data-testid="report-header" data-report={header.report} sx={{ px: 2, py: 1.5 }}>
      <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', columnGap: 2, rowGap: 1 }}>
        {parameters.map(([name, value]) => (
          <Fact key={name} label={parameterLabel(name, say)}>
            <span data-parameter={name} title={value}>
              {valueText(value)}
            </span>
          </Fact>
        ))}
        <Fact label={say(HEADER_LABELS.madeAt)}>
          <time dateTime={header.madeAt} title={header.madeAt}>
            {formatDateTime(header.madeAt, i18n.language)}
          </time>
        </Fact>
        <Fact label={say(HEADER_LABELS.madeBy)}>{header.madeBy}</Fact>
        {head(say(HEADER_LABELS.journalHead), header.heads.journal)}
        {head(say(HEADER_LABELS.auditHead), header.heads.audit)}
        <Fact label={say(HEADER_LABELS.trustFingerprint)} wide>
          <Box component="span" data-testid="trust-fingerprint" title={t('common:trustFingerprint.explanation')}>
            <HashText value={header.trustFingerprint} label={say(HEADER_LABELS.trustFingerprint)} keep={64} />
          </Box>
        </Fact>
      </Box>
    </Paper>
  );
}
