import { useCallback, useState } from 'react';
import { Controller, type Control, type FieldError, type FieldValues, type Path, type UseFormSetError } from 'react-hook-form';
import { TextField, type TextFieldProps } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { CONTROL_CHARACTERS_MESSAGE } from '../../../src-shared/contract/common';
import { ApiError } from '../api/call';
import { useErrorText } from '../api/error-text';

// react-hook-form glue: fields show zod's messages (localized through zod's own locales), a
// format hint when a pattern fails, our own words for a name with control characters (zod's
// locales do not know our refinements), and refusals from the main process on the field they name.

function fieldErrorText(error: FieldError, hint: string | undefined, t: TFunction): string | undefined {
  if (error.type === 'invalid_format' && hint) return hint;
  if (error.type === 'custom' && error.message === CONTROL_CHARACTERS_MESSAGE) return t('common:validation.controlCharacters');
  return error.message;
}

type FormTextFieldProps<T extends FieldValues> = Omit<TextFieldProps, 'name' | 'value' | 'onChange' | 'onBlur' | 'error'> & {
  control: Control<T>;
  name: Path<T>;
  label: string;
  /** Shown under the field, and instead of zod's text when the value does not match a pattern. */
  hint?: string;
};

export function FormTextField<T extends FieldValues>({ control, name, hint, ...rest }: FormTextFieldProps<T>) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextField
          {...rest}
          name={field.name}
          value={field.value ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          inputRef={field.ref}
          error={fieldState.error !== undefined}
          helperText={fieldState.error ? fieldErrorText(fieldState.error, hint, t) : hint}
        />
      )}
    />
  );
}

/**
 * Puts a refusal on the field it names (INVALID_INPUT's details.field, STAFF_EXISTS on the
 * username, WEAK_PASSPHRASE on the passphrase); anything else becomes the form's own error.
 */
export function useServerError<T extends FieldValues>(setError: UseFormSetError<T>, fields: readonly Path<T>[], passphraseField?: Path<T>) {
  const describe = useErrorText();
  const [formError, setFormError] = useState<unknown>(null);
  const report = useCallback(
    (error: unknown) => {
      const target = error instanceof ApiError ? (error.code === 'WEAK_PASSPHRASE' ? passphraseField : error.field) : undefined;
      const field = fields.find((name) => name === target);
      if (field) {
        setFormError(null);
        setError(field, { type: 'server', message: describe(error) }, { shouldFocus: true });
      } else {
        setFormError(error);
      }
    },
    [describe, fields, passphraseField, setError],
  );
  const clear = useCallback(() => setFormError(null), []);
  return { formError, report, clear };
}
