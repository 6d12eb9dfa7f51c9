import { useState } from 'react';
import { Alert, Button, Grid, Paper, Stack, Typography } from '@mui/material';
import OpenInNew from '@mui/icons-material/OpenInNew';
import PointOfSale from '@mui/icons-material/PointOfSaleOutlined';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatMemberNumber } from '../../../../src-shared/member-number';
import { useChannelQuery } from '../../api/queries';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageFrame } from '../../ui/PageFrame';
import { MemberStatusChip } from '../members/MemberStatusChip';
import { MEMBER_PARAM, memberIdFrom, memberPath } from '../members/member-paths';
import { MemberPicker, type PickedMember } from './MemberPicker';
import { OperationPanel } from './OperationPanel';
import { ReceiptDialog } from './ReceiptDialog';
import { WalletPanel } from './WalletPanel';

function PickedMemberCard({ member }: { member: PickedMember }) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      {/* In a narrow column (1024 px, or the navigation open) status and link go under a long name. */}
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Stack sx={{ minWidth: 0 }}>
          <Typography variant="h6" component="h2">
            {member.name}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {formatMemberNumber(member.memberNumber)} · {member.phone}
          </Typography>
        </Stack>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
          <MemberStatusChip status={member.status} />
          <Button size="small" component={Link} to={memberPath(member.id)} endIcon={<OpenInNew />} sx={{ whiteSpace: 'nowrap' }}>
            {t('wallets:counter.openMember')}
          </Button>
        </Stack>
      </Stack>
      {member.status === 'frozen' && (
        <Alert severity="info" sx={{ mt: 1 }}>
          {t('wallets:counter.frozen')}
        </Alert>
      )}
    </Paper>
  );
}

/**
 * The counter: find the member (the search has the focus; arrows and Enter pick), then deposit,
 * withdraw, pay or transfer, confirm the main process's numbers, post, and hand over the receipt.
 * The picked member is in the address (?member=id), so the member's page can open the counter on them.
 */
export function TellerCounterScreen() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const memberId = memberIdFrom(params);
  const member = useChannelQuery('members.get', { id: memberId ?? 0 }, { enabled: memberId !== null });
  const wallets = useChannelQuery('wallets.summary', { memberId: memberId ?? 0 }, { enabled: memberId !== null });
  const [receipt, setReceipt] = useState<string | null>(null);
  const picked = memberId !== null && member.data?.id === memberId ? member.data : null;
  const currencies = wallets.data?.wallets.map((wallet) => wallet.currency) ?? [];

  const pick = (next: PickedMember | null) => setParams(next ? { [MEMBER_PARAM]: String(next.id) } : {}, { replace: true });

  return (
    <PageFrame title={t('wallets:counter.title')} subtitle={t('wallets:counter.subtitle')}>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 5 }}>
          <Stack sx={{ gap: 2 }}>
            <MemberPicker label={t('wallets:picker.label')} value={picked} onPick={pick} autoFocus={memberId === null} />
            <ErrorAlert error={member.error} />
            {picked && <PickedMemberCard member={picked} />}
            {picked && <WalletPanel memberId={picked.id} />}
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, md: 7 }}>
          {picked && currencies.length > 0 ? (
            <OperationPanel key={picked.id} member={picked} currencies={currencies} onPosted={(posted) => setReceipt(posted.receiptNumber)} />
          ) : (
            <Paper variant="outlined">
              <EmptyState icon={<PointOfSale />} title={t('wallets:counter.emptyTitle')} hint={t('wallets:counter.emptyHint')} />
            </Paper>
          )}
        </Grid>
      </Grid>
      <ReceiptDialog receiptNumber={receipt} onClose={() => setReceipt(null)} />
    </PageFrame>
  );
}
