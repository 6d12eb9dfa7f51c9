import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every string the renderer shows exists in English and in Simplified Chinese. i18next plural
// forms differ by language (English has _one and _other, Chinese only _other), so keys are
// compared with their plural suffix removed.

const SOURCE = fileURLToPath(new URL('../../src-renderer/src/', import.meta.url));
const I18N = join(SOURCE, 'i18n');
const LANGUAGES = ['en', 'zh-CN'] as const;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Messages = { [key: string]: string | Messages };

function namespaces(language: string): string[] {
  return readdirSync(join(I18N, language))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.json$/, ''))
    .sort();
}

function load(language: string, namespace: string): Messages {
  return JSON.parse(readFileSync(join(I18N, language, `${namespace}.json`), 'utf8')) as Messages;
}

/** namespace:dotted.key → text, for every leaf. */
function flatten(messages: Messages, prefix: string, into = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(messages)) {
    const path = `${prefix}${key}`;
    if (typeof value === 'string') into.set(path, value);
    else flatten(value, `${path}.`, into);
  }
  return into;
}

function strings(language: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const namespace of namespaces(language)) flatten(load(language, namespace), `${namespace}:`, all);
  return all;
}

function baseKeys(all: Map<string, string>): Set<string> {
  return new Set([...all.keys()].map((key) => key.replace(PLURAL_SUFFIX, '')));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Keys written out in full in the source: t('ns:key'), labelKey: 'ns:key', descriptionKey: 'ns:key'. */
function literalKeysInSource(): Map<string, string> {
  const found = new Map<string, string>();
  const pattern = /(?:\bt\(|Key:\s*)'([a-zA-Z]+:[\w.]+)'/g;
  for (const file of sourceFiles(SOURCE)) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) found.set(match[1] ?? '', file.slice(SOURCE.length));
  }
  return found;
}

const english = strings('en');
const chinese = strings('zh-CN');

describe('renderer translations', () => {
  it('have the same namespace files in every language', () => {
    expect(namespaces('zh-CN')).toEqual(namespaces('en'));
    expect(namespaces('en').length).toBeGreaterThan(0);
  });

  it.each(LANGUAGES)('leave no key of the other language missing in %s', (language) => {
    const mine = baseKeys(language === 'en' ? english : chinese);
    const theirs = baseKeys(language === 'en' ? chinese : english);
    expect([...theirs].filter((key) => !mine.has(key))).toEqual([]);
  });

  it('have no empty strings', () => {
    const empty = [...english, ...chinese].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('use the same {{placeholders}} in both languages', () => {
    const mismatched: string[] = [];
    for (const [key, text] of english) {
      const counterpart = chinese.get(key) ?? chinese.get(key.replace(PLURAL_SUFFIX, '_other'));
      if (counterpart !== undefined && placeholders(counterpart).join() !== placeholders(text).join()) mismatched.push(key);
    }
    expect(mismatched).toEqual([]);
  });

  it('have every key the screens name in full', () => {
    const used = literalKeysInSource();
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter(([key]) => !baseKeys(english).has(key)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it('detects a key that only one language has', () => {
    const withExtra = new Map(english).set('common:onlyInEnglish', 'Only here');
    const missingInChinese = [...baseKeys(withExtra)].filter((key) => !baseKeys(chinese).has(key));
    expect(missingInChinese).toEqual(['common:onlyInEnglish']);
  });
});
