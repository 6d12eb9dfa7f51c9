import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useForm, useWatch, type Control } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { adjustInput } from '../../../../src-shared/contract/points';
import { ApiError } from '../../api/call';
import { useErrorText } from '../../api/error-text';
import { useChannelMutation } from '../../api/queries';
import { FormTextField, useServerError } from '../../ui/form';
import { pointsTextSchema } from './points-input';
import { FormDialogFrame } from '../../ui/FormDialogFrame';
import { PointsDialog } from './PointsDialog';
import { PointsField } from './PointsField';
import { useFormKey } from './use-form-key';

// A correction by hand: + makes a new lot, − takes from the lots that expire first (the router
// refuses more than the member holds with POINTS_INSUFFICIENT). The reason is mandatory and audited.

const adjustForm = (t: TFunction) => z.object({ points: pointsTextSchema(t, true), reason: adjustInput.shape.reason });
type AdjustFormValues = z.input<ReturnType<typeof adjustForm>>;
type AdjustTyped = z.output<ReturnType<typeof adjustForm>>;
const FIELDS = ['points', 'reason'] as const;

interface AdjustProps {
  memberId: number;
  onClose: () => void;
}

function AdjustForm({ memberId, onClose }: AdjustProps) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const resolver = useMemo(() => zodResolver(adjustForm(t)), [t]);
  const form = useForm<AdjustFormValues, unknown, AdjustTyped>({ resolver, defaultValues: { points: '', reason: '' } });
  // The fields hold text either way; only the checked output turns the points into a number.
  const control = form.control as unknown as Control<AdjustFormValues>;
  const server = useServerError(form.setError, FIELDS);
  const [points, reason] = useWatch({ control: form.control, name: ['points', 'reason'] });
  const idempotencyKey = useFormKey(`${points.trim()}|${reason.trim()}`);
  const adjust = useChannelMutation('points.adjust', { onSuccess: onClose, onError: server.report });
  const submit = form.handleSubmit((typed) => {
    server.clear();
    adjust.mutate({ memberId, points: typed.points, reason: typed.reason, idempotencyKey });
  });
  const insufficient = server.formError instanceof ApiError && server.formError.code === 'POINTS_INSUFFICIENT';
  return (
    <FormDialogFrame
      title={t('points:adjust.title')}
      explanation={t('points:adjust.explanation')}
      submitLabel={t('points:adjust.confirm')}
      busy={adjust.isPending}
      formError={insufficient ? null : server.formError}
      onSubmit={submit}
      onClose={onClose}
    >
      <PointsField control={control} name="points" label={t('points:adjust.points')} required autoFocus note={t('points:adjust.pointsHint')} refusal={insufficient ? describe(server.formError) : null} />
      <FormTextField control={control} name="reason" label={t('common:reason.label')} required multiline minRows={2} maxLength={adjustInput.shape.reason.maxLength ?? undefined} />
    </FormDialogFrame>
  );
}

/** Finance and admins: add or take away points by hand, with the reason. */
export function AdjustDialog({ open, ...props }: AdjustProps & { open: boolean }) {
  return (
    <PointsDialog open={open} onClose={props.onClose}>
      <AdjustForm {...props} />
    </PointsDialog>
  );
}
