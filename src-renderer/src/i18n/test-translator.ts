import { afterAll, beforeAll } from 'vitest';
import i18next, { type i18n } from 'i18next';
import { z } from 'zod';
import { resourcesFromFiles } from './index';
import { validationErrorMap } from './validation-message';

// For the tests of forms: every language's messages, and zod speaking through them, for the
// duration of one test file (zod's error map is global, so it is put back after).

const resources = resourcesFromFiles(import.meta.glob<Record<string, unknown>>('./*/*.json', { eager: true, import: 'default' }));

/** Registers the translator for the file's tests; the returned function gives it once they run. */
export function translatorForTests(): () => i18n {
  let translator: i18n | undefined;
  beforeAll(async () => {
    translator = i18next.createInstance();
    await translator.init({ resources, lng: 'en', fallbackLng: 'en', defaultNS: 'common', interpolation: { escapeValue: false } });
    z.config({ localeError: validationErrorMap(() => translator!.t) });
  });
  afterAll(() => {
    z.config({ localeError: undefined });
  });
  return () => translator!;
}
