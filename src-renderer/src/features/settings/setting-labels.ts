import type { TFunction } from 'i18next';

// Each setting's label and the line that says what it does live under settings:field.<key>, so
// the form, a warning about a broken value and the test that every setting has both read one place.

export function settingLabel(key: string, t: TFunction): string {
  return t(`settings:field.${key}.label`);
}

export function settingHint(key: string, t: TFunction): string {
  return t(`settings:field.${key}.hint`);
}
