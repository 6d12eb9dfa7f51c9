import { useTranslation } from 'react-i18next';
import type { Card } from '../../../../src-shared/contract/cards';
import { can } from '../../../../src-shared/permissions';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { useSession } from '../../session/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CardLimitsEditor } from './CardLimitsEditor';

/** The card's own limits, editable by those who manage cards, beside what is left of each interval now. */
export function CardLimitsPanel({ card }: { card: Card }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const allowance = useChannelQuery('cards.allowance', { cardId: card.id });
  const save = useChannelMutation('cards.setLimits');
  return (
    <>
      <ErrorAlert error={allowance.error} />
      <CardLimitsEditor
        key={card.id}
        currency={card.currency}
        limits={card.limits}
        allowance={allowance.data ?? []}
        readOnly={!can(role, 'cards.manage') || card.state === 'cancelled'}
        saving={save.isPending}
        error={save.error}
        saved={save.isSuccess}
        onSave={(limits) => save.mutate({ cardId: card.id, limits })}
        label={t('cards:limits.cardLabel')}
      />
    </>
  );
}
