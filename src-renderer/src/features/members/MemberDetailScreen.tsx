import { useState, type ReactNode } from 'react';
import { Alert, Box, Button, CircularProgress, Grid, Paper, Typography } from '@mui/material';
import ArrowBack from '@mui/icons-material/ArrowBack';
import Edit from '@mui/icons-material/EditOutlined';
import PointOfSale from '@mui/icons-material/PointOfSaleOutlined';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../src-shared/contract/members';
import { formatMemberNumber } from '../../../../src-shared/member-number';
import { can } from '../../../../src-shared/permissions';
import { useChannelQuery } from '../../api/queries';
import { useSession } from '../../session/session';
import { DateTime } from '../../ui/DateTime';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageFrame } from '../../ui/PageFrame';
import { WalletHistoryGrid } from '../wallets/WalletHistoryGrid';
import { WalletPanel } from '../wallets/WalletPanel';
import { MemberTabs, useMemberTab, withoutMemberTab } from '../points/MemberTabs';
import { PointsTab } from '../points/PointsTab';
import { TierCard } from '../points/TierCard';
import { BankCardsTab } from '../cards/BankCardsTab';
import { CardsTab } from '../cards/CardsTab';
import { IdDocumentReveal } from './IdDocumentReveal';
import { MemberFormDialog } from './MemberFormDialog';
import { MemberHistoryPanel } from './MemberHistoryPanel';
import { MemberStatusActions } from './MemberStatusActions';
import { MemberStatusChip } from './MemberStatusChip';
import { memberPath, membersListPathFrom, tellerPathFor } from './member-paths';
import { PageSection } from '../../ui/PageSection';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="dt">
        {label}
      </Typography>
      {/* A long email breaks anywhere rather than run into the next fact. */}
      <Typography variant="body2" component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Box>
  );
}

function MemberFacts({ member }: { member: Member }) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Grid container component="dl" spacing={2} sx={{ m: 0 }}>
        <Grid size={{ xs: 6, md: 3 }}>
          <Fact label={t('members:field.status')}>
            <MemberStatusChip status={member.status} />
          </Fact>
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <Fact label={t('members:field.phone')}>{member.phone}</Fact>
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <Fact label={t('members:field.email')}>{member.email ?? '—'}</Fact>
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <Fact label={t('members:field.idDocument')}>
            <IdDocumentReveal member={member} />
          </Fact>
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <Fact label={t('members:field.referredBy')}>
            {member.referredBy ? <Link to={memberPath(member.referredBy.id)}>{`${member.referredBy.name} · ${formatMemberNumber(member.referredBy.memberNumber)}`}</Link> : '—'}
          </Fact>
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <Fact label={t('members:field.createdAt')}>
            <DateTime value={member.createdAt} />
          </Fact>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Fact label={t('members:field.notes')}>{member.notes ?? '—'}</Fact>
        </Grid>
      </Grid>
      {member.statusReason && member.status !== 'active' && (
        <Alert severity={member.status === 'frozen' ? 'info' : 'warning'} sx={{ mt: 2 }}>
          {t(`members:statusReason.${member.status}`, { reason: member.statusReason })}
        </Alert>
      )}
    </Paper>
  );
}


/** Back to the list as it was left: a member opened from the list carries the list's view in its query. */
function BackToMembers() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <Button startIcon={<ArrowBack />} component={Link} to={membersListPathFrom(withoutMemberTab(params))}>
      {t('members:detail.back')}
    </Button>
  );
}

function MemberActions({ member, onEdit, onError }: { member: Member; onEdit: () => void; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { role } = useSession();
  return (
    <>
      <BackToMembers />
      {can(role, 'wallet.deposit') && member.status !== 'closed' && (
        <Button variant="contained" startIcon={<PointOfSale />} onClick={() => void navigate(tellerPathFor(member.id))}>
          {t('members:detail.counter')}
        </Button>
      )}
      {can(role, 'members.write') && member.status !== 'closed' && (
        <>
          <Button variant="outlined" startIcon={<Edit />} onClick={onEdit}>
            {t('members:detail.edit')}
          </Button>
          <MemberStatusActions member={member} onError={onError} />
        </>
      )}
    </>
  );
}

/** One member: who they are, their money, what moved and what changed. */
export function MemberDetailScreen({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  const member = useChannelQuery('members.get', { id: memberId });
  const wallets = useChannelQuery('wallets.summary', { memberId });
  const [editing, setEditing] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [tab, setTab] = useMemberTab();

  if (member.isPending) return <CircularProgress sx={{ m: 4 }} aria-label={t('common:loading')} />;
  if (member.isError) {
    return (
      <PageFrame title={t('members:detail.notFound')} actions={<BackToMembers />}>
        <ErrorAlert error={member.error} />
      </PageFrame>
    );
  }
  const data = member.data;
  const currencies = wallets.data?.wallets.map((wallet) => wallet.currency) ?? [];
  return (
    <PageFrame title={data.name} subtitle={t('members:detail.subtitle', { number: formatMemberNumber(data.memberNumber) })} actions={<MemberActions member={data} onEdit={() => setEditing(true)} onError={setActionError} />}>
      <ErrorAlert error={actionError} />
      <MemberFacts member={data} />
      <TierCard memberId={memberId} />
      <MemberTabs value={tab} onChange={setTab} />
      {tab === 'points' && <PointsTab memberId={memberId} memberName={data.name} currencies={currencies} closed={data.status === 'closed'} />}
      {tab === 'cards' && <CardsTab memberId={memberId} memberName={data.name} closed={data.status === 'closed'} />}
      {tab === 'bankCards' && <BankCardsTab memberId={memberId} memberName={data.name} closed={data.status === 'closed'} />}
      {tab === 'wallets' && (
        <>
          <PageSection title={t('wallets:panel.title')}>
            <WalletPanel memberId={memberId} />
          </PageSection>
          <PageSection title={t('wallets:history.title')}>
            {currencies.length > 0 && <WalletHistoryGrid memberId={memberId} currencies={currencies} />}
          </PageSection>
        </>
      )}
      <PageSection title={t('members:history.title')}>
        <MemberHistoryPanel memberId={memberId} />
      </PageSection>
      <MemberFormDialog open={editing} member={data} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
    </PageFrame>
  );
}
