import { Alert, AlertTitle, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useFormatMoney } from '../../ui/Money';
import { groupCardNumber } from '../cards/card-number-text';
import { useDeclineText, type DeclineText } from './decline-text';
import type { useAuthorizePreview } from './use-authorize-preview';

/** A decline's message, its code, and for a limit the interval it would pass. */
export function DeclineDetail({ decline }: { decline: DeclineText }) {
  const { t } = useTranslation();
  return (
    <>
      {decline.message}
      <Typography variant="body2" component="p" sx={{ mt: 0.5 }} data-testid="decline-code">
        {t('card-admin:terminal.result.code', { code: decline.code })}
        {decline.interval && ` · ${t('card-admin:terminal.result.interval', { interval: decline.interval })}`}
      </Typography>
    </>
  );
}

/** What the router's dry run says of the payment as typed: approved with the balance left after it, or declined with its code. */
export function AuthorizePreview({ state }: { state: ReturnType<typeof useAuthorizePreview> }) {
  const { t } = useTranslation();
  const format = useFormatMoney();
  const declineText = useDeclineText();
  const { preview, active, settling } = state;
  if (!active) return <Alert severity="info" variant="outlined">{t('card-admin:terminal.preview.waiting')}</Alert>;
  if (settling && !preview.data && !preview.error) return <Alert severity="info" variant="outlined">{t('card-admin:terminal.preview.checking')}</Alert>;
  const busy = settling ? { opacity: 0.6 } : undefined;
  if (preview.error) {
    const decline = declineText(preview.error);
    if (!decline) return <ErrorAlert error={preview.error} />;
    return (
      <Alert severity="warning" sx={busy} data-testid="authorize-preview">
        <AlertTitle>{t('card-admin:terminal.preview.decline')}</AlertTitle>
        <DeclineDetail decline={decline} />
      </Alert>
    );
  }
  if (!preview.data) return null;
  const { card, availableAfter } = preview.data;
  return (
    <Alert severity="success" variant="outlined" sx={busy} data-testid="authorize-preview">
      <AlertTitle>{t('card-admin:terminal.preview.approve')}</AlertTitle>
      <Typography variant="body2">
        {card.program.name} · {groupCardNumber(card.maskedPan)} · {card.holderName}
      </Typography>
      <Typography variant="body2">{t('card-admin:terminal.preview.availableAfter', { amount: format(availableAfter, card.currency) })}</Typography>
    </Alert>
  );
}
