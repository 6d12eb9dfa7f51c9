import { useMemo } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Dialog } from '@mui/material';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { minorDigits } from '../../../../src-shared/money';
import { useChannelMutation } from '../../api/queries';
import { AmountField, checkAmount } from '../../ui/AmountField';
import { FormDialogFrame } from '../../ui/FormDialogFrame';
import { useServerError } from '../../ui/form';
import { useFormKey } from '../points/use-form-key';

// A deposit from the operator's bank into the payout funding account (1100 → 1200), before an
// approval can hold a batch's total there. The amount is typed in major units and read by the
// shared parseAmount; the idempotency key follows the typed amount, so a double click funds once.

function fundForm(currency: string, t: TFunction) {
  return z.object({
    amount: z.string().transform((text, ctx) => {
      const check = checkAmount(text, currency);
      if (check.minor !== null) return check.minor;
      ctx.addIssue({ code: 'custom', message: t(`wallets:amount.problem.${check.problem}`, { currency, digits: minorDigits(currency) }) });
      return z.NEVER;
    }),
  });
}
type FundFormValues = z.input<ReturnType<typeof fundForm>>;
type FundTyped = z.output<ReturnType<typeof fundForm>>;
const FIELDS = ['amount'] as const;

interface FundProps {
  currency: string;
  onClose: () => void;
}

function FundForm({ currency, onClose }: FundProps) {
  const { t } = useTranslation();
  const resolver = useMemo(() => zodResolver(fundForm(currency, t)), [currency, t]);
  const form = useForm<FundFormValues, unknown, FundTyped>({ resolver, defaultValues: { amount: '' } });
  const server = useServerError(form.setError, FIELDS);
  const amount = useWatch({ control: form.control, name: 'amount' });
  const idempotencyKey = useFormKey(`${currency}|${amount.trim()}`);
  const fund = useChannelMutation('payouts.fund', { onSuccess: onClose, onError: server.report });
  const submit = form.handleSubmit((typed) => {
    server.clear();
    fund.mutate({ currency, amount: typed.amount, idempotencyKey });
  });
  return (
    <FormDialogFrame
      title={t('payouts:funding.fundTitle', { currency })}
      explanation={t('payouts:funding.fundExplanation')}
      submitLabel={t('payouts:funding.fund')}
      busy={fund.isPending}
      formError={server.formError}
      onSubmit={submit}
      onClose={onClose}
    >
      <Controller
        control={form.control}
        name="amount"
        render={({ field, fieldState }) => (
          <AmountField
            name={field.name}
            inputRef={field.ref}
            onBlur={field.onBlur}
            value={field.value}
            onValueChange={field.onChange}
            currency={currency}
            label={t('payouts:funding.amount')}
            required
            autoFocus
            showProblem={false}
            serverError={fieldState.error?.message ?? null}
          />
        )}
      />
    </FormDialogFrame>
  );
}

/** Finance and admins: move money from the bank into the payout funding account. */
export function FundDialog({ open, ...props }: FundProps & { open: boolean }) {
  return (
    <Dialog open={open} onClose={props.onClose} maxWidth="xs" fullWidth>
      {open && <FundForm {...props} />}
    </Dialog>
  );
}
