import { useTranslation } from 'react-i18next';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { reviewInput } from '../../../../src-shared/contract/points';
import { useChannelMutation } from '../../api/queries';
import { FormTextField, useServerError } from '../../ui/form';
import { FormDialogFrame } from '../../ui/FormDialogFrame';
import { PointsDialog } from './PointsDialog';
import { useFormKey } from './use-form-key';

// A review the member wrote earns the review points, up to the cap per period (POINTS_CAP_REACHED
// past it). The reference says which review, so the same one is not rewarded twice by mistake.

const reviewForm = z.object({ reference: reviewInput.shape.reference });
type ReviewFormValues = z.input<typeof reviewForm>;
const FIELDS = ['reference'] as const;

interface ReviewProps {
  memberId: number;
  onClose: () => void;
}

function ReviewForm({ memberId, onClose }: ReviewProps) {
  const { t } = useTranslation();
  const form = useForm<ReviewFormValues>({ resolver: zodResolver(reviewForm), defaultValues: { reference: '' } });
  const server = useServerError(form.setError, FIELDS);
  const idempotencyKey = useFormKey(useWatch({ control: form.control, name: 'reference' }).trim());
  const record = useChannelMutation('points.recordReview', { onSuccess: onClose, onError: server.report });
  const submit = form.handleSubmit(({ reference }) => {
    server.clear();
    record.mutate({ memberId, reference, idempotencyKey });
  });
  return (
    <FormDialogFrame
      title={t('points:review.title')}
      explanation={t('points:review.explanation')}
      submitLabel={t('points:review.confirm')}
      busy={record.isPending}
      formError={server.formError}
      onSubmit={submit}
      onClose={onClose}
    >
      <FormTextField control={form.control} name="reference" label={t('points:review.reference')} required autoFocus autoComplete="off" hint={t('points:review.referenceHint')} maxLength={reviewInput.shape.reference.maxLength ?? undefined} />
    </FormDialogFrame>
  );
}

/** Tellers and admins: record a review the member wrote. */
export function ReviewDialog({ open, ...props }: ReviewProps & { open: boolean }) {
  return (
    <PointsDialog open={open} onClose={props.onClose}>
      <ReviewForm {...props} />
    </PointsDialog>
  );
}
