import { useState } from 'react';
import { Alert, Button, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Authorization } from '../../../../src-shared/contract/cards';
import { toDecimalString } from '../../../../src-shared/money';
import { useErrorText } from '../../api/error-text';
import { useChannelMutation } from '../../api/queries';
import { AmountField, checkAmount } from '../../ui/AmountField';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DateTime } from '../../ui/DateTime';
import { DetailRow } from '../../ui/DetailRow';
import { Money, useFormatMoney } from '../../ui/Money';
import { groupCardNumber } from '../cards/card-number-text';
import { useFormKey } from '../points/use-form-key';
import { AuthorizationStatusChip } from './AuthorizationStatusChip';

export interface AuthorizationPanelProps {
  authorization: Authorization;
  currency: string;
  onChanged: (authorization: Authorization) => void;
}

/** An approved authorization: what it holds, until when, and its Capture (all or part) and Void while it still holds. */
export function AuthorizationPanel({ authorization, currency, onChanged }: AuthorizationPanelProps) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const format = useFormatMoney();
  const [captureText, setCaptureText] = useState(() => toDecimalString(authorization.amount, currency));
  const [voiding, setVoiding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const captureAmount = checkAmount(captureText, currency);
  const captureKey = useFormKey(`capture:${authorization.id}:${captureText}`);
  const voidKey = useFormKey(`void:${authorization.id}`);
  const capture = useChannelMutation('cards.capture', {
    onSuccess: (captured) => {
      setNotice(t('card-admin:terminal.capture.done', { amount: format(captured.capturedAmount, currency) }));
      onChanged(captured);
    },
  });
  const release = useChannelMutation('cards.void', {
    onSuccess: (voided) => {
      setVoiding(false);
      setNotice(t('card-admin:terminal.void.done'));
      onChanged(voided);
    },
  });
  const holding = authorization.status === 'held';
  const busy = capture.isPending || release.isPending;
  const submitCapture = () => {
    if (captureAmount.minor === null) return;
    setNotice(null);
    capture.mutate({ authorizationId: authorization.id, amount: captureAmount.minor, idempotencyKey: captureKey });
  };
  return (
    <Paper variant="outlined" component="section" aria-labelledby="authorization-title" sx={{ p: 2.5 }} data-testid="authorization-panel">
      <Stack sx={{ gap: 1.5 }}>
        <Stack direction="row" sx={{ gap: 1, alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography id="authorization-title" variant="h6" component="h2">
            {t('card-admin:terminal.authorization.title', { id: authorization.id })}
          </Typography>
          <AuthorizationStatusChip status={authorization.status} />
        </Stack>
        <Stack component="dl" sx={{ gap: 0.5, m: 0 }}>
          <DetailRow label={t('card-admin:terminal.authorization.card')}>
            <span className="card-number" data-testid="authorization-card">
              {groupCardNumber(authorization.maskedPan)}
            </span>
          </DetailRow>
          <DetailRow label={t('card-admin:terminal.authorization.merchant')}>{authorization.merchant}</DetailRow>
          <DetailRow label={t('card-admin:terminal.authorization.amount')}>
            <Money minor={authorization.amount} currency={currency} />
          </DetailRow>
          {authorization.capturedAmount > 0 && (
            <DetailRow label={t('card-admin:terminal.authorization.captured')}>
              <Money minor={authorization.capturedAmount} currency={currency} />
            </DetailRow>
          )}
          {holding && authorization.holdExpiresAt && (
            <DetailRow label={t('card-admin:terminal.authorization.holdExpiresAt')}>
              <DateTime value={authorization.holdExpiresAt} />
            </DetailRow>
          )}
        </Stack>
        {notice && <Alert severity="success">{notice}</Alert>}
        {capture.error && <Alert severity="error">{describe(capture.error)}</Alert>}
        {holding && (
          <Stack direction="row" sx={{ gap: 1.5, alignItems: 'flex-start', flexWrap: 'wrap' }}>
            <AmountField
              size="small"
              label={t('card-admin:terminal.capture.label')}
              currency={currency}
              value={captureText}
              onValueChange={setCaptureText}
              showProblem={captureText.trim() !== ''}
              onKeyDown={(event) => {
                if (event.key === 'Enter') submitCapture();
              }}
              sx={{ width: 220 }}
            />
            <Button variant="contained" onClick={submitCapture} disabled={busy || captureAmount.minor === null} sx={{ height: 40 }}>
              {t('card-admin:terminal.capture.submit')}
            </Button>
            <Button color="error" variant="outlined" onClick={() => setVoiding(true)} disabled={busy} sx={{ height: 40 }}>
              {t('card-admin:terminal.void.submit')}
            </Button>
          </Stack>
        )}
        {holding && (
          <Typography variant="caption" color="text.secondary">
            {t('card-admin:terminal.capture.hint')}
          </Typography>
        )}
      </Stack>
      <ConfirmDialog
        open={voiding}
        title={t('card-admin:terminal.void.title', { id: authorization.id })}
        confirmLabel={t('card-admin:terminal.void.submit')}
        danger
        busy={release.isPending}
        error={release.error ? describe(release.error) : null}
        onConfirm={() => release.mutate({ authorizationId: authorization.id, idempotencyKey: voidKey })}
        onClose={() => {
          release.reset();
          setVoiding(false);
        }}
      >
        <Typography>{t('card-admin:terminal.void.body', { amount: format(authorization.amount, currency) })}</Typography>
      </ConfirmDialog>
    </Paper>
  );
}
