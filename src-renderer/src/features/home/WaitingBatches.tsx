import { List, ListItemButton, ListItemText, Paper, Typography } from '@mui/material';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../../../src-shared/contract/dashboard';
import { DateTime } from '../../ui/DateTime';
import { Money } from '../../ui/Money';
import { batchPath } from '../payouts/payout-paths';

/** The batches waiting for a second person's approval, longest waiting first, each opening its batch page. */
export function WaitingBatches({ waiting }: { waiting: NonNullable<DashboardSummary['waitingApproval']> }) {
  const { t } = useTranslation();
  if (waiting.count === 0) return null;
  const title = t('home:dashboard.waiting.listTitle');
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={title}>
      <Typography variant="subtitle1" component="h2">
        {title}
      </Typography>
      <List dense disablePadding>
        {waiting.batches.map((batch) => (
          <ListItemButton key={batch.id} component={Link} to={batchPath(batch.id)} sx={{ px: 1, gap: 2 }}>
            <ListItemText
              primary={batch.fileName}
              secondary={
                <>
                  {t('home:dashboard.waiting.maker', { name: batch.makerName ?? batch.maker, items: batch.items })}
                  {batch.submittedAt && (
                    <>
                      {' · '}
                      <DateTime value={batch.submittedAt} />
                    </>
                  )}
                </>
              }
              slotProps={{ primary: { noWrap: true } }}
              sx={{ minWidth: 0 }}
            />
            <Money minor={batch.total} currency={batch.currency} sx={{ fontWeight: 500 }} />
          </ListItemButton>
        ))}
      </List>
      {waiting.count > waiting.batches.length && (
        <Typography variant="caption" color="text.secondary">
          {t('home:dashboard.waiting.more', { count: waiting.count - waiting.batches.length })}
        </Typography>
      )}
    </Paper>
  );
}
