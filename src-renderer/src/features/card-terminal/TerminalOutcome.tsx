import { Alert, AlertTitle } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Authorization } from '../../../../src-shared/contract/cards';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useFormatMoney } from '../../ui/Money';
import { DeclineDetail } from './AuthorizePreview';
import type { DeclineText } from './decline-text';

/** What the last Authorize came to. */
export type TerminalOutcome =
  | { kind: 'approved'; authorization: Authorization; currency: string }
  | { kind: 'declined'; decline: DeclineText }
  | { kind: 'refused'; error: unknown };

/** The last answer at the terminal: approved with the amount held, declined with its code, or refused. */
export function TerminalOutcomeAlert({ outcome }: { outcome: TerminalOutcome }) {
  const { t } = useTranslation();
  const format = useFormatMoney();
  if (outcome.kind === 'refused') return <ErrorAlert error={outcome.error} />;
  if (outcome.kind === 'approved') {
    return (
      <Alert severity="success" data-testid="terminal-outcome">
        {t('card-admin:terminal.result.approved', { amount: format(outcome.authorization.amount, outcome.currency) })}
      </Alert>
    );
  }
  return (
    <Alert severity="error" data-testid="terminal-outcome">
      <AlertTitle>{t('card-admin:terminal.result.declined')}</AlertTitle>
      <DeclineDetail decline={outcome.decline} />
    </Alert>
  );
}
