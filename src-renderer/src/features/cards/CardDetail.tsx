import { Alert, Paper, Skeleton, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Card, IssuedCard } from '../../../../src-shared/contract/cards';
import { useChannelQuery } from '../../api/queries';
import { DetailRow } from '../../ui/DetailRow';
import { DateTime } from '../../ui/DateTime';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageSection } from '../../ui/PageSection';
import { CardActionsBar } from './CardActionsBar';
import { CardActivityGrid } from './CardActivityGrid';
import { CardHistory } from './CardHistory';
import { CardLimitsPanel } from './CardLimitsPanel';
import { groupCardNumber, printedExpiry } from './card-number-text';
import { CardStateChip } from './CardStateChip';
import { CardVisual } from './CardVisual';

function CardFacts({ card }: { card: Card }) {
  const { t } = useTranslation();
  return (
    <Stack component="dl" sx={{ m: 0, gap: 0.5, flex: 1, minWidth: 240 }}>
      <DetailRow label={t('cards:field.number')}>
        <span data-testid="card-detail-number">{groupCardNumber(card.maskedPan)}</span>
      </DetailRow>
      <DetailRow label={t('cards:field.state')}>
        <CardStateChip state={card.state} blockedByMember={card.blockedByMember} cancelReason={card.cancelReason} />
      </DetailRow>
      <DetailRow label={t('cards:field.program')}>{card.program.name}</DetailRow>
      <DetailRow label={t('cards:field.wallet')}>{card.currency}</DetailRow>
      <DetailRow label={t('cards:field.holder')}>{card.holderName}</DetailRow>
      <DetailRow label={t('cards:field.expiry')}>{printedExpiry(card.expiryMonth)}</DetailRow>
      <DetailRow label={t('cards:field.issued')}>
        <DateTime value={card.issuedAt} /> · {card.issuedBy}
      </DetailRow>
    </Stack>
  );
}

/** One card opened: its front and facts, what can be done to it, its limits, activity and history. */
export function CardDetail({ cardId, onReplaced }: { cardId: number; onReplaced: (issued: IssuedCard) => void }) {
  const { t } = useTranslation();
  const detail = useChannelQuery('cards.get', { cardId });
  if (detail.isPending) return <Skeleton variant="rounded" height={240} />;
  if (detail.isError) return <ErrorAlert error={detail.error} />;
  const { card, events } = detail.data;
  return (
    <Stack sx={{ gap: 3 }} data-testid="card-detail">
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 3, alignItems: { xs: 'stretch', sm: 'flex-start' } }}>
          <CardVisual card={card} maxWidth={320} />
          <Stack sx={{ gap: 2, flex: 1 }}>
            <CardFacts card={card} />
            {card.blockedByMember && card.state !== 'cancelled' && <Alert severity="warning">{t('cards:state.blockedByMemberHint')}</Alert>}
            <CardActionsBar card={card} onReplaced={onReplaced} />
          </Stack>
        </Stack>
      </Paper>
      <PageSection title={t('cards:limits.title')}>
        <Typography variant="body2" color="text.secondary">
          {t('cards:limits.explanation')}
        </Typography>
        <Paper variant="outlined" sx={{ p: 2 }}>
          <CardLimitsPanel card={card} />
        </Paper>
      </PageSection>
      <PageSection title={t('cards:activity.title')}>
        <CardActivityGrid cardId={card.id} currency={card.currency} />
      </PageSection>
      <PageSection title={t('cards:history.title')}>
        <CardHistory events={events} />
      </PageSection>
    </Stack>
  );
}
