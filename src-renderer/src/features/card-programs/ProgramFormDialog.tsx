import { useCallback } from 'react';
import { Alert, Dialog, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm, useWatch, type Control, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PROGRAM_MODES, type CardProgram, type ProgramRequest } from '../../../../src-shared/contract/cards';
import { ApiError } from '../../api/call';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { FormDialogFrame } from '../../ui/FormDialogFrame';
import { boundField, FormTextField, useServerError } from '../../ui/form';
import { LimitsFields } from './LimitsFields';
import { newProgramValues, PAN_LENGTHS, programFormSchema, programFormValues, type ProgramFormValues } from './program-form';

const PROGRAM_FIELDS = ['name', 'bin', 'panLength', 'currency', 'validityMonths', 'mode'] as const;

interface ProgramFormProps {
  /** The program edited; none for a new one. */
  program: CardProgram | null;
  currencies: readonly string[];
  onClose: () => void;
  onSaved: (program: CardProgram) => void;
}

/** The currencies offered: the enabled ones, and the program's own should it no longer be enabled. */
function currencyChoices(currencies: readonly string[], program: CardProgram | null): string[] {
  return program && !currencies.includes(program.currency) ? [program.currency, ...currencies] : [...currencies];
}

function ProgramForm({ program, currencies, onClose, onSaved }: ProgramFormProps) {
  const { t } = useTranslation();
  // The limits are read in the currency chosen at the moment the form is checked.
  const resolver = useCallback<Resolver<ProgramFormValues, unknown, ProgramRequest>>(
    (values, context, options) => zodResolver(programFormSchema(values.currency, t))(values, context, options),
    [t],
  );
  const form = useForm<ProgramFormValues, unknown, ProgramRequest>({ resolver, defaultValues: program ? programFormValues(program) : newProgramValues(currencies[0] ?? '') });
  const control = form.control as unknown as Control<ProgramFormValues>;
  const currency = useWatch({ control, name: 'currency' });
  const server = useServerError(form.setError, PROGRAM_FIELDS);
  const report = (error: unknown) => {
    // A name another program has is said on the name, in our words.
    if (error instanceof ApiError && error.code === 'INVALID_INPUT' && error.field === 'name' && error.details.reason === 'taken') {
      form.setError('name', { type: 'server', message: t('card-admin:programs.problem.nameTaken') }, { shouldFocus: true });
    } else server.report(error);
  };
  const create = useChannelMutation('cards.createProgram', { onSuccess: onSaved, onError: report });
  const update = useChannelMutation('cards.updateProgram', { onSuccess: onSaved, onError: report });
  const submit = form.handleSubmit((request) => {
    server.clear();
    if (program) update.mutate({ programId: program.id, program: request });
    else create.mutate(request);
  });
  // A program with cards keeps its numbers: the cards already carry them.
  const numbersLocked = program !== null && program.cards > 0;
  return (
    <FormDialogFrame
      title={program ? t('card-admin:programs.dialog.editTitle', { name: program.name }) : t('card-admin:programs.dialog.createTitle')}
      explanation={t('card-admin:programs.dialog.explanation')}
      submitLabel={program ? t('common:actions.save') : t('card-admin:programs.dialog.create')}
      busy={create.isPending || update.isPending}
      formError={server.formError}
      onSubmit={submit}
      onClose={onClose}
    >
      <FormTextField control={control} name="name" label={t('card-admin:programs.field.name')} required maxLength={60} autoFocus autoComplete="off" />
      {numbersLocked && <Alert severity="info">{t('card-admin:programs.dialog.numbersLocked', { count: program.cards })}</Alert>}
      <Stack direction="row" sx={{ gap: 2 }}>
        <FormTextField
          control={control}
          name="bin"
          label={t('card-admin:programs.field.bin')}
          hint={t('card-admin:programs.hint.bin')}
          required
          disabled={numbersLocked}
          autoComplete="off"
          slotProps={{ htmlInput: { inputMode: 'numeric', spellCheck: false } }}
          sx={{ flex: 1 }}
        />
        <Controller
          control={control}
          name="panLength"
          render={({ field, fieldState }) => (
            <TextField
              select
              {...boundField(field)}
              label={t('card-admin:programs.field.panLength')}
              helperText={fieldState.error?.message ?? t('card-admin:programs.hint.panLength')}
              error={fieldState.error !== undefined}
              disabled={numbersLocked}
              sx={{ width: 200 }}
            >
              {PAN_LENGTHS.map((length) => (
                <MenuItem key={length} value={String(length)}>
                  {t('card-admin:programs.digits', { count: length })}
                </MenuItem>
              ))}
            </TextField>
          )}
        />
      </Stack>
      <Stack direction="row" sx={{ gap: 2 }}>
        <Controller
          control={control}
          name="currency"
          render={({ field, fieldState }) => (
            <TextField
              select
              {...boundField(field)}
              label={t('card-admin:programs.field.currency')}
              helperText={fieldState.error?.message ?? t('card-admin:programs.hint.currency')}
              error={fieldState.error !== undefined}
              disabled={numbersLocked}
              sx={{ flex: 1 }}
            >
              {currencyChoices(currencies, program).map((code) => (
                <MenuItem key={code} value={code}>
                  {code}
                </MenuItem>
              ))}
            </TextField>
          )}
        />
        <FormTextField
          control={control}
          name="validityMonths"
          label={t('card-admin:programs.field.validityMonths')}
          hint={t('card-admin:programs.hint.validityMonths')}
          autoComplete="off"
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          sx={{ width: 200 }}
        />
      </Stack>
      <Controller
        control={control}
        name="mode"
        render={({ field }) => (
          <TextField select {...boundField(field)} label={t('card-admin:programs.field.mode')} helperText={t(`card-admin:programs.modeHint.${field.value}`)}>
            {PROGRAM_MODES.map((mode) => (
              <MenuItem key={mode} value={mode}>
                {t(`card-admin:programs.mode.${mode}`)}
              </MenuItem>
            ))}
          </TextField>
        )}
      />
      <Typography variant="subtitle2" component="h3">
        {t('card-admin:limits.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: -1.5 }}>
        {t('card-admin:limits.hint')}
      </Typography>
      {currency && <LimitsFields control={control} name="defaultLimits" currency={currency} />}
    </FormDialogFrame>
  );
}

export interface ProgramFormDialogProps {
  open: boolean;
  program: CardProgram | null;
  onClose: () => void;
  onSaved: (program: CardProgram) => void;
}

/** A new card program (no `program`) or an edit of one. The name has the focus, Enter saves, Esc cancels. */
export function ProgramFormDialog({ open, program, onClose, onSaved }: ProgramFormDialogProps) {
  const settings = useChannelQuery('settings.get', {});
  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth>
      {open && settings.data && <ProgramForm program={program} currencies={settings.data.enabledCurrencies} onClose={onClose} onSaved={onSaved} />}
    </Dialog>
  );
}
