import { useMemo } from 'react';
import { Checkbox, FormControlLabel, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { linkBankCardInput } from '../../../../src-shared/contract/cards';
import { useChannelMutation } from '../../api/queries';
import { boundField, FormTextField, useServerError } from '../../ui/form';
import { FormDialogFrame } from '../../ui/FormDialogFrame';
import { checkTypedPan, type PanCheck } from './bank-card-input';
import { CardDialog } from './CardDialog';

// A member's own bank card, the destination of their payouts: the number is checked (Luhn) as it
// is typed and again by the router, which keeps it sealed and shows only its last four from then on.

const fields = linkBankCardInput.shape;
const linkForm = (t: TFunction) =>
  z.object({
    pan: fields.pan.refine((pan) => checkTypedPan(pan).state === 'valid', { message: t('cards:bank.link.panInvalid') }),
    expiry: fields.expiry,
    holderName: fields.holderName,
    bankName: z.string().trim().pipe(z.union([z.literal(''), fields.bankName.unwrap()])),
    makeDefault: z.boolean(),
  });
type LinkFormValues = z.input<ReturnType<typeof linkForm>>;
const FIELDS = ['pan', 'expiry', 'holderName', 'bankName'] as const;

function panHelper(check: PanCheck, t: TFunction): string {
  if (check.state === 'valid') return t('cards:bank.link.panValid', { brand: t(`cards:brand.${check.brand}`) });
  if (check.state === 'typing') return t('cards:bank.link.panHint');
  return t(`cards:bank.link.pan_${check.state}`);
}

interface LinkProps {
  memberId: number;
  memberName: string;
  onClose: () => void;
}

function LinkForm({ memberId, memberName, onClose }: LinkProps) {
  const { t } = useTranslation();
  const resolver = useMemo(() => zodResolver(linkForm(t)), [t]);
  const form = useForm<LinkFormValues>({ resolver, defaultValues: { pan: '', expiry: '', holderName: memberName.slice(0, fields.holderName.maxLength ?? undefined), bankName: '', makeDefault: false } });
  const server = useServerError(form.setError, FIELDS);
  const pan = useWatch({ control: form.control, name: 'pan' });
  const check = checkTypedPan(pan);
  const link = useChannelMutation('bankCards.link', { onSuccess: onClose, onError: server.report });
  const submit = form.handleSubmit((typed) => {
    server.clear();
    link.mutate({ memberId, pan: typed.pan, expiry: typed.expiry, holderName: typed.holderName, bankName: typed.bankName || undefined, makeDefault: typed.makeDefault });
  });
  return (
    <FormDialogFrame
      title={t('cards:bank.link.title')}
      explanation={t('cards:bank.link.explanation', { name: memberName })}
      submitLabel={t('cards:bank.link.confirm')}
      busy={link.isPending}
      formError={server.formError}
      onSubmit={submit}
      onClose={onClose}
    >
      <Controller
        control={form.control}
        name="pan"
        render={({ field, fieldState }) => (
          <TextField
            {...boundField(field)}
            autoFocus
            required
            label={t('cards:field.number')}
            autoComplete="off"
            error={fieldState.error !== undefined || check.state === 'checkDigit' || check.state === 'format'}
            helperText={fieldState.error?.type === 'server' ? fieldState.error.message : panHelper(check, t)}
            slotProps={{ htmlInput: { inputMode: 'numeric', spellCheck: false, 'data-testid': 'bank-pan', style: { fontFamily: 'monospace', letterSpacing: '0.06em' } } }}
          />
        )}
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2 }}>
        <FormTextField control={form.control} name="expiry" label={t('cards:field.expiry')} required placeholder="MM/YY" formatHint={t('cards:bank.link.expiryHint')} sx={{ width: { sm: 200 }, flexShrink: 0 }} slotProps={{ htmlInput: { inputMode: 'numeric' } }} />
        <FormTextField control={form.control} name="holderName" label={t('cards:field.holder')} required fullWidth maxLength={fields.holderName.maxLength ?? undefined} />
      </Stack>
      <FormTextField control={form.control} name="bankName" label={t('cards:field.bank')} hint={t('cards:bank.link.bankHint')} />
      <Controller
        control={form.control}
        name="makeDefault"
        render={({ field }) => <FormControlLabel control={<Checkbox checked={field.value} onChange={(event) => field.onChange(event.target.checked)} slotProps={{ input: { ref: field.ref } }} />} label={t('cards:bank.link.makeDefault')} />}
      />
    </FormDialogFrame>
  );
}

export function LinkBankCardDialog({ open, ...props }: LinkProps & { open: boolean }) {
  return (
    <CardDialog open={open} onClose={props.onClose}>
      <LinkForm {...props} />
    </CardDialog>
  );
}
