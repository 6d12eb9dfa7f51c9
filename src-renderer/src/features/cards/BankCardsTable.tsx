import { Fragment } from 'react';
import { Alert, Button, Chip, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BankCard } from '../../../../src-shared/contract/cards';
import { formatMemberNumber } from '../../../../src-shared/member-number';
import { DateTime } from '../../ui/DateTime';
import { memberPath } from '../members/member-paths';
import { printedExpiry } from './card-number-text';

/** The same card is linked to other members now: said beside it, never refused (issue 10, section 6). */
function AlsoLinkedWarning({ card }: { card: BankCard }) {
  const { t } = useTranslation();
  return (
    <Alert severity="warning" data-testid="also-linked" sx={{ py: 0 }}>
      {t('cards:bank.alsoLinkedTo', { count: card.alsoLinkedTo.length })}{' '}
      {card.alsoLinkedTo.map((member, index) => (
        <Fragment key={member.id}>
          {index > 0 && t('cards:bank.listSeparator')}
          <Link to={memberPath(member.id)}>{`${member.name} · ${formatMemberNumber(member.memberNumber)}`}</Link>
        </Fragment>
      ))}
    </Alert>
  );
}

function Status({ card }: { card: BankCard }) {
  const { t } = useTranslation();
  if (card.unlinkedAt !== null) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('cards:bank.unlinkedBy', { actor: card.unlinkedBy ?? '—' })} <DateTime value={card.unlinkedAt} />
      </Typography>
    );
  }
  return card.isDefault ? <Chip size="small" color="primary" label={t('cards:bank.default')} data-testid="bank-default" /> : <Chip size="small" variant="outlined" label={t('cards:bank.linked')} />;
}

export interface BankCardsTableProps {
  cards: BankCard[];
  /** Shown only to those who may manage bank cards. */
  manage: boolean;
  onSetDefault: (card: BankCard) => void;
  onUnlink: (card: BankCard) => void;
  busy: boolean;
}

/** The member's bank cards: network, last four, holder, expiry, bank, whether it is the default payout card; unlinked ones faded. */
export function BankCardsTable({ cards, manage, onSetDefault, onUnlink, busy }: BankCardsTableProps) {
  const { t } = useTranslation();
  const columns = manage ? 6 : 5;
  return (
    <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={t('cards:bank.title')} data-testid="bank-cards">
        <TableHead>
          <TableRow>
            <TableCell>{t('cards:bank.card')}</TableCell>
            <TableCell>{t('cards:field.holder')}</TableCell>
            <TableCell>{t('cards:field.expiry')}</TableCell>
            <TableCell>{t('cards:field.bank')}</TableCell>
            <TableCell>{t('cards:bank.status')}</TableCell>
            {manage && <TableCell align="right">{t('common:actions.label')}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {cards.map((card) => {
            const linked = card.unlinkedAt === null;
            const warn = linked && card.alsoLinkedTo.length > 0;
            return (
              <Fragment key={card.id}>
                <TableRow data-testid="bank-card-row" sx={{ opacity: linked ? 1 : 0.6, '& > td': warn ? { borderBottom: 0 } : undefined }}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
                      <Chip size="small" variant="outlined" label={t(`cards:brand.${card.brand}`)} />
                      <Typography component="span" sx={{ fontFamily: 'monospace', letterSpacing: '0.06em' }}>
                        {card.maskedPan}
                      </Typography>
                    </Stack>
                  </TableCell>
                  <TableCell>{card.holderName}</TableCell>
                  <TableCell sx={{ fontFamily: 'monospace' }}>{printedExpiry(card.expiryMonth)}</TableCell>
                  <TableCell>{card.bankName ?? '—'}</TableCell>
                  <TableCell>
                    <Status card={card} />
                  </TableCell>
                  {manage && (
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {linked && !card.isDefault && (
                        <Button size="small" disabled={busy} onClick={() => onSetDefault(card)}>
                          {t('cards:bank.setDefault')}
                        </Button>
                      )}
                      {linked && (
                        <Button size="small" color="error" disabled={busy} onClick={() => onUnlink(card)}>
                          {t('cards:bank.unlink.action')}
                        </Button>
                      )}
                    </TableCell>
                  )}
                </TableRow>
                {warn && (
                  <TableRow>
                    <TableCell colSpan={columns} sx={{ pt: 0 }}>
                      <AlsoLinkedWarning card={card} />
                    </TableCell>
                  </TableRow>
                )}
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
    </Paper>
  );
}
