import { useState } from 'react';
import { Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import Undo from '@mui/icons-material/Undo';
import { useTranslation } from 'react-i18next';
import type { Receipt } from '../../../../src-shared/contract/wallets';
import { can } from '../../../../src-shared/permissions';
import { useChannelQuery } from '../../api/queries';
import { useSession } from '../../session/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ReceiptView } from './ReceiptView';
import { ReversalDialog } from './ReversalDialog';
import { PrintAndClose } from './PrintAndClose';

/** A receipt may be reversed once, unless it is itself a reversal. */
export function isReversible(receipt: Receipt): boolean {
  return receipt.operation !== 'reversal' && receipt.reversedBy === null;
}

function ReceiptContent({ receiptNumber, onClose }: { receiptNumber: string; onClose: () => void }) {
  const { t } = useTranslation();
  const canReverse = can(useSession().role, 'ledger.reverse');
  const receipt = useChannelQuery('wallets.receipt', { receiptNumber });
  const [reversing, setReversing] = useState(false);
  return (
    <>
      <DialogTitle>{t('wallets:receipt.title', { receipt: receiptNumber })}</DialogTitle>
      <DialogContent>
        {receipt.isPending && <CircularProgress aria-label={t('common:loading')} />}
        <ErrorAlert error={receipt.error} />
        {receipt.data && <ReceiptView receipt={receipt.data} printable={!reversing} />}
      </DialogContent>
      <DialogActions>
        {canReverse && receipt.data && isReversible(receipt.data) && (
          <Button color="warning" startIcon={<Undo />} onClick={() => setReversing(true)}>
            {t('wallets:reverse.action')}
          </Button>
        )}
        <PrintAndClose onClose={onClose} canPrint={receipt.data !== undefined} />
      </DialogActions>
      <ReversalDialog receiptNumber={reversing ? receiptNumber : null} onClose={() => setReversing(false)} />
    </>
  );
}

/** Shows a receipt by its number (fetched again, so a later reversal shows on it), with Print. */
export function ReceiptDialog({ receiptNumber, onClose }: { receiptNumber: string | null; onClose: () => void }) {
  return (
    <Dialog open={receiptNumber !== null} onClose={onClose} maxWidth="xs" fullWidth>
      {receiptNumber !== null && <ReceiptContent receiptNumber={receiptNumber} onClose={onClose} />}
    </Dialog>
  );
}
