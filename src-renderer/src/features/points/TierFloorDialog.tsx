import { useMemo } from 'react';
import { MenuItem } from '@mui/material';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { tierFloorInput, type TierStatus } from '../../../../src-shared/contract/points';
import type { LoyaltyRules } from '../../../../src-shared/settings/loyalty-settings';
import { useChannelMutation } from '../../api/queries';
import { FormTextField, useServerError } from '../../ui/form';
import { FormDialogFrame } from '../../ui/FormDialogFrame';
import { PointsDialog } from './PointsDialog';
import { tierName } from './tier-text';

/** No floor: the select's empty choice. */
const NO_FLOOR = '';

const floorForm = z
  .object({ floor: z.string(), reason: tierFloorInput.shape.reason })
  .transform(({ floor, reason }) => ({ floor: floor === NO_FLOOR ? null : floor, reason }));
type FloorFormValues = z.input<typeof floorForm>;
type FloorRequest = z.output<typeof floorForm>;

const FIELDS = ['floor', 'reason'] as const;

interface FloorProps {
  memberId: number;
  status: TierStatus;
  rules: LoyaltyRules | undefined;
  onClose: () => void;
}

function TierFloorForm({ memberId, status, rules, onClose }: FloorProps) {
  const { t } = useTranslation();
  const form = useForm<FloorFormValues, unknown, FloorRequest>({ resolver: zodResolver(floorForm), defaultValues: { floor: status.floor ?? NO_FLOOR, reason: '' } });
  const control = form.control as Control<FloorFormValues>;
  const server = useServerError(form.setError, FIELDS);
  const setFloor = useChannelMutation('points.setTierFloor', { onSuccess: onClose, onError: server.report });
  const tiers = useMemo(() => rules?.tiers ?? [], [rules]);
  const submit = form.handleSubmit((request) => {
    server.clear();
    setFloor.mutate({ memberId, ...request });
  });
  return (
    <FormDialogFrame title={t('points:floor.title')} explanation={t('points:floor.explanation')} submitLabel={t('points:floor.confirm')} busy={setFloor.isPending} formError={server.formError} onSubmit={submit} onClose={onClose}>
      <FormTextField control={control} name="floor" label={t('points:floor.field')} select autoFocus>
        <MenuItem value={NO_FLOOR}>{t('points:floor.none')}</MenuItem>
        {tiers.map((tier) => (
          <MenuItem key={tier.id} value={tier.id}>
            {tierName(rules, tier.id, t)}
          </MenuItem>
        ))}
      </FormTextField>
      <FormTextField control={control} name="reason" label={t('common:reason.label')} required multiline minRows={2} maxLength={tierFloorInput.shape.reason.maxLength ?? undefined} />
    </FormDialogFrame>
  );
}

/** Admins only: the lowest tier the member may hold, whatever their points, with the reason (audited). */
export function TierFloorDialog({ open, ...props }: FloorProps & { open: boolean }) {
  return (
    <PointsDialog open={open} onClose={props.onClose}>
      <TierFloorForm {...props} />
    </PointsDialog>
  );
}
