import { useState } from 'react';
import { Button, FormControlLabel, Skeleton, Stack, Switch } from '@mui/material';
import AddCard from '@mui/icons-material/AddCardOutlined';
import AccountBalance from '@mui/icons-material/AccountBalanceOutlined';
import { useTranslation } from 'react-i18next';
import type { BankCard } from '../../../../src-shared/contract/cards';
import { contract } from '../../../../src-shared/contract';
import { can } from '../../../../src-shared/permissions';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { useSession } from '../../session/session';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { BankCardsTable } from './BankCardsTable';
import { LinkBankCardDialog } from './LinkBankCardDialog';

const REASON_LIMIT = contract['bankCards.unlink'].input.shape.reason.maxLength ?? undefined;

export interface BankCardsTabProps {
  memberId: number;
  memberName: string;
  closed: boolean;
}

/** The member page's Bank cards tab: the member's own cards that payouts go to, the default first to hand, and those unlinked when asked. */
export function BankCardsTab({ memberId, memberName, closed }: BankCardsTabProps) {
  const { t } = useTranslation();
  const { role } = useSession();
  const manage = can(role, 'bankCards.manage') && !closed;
  const [includeUnlinked, setIncludeUnlinked] = useState(false);
  const [linking, setLinking] = useState(false);
  const [unlinking, setUnlinking] = useState<BankCard | null>(null);
  const cards = useChannelQuery('bankCards.list', { memberId, includeUnlinked });
  const setDefault = useChannelMutation('bankCards.setDefault');
  const unlink = useChannelMutation('bankCards.unlink', { onSuccess: () => setUnlinking(null) });
  const list = cards.data ?? [];
  const linkButton = manage && (
    <Button variant="contained" startIcon={<AddCard />} onClick={() => setLinking(true)}>
      {t('cards:bank.link.action')}
    </Button>
  );
  return (
    <Stack sx={{ gap: 2 }} data-testid="bank-cards-tab">
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
        <FormControlLabel control={<Switch checked={includeUnlinked} onChange={(event) => setIncludeUnlinked(event.target.checked)} />} label={t('cards:bank.showUnlinked')} />
        {list.length > 0 && linkButton}
      </Stack>
      <ErrorAlert error={cards.error ?? setDefault.error} />
      {cards.isPending && <Skeleton variant="rounded" height={120} />}
      {cards.isSuccess && list.length === 0 && (
        <EmptyState icon={<AccountBalance />} title={t('cards:bank.empty')} hint={t(manage ? 'cards:bank.emptyHint' : 'cards:bank.emptyReadOnly')} action={linkButton} />
      )}
      {list.length > 0 && (
        <BankCardsTable cards={list} manage={manage} busy={setDefault.isPending} onSetDefault={(card) => setDefault.mutate({ bankCardId: card.id })} onUnlink={setUnlinking} />
      )}
      <LinkBankCardDialog open={linking} memberId={memberId} memberName={memberName} onClose={() => setLinking(false)} />
      <ReasonDialog
        open={unlinking !== null}
        title={t('cards:bank.unlink.title', { card: unlinking?.maskedPan ?? '' })}
        explanation={t('cards:bank.unlink.explanation')}
        confirmLabel={t('cards:bank.unlink.action')}
        busy={unlink.isPending}
        error={unlink.error}
        maxLength={REASON_LIMIT}
        onClose={() => {
          unlink.reset();
          setUnlinking(null);
        }}
        onConfirm={(reason) => unlinking && unlink.mutate({ bankCardId: unlinking.id, reason })}
      />
    </Stack>
  );
}
