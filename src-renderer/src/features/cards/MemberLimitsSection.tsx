import { Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { SpendingLimits } from '../../../../src-shared/contract/cards';
import { can } from '../../../../src-shared/permissions';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { useSession } from '../../session/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CardLimitsEditor } from './CardLimitsEditor';

const NONE: SpendingLimits = {};

function MemberCurrencyLimits({ memberId, currency, limits }: { memberId: number; currency: string; limits: SpendingLimits }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const save = useChannelMutation('cards.setMemberLimits');
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid={`member-limits-${currency}`}>
      <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
        {t('cards:memberLimits.currency', { currency })}
      </Typography>
      <CardLimitsEditor
        currency={currency}
        limits={limits}
        readOnly={!can(role, 'cards.manage')}
        saving={save.isPending}
        error={save.error}
        saved={save.isSuccess}
        onSave={(next) => save.mutate({ memberId, currency, limits: next })}
        label={t('cards:memberLimits.label', { currency })}
      />
    </Paper>
  );
}

/**
 * The member's own limits, per currency, over all their cards in it: a card's limits and these
 * both apply, and the stricter wins. Shown for each currency the member has cards in.
 */
export function MemberLimitsSection({ memberId, currencies }: { memberId: number; currencies: string[] }) {
  const { t } = useTranslation();
  const limits = useChannelQuery('cards.memberLimits', { memberId });
  const known = limits.data ?? [];
  const shown = [...new Set([...currencies, ...known.map((row) => row.currency)])].sort();
  return (
    <Stack sx={{ gap: 1 }}>
      <Typography variant="body2" color="text.secondary">
        {t('cards:memberLimits.explanation')}
      </Typography>
      <ErrorAlert error={limits.error} />
      {limits.isSuccess && shown.map((currency) => <MemberCurrencyLimits key={currency} memberId={memberId} currency={currency} limits={known.find((row) => row.currency === currency)?.limits ?? NONE} />)}
    </Stack>
  );
}
