import { useState } from 'react';
import { Alert, Button, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Batch } from '../../../../../src-shared/contract/payouts';
import { useErrorText } from '../../../api/error-text';
import { useChannelMutation } from '../../../api/queries';
import { useSession } from '../../../session/session';
import { JobProgress } from '../../../ui/JobProgress';
import { ReasonDialog } from '../../../ui/ReasonDialog';
import { INPUT_LIMITS } from '../../../../../src-shared/contract/common';
import { ApproveDialog } from './ApproveDialog';
import { offeredSteps, type BatchStep, type OfferedStep } from './batch-actions';
import { CancelDialog } from './CancelDialog';
import { ExecuteDialog } from './ExecuteDialog';
import { ExportResultsButton } from './ExportResultsButton';
import { SubmitDialog } from './SubmitDialog';
import type { BatchExecution } from './use-batch-execution';

type Asked = Exclude<BatchStep, 'export'> | null;

/** A step shown but not takeable, and its reason; steps blocked for the same reason share one sentence, shown after the last of them. */
function StepButton({ offered, label, onClick, sayWhy }: { offered: OfferedStep; label: string; onClick: () => void; sayWhy: boolean }) {
  const { t } = useTranslation();
  const primary = offered.step === 'submit' || offered.step === 'approve' || offered.step === 'execute';
  const danger = offered.step === 'reject' || offered.step === 'cancel';
  const reasonId = `blocked-${offered.blocked ?? ''}`;
  return (
    <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
      <Button
        variant={primary ? 'contained' : 'outlined'}
        color={danger ? 'error' : 'primary'}
        disabled={offered.blocked !== null}
        aria-describedby={offered.blocked ? reasonId : undefined}
        onClick={onClick}
      >
        {label}
      </Button>
      {offered.blocked && sayWhy && (
        <Typography id={reasonId} variant="body2" color="text.secondary" data-testid="blocked-reason">
          {t(`payout-batch:blocked.${offered.blocked}`)}
        </Typography>
      )}
    </Stack>
  );
}

/** The steps the batch's status offers this person, each with its dialog; paying shows its progress here while the rest of the page stays usable. */
export function BatchActions({ batch, execution }: { batch: Batch; execution: BatchExecution }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const session = useSession();
  const [asked, setAsked] = useState<Asked>(null);
  const reject = useChannelMutation('payouts.reject', { onSuccess: () => setAsked(null) });
  const stop = useChannelMutation('jobs.cancel');
  const steps = offeredSteps(batch, session);
  const close = () => setAsked(null);
  const label = (step: BatchStep) => (step === 'execute' && execution.interrupted ? t('payout-batch:execute.resume') : t(`payout-batch:step.${step}`));

  return (
    <Stack sx={{ gap: 1.5 }}>
      {steps.length > 0 && (
        <Stack direction="row" role="group" aria-label={t('payout-batch:step.label')} sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
          {steps.map((offered, index) =>
            offered.step === 'export' ? (
              <ExportResultsButton key="export" batchId={batch.id} />
            ) : offered.step === 'execute' && execution.running ? null : (
              <StepButton
                key={offered.step}
                offered={offered}
                label={label(offered.step)}
                onClick={() => setAsked(offered.step as Asked)}
                sayWhy={steps[index + 1]?.blocked !== offered.blocked}
              />
            ),
          )}
        </Stack>
      )}
      {execution.job && execution.job.state !== 'done' && <JobProgress job={execution.job} label={t('payout-batch:execute.progress')} onCancel={() => execution.job && stop.mutate({ id: execution.job.id })} />}
      {execution.error && <Alert severity="error">{describe(execution.error)}</Alert>}

      <SubmitDialog batch={batch} open={asked === 'submit'} onClose={close} />
      <CancelDialog batch={batch} open={asked === 'cancel'} onClose={close} />
      <ApproveDialog batch={batch} open={asked === 'approve'} onClose={close} />
      <ReasonDialog
        open={asked === 'reject'}
        title={t('payout-batch:reject.title')}
        explanation={t('payout-batch:reject.explanation')}
        confirmLabel={t('payout-batch:reject.confirm')}
        onConfirm={(reason) => reject.mutate({ batchId: batch.id, reason })}
        onClose={() => {
          reject.reset();
          close();
        }}
        busy={reject.isPending}
        error={reject.error}
        maxLength={INPUT_LIMITS.prose}
      />
      <ExecuteDialog
        batch={batch}
        open={asked === 'execute'}
        resume={execution.interrupted}
        onConfirm={() => {
          execution.execute();
          close();
        }}
        onClose={close}
      />
    </Stack>
  );
}
