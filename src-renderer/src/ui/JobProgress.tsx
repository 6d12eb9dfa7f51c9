import { Box, Button, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../../src-shared/contract/jobs';

export interface JobProgressProps {
  job: Job | undefined;
  label: string;
  /** Shown as a Stop button while a cancellable job runs. */
  onCancel?: () => void;
}

/**
 * A long job's progress: "done of total" items and a bar, indeterminate until the job knows its
 * total. It only reads the job, so the rest of the screen stays usable while it runs.
 */
export function JobProgress({ job, label, onCancel }: JobProgressProps) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const known = job !== undefined && job.total !== null && job.total > 0;
  const fraction = known ? job.done / job.total! : 0;
  const status =
    job?.state === 'running' || job === undefined
      ? known
        ? `${t('common:job.progress', { done: number.format(job.done), total: number.format(job.total!) })} (${new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(fraction)})`
        : t('common:status.running')
      : t(`common:status.${job.state}`);
  return (
    <Box role="status" aria-live="polite" data-testid="job-progress" sx={{ display: 'flex', flexDirection: 'column', gap: 0.5 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1 }}>
        <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {label} — {status}
        </Typography>
        {onCancel && job?.state === 'running' && job.cancellable && (
          <Button size="small" onClick={onCancel}>
            {t('common:job.stop')}
          </Button>
        )}
      </Stack>
      <LinearProgress variant={known || job?.state !== 'running' ? 'determinate' : 'indeterminate'} value={job?.state === 'done' ? 100 : fraction * 100} aria-label={label} />
    </Box>
  );
}
