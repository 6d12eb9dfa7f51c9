import { Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Batch } from '../../../../../src-shared/contract/payouts';
import { DetailRow } from '../../../ui/DetailRow';
import { Money } from '../../../ui/Money';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';

/** Paying cannot be undone from the screen: the count and total are shown once more before it starts. */
export function ExecuteDialog({ batch, open, resume, onConfirm, onClose }: { batch: Batch; open: boolean; resume: boolean; onConfirm: () => void; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <ConfirmDialog
      open={open}
      title={t(resume ? 'payout-batch:execute.resumeTitle' : 'payout-batch:execute.title')}
      confirmLabel={t(resume ? 'payout-batch:execute.resume' : 'payout-batch:execute.confirm')}
      onConfirm={onConfirm}
      onClose={onClose}
    >
      <Typography>{t(resume ? 'payout-batch:execute.resumeExplanation' : 'payout-batch:execute.explanation')}</Typography>
      <dl style={{ margin: 0 }}>
        <DetailRow label={t('payout-batch:submit.items')}>{new Intl.NumberFormat(i18n.language).format(batch.itemCount)}</DetailRow>
        <DetailRow label={t('payout-batch:submit.total')} strong>
          <Money minor={batch.total} currency={batch.currency} />
        </DetailRow>
      </dl>
    </ConfirmDialog>
  );
}
