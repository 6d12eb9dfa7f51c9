import { Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { INPUT_LIMITS } from '../../../../../src-shared/contract/common';
import type { PayoutItem } from '../../../../../src-shared/contract/payouts';
import { useErrorText } from '../../../api/error-text';
import { useChannelMutation } from '../../../api/queries';
import { DetailRow } from '../../../ui/DetailRow';
import { Money } from '../../../ui/Money';
import { ReasonDialog } from '../../../ui/ReasonDialog';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';

export type BankAnswer = { kind: 'settle' | 'return'; item: PayoutItem } | null;

/**
 * What the bank answered for a SENT item: settled (the money leaves the clearing account for the
 * bank), or returned with the bank's reason (the amount goes back to funding).
 */
export function BankResultDialogs({ batchId, answer, onClose }: { batchId: number; answer: BankAnswer; onClose: () => void }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const settle = useChannelMutation('payouts.settleItem', { onSuccess: onClose });
  const giveBack = useChannelMutation('payouts.returnItem', { onSuccess: onClose });
  const item = answer?.item;
  const what = item ? t('payout-batch:bank.what', { line: item.line, reference: item.reference }) : '';
  return (
    <>
      <ConfirmDialog
        open={answer?.kind === 'settle'}
        title={t('payout-batch:bank.settleTitle')}
        confirmLabel={t('payout-batch:bank.settle')}
        onConfirm={() => item && settle.mutate({ batchId, itemId: item.id })}
        onClose={() => {
          settle.reset();
          onClose();
        }}
        busy={settle.isPending}
        error={settle.error ? describe(settle.error) : null}
      >
        <Typography>{t('payout-batch:bank.settleExplanation')}</Typography>
        {item && (
          <dl style={{ margin: 0 }}>
            <DetailRow label={t('payout-batch:item.reference')}>{what}</DetailRow>
            <DetailRow label={t('payout-batch:item.amount')} strong>
              <Money minor={item.amount ?? 0} currency={item.currency} />
            </DetailRow>
          </dl>
        )}
      </ConfirmDialog>
      <ReasonDialog
        open={answer?.kind === 'return'}
        title={t('payout-batch:bank.returnTitle')}
        explanation={t('payout-batch:bank.returnExplanation', { what })}
        confirmLabel={t('payout-batch:bank.return')}
        onConfirm={(reason) => item && giveBack.mutate({ batchId, itemId: item.id, reason })}
        onClose={() => {
          giveBack.reset();
          onClose();
        }}
        busy={giveBack.isPending}
        error={giveBack.error}
        maxLength={INPUT_LIMITS.prose}
      />
    </>
  );
}
