import { useCallback, useState, type ReactNode } from 'react';
import { Controller, type Control, type ControllerRenderProps, type FieldError, type FieldValues, type Path, type UseFormSetError } from 'react-hook-form';
import { Box, TextField, type TextFieldProps } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { CONTROL_CHARACTERS_MESSAGE } from '../../../src-shared/contract/common';
import { SYSTEM_MEMO_MESSAGE } from '../../../src-shared/system-memo';
import { ApiError } from '../api/call';
import { useErrorText } from '../api/error-text';
import { joinSentences } from './format';

// react-hook-form glue: fields show our messages for zod's checks (i18n/validation-message.ts),
// a format hint when a pattern fails (the contract describes its patterns in English for the CLI,
// so a field with a pattern gives a hint or a formatHint),
// our own words for a name with control characters, and refusals from the main process on the
// field they name. A field with a length limit states it and counts what is typed.

function fieldErrorText(error: Pick<FieldError, 'type' | 'message'>, hint: string | undefined, t: TFunction): string | undefined {
  if (error.type === 'invalid_format' && hint) return hint;
  if (error.type === 'custom' && error.message === CONTROL_CHARACTERS_MESSAGE) return t('common:validation.controlCharacters');
  if (error.type === 'custom' && error.message === SYSTEM_MEMO_MESSAGE) return t('common:validation.systemMemo');
  return error.message;
}

/** For a field outside react-hook-form: what the contract's `schema` finds wrong with `value`, in words, or null. */
export function contractProblem(schema: z.ZodType, value: unknown, t: TFunction): string | null {
  const result = schema.safeParse(value);
  const issue = result.success ? undefined : result.error.issues[0];
  return issue ? (fieldErrorText({ type: issue.code, message: issue.message }, undefined, t) ?? null) : null;
}

/**
 * The line under a text field with a limit: the problem, or the hint followed by the limit in
 * words, and the count of characters typed against it (as the contract counts them, trimmed).
 */
export function limitedHelperText(text: string, length: number, maximum: number, t: TFunction): ReactNode {
  return (
    <Box component="span" sx={{ display: 'flex', justifyContent: 'space-between', gap: 1 }}>
      <span>{text}</span>
      <Box component="span" data-testid="character-count" sx={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
        {t('validation:count', { count: length, maximum })}
      </Box>
    </Box>
  );
}

/** The hint with the limit after it, as one line of sentences. */
export function hintWithLimit(hint: string | undefined, maximum: number, t: TFunction, language: string): string {
  const limit = t('validation:tooLong', { maximum });
  return hint ? joinSentences([hint, limit], language) : limit;
}

type FormTextFieldProps<T extends FieldValues> = Omit<TextFieldProps, 'name' | 'value' | 'onChange' | 'onBlur' | 'error'> & {
  control: Control<T>;
  name: Path<T>;
  label: string;
  /** Shown under the field, and instead of the contract's text when the value does not match a pattern. */
  hint?: string;
  /** Shown only when the value does not match the contract's pattern, for a field that needs no hint until then. */
  formatHint?: string;
  /** The contract's limit on the field's length (INPUT_LIMITS): stated under the field, with a count. */
  maxLength?: number;
};

interface HelperTextOptions {
  error: FieldError | undefined;
  hint: string | undefined;
  formatHint: string | undefined;
  value: unknown;
  maxLength: number | undefined;
}

function helperText({ error, hint, formatHint, value, maxLength }: HelperTextOptions, t: TFunction, language: string): ReactNode {
  const problem = error ? fieldErrorText(error, hint ?? formatHint, t) : undefined;
  if (maxLength === undefined) return problem ?? hint;
  const length = typeof value === 'string' ? value.trim().length : 0;
  return limitedHelperText(problem ?? hintWithLimit(hint, maxLength, t, language), length, maxLength, t);
}

/** What binds a TextField to a react-hook-form field: its name, text (blank for none), change and blur, and focus on a problem. */
export function boundField<T extends FieldValues>(field: ControllerRenderProps<T, Path<T>>) {
  return { name: field.name, value: (field.value as unknown) ?? '', onChange: field.onChange, onBlur: field.onBlur, inputRef: field.ref };
}

export function FormTextField<T extends FieldValues>({ control, name, hint, formatHint, maxLength, ...rest }: FormTextFieldProps<T>) {
  const { t, i18n } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextField
          {...rest}
          {...boundField(field)}
          // Over its limit a field turns red as it is typed, before any check: the limit is the problem.
          error={fieldState.error !== undefined || (maxLength !== undefined && typeof field.value === 'string' && field.value.trim().length > maxLength)}
          helperText={helperText({ error: fieldState.error, hint, formatHint, value: field.value, maxLength }, t, i18n.language)}
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
