import { Box, LinearProgress, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../../src-shared/contract/maintenance';

/** A long job's progress bar with its percentage; indeterminate until the first report arrives. */
export function JobProgress({ job, label }: { job: Job | undefined; label: string }) {
  const { t, i18n } = useTranslation();
  const progress = job?.progress ?? 0;
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(progress);
  return (
    <Box role="status" aria-live="polite" sx={{ display: 'flex', flexDirection: 'column', gap: 0.5 }}>
      <Typography variant="body2">
        {label} — {job?.state === 'done' ? t('common:status.done') : percent}
      </Typography>
      <LinearProgress variant={job ? 'determinate' : 'indeterminate'} value={progress * 100} aria-label={label} />
    </Box>
  );
}
