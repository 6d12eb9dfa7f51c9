import type { Ref } from 'react';
import { MenuItem, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { INPUT_LIMITS } from '../../../../src-shared/contract/common';
import { AmountField } from '../../ui/AmountField';
import { hintWithLimit, limitedHelperText } from '../../ui/form';
import { MemberPicker, type PickedMember } from './MemberPicker';
import type { TellerOperation } from './use-teller-operation';

/** What the teller types for one operation, as text; nothing is money until parseAmount says so. */
export interface OperationDraft {
  currency: string;
  amount: string;
  merchant: string;
  payee: PickedMember | null;
  memo: string;
}

export function emptyDraft(currency: string): OperationDraft {
  return { currency, amount: '', merchant: '', payee: null, memo: '' };
}

/** Problems the form finds before asking the main process (which checks everything again); text ones in words. */
export interface DraftProblems {
  amount: boolean;
  merchant: string | null;
  payee: boolean;
  memo: string | null;
}

export interface OperationFieldsProps {
  operation: TellerOperation;
  draft: OperationDraft;
  onChange: (next: OperationDraft) => void;
  currencies: string[];
  payerId: number;
  problems: DraftProblems;
  /** A refusal of the amount by the main process (AMOUNT_INVALID), in words. */
  amountError: string | null;
  amountRef: Ref<HTMLInputElement>;
}

export function OperationFields({ operation, draft, onChange, currencies, payerId, problems, amountError, amountRef }: OperationFieldsProps) {
  const { t, i18n } = useTranslation();
  const limited = (text: string, problem: string | null, hint: string | undefined, maximum: number) =>
    limitedHelperText(problem ?? hintWithLimit(hint, maximum, t, i18n.language), text.trim().length, maximum, t);
  const set = (key: 'currency' | 'merchant' | 'memo') => (event: { target: { value: string } }) => onChange({ ...draft, [key]: event.target.value });
  return (
    <Stack sx={{ gap: 2 }}>
      {operation === 'transfer' && (
        <MemberPicker
          label={t('wallets:field.payee')}
          value={draft.payee}
          excludeId={payerId}
          onPick={(payee) => onChange({ ...draft, payee })}
          errorText={problems.payee ? t('wallets:field.payeeRequired') : null}
        />
      )}
      {operation === 'payment' && (
        <TextField
          required
          label={t('wallets:field.merchant')}
          value={draft.merchant}
          onChange={set('merchant')}
          error={problems.merchant !== null}
          helperText={limited(draft.merchant, problems.merchant, undefined, INPUT_LIMITS.name)}
          autoComplete="off"
        />
      )}
      <Stack direction="row" sx={{ gap: 2 }}>
        {currencies.length > 1 && (
          <TextField select label={t('wallets:field.currency')} value={draft.currency} onChange={set('currency')} sx={{ width: 140 }}>
            {currencies.map((currency) => (
              <MenuItem key={currency} value={currency}>
                {currency}
              </MenuItem>
            ))}
          </TextField>
        )}
        <AmountField
          required
          label={t('wallets:field.amount')}
          currency={draft.currency}
          value={draft.amount}
          onValueChange={(amount) => onChange({ ...draft, amount })}
          showProblem={problems.amount}
          serverError={amountError}
          inputRef={amountRef}
        />
      </Stack>
      <TextField
        label={t('wallets:field.memo')}
        value={draft.memo}
        onChange={set('memo')}
        autoComplete="off"
        error={problems.memo !== null}
        helperText={limited(draft.memo, problems.memo, t('wallets:field.memoHint'), INPUT_LIMITS.text)}
      />
    </Stack>
  );
}
