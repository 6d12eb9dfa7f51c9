import { useState } from 'react';
import { Alert, Box, Button, Grid, LinearProgress, Paper, Skeleton, Stack, Typography } from '@mui/material';
import Shield from '@mui/icons-material/ShieldOutlined';
import { useTranslation } from 'react-i18next';
import type { TierStatus } from '../../../../src-shared/contract/points';
import { can } from '../../../../src-shared/permissions';
import { tierDirection } from '../../../../src-shared/points/tiers';
import type { LoyaltyRules } from '../../../../src-shared/settings/loyalty-settings';
import { useChannelQuery } from '../../api/queries';
import { useSession } from '../../session/session';
import { DetailRow } from '../../ui/DetailRow';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { formatBasisPoints, formatMultiplier } from './points-format';
import { TierChip } from './TierChip';
import { TierFloorDialog } from './TierFloorDialog';
import { findTier, tierName } from './tier-text';

// The member's tier as the router states it (points.summary's tierStatus): what it rests on, how
// far the next one is, what keeps it and until when, and what it gives. Nothing here decides a
// tier; the words only say what the router answered.

function useCount() {
  const { i18n } = useTranslation();
  return (value: number) => new Intl.NumberFormat(i18n.language).format(value);
}

function TierProgress({ status, rules }: { status: TierStatus; rules: LoyaltyRules | undefined }) {
  const { t } = useTranslation();
  const count = useCount();
  const { next } = status;
  // From none to the next tier's threshold, so a floor above the points still shows how far the points are.
  const progress = next ? Math.min(100, (status.qualifying / next.threshold) * 100) : 100;
  return (
    <Stack sx={{ gap: 0.75 }}>
      <Typography variant="body1" data-testid="tier-qualifying">
        {t('points:tier.qualifying', { points: count(status.qualifying), count: status.qualifying, months: status.windowMonths })}
      </Typography>
      <LinearProgress variant="determinate" value={progress} aria-label={t('points:tier.progress')} sx={{ height: 8, borderRadius: 4 }} />
      <Typography variant="body2" color="text.secondary" data-testid="tier-next">
        {next ? t('points:tier.toNext', { points: count(next.needed), count: next.needed, tier: tierName(rules, next.tier, t) }) : t('points:tier.top')}
      </Typography>
    </Stack>
  );
}

/** Whether the tier holds, and until when: a floor, a downgrade due at the next daily run, or the day its points leave the window. */
function TierKeeping({ status, rules }: { status: TierStatus; rules: LoyaltyRules | undefined }) {
  const { t, i18n } = useTranslation();
  const count = useCount();
  const name = (id: string) => tierName(rules, id, t);
  const downgradeDue = rules !== undefined && tierDirection(rules, status.tier, status.due) < 0;
  const floor = status.floor;
  return (
    <Stack sx={{ gap: 1 }} data-testid="tier-keeping">
      {floor !== null && (
        <Alert severity="info" icon={<Shield />} sx={{ py: 0 }}>
          {floor === status.tier ? t('points:tier.heldByFloor', { tier: name(floor) }) : t('points:tier.floorBelow', { tier: name(floor) })}
        </Alert>
      )}
      {downgradeDue && (
        <Alert severity="warning" sx={{ py: 0 }}>
          {t('points:tier.downgradeDue', { tier: name(status.tier), due: name(status.due) })}
        </Alert>
      )}
      {!downgradeDue && status.keep.lapsesAt !== null && (
        <Typography variant="body2">
          {t('points:tier.lapses', { tier: name(status.tier), date: formatDate(status.keep.lapsesAt, i18n.language), points: count(status.keep.toKeep), count: status.keep.toKeep })}
        </Typography>
      )}
      {!downgradeDue && status.keep.lapsesAt === null && floor !== status.tier && status.keep.threshold > 0 && (
        <Typography variant="body2">{t('points:tier.kept', { tier: name(status.tier), points: count(status.keep.threshold), count: status.keep.threshold })}</Typography>
      )}
    </Stack>
  );
}

function TierBenefits({ rules, tier }: { rules: LoyaltyRules | undefined; tier: string }) {
  const { t, i18n } = useTranslation();
  const benefits = findTier(rules, tier);
  if (!benefits) return <Skeleton variant="rounded" height={64} />;
  return (
    <Box>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {t('points:tier.benefits', { tier: tierName(rules, tier, t) })}
      </Typography>
      <Stack component="dl" sx={{ m: 0, gap: 0.5 }} data-testid="tier-benefits">
        <DetailRow label={t('points:tier.feeRate')} dense>
          {benefits.paymentFeeBps === null ? t('points:tier.currencyFeeRate') : formatBasisPoints(benefits.paymentFeeBps, i18n.language)}
        </DetailRow>
        <DetailRow label={t('points:tier.multiplier')} dense>
          {formatMultiplier(benefits.multiplier, i18n.language)}
        </DetailRow>
      </Stack>
    </Box>
  );
}

/** The member's tier on their page: name, qualifying points, the way to the next tier, what keeps it, and its benefits. */
export function TierCard({ memberId }: { memberId: number }) {
  const { t, i18n } = useTranslation();
  const { role } = useSession();
  const summary = useChannelQuery('points.summary', { memberId });
  const loyalty = useChannelQuery('points.rules', {});
  const [settingFloor, setSettingFloor] = useState(false);
  if (summary.isError) return <ErrorAlert error={summary.error} />;
  if (summary.isPending) return <Skeleton variant="rounded" height={150} />;
  const status = summary.data.tier;
  const rules = loyalty.data?.rules;
  return (
    <Paper variant="outlined" component="section" aria-label={t('points:tier.title')} data-testid="tier-card" sx={{ p: 2 }}>
      <Stack direction="row" sx={{ gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="overline" color="text.secondary" component="h2">
          {t('points:tier.title')}
        </Typography>
        <TierChip rules={rules} tier={status.tier} size="medium" />
        {status.since && (
          <Typography variant="body2" color="text.secondary">
            {t('points:tier.since', { date: formatDate(status.since, i18n.language) })}
          </Typography>
        )}
        <Box sx={{ flexGrow: 1 }} />
        {can(role, 'points.tierFloor') && (
          <Button size="small" variant="outlined" startIcon={<Shield />} onClick={() => setSettingFloor(true)}>
            {t('points:floor.action')}
          </Button>
        )}
      </Stack>
      <ErrorAlert error={loyalty.error} />
      <Grid container spacing={3} sx={{ mt: 1 }}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Stack sx={{ gap: 1.5 }}>
            <TierProgress status={status} rules={rules} />
            <TierKeeping status={status} rules={rules} />
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <TierBenefits rules={rules} tier={status.tier} />
        </Grid>
      </Grid>
      <TierFloorDialog open={settingFloor} memberId={memberId} status={status} rules={rules} onClose={() => setSettingFloor(false)} />
    </Paper>
  );
}
