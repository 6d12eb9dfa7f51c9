import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import { validationErrorMap } from './validation-message';

// One JSON file per language and namespace (i18n/<language>/<namespace>.json), so each feature
// adds its own strings without touching anyone else's file.

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'paydesk.language';

type Messages = Record<string, unknown>;
type Resources = Record<string, Record<string, Messages>>;

export function resourcesFromFiles(files: Record<string, Messages>): Resources {
  const resources: Resources = {};
  for (const [path, messages] of Object.entries(files)) {
    const match = /\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match?.[1] || !match[2]) continue;
    (resources[match[1]] ??= {})[match[2]] = messages;
  }
  return resources;
}

function isLanguage(value: string | null): value is Language {
  return LANGUAGES.some((language) => language.code === value);
}

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
}

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18next.changeLanguage(language);
}

export function initI18n(): typeof i18next {
  const resources = resourcesFromFiles(import.meta.glob<Messages>('./*/*.json', { eager: true, import: 'default' }));
  i18next.on('languageChanged', applyLanguage);
  // Form validation with the shared zod schemas speaks our words, in the language chosen when the form is checked.
  z.config({ localeError: validationErrorMap(() => i18next.t) });
  void i18next.use(initReactI18next).init({
    resources,
    lng: initialLanguage(),
    fallbackLng: 'en',
    defaultNS: 'common',
    ns: Object.keys(resources.en ?? {}),
    // The strings are bundled, so there is nothing to wait for before the first render.
    initAsync: false,
    interpolation: { escapeValue: false },
    // A missing key would show as raw text; report it so the e2e run fails on it.
    saveMissing: true,
    missingKeyHandler: (languages, namespace, key) => console.error(`i18n: missing ${namespace}:${key} (${languages.join(', ')})`),
  });
  return i18next;
}
