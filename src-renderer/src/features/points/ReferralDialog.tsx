import { useTranslation } from 'react-i18next';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useChannelMutation } from '../../api/queries';
import { useErrorText } from '../../api/error-text';
import { MemberPicker, type PickedMember } from '../wallets/MemberPicker';
import { FormDialogFrame } from '../../ui/FormDialogFrame';
import { PointsDialog } from './PointsDialog';
import { useFormKey } from './use-form-key';

// Member A (this page's member) referred member B, picked with the counter's member finder. The
// router refuses a second referral of B (REFERRAL_EXISTS), A naming themselves (SELF_REFERRAL) and
// one over the period's cap (POINTS_CAP_REACHED); each refusal is said in the dialog.

type ReferralFormValues = { referred: PickedMember | null };

interface ReferralProps {
  memberId: number;
  memberName: string;
  onClose: () => void;
}

function ReferralForm({ memberId, memberName, onClose }: ReferralProps) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const form = useForm<ReferralFormValues>({
    resolver: zodResolver(z.object({ referred: z.custom<PickedMember | null>((value) => value !== null, { message: t('points:referral.pick') }) })),
    defaultValues: { referred: null },
  });
  const referred = useWatch({ control: form.control, name: 'referred' });
  const idempotencyKey = useFormKey(String(referred?.id ?? ''));
  const record = useChannelMutation('points.recordReferral', { onSuccess: onClose });
  const submit = form.handleSubmit(({ referred: picked }) => {
    if (picked) record.mutate({ referrerId: memberId, referredId: picked.id, idempotencyKey });
  });
  return (
    <FormDialogFrame
      title={t('points:referral.title')}
      explanation={t('points:referral.explanation', { name: memberName })}
      submitLabel={t('points:referral.confirm')}
      busy={record.isPending}
      formError={null}
      onSubmit={submit}
      onClose={onClose}
    >
      <Controller
        control={form.control}
        name="referred"
        render={({ field, fieldState }) => (
          <MemberPicker
            label={t('points:referral.referred')}
            value={field.value}
            onPick={(member) => {
              field.onChange(member);
              record.reset();
            }}
            excludeId={memberId}
            autoFocus
            inputRef={field.ref}
            errorText={fieldState.error?.message ?? (record.error ? describe(record.error) : null)}
          />
        )}
      />
    </FormDialogFrame>
  );
}

/** Tellers and admins: record that this member referred another, which earns this member the referral points. */
export function ReferralDialog({ open, ...props }: ReferralProps & { open: boolean }) {
  return (
    <PointsDialog open={open} onClose={props.onClose}>
      <ReferralForm {...props} />
    </PointsDialog>
  );
}
