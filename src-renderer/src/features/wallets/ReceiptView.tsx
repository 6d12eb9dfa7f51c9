import type { ReactNode } from 'react';
import { Box, Divider, GlobalStyles, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Receipt } from '../../../../src-shared/contract/wallets';
import { formatMemberNumber } from '../../../../src-shared/member-number';
import { DateTime } from '../../ui/DateTime';
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

function Line({ label, children, strong = false }: { label: string; children: ReactNode; strong?: boolean }) {
  return (
    <Stack direction="row" sx={{ justifyContent: 'space-between', gap: 2, py: 0.25 }}>
      <Typography variant="body2" color="text.secondary" component="dt">
        {label}
      </Typography>
      <Typography variant="body2" component="dd" sx={{ m: 0, textAlign: 'right', fontWeight: strong ? 700 : 400 }}>
        {children}
      </Typography>
    </Stack>
  );
}

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
        <Line label={t('wallets:receipt.number')}>{receipt.receiptNumber}</Line>
        <Line label={t('wallets:receipt.time')}>
          <DateTime value={receipt.at} />
        </Line>
        <Line label={t('wallets:receipt.teller')}>{receipt.teller.displayName}</Line>
        <Line label={t('wallets:receipt.member')}>{memberText(receipt.member)}</Line>
        {receipt.counterparty && <Line label={t(receipt.direction === 'out' ? 'wallets:receipt.payee' : 'wallets:receipt.payer')}>{memberText(receipt.counterparty)}</Line>}
        {receipt.merchant && <Line label={t('wallets:receipt.merchant')}>{receipt.merchant}</Line>}
        {receipt.reverses && <Line label={t('wallets:receipt.reverses')}>{receipt.reverses.receiptNumber}</Line>}
        {receipt.reason && <Line label={t('wallets:receipt.reason')}>{receipt.reason}</Line>}
        {receipt.memo && <Line label={t('wallets:receipt.memo')}>{receipt.memo}</Line>}
      </Box>
      <Divider sx={{ my: 1 }} />
      <Box component="dl" sx={{ m: 0 }}>
        <Line label={t('wallets:receipt.amount')}>
          <Money minor={receipt.amount} currency={currency} />
        </Line>
        <Line label={t('wallets:receipt.fee')}>
          <Money minor={receipt.fee} currency={currency} />
        </Line>
        <Line label={t(receipt.direction === 'in' ? 'wallets:receipt.totalIn' : 'wallets:receipt.totalOut')} strong>
          <Money minor={receipt.total} currency={currency} />
        </Line>
        <Line label={t('wallets:receipt.balanceAfter')} strong>
          <Money minor={receipt.balanceAfter} currency={currency} />
        </Line>
      </Box>
      {receipt.reversedBy && (
        <Typography variant="body2" color="warning.main" sx={{ mt: 1 }}>
          {t('wallets:receipt.reversedBy', { receipt: receipt.reversedBy })}
        </Typography>
      )}
    </Box>
  );
}
