import { Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Authorization } from '../../../../src-shared/contract/cards';
import { DateTime } from '../../ui/DateTime';
import { EmptyState } from '../../ui/EmptyState';
import { Money } from '../../ui/Money';
import { groupCardNumber } from '../cards/card-number-text';
import { AuthorizationStatusChip } from './AuthorizationStatusChip';

/** An attempt made at this terminal, with the currency its amount was typed in (a number that matched no card has none of its own). */
export interface TerminalAttempt {
  authorization: Authorization;
  currency: string;
}

export interface RecentAuthorizationsProps {
  attempts: readonly TerminalAttempt[];
  selectedId: number | null;
  onSelect: (attempt: TerminalAttempt) => void;
}

/** The attempts made here since the screen opened, newest first; choosing an approved one brings back its Capture and Void. */
export function RecentAuthorizations({ attempts, selectedId, onSelect }: RecentAuthorizationsProps) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" component="section" aria-labelledby="recent-authorizations-title" sx={{ p: 2 }}>
      <Typography id="recent-authorizations-title" variant="h6" component="h2" sx={{ mb: 1 }}>
        {t('card-admin:terminal.recent.title')}
      </Typography>
      {attempts.length === 0 ? (
        <EmptyState title={t('card-admin:terminal.recent.title')} hint={t('card-admin:terminal.recent.empty')} />
      ) : (
        <TableContainer>
          <Table size="small" aria-labelledby="recent-authorizations-title">
            <TableHead>
              <TableRow>
                <TableCell>#</TableCell>
                <TableCell>{t('card-admin:terminal.authorization.at')}</TableCell>
                <TableCell>{t('card-admin:terminal.authorization.card')}</TableCell>
                <TableCell>{t('card-admin:terminal.authorization.merchant')}</TableCell>
                <TableCell align="right">{t('card-admin:terminal.authorization.amount')}</TableCell>
                <TableCell>{t('card-admin:terminal.authorization.status')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {attempts.map((attempt) => {
                const { authorization } = attempt;
                return (
                  <TableRow
                    key={authorization.id}
                    hover
                    selected={authorization.id === selectedId}
                    tabIndex={0}
                    onClick={() => onSelect(attempt)}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter') onSelect(attempt);
                    }}
                    sx={{ cursor: 'pointer' }}
                  >
                    <TableCell>{authorization.id}</TableCell>
                    <TableCell>
                      <DateTime value={authorization.at} />
                    </TableCell>
                    <TableCell sx={{ fontFamily: 'ui-monospace, "Roboto Mono", monospace', whiteSpace: 'nowrap' }}>{groupCardNumber(authorization.maskedPan)}</TableCell>
                    <TableCell>{authorization.merchant}</TableCell>
                    <TableCell align="right">
                      <Money minor={authorization.amount} currency={attempt.currency} />
                    </TableCell>
                    <TableCell>
                      <AuthorizationStatusChip status={authorization.status} />
                      {authorization.declineCode && (
                        <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                          {authorization.declineCode}
                        </Typography>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Paper>
  );
}
