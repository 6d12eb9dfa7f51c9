import { useState } from 'react';
import { Button, Paper, Skeleton, Stack, Typography } from '@mui/material';
import AddCard from '@mui/icons-material/AddCardOutlined';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../src-shared/permissions';
import { useChannelQuery } from '../../api/queries';
import { useSession } from '../../session/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CaptionedMoney } from '../../ui/Money';
import { FundDialog } from './FundDialog';

/** The payout funding account in one currency: its balance, what approved batches leave available, and Fund for those who may. */
export function FundingCard({ currency }: { currency: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const funding = useChannelQuery('payouts.funding', { currency });
  const [fundOpen, setFundOpen] = useState(false);
  return (
    <Paper variant="outlined" component="section" aria-label={t('payouts:funding.title', { currency })} sx={{ p: 2, minWidth: 320 }}>
      <Stack direction="row" sx={{ gap: 3, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h2" sx={{ mr: 'auto' }}>
          {t('payouts:funding.title', { currency })}
        </Typography>
        {funding.data ? (
          <>
            <CaptionedMoney label={t('payouts:funding.balance')} minor={funding.data.balance} currency={currency} />
            <CaptionedMoney label={t('payouts:funding.available')} minor={funding.data.available} currency={currency} />
          </>
        ) : (
          <Skeleton width={200} height={40} />
        )}
        {can(session.role, 'payouts.fund') && (
          <Button variant="outlined" startIcon={<AddCard />} onClick={() => setFundOpen(true)}>
            {t('payouts:funding.fund')}
          </Button>
        )}
      </Stack>
      <ErrorAlert error={funding.error} />
      <FundDialog open={fundOpen} currency={currency} onClose={() => setFundOpen(false)} />
    </Paper>
  );
}
