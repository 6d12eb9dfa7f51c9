import { useTranslation } from 'react-i18next';
import { reverseRedemptionInput, type PointsHistoryRow } from '../../../../src-shared/contract/points';
import { useChannelMutation } from '../../api/queries';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { useFormatMoney } from '../../ui/Money';
import { usePointsFormat } from './points-format';
import { useFormKey } from './use-form-key';

/**
 * Undoes a redemption for a reason: the points go back to the lots they came from, with their
 * original expiry, and the credit leaves the wallet. One key per redemption reversed, so a second
 * click or a retry never reverses twice.
 */
export function ReverseRedemptionDialog({ row, onClose }: { row: PointsHistoryRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const formatPoints = usePointsFormat();
  const formatMoney = useFormatMoney();
  const idempotencyKey = useFormKey(String(row?.transferId ?? ''));
  const reverse = useChannelMutation('points.reverseRedemption', { onSuccess: onClose });
  const close = () => {
    reverse.reset();
    onClose();
  };
  const redemption = row?.redemption;
  return (
    <ReasonDialog
      open={row !== null}
      title={t('points:reverse.title')}
      explanation={
        row && redemption
          ? t('points:reverse.explanation', { points: formatPoints(Math.abs(row.points)), amount: formatMoney(redemption.amount, redemption.currency) })
          : ''
      }
      confirmLabel={t('points:reverse.confirm')}
      onConfirm={(reason) => row && reverse.mutate({ transferId: row.transferId, reason, idempotencyKey })}
      onClose={close}
      busy={reverse.isPending}
      error={reverse.error}
      maxLength={reverseRedemptionInput.shape.reason.maxLength ?? undefined}
    />
  );
}
