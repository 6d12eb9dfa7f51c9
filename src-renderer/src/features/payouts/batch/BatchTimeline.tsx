import { Box, List, ListItem, ListItemIcon, ListItemText, Typography } from '@mui/material';
import FileUpload from '@mui/icons-material/FileUploadOutlined';
import Send from '@mui/icons-material/SendOutlined';
import TaskAlt from '@mui/icons-material/TaskAltOutlined';
import Block from '@mui/icons-material/BlockOutlined';
import PlayArrow from '@mui/icons-material/PlayArrowOutlined';
import DoneAll from '@mui/icons-material/DoneAllOutlined';
import AccountBalance from '@mui/icons-material/AccountBalanceOutlined';
import Undo from '@mui/icons-material/UndoOutlined';
import Circle from '@mui/icons-material/CircleOutlined';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Batch } from '../../../../../src-shared/contract/payouts';
import { useChannelQuery } from '../../../api/queries';
import { DateTime } from '../../../ui/DateTime';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { timelineText } from './timeline-text';

const ICONS: Record<string, ReactElement> = {
  'payout.import': <FileUpload />,
  'payout.submit': <Send />,
  'payout.approve': <TaskAlt color="success" />,
  'payout.reject': <Block color="error" />,
  'payout.cancel': <Block />,
  'payout.executeStart': <PlayArrow />,
  'payout.executeEnd': <DoneAll color="success" />,
  'payout.settle': <AccountBalance />,
  'payout.return': <Undo color="warning" />,
};

/** Each step of the batch as the audit log recorded it: what, who and when, oldest first. */
export function BatchTimeline({ batch }: { batch: Batch }) {
  const { t, i18n } = useTranslation();
  const timeline = useChannelQuery('payouts.timeline', { batchId: batch.id });
  if (timeline.error) return <ErrorAlert error={timeline.error} />;
  if (timeline.data?.length === 0) return <EmptyState title={t('payout-batch:timeline.empty')} />;
  return (
    <List aria-label={t('payout-batch:timeline.title')} data-testid="timeline" sx={{ position: 'relative' }}>
      {timeline.data?.map((entry, index) => {
        const words = timelineText(entry, t, i18n.language, batch.currency);
        return (
          <ListItem key={index} alignItems="flex-start" divider={index < timeline.data.length - 1}>
            <ListItemIcon sx={{ mt: 0.5 }}>{ICONS[entry.action] ?? <Circle />}</ListItemIcon>
            <ListItemText
              primary={words.title}
              secondary={
                <Box component="span" sx={{ display: 'flex', flexDirection: 'column' }}>
                  {words.detail && (
                    <Typography component="span" variant="body2" color="text.primary">
                      {words.detail}
                    </Typography>
                  )}
                  <Typography component="span" variant="body2" color="text.secondary">
                    {t('payout-batch:timeline.by', { actor: entry.actor })} · <DateTime value={entry.at} />
                  </Typography>
                </Box>
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
}
