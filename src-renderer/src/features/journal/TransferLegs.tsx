import { Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { JournalAccount } from '../../../../src-shared/contract/journal';
import type { Transfer } from '../../../../src-shared/contract/ledger';
import { Money } from '../../ui/Money';
import type { JournalWords } from './journal-words';

interface TransferLegsProps {
  transfer: Transfer;
  debit: JournalAccount;
  credit: JournalAccount;
  words: JournalWords;
  /** Shows the journal of one account. */
  onShowAccount: (code: string) => void;
}

/** The two legs of a transfer, as a bookkeeper writes them: the account debited, then the one credited. */
export function TransferLegs({ transfer, debit, credit, words, onShowAccount }: TransferLegsProps) {
  const { t } = useTranslation();
  const money = <Money minor={transfer.amount} currency={transfer.currency} />;
  const leg = (account: JournalAccount, side: 'debit' | 'credit') => (
    <TableRow key={side}>
      <TableCell>
        <Link component="button" type="button" variant="body2" onClick={() => onShowAccount(account.code)} sx={{ textAlign: 'left' }} title={t('journal:detail.accountJournal')}>
          {words.account(account)}
        </Link>
        <Typography variant="caption" color="text.secondary" component="div">
          {account.code}
        </Typography>
      </TableCell>
      <TableCell align="right">{side === 'debit' ? money : null}</TableCell>
      <TableCell align="right">{side === 'credit' ? money : null}</TableCell>
    </TableRow>
  );
  return (
    <Table size="small" aria-label={t('journal:detail.legs')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('journal:field.account')}</TableCell>
          <TableCell align="right">{t('journal:field.debit')}</TableCell>
          <TableCell align="right">{t('journal:field.credit')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {leg(debit, 'debit')}
        {leg(credit, 'credit')}
      </TableBody>
    </Table>
  );
}
