import { Paper, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CardEvent } from '../../../../src-shared/contract/cards';
import { DateTime } from '../../ui/DateTime';
import { cardEventText } from './card-event-text';

/** Every change of the card's state, oldest first: when, what and why, who, and from where. */
export function CardHistory({ events }: { events: CardEvent[] }) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={t('cards:history.title')} data-testid="card-history">
        <TableHead>
          <TableRow>
            <TableCell>{t('cards:history.at')}</TableCell>
            <TableCell>{t('cards:history.change')}</TableCell>
            <TableCell>{t('cards:history.note')}</TableCell>
            <TableCell>{t('cards:history.actor')}</TableCell>
            <TableCell>{t('cards:history.channel')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {events.map((event) => (
            <TableRow key={event.id}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <DateTime value={event.at} />
              </TableCell>
              <TableCell>{cardEventText(event, t)}</TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{event.note ?? '—'}</TableCell>
              <TableCell>{event.actor}</TableCell>
              <TableCell>{t(`cards:channel.${event.channel}`)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
