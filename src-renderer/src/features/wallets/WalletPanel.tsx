import { Box, Paper, Skeleton, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Wallet } from '../../../../src-shared/contract/wallets';
import { useChannelQuery } from '../../api/queries';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CaptionedMoney, Money } from '../../ui/Money';

function WalletCard({ wallet }: { wallet: Wallet }) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" sx={{ p: 2, height: '100%' }} data-testid={`wallet-${wallet.currency}`}>
      <Typography variant="overline" color="text.secondary" component="h3">
        {t('wallets:panel.wallet', { currency: wallet.currency })}
      </Typography>
      <Typography variant="h5" component="p" aria-label={t('wallets:panel.balance')}>
        <Money minor={wallet.balance} currency={wallet.currency} />
      </Typography>
      <Stack direction="row" sx={{ gap: 3, mt: 1, flexWrap: 'wrap' }}>
        <CaptionedMoney label={t('wallets:panel.available')} minor={wallet.available} currency={wallet.currency} />
        <CaptionedMoney label={t('wallets:panel.pending')} minor={wallet.pending} currency={wallet.currency} />
      </Stack>
      {wallet.accountId === null && (
        <Typography variant="caption" color="text.secondary">
          {t('wallets:panel.notOpened')}
        </Typography>
      )}
    </Paper>
  );
}

/** A member's money per currency: the posted balance, what can still be spent, and what is held. */
export function WalletPanel({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  const summary = useChannelQuery('wallets.summary', { memberId });
  if (summary.isError) return <ErrorAlert error={summary.error} />;
  return (
    // As many cards to a row as the space allows, so the panel fits a page and the counter's side column alike.
    <Box component="section" aria-label={t('wallets:panel.title')} sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))' }}>
      {summary.isPending ? <Skeleton variant="rounded" height={120} /> : summary.data.wallets.map((wallet) => <WalletCard key={wallet.currency} wallet={wallet} />)}
    </Box>
  );
}
