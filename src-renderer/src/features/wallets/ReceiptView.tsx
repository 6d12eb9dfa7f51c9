import { Box, Divider, GlobalStyles, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Receipt } from '../../../../src-shared/contract/wallets';
import { formatMemberNumber } from '../../../../src-shared/member-number';
import { DateTime } from '../../ui/DateTime';
import { DetailRow } from '../../ui/DetailRow';
import { Money } from '../../ui/Money';

export const RECEIPT_PRINT_CLASS = 'paydesk-receipt';

// Printing shows the receipt alone: the app bar, the navigation, the dialog's title and buttons
// and the backdrop are hidden, the receipt moves to the top of its sheet, and it prints in black.
const printStyles = {
  '@media print': {
    'body *': { visibility: 'hidden' },
    [`.${RECEIPT_PRINT_CLASS}, .${RECEIPT_PRINT_CLASS} *`]: { visibility: 'visible' },
    [`.${RECEIPT_PRINT_CLASS}`]: { position: 'absolute', top: 0, left: 0, width: '100%', color: '#000' },
  },
};

function memberText(member: { name: string; memberNumber: string }): string {
  return `${member.name} · ${formatMemberNumber(member.memberNumber)}`;
}

/**
 * One receipt as the member is handed it; everything on it came from the main process. Only a
 * printable view is put on paper, so a receipt shown for reference under another never prints.
 */
export function ReceiptView({ receipt, printable = true }: { receipt: Receipt; printable?: boolean }) {
  const { t } = useTranslation();
  const { currency } = receipt;
  return (
    <Box className={printable ? RECEIPT_PRINT_CLASS : undefined} data-testid="receipt" sx={{ fontVariantNumeric: 'tabular-nums' }}>
      {printable && <GlobalStyles styles={printStyles} />}
      <Typography variant="overline" component="p" color="text.secondary">
        {t('common:appName')} · {t('wallets:receipt.heading')}
      </Typography>
      <Typography variant="h6" component="p">
        {t(`wallets:operation.${receipt.operation}`)}
      </Typography>
      <Box component="dl" sx={{ m: 0, mt: 1 }}>
        <DetailRow dense label={t('wallets:receipt.number')}>{receipt.receiptNumber}</DetailRow>
        <DetailRow dense label={t('wallets:receipt.time')}>
          <DateTime value={receipt.at} />
        </DetailRow>
        <DetailRow dense label={t('wallets:receipt.teller')}>{receipt.teller.displayName}</DetailRow>
        {receipt.approvedBy && <DetailRow dense label={t('wallets:receipt.approvedBy')}>{receipt.approvedBy.displayName}</DetailRow>}
        <DetailRow dense label={t('wallets:receipt.member')}>{memberText(receipt.member)}</DetailRow>
        {receipt.counterparty && <DetailRow dense label={t(receipt.direction === 'out' ? 'wallets:receipt.payee' : 'wallets:receipt.payer')}>{memberText(receipt.counterparty)}</DetailRow>}
        {receipt.merchant && <DetailRow dense label={t('wallets:receipt.merchant')}>{receipt.merchant}</DetailRow>}
        {receipt.reverses && <DetailRow dense label={t('wallets:receipt.reverses')}>{receipt.reverses.receiptNumber}</DetailRow>}
        {receipt.reason && <DetailRow dense label={t('wallets:receipt.reason')}>{receipt.reason}</DetailRow>}
        {receipt.memo && <DetailRow dense label={t('wallets:receipt.memo')}>{receipt.memo}</DetailRow>}
      </Box>
      <Divider sx={{ my: 1 }} />
      <Box component="dl" sx={{ m: 0 }}>
        <DetailRow dense label={t('wallets:receipt.amount')}>
          <Money minor={receipt.amount} currency={currency} />
        </DetailRow>
        <DetailRow dense label={t('wallets:receipt.fee')}>
          <Money minor={receipt.fee} currency={currency} />
        </DetailRow>
        <DetailRow dense label={t(receipt.direction === 'in' ? 'wallets:receipt.totalIn' : 'wallets:receipt.totalOut')} strong>
          <Money minor={receipt.total} currency={currency} />
        </DetailRow>
        <DetailRow dense label={t('wallets:receipt.balanceAfter')} strong>
          <Money minor={receipt.balanceAfter} currency={currency} />
        </DetailRow>
      </Box>
      {receipt.reversedBy && (
        <Typography variant="body2" color="warning.main" sx={{ mt: 1 }}>
          {t('wallets:receipt.reversedBy', { receipt: receipt.reversedBy })}
        </Typography>
      )}
    </Box>
  );
}
