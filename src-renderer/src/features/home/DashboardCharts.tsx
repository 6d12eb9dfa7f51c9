import { useMemo, type ReactNode } from 'react';
import { Box, Button, Grid, Link as MuiLink, Paper, Stack, Typography, useTheme } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { PieChart } from '@mui/x-charts/PieChart';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../../../src-shared/contract/dashboard';
import { EmptyState } from '../../ui/EmptyState';
import { useFormatMoney } from '../../ui/Money';
import { tierColour, tierName } from '../points/tier-text';
import { useCanOpen } from './FigureCard';
import { DASHBOARD_LINKS, membersOfTier, payoutsOfStatus } from './dashboard-links';

const CHART_HEIGHT = 220;

function ChartPanel({ title, to, children }: { title: string; to?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const canOpen = useCanOpen();
  return (
    <Paper variant="outlined" sx={{ p: 2, height: '100%', display: 'flex', flexDirection: 'column', minWidth: 0 }} component="section" aria-label={title}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1 }}>
        <Typography variant="subtitle1" component="h2">
          {title}
        </Typography>
        {to && canOpen(to) && (
          <Button size="small" component={Link} to={to}>
            {t('home:dashboard.open')}
          </Button>
        )}
      </Stack>
      <Box sx={{ flexGrow: 1, minWidth: 0 }}>{children}</Box>
    </Paper>
  );
}

/** New members per week, oldest first, each bar labelled with its week's first day. */
function NewMembersChart({ weeks }: { weeks: NonNullable<DashboardSummary['newMembersPerWeek']> }) {
  const { t, i18n } = useTranslation();
  const theme = useTheme();
  const dataset = useMemo(
    () => weeks.map((week) => ({ members: week.members, label: new Intl.DateTimeFormat(i18n.language, { month: 'numeric', day: 'numeric' }).format(new Date(week.weekStart)) })),
    [weeks, i18n.language],
  );
  const title = t('home:dashboard.newMembers.title');
  if (weeks.every((week) => week.members === 0)) {
    return (
      <ChartPanel title={title} to={DASHBOARD_LINKS.members}>
        <EmptyState title={t('home:dashboard.newMembers.empty')} hint={t('home:dashboard.newMembers.emptyHint')} />
      </ChartPanel>
    );
  }
  return (
    <ChartPanel title={title} to={DASHBOARD_LINKS.members}>
      <BarChart
        height={CHART_HEIGHT}
        dataset={dataset}
        xAxis={[{ scaleType: 'band', dataKey: 'label', tickLabelStyle: { fontSize: 11 } }]}
        yAxis={[{ width: 44, tickMinStep: 1, valueFormatter: (value: number) => new Intl.NumberFormat(i18n.language, { notation: 'compact' }).format(value) }]}
        series={[{ dataKey: 'members', label: t('home:dashboard.newMembers.series'), color: theme.palette.primary.main }]}
        hideLegend
        grid={{ horizontal: true }}
        margin={{ left: 0, right: 8, top: 8, bottom: 0 }}
      />
    </ChartPanel>
  );
}

/** Members by tier as a ring, with each tier's count as a link to the members list filtered to it. */
function TiersChart({ members }: { members: NonNullable<DashboardSummary['members']> }) {
  const { t, i18n } = useTranslation();
  const canOpen = useCanOpen();
  const rules = useMemo(() => ({ tiers: members.byTier.map((row) => ({ id: row.tier, name: row.name })) }), [members.byTier]) as Parameters<typeof tierName>[0];
  const count = (value: number) => new Intl.NumberFormat(i18n.language).format(value);
  const title = t('home:dashboard.tiers.title');
  if (members.total === 0) {
    return (
      <ChartPanel title={title}>
        <EmptyState title={t('home:dashboard.tiers.empty')} hint={t('home:dashboard.tiers.emptyHint')} />
      </ChartPanel>
    );
  }
  const data = members.byTier.map((row, index) => ({ id: index, value: row.members, label: tierName(rules, row.tier, t), color: tierColour(rules, row.tier) }));
  return (
    <ChartPanel title={title}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
        <Box sx={{ width: 124, flexShrink: 0 }}>
          <PieChart height={124} width={124} series={[{ data, innerRadius: 32, outerRadius: 60, paddingAngle: 1, valueFormatter: (item) => count(item.value) }]} hideLegend margin={{ top: 0, bottom: 0, left: 0, right: 0 }} />
        </Box>
        <Stack component="ul" sx={{ listStyle: 'none', p: 0, m: 0, gap: 0.5, minWidth: 0 }}>
          {data.map((row, index) => (
            <Stack component="li" key={row.id} direction="row" sx={{ gap: 1, alignItems: 'center' }}>
              <Box sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: row.color, flexShrink: 0 }} />
              <Typography variant="body2" noWrap>
                {canOpen(DASHBOARD_LINKS.members) ? (
                  <MuiLink component={Link} to={membersOfTier(members.byTier[index]!.tier)} underline="hover">
                    {row.label}
                  </MuiLink>
                ) : (
                  row.label
                )}{' '}
                <Box component="span" sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}>
                  {count(row.value)}
                </Box>
              </Typography>
            </Stack>
          ))}
        </Stack>
      </Stack>
    </ChartPanel>
  );
}

/** Batches made this month by status: a bar each, the totals per currency beside the count in the tooltip. */
function PayoutsChart({ payouts }: { payouts: NonNullable<DashboardSummary['payoutsThisMonth']> }) {
  const { t } = useTranslation();
  const theme = useTheme();
  const money = useFormatMoney();
  const canOpen = useCanOpen();
  const title = t('home:dashboard.payouts.title');
  const byStatus = useMemo(() => {
    const statuses = new Map<string, { batches: number; totals: string[] }>();
    for (const row of payouts.rows) {
      const entry = statuses.get(row.status) ?? statuses.set(row.status, { batches: 0, totals: [] }).get(row.status)!;
      entry.batches += row.batches;
      entry.totals.push(money(row.total, row.currency));
    }
    return [...statuses].map(([status, entry]) => ({ status, label: t(`payouts:status.${status}`), ...entry }));
  }, [payouts.rows, money, t]);
  if (byStatus.length === 0) {
    return (
      <ChartPanel title={title} to={DASHBOARD_LINKS.payouts}>
        <EmptyState title={t('home:dashboard.payouts.empty')} hint={t('home:dashboard.payouts.emptyHint')} />
      </ChartPanel>
    );
  }
  return (
    <ChartPanel title={title} to={DASHBOARD_LINKS.payouts}>
      <BarChart
        height={CHART_HEIGHT - 40}
        dataset={byStatus}
        layout="horizontal"
        yAxis={[{ scaleType: 'band', dataKey: 'label', width: 72 }]}
        xAxis={[{ tickMinStep: 1 }]}
        series={[{ dataKey: 'batches', label: t('home:dashboard.payouts.series'), color: theme.palette.secondary.main, valueFormatter: (value, { dataIndex }) => `${value ?? 0} · ${byStatus[dataIndex]!.totals.join(', ')}` }]}
        hideLegend
        grid={{ vertical: true }}
        margin={{ left: 0, right: 8, top: 0, bottom: 0 }}
      />
      <Stack direction="row" sx={{ columnGap: 1.5, flexWrap: 'wrap' }}>
        {byStatus.map((row) => (
          <Typography key={row.status} variant="caption" color="text.secondary">
            {canOpen(DASHBOARD_LINKS.payouts) ? (
              <MuiLink component={Link} to={payoutsOfStatus(row.status)} underline="hover">
                {row.label}
              </MuiLink>
            ) : (
              row.label
            )}{' '}
            {row.totals.join(', ')}
          </Typography>
        ))}
      </Stack>
    </ChartPanel>
  );
}

/** The trends: new members per week, members by tier, payouts this month. */
export function DashboardCharts({ summary }: { summary: DashboardSummary }) {
  const panels: ReactNode[] = [];
  if (summary.newMembersPerWeek) panels.push(<NewMembersChart key="weeks" weeks={summary.newMembersPerWeek} />);
  if (summary.members) panels.push(<TiersChart key="tiers" members={summary.members} />);
  if (summary.payoutsThisMonth) panels.push(<PayoutsChart key="payouts" payouts={summary.payoutsThisMonth} />);
  if (panels.length === 0) return null;
  return (
    <Grid container spacing={2}>
      {panels.map((panel, index) => (
        <Grid key={index} size={{ xs: 12, md: index === 0 ? 12 : 6, lg: (panels.length === 3 ? [4, 4, 4] : [7, 5])[index] ?? 12 }}>
          {panel}
        </Grid>
      ))}
    </Grid>
  );
}
