import { useRef, useState, type FormEvent } from 'react';
import { Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CardProgram } from '../../../../src-shared/contract/cards';
import { call } from '../../api/call';
import { invalidateAfter } from '../../api/queries';
import { AmountField } from '../../ui/AmountField';
import { useFormKey } from '../points/use-form-key';
import { useDeclineText } from './decline-text';
import { authorizeRequest, cardProblems, EMPTY_CARD, maskedTypedPan, programOfPan, typedCvv, typedExpiry, typedPan, type TerminalInput } from './terminal-input';
import { AuthorizePreview } from './AuthorizePreview';
import type { TerminalAttempt } from './RecentAuthorizations';
import type { TerminalOutcome } from './TerminalOutcome';
import { PREVIEW_KEY, useAuthorizePreview } from './use-authorize-preview';

export interface TerminalFormProps {
  programs: readonly CardProgram[];
  /** The currency an amount is read in while the number matches no program. */
  fallbackCurrency: string;
  onAttempt: (attempt: TerminalAttempt) => void;
  onOutcome: (outcome: TerminalOutcome) => void;
}

type CardField = 'pan' | 'expiry' | 'cvv' | 'amount';

/**
 * The payment as typed: merchant, card number (grouped as typed), expiry, CVV and amount in the
 * card's currency, with the dry run's preview under it. Authorize sends it once; whatever the
 * answer, the card's number, expiry and CVV are then wiped from the form, and the preview's
 * answers from the cache. The request is sent with call(), not a mutation, so no mutation cache
 * keeps the number as its variables.
 */
export function TerminalForm({ programs, fallbackCurrency, onAttempt, onOutcome }: TerminalFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const declineText = useDeclineText();
  const panRef = useRef<HTMLInputElement>(null);
  const [input, setInput] = useState<TerminalInput>({ merchant: '', ...EMPTY_CARD });
  const [touched, setTouched] = useState<ReadonlySet<CardField>>(new Set());
  const [busy, setBusy] = useState(false);
  const [panFocused, setPanFocused] = useState(false);
  const program = programOfPan(programs, input.pan);
  const currency = program?.currency ?? fallbackCurrency;
  const request = authorizeRequest(input, currency);
  const idempotencyKey = useFormKey(JSON.stringify(request));
  const preview = useAuthorizePreview(request && { ...request, idempotencyKey });
  const problems = cardProblems(input);
  const set = (field: keyof TerminalInput, value: string) => setInput((current) => ({ ...current, [field]: value }));
  // Leaving a field blank is not yet a mistake (the form was just cleared, or is being filled in another order).
  const touch = (field: CardField) => {
    if (input[field].trim() !== '') setTouched((current) => new Set(current).add(field));
  };
  const problemOf = (field: 'pan' | 'expiry' | 'cvv') => {
    const problem = touched.has(field) ? problems[field] : undefined;
    return problem ? t(`card-admin:terminal.problem.${problem}`) : null;
  };
  const forgetCard = () => {
    setInput((current) => ({ ...current, ...EMPTY_CARD }));
    setTouched(new Set());
    queryClient.removeQueries({ queryKey: PREVIEW_KEY });
    panRef.current?.focus();
  };

  const authorize = async (event: FormEvent) => {
    event.preventDefault();
    if (!request || busy) {
      setTouched(new Set(['pan', 'expiry', 'cvv', 'amount']));
      return;
    }
    setBusy(true);
    try {
      const answer = await call('cards.authorize', { ...request, idempotencyKey });
      await invalidateAfter(queryClient, 'cards.authorize');
      onAttempt({ authorization: answer.authorization, currency: answer.card.currency });
      onOutcome({ kind: 'approved', authorization: answer.authorization, currency: answer.card.currency });
      forgetCard();
    } catch (error) {
      const decline = declineText(error);
      if (!decline) {
        onOutcome({ kind: 'refused', error });
        return;
      }
      // A decline is kept in the card's activity: its row joins this terminal's list.
      if (decline.authorizationId !== null) {
        const authorization = await call('cards.getAuthorization', { authorizationId: decline.authorizationId }).catch(() => null);
        if (authorization) onAttempt({ authorization, currency: authorization.currency ?? currency });
      }
      onOutcome({ kind: 'declined', decline });
      forgetCard();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper variant="outlined" component="section" aria-labelledby="terminal-form-title" sx={{ p: 2.5, flex: '1 1 420px', maxWidth: 560 }}>
      <Stack component="form" onSubmit={(event) => void authorize(event)} noValidate autoComplete="off" sx={{ gap: 2 }}>
        <Typography id="terminal-form-title" variant="h6" component="h2">
          {t('card-admin:terminal.form')}
        </Typography>
        <TextField
          label={t('card-admin:terminal.field.merchant')}
          helperText={t('card-admin:terminal.hint.merchant')}
          value={input.merchant}
          onChange={(event) => set('merchant', event.target.value)}
          required
          autoFocus
          slotProps={{ htmlInput: { maxLength: 120 } }}
        />
        <TextField
          label={t('card-admin:terminal.field.pan')}
          value={panFocused ? input.pan : maskedTypedPan(input.pan)}
          onChange={(event) => set('pan', typedPan(event.target.value))}
          onFocus={() => setPanFocused(true)}
          onBlur={() => {
            setPanFocused(false);
            touch('pan');
          }}
          error={problemOf('pan') !== null}
          helperText={problemOf('pan') ?? (input.pan && !program ? t('card-admin:terminal.hint.noProgram') : t('card-admin:terminal.hint.pan'))}
          required
          inputRef={panRef}
          slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off', spellCheck: false, 'data-testid': 'terminal-pan', style: { fontFamily: 'ui-monospace, "Roboto Mono", monospace', letterSpacing: '0.05em' } } }}
        />
        <Stack direction="row" sx={{ gap: 2 }}>
          <TextField
            label={t('card-admin:terminal.field.expiry')}
            placeholder="MM/YY"
            value={input.expiry}
            onChange={(event) => set('expiry', typedExpiry(event.target.value))}
            onBlur={() => touch('expiry')}
            error={problemOf('expiry') !== null}
            helperText={problemOf('expiry') ?? t('card-admin:terminal.hint.expiry')}
            required
            slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off' } }}
            sx={{ flex: 1 }}
          />
          <TextField
            label={t('card-admin:terminal.field.cvv')}
            type="password"
            value={input.cvv}
            onChange={(event) => set('cvv', typedCvv(event.target.value))}
            onBlur={() => touch('cvv')}
            error={problemOf('cvv') !== null}
            helperText={problemOf('cvv') ?? t('card-admin:terminal.hint.cvv')}
            required
            slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off' } }}
            sx={{ flex: 1 }}
          />
        </Stack>
        <AmountField
          label={t('card-admin:terminal.field.amount')}
          currency={currency}
          value={input.amount}
          onValueChange={(text) => set('amount', text)}
          onBlur={() => touch('amount')}
          showProblem={touched.has('amount')}
          required
        />
        <AuthorizePreview state={preview} />
        <Stack direction="row" sx={{ gap: 1, justifyContent: 'flex-end' }}>
          <Button onClick={forgetCard} disabled={busy}>
            {t('card-admin:terminal.clear')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {t('card-admin:terminal.authorize')}
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
