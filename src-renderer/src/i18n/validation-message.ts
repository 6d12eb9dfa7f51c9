import type { TFunction } from 'i18next';
import type { z } from 'zod';
import validationText from './en/validation.json';

// Every problem zod finds in a form, said in our own words in the reader's language. The forms
// validate with the contract's schemas, whose checks are zod's (min, max, int, email); installed
// as zod's locale (i18n/index.ts), this replaces zod's developer text ("Too small: expected string
// to have >=1 characters", "数值过小…"). A message a schema writes itself (a refinement, a pattern's
// description) still wins over this one; the form field turns those into words (ui/form.tsx).
// The sentences do not repeat the field's label: they are shown under the labelled field.

type Issue = z.core.$ZodRawIssue;

function sizeMessage(issue: Issue & { code: 'too_small' | 'too_big' }, t: TFunction): string {
  const small = issue.code === 'too_small';
  const bound = Number(small ? issue.minimum : issue.maximum);
  switch (issue.origin) {
    case 'string':
      if (small) return bound <= 1 || issue.input === '' ? t('validation:required') : t('validation:tooShort', { minimum: bound });
      return t('validation:tooLong', { maximum: bound });
    case 'array':
    case 'set':
      return small ? t('validation:tooFew', { minimum: bound }) : t('validation:tooMany', { maximum: bound });
    case 'number':
    case 'int':
    case 'bigint':
      if (small && bound === 0 && !issue.inclusive) return t('validation:aboveZero');
      return small ? t('validation:atLeast', { minimum: bound }) : t('validation:atMost', { maximum: bound });
    default:
      return t('validation:invalid');
  }
}

function typeMessage(issue: Issue & { code: 'invalid_type' }, t: TFunction): string {
  if (issue.input === undefined || issue.input === null || issue.input === '') return t('validation:required');
  if (issue.expected === 'int') return t('validation:wholeNumber');
  if (issue.expected === 'number' || issue.expected === 'bigint') return t('validation:number');
  return t('validation:invalid');
}

/** The words for one zod issue, in the language `t` speaks. */
export function validationMessage(issue: Issue, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
    case 'too_big':
      return sizeMessage(issue, t);
    case 'invalid_type':
      return typeMessage(issue, t);
    case 'invalid_format':
      return issue.format === 'email' ? t('validation:email') : t('validation:format');
    case 'not_multiple_of':
      return t('validation:wholeNumber');
    case 'invalid_value':
      return t('validation:choice');
    default:
      return t('validation:invalid');
  }
}

/** zod's `localeError`: our messages, in whatever language i18next speaks when a form is checked. */
export function validationErrorMap(t: () => TFunction): z.core.$ZodErrorMap {
  return (issue) => validationMessage(issue, t());
}

/**
 * A contract field name (INVALID_INPUT's details.field) as the label a person knows it by. A name
 * not in the dictionary (validation:field) is shown as it is rather than hidden.
 */
export function fieldLabel(field: string, t: TFunction): string {
  return Object.hasOwn(validationText.field, field) ? t(`validation:field.${field}`) : field;
}
