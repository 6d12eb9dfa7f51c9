import { useState } from 'react';
import { Button, Grid, Skeleton, Stack } from '@mui/material';
import AddCard from '@mui/icons-material/AddCardOutlined';
import CreditCard from '@mui/icons-material/CreditCardOutlined';
import { useTranslation } from 'react-i18next';
import type { IssuedCard } from '../../../../src-shared/contract/cards';
import { can } from '../../../../src-shared/permissions';
import { useChannelQuery } from '../../api/queries';
import { useSession } from '../../session/session';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageSection } from '../../ui/PageSection';
import { CardDialog } from './CardDialog';
import { CardDetail } from './CardDetail';
import { CardTile } from './CardTile';
import { IssueCardDialog } from './IssueCardDialog';
import { IssuedCardView } from './IssuedCardView';
import { MemberLimitsSection } from './MemberLimitsSection';
import { openCard, useSelectedCard } from './use-selected-card';

export interface CardsTabProps {
  memberId: number;
  memberName: string;
  /** A closed member gets no new cards. */
  closed: boolean;
}

/** The member page's Cards tab: their virtual cards, one opened in detail, and their own spending limits. */
export function CardsTab({ memberId, memberName, closed }: CardsTabProps) {
  const { t } = useTranslation();
  const { role } = useSession();
  const cards = useChannelQuery('cards.memberCards', { memberId });
  const [wanted, select] = useSelectedCard();
  const [issuing, setIssuing] = useState(false);
  // A replacement's number, shown once here: the replaced card's detail, where it was asked for, gives way to the new card's.
  const [replacement, setReplacement] = useState<IssuedCard | null>(null);
  const mayIssue = can(role, 'cards.issue') && !closed;
  const issueButton = mayIssue && (
    <Button variant="contained" startIcon={<AddCard />} onClick={() => setIssuing(true)}>
      {t('cards:action.issue')}
    </Button>
  );
  const list = cards.data ?? [];
  const opened = openCard(list, wanted);
  return (
    <Stack sx={{ gap: 3 }} data-testid="cards-tab">
      <ErrorAlert error={cards.error} />
      {cards.isPending && <Skeleton variant="rounded" height={200} />}
      {cards.isSuccess && list.length === 0 && (
        <EmptyState icon={<CreditCard />} title={t('cards:list.empty')} hint={t(mayIssue ? 'cards:list.emptyHint' : 'cards:list.emptyReadOnly')} action={issueButton} />
      )}
      {list.length > 0 && (
        <PageSection title={t('cards:list.title', { count: list.length })}>
          {issueButton && <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>{issueButton}</Stack>}
          <Grid container spacing={2}>
            {list.map((card) => (
              <Grid key={card.id} size={{ xs: 12, sm: 6, lg: 4 }}>
                <CardTile card={card} selected={card.id === opened?.id} onOpen={select} />
              </Grid>
            ))}
          </Grid>
        </PageSection>
      )}
      {opened && (
        <CardDetail
          cardId={opened.id}
          onReplaced={(issued) => {
            select(issued.card.id);
            setReplacement(issued);
          }}
        />
      )}
      {list.length > 0 && (
        <PageSection title={t('cards:memberLimits.title')}>
          <MemberLimitsSection memberId={memberId} currencies={[...new Set(list.map((card) => card.currency))]} />
        </PageSection>
      )}
      <CardDialog open={replacement !== null} onClose={() => setReplacement(null)}>
        {replacement && <IssuedCardView issued={replacement} title={t('cards:issued.replacedTitle')} onDone={() => setReplacement(null)} />}
      </CardDialog>
      <IssueCardDialog open={issuing} memberId={memberId} memberName={memberName} onClose={() => setIssuing(false)} onIssued={select} />
    </Stack>
  );
}
