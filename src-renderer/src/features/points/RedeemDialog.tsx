import { useMemo } from 'react';
import { Box, MenuItem, Stack, Typography } from '@mui/material';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { Redemption } from '../../../../src-shared/contract/points';
import { ApiError } from '../../api/call';
import { useErrorText } from '../../api/error-text';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { DetailRow } from '../../ui/DetailRow';
import { FormTextField } from '../../ui/form';
import { useFormatMoney } from '../../ui/Money';
import { checkPoints, pointsTextSchema } from './points-input';
import { usePointsFormat } from './points-format';
import { FormDialogFrame } from '../../ui/FormDialogFrame';
import { PointsDialog } from './PointsDialog';
import { PointsField } from './PointsField';
import { useFormKey } from './use-form-key';
import { useRedeemPreview } from './use-redeem-preview';

// Points into wallet credit. As the points are typed, the router's dry run of the very request
// the dialog would post says what it would pay and what stays; the dialog shows that, and never
// a sum of its own. A refusal (POINTS_INSUFFICIENT, POINTS_BELOW_UNIT, a negative number) is said
// under the points, from the dry run before the click and from the post after it.

const redeemForm = (t: TFunction) => z.object({ points: pointsTextSchema(t, false), currency: z.string().min(1) });
type RedeemFormValues = z.input<ReturnType<typeof redeemForm>>;
type RedeemTyped = z.output<ReturnType<typeof redeemForm>>;

/** Refusals that are about the points typed, shown under the points field. */
const POINTS_REFUSALS = new Set(['POINTS_INSUFFICIENT', 'POINTS_BELOW_UNIT', 'AMOUNT_INVALID', 'INVALID_INPUT']);

function isPointsRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && POINTS_REFUSALS.has(error.code);
}

function RedeemPreview({ redemption, settling }: { redemption: Redemption; settling: boolean }) {
  const { t } = useTranslation();
  const formatPoints = usePointsFormat();
  const formatMoney = useFormatMoney();
  return (
    <Box data-testid="redeem-preview" aria-live="polite" sx={{ p: 1.5, borderRadius: 1, bgcolor: 'action.hover', opacity: settling ? 0.6 : 1 }}>
      <Typography variant="subtitle1" component="p" sx={{ fontWeight: 500, mb: 1 }}>
        {t('points:redeem.preview', {
          points: formatPoints(redemption.pointsRequested),
          amount: formatMoney(redemption.amount, redemption.currency),
        })}
      </Typography>
      {redemption.pointsKept > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('points:redeem.kept', { points: formatPoints(redemption.pointsKept) })}
        </Typography>
      )}
      <Stack component="dl" sx={{ m: 0, gap: 0.5 }}>
        <DetailRow label={t('points:redeem.pointsAfter')} dense>
          {formatPoints(redemption.pointsBalanceAfter)}
        </DetailRow>
        <DetailRow label={t('points:redeem.walletAfter', { currency: redemption.currency })} dense>
          {formatMoney(redemption.walletBalanceAfter, redemption.currency)}
        </DetailRow>
      </Stack>
    </Box>
  );
}

interface RedeemProps {
  memberId: number;
  currencies: string[];
  onClose: () => void;
}

function RedeemForm({ memberId, currencies, onClose }: RedeemProps) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const formatPoints = usePointsFormat();
  const summary = useChannelQuery('points.summary', { memberId });
  const loyalty = useChannelQuery('points.rules', {});
  const resolver = useMemo(() => zodResolver(redeemForm(t)), [t]);
  const form = useForm<RedeemFormValues, unknown, RedeemTyped>({ resolver, defaultValues: { points: '', currency: currencies[0] ?? '' } });
  // The fields hold text either way; only the checked output turns the points into a number.
  const control = form.control as unknown as Control<RedeemFormValues>;
  const [typedPoints, currency] = useWatch({ control: form.control, name: ['points', 'currency'] });
  const points = checkPoints(typedPoints, false).points;
  const idempotencyKey = useFormKey(`${points}|${currency}`);
  const { preview, settling } = useRedeemPreview({ memberId, points, currency, idempotencyKey });
  const redeem = useChannelMutation('points.redeem', { onSuccess: onClose });
  const submit = form.handleSubmit((typed) => redeem.mutate({ memberId, points: typed.points, currency: typed.currency, idempotencyKey }));
  // The post's refusal of what is typed now, else the dry run's: about the points, it goes under them; anything else above the buttons.
  const postError = redeem.variables?.idempotencyKey === idempotencyKey ? redeem.error : null;
  const shownError = postError ?? (points !== null ? preview.error : null);
  const refusal = isPointsRefusal(shownError) ? shownError : null;
  const unit = loyalty.data?.rules.pointsPerRedemptionUnit;
  const note = summary.data && unit !== undefined ? t('points:redeem.note', { spendable: formatPoints(summary.data.spendable), unit: formatPoints(unit), currency }) : undefined;
  return (
    <FormDialogFrame
      title={t('points:redeem.title')}
      explanation={t('points:redeem.explanation')}
      submitLabel={t('points:redeem.confirm')}
      busy={redeem.isPending}
      formError={refusal ? null : shownError}
      onSubmit={submit}
      onClose={onClose}
    >
      <Stack direction="row" sx={{ gap: 2, alignItems: 'flex-start' }}>
        <PointsField control={control} name="points" label={t('points:field.points')} required autoFocus refusal={refusal ? describe(refusal) : null} note={note} />
        {currencies.length > 1 && (
          <FormTextField control={control} name="currency" label={t('points:field.currency')} select sx={{ width: 140, flexShrink: 0 }}>
            {currencies.map((code) => (
              <MenuItem key={code} value={code}>
                {code}
              </MenuItem>
            ))}
          </FormTextField>
        )}
      </Stack>
      {points !== null && preview.data && !refusal && <RedeemPreview redemption={preview.data} settling={settling} />}
    </FormDialogFrame>
  );
}

/** Tellers and admins: the member's points into credit in one of their wallets, previewed as typed. */
export function RedeemDialog({ open, ...props }: RedeemProps & { open: boolean }) {
  return (
    <PointsDialog open={open} onClose={props.onClose}>
      <RedeemForm {...props} />
    </PointsDialog>
  );
}
