import { Grid, Link as MuiLink, Stack, Typography } from '@mui/material';
import AccountBalanceWallet from '@mui/icons-material/AccountBalanceWalletOutlined';
import PeopleAlt from '@mui/icons-material/PeopleAltOutlined';
import Stars from '@mui/icons-material/StarsOutlined';
import CreditCard from '@mui/icons-material/CreditCardOutlined';
import HowToReg from '@mui/icons-material/HowToRegOutlined';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../../../src-shared/contract/dashboard';
import { Money, useFormatMoney } from '../../ui/Money';
import { usePointsFormat } from '../points/points-format';
import { FigureCard, FigureValue, useCanOpen } from './FigureCard';
import { DASHBOARD_LINKS } from './dashboard-links';

/** The figures across the top: what is owed, held, waiting, registered and issued, each a link to its screen. */
export function DashboardFigures({ summary }: { summary: DashboardSummary }) {
  const { t, i18n } = useTranslation();
  const points = usePointsFormat();
  const money = useFormatMoney();
  const canOpen = useCanOpen();
  const count = (value: number) => new Intl.NumberFormat(i18n.language).format(value);
  const liabilities = summary.walletLiabilities;
  const cards = summary.cardsByState;
  const cardTotal = cards?.reduce((sum, row) => sum + row.cards, 0) ?? 0;
  const size = { xs: 12, sm: 6, md: 4, lg: 'grow' } as const;
  return (
    <Grid container spacing={2}>
      {liabilities && (
        <Grid size={size}>
          <FigureCard title={t('home:dashboard.liabilities.title')} icon={<AccountBalanceWallet />} to={DASHBOARD_LINKS.accounts} footer={t('home:dashboard.liabilities.hint')}>
            {liabilities.length === 0 ? (
              <FigureValue>{t('home:dashboard.none')}</FigureValue>
            ) : (
              liabilities.map((row) => (
                <FigureValue key={row.currency} text={money(row.amount, row.currency)}>
                  <Money minor={row.amount} currency={row.currency} />
                </FigureValue>
              ))
            )}
          </FigureCard>
        </Grid>
      )}
      {summary.points && (
        <Grid size={size}>
          <FigureCard
            title={t('home:dashboard.points.title')}
            icon={<Stars />}
            to={DASHBOARD_LINKS.pointsReport}
            footer={t('home:dashboard.points.expiring', { points: points(summary.points.expiringSoon) })}
          >
            <FigureValue text={points(summary.points.outstanding)}>{points(summary.points.outstanding)}</FigureValue>
          </FigureCard>
        </Grid>
      )}
      {summary.waitingApproval && (
        <Grid size={size}>
          <FigureCard title={t('home:dashboard.waiting.title')} icon={<HowToReg />} to={DASHBOARD_LINKS.waitingBatches} footer={t('home:dashboard.waiting.hint')}>
            <FigureValue>{count(summary.waitingApproval.count)}</FigureValue>
          </FigureCard>
        </Grid>
      )}
      {summary.members && (
        <Grid size={size}>
          <FigureCard title={t('home:dashboard.members.title')} icon={<PeopleAlt />} to={DASHBOARD_LINKS.members} footer={t('home:dashboard.members.hint')}>
            <FigureValue>{count(summary.members.total)}</FigureValue>
          </FigureCard>
        </Grid>
      )}
      {cards && (
        <Grid size={size}>
          <FigureCard title={t('home:dashboard.cards.title')} icon={<CreditCard />}>
            <FigureValue>
              {canOpen(DASHBOARD_LINKS.cards) ? (
                <MuiLink component={Link} to={DASHBOARD_LINKS.cards} underline="hover" color="inherit">
                  {count(cardTotal)}
                </MuiLink>
              ) : (
                count(cardTotal)
              )}
            </FigureValue>
            <Stack direction="row" sx={{ columnGap: 1.5, flexWrap: 'wrap' }}>
              {cards
                .filter((row) => row.cards > 0 || row.state === 'active')
                .map((row) => (
                  <Typography key={row.state} variant="caption" color="text.secondary">
                    {canOpen(DASHBOARD_LINKS.cards) ? (
                      <MuiLink component={Link} to={`${DASHBOARD_LINKS.cards}?state=${row.state}`} underline="hover">
                        {t(`cards:state.${row.state}`)} {count(row.cards)}
                      </MuiLink>
                    ) : (
                      `${t(`cards:state.${row.state}`)} ${count(row.cards)}`
                    )}
                  </Typography>
                ))}
            </Stack>
          </FigureCard>
        </Grid>
      )}
    </Grid>
  );
}
