import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatMemberNumber } from '../../../../../src-shared/member-number';
import { useChannelQuery } from '../../../api/queries';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Money } from '../../../ui/Money';
import { groupPossibleDuplicates, type DuplicateGroup } from './duplicate-groups';

/** The rows read at once: a file with more possible duplicates than this is a file to send back. */
const READ_AT_MOST = 2_000;

function GroupCard({ group }: { group: DuplicateGroup }) {
  const { t } = useTranslation();
  const member = /^\d+$/.test(group.memberNo) ? formatMemberNumber(group.memberNo) : group.memberNo;
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="duplicate-group">
      <Stack direction="row" sx={{ justifyContent: 'space-between', gap: 2, flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="subtitle2">
          {member} {group.memberName ?? ''}
        </Typography>
        <Money minor={group.amount} currency={group.currency} sx={{ fontWeight: 500 }} />
      </Stack>
      {group.items.length === 1 && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('payout-batch:duplicates.paidRecently')}
        </Typography>
      )}
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('payout-batch:item.line')}</TableCell>
            <TableCell>{t('payout-batch:item.reference')}</TableCell>
            <TableCell>{t('payout-batch:item.destination')}</TableCell>
            <TableCell>{t('payout-batch:item.note')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {group.items.map((item) => (
            <TableRow key={item.id}>
              <TableCell sx={{ fontVariantNumeric: 'tabular-nums' }}>{item.line}</TableCell>
              <TableCell>{item.reference}</TableCell>
              <TableCell>{t(`payouts:destination.${item.destination === 'bank_card' ? 'bank_card' : 'wallet'}`)}</TableCell>
              <TableCell>{item.note}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}

/** The POSSIBLE_DUPLICATE rows side by side, one card per member and amount, so the reviewer sees each pair at once. */
export function DuplicatesDialog({ batchId, open, onClose }: { batchId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const items = useChannelQuery('payouts.items', { batchId, code: 'POSSIBLE_DUPLICATE', offset: 0, limit: READ_AT_MOST }, { enabled: open });
  const groups = groupPossibleDuplicates(items.data?.rows ?? []);
  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth aria-labelledby="duplicates-title">
      <DialogTitle id="duplicates-title">{t('payout-batch:duplicates.title')}</DialogTitle>
      <DialogContent>
        <Stack sx={{ gap: 1.5 }}>
          <Typography variant="body2" color="text.secondary">
            {t('payout-batch:duplicates.explanation')}
          </Typography>
          <ErrorAlert error={items.error} />
          {items.data && items.data.total > READ_AT_MOST && <Alert severity="info">{t('payout-batch:duplicates.firstOnly', { count: READ_AT_MOST, total: items.data.total })}</Alert>}
          {items.data && groups.length === 0 && <Typography>{t('payout-batch:duplicates.none')}</Typography>}
          <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: 'repeat(auto-fill, minmax(360px, 1fr))' }}>
            {groups.map((group) => (
              <GroupCard key={group.key} group={group} />
            ))}
          </Box>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>
          {t('common:actions.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
