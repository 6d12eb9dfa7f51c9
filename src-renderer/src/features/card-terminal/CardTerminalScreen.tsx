import { useState } from 'react';
import { Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Authorization } from '../../../../src-shared/contract/cards';
import { useChannelQuery } from '../../api/queries';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageFrame } from '../../ui/PageFrame';
import { AuthorizationPanel } from './AuthorizationPanel';
import { RecentAuthorizations, type TerminalAttempt } from './RecentAuthorizations';
import { TerminalForm } from './TerminalForm';
import { TerminalOutcomeAlert, type TerminalOutcome } from './TerminalOutcome';

/** Branch staff take a card payment: authorize (a hold on the member's wallet), then capture it, all or part, or void it. */
export function CardTerminalScreen() {
  const { t } = useTranslation();
  const programs = useChannelQuery('cards.programs', {});
  const settings = useChannelQuery('settings.get', {});
  const [attempts, setAttempts] = useState<readonly TerminalAttempt[]>([]);
  const [selected, setSelected] = useState<TerminalAttempt | null>(null);
  const [outcome, setOutcome] = useState<TerminalOutcome | null>(null);
  const addAttempt = (attempt: TerminalAttempt) => {
    setAttempts((current) => [attempt, ...current.filter((kept) => kept.authorization.id !== attempt.authorization.id)]);
    setSelected(attempt.authorization.status === 'held' ? attempt : null);
  };
  const changed = (authorization: Authorization) => {
    setAttempts((current) => current.map((kept) => (kept.authorization.id === authorization.id ? { ...kept, authorization } : kept)));
    setSelected((current) => (current && current.authorization.id === authorization.id ? { ...current, authorization } : current));
  };
  return (
    <PageFrame title={t('card-admin:terminal.title')} subtitle={t('card-admin:terminal.subtitle')}>
      <ErrorAlert error={programs.error ?? settings.error} />
      <Stack direction="row" sx={{ gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TerminalForm
          programs={programs.data ?? []}
          fallbackCurrency={settings.data?.enabledCurrencies[0] ?? 'CNY'}
          onAttempt={addAttempt}
          onOutcome={(next) => {
            setOutcome(next);
            if (next.kind !== 'approved') setSelected(null);
          }}
        />
        <Stack sx={{ gap: 2, flex: '1 1 360px', minWidth: 320 }}>
          {outcome && <TerminalOutcomeAlert outcome={outcome} />}
          {selected && <AuthorizationPanel key={selected.authorization.id} authorization={selected.authorization} currency={selected.currency} onChanged={changed} />}
        </Stack>
      </Stack>
      <RecentAuthorizations attempts={attempts} selectedId={selected?.authorization.id ?? null} onSelect={(attempt) => setSelected(attempt)} />
    </PageFrame>
  );
}
