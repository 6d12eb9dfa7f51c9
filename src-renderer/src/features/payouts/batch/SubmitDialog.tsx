import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Batch } from '../../../../../src-shared/contract/payouts';
import { useErrorText } from '../../../api/error-text';
import { useChannelMutation, useChannelQuery } from '../../../api/queries';
import { amountCurrency, usePayoutProblemText } from '../problem-text';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { DetailRow } from '../../../ui/DetailRow';
import { Money } from '../../../ui/Money';

/** Rows left out that the dialog names one by one; the rest are counted. */
const LISTED = 20;

/**
 * The maker confirms what the batch pays, as the page showed it: the count and total are sent
 * back, and the router refuses (PAYOUT_TOTALS_CHANGED) if they are not what it would submit. Rows
 * with errors are listed as left out.
 */
export function SubmitDialog({ batch, open, onClose }: { batch: Batch; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const describe = useErrorText();
  const problemText = usePayoutProblemText();
  const leftOut = useChannelQuery('payouts.items', { batchId: batch.id, rowStatus: 'error', offset: 0, limit: LISTED }, { enabled: open });
  const submit = useChannelMutation('payouts.submit', { onSuccess: onClose });
  const count = new Intl.NumberFormat(i18n.language);
  const skipped = leftOut.data?.total ?? 0;
  return (
    <ConfirmDialog
      open={open}
      title={t('payout-batch:submit.title')}
      confirmLabel={t('payout-batch:submit.confirm')}
      onConfirm={() => submit.mutate({ batchId: batch.id, itemCount: batch.itemCount, total: batch.total })}
      onClose={() => {
        submit.reset();
        onClose();
      }}
      busy={submit.isPending}
      error={submit.error ? describe(submit.error) : null}
    >
      <Typography>{t('payout-batch:submit.explanation')}</Typography>
      <dl style={{ margin: 0 }} data-testid="submit-totals">
        <DetailRow label={t('payout-batch:submit.items')}>{count.format(batch.itemCount)}</DetailRow>
        <DetailRow label={t('payout-batch:submit.total')} strong>
          <Money minor={batch.total} currency={batch.currency} />
        </DetailRow>
        <DetailRow label={t('payout-batch:submit.leftOut')}>{count.format(batch.rowCount - batch.itemCount)}</DetailRow>
      </dl>
      {skipped > 0 && (
        <>
          <Typography variant="subtitle2">{t('payout-batch:submit.leftOutTitle')}</Typography>
          <List dense disablePadding sx={{ maxHeight: 220, overflowY: 'auto' }} data-testid="left-out">
            {leftOut.data?.rows.map((item) => (
              <ListItem key={item.id} disableGutters>
                <ListItemText
                  primary={t('payout-batch:submit.leftOutRow', { line: item.line, reference: item.reference || '—' })}
                  secondary={item.problems.map((problem) => problemText(problem, amountCurrency(item.currency, batch.currency))).join(' ')}
                />
              </ListItem>
            ))}
          </List>
          {skipped > LISTED && <Typography variant="body2" color="text.secondary">{t('payout-batch:submit.andMore', { count: skipped - LISTED })}</Typography>}
        </>
      )}
    </ConfirmDialog>
  );
}
