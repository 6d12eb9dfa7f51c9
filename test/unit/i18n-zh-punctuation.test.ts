import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Chinese text takes full-width punctuation (GB/T 15834): "强度：弱", never "强度: 弱".

const ZH_DIR = join(import.meta.dirname, '../../src-renderer/src/i18n/zh-CN');
const CJK = '\\p{Script=Han}';
const HALF_WIDTH_AFTER_CHINESE = new RegExp(`${CJK}[:;,?!]|[:;,?!]${CJK}`, 'u');

function strings(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => strings(inner, path ? `${path}.${key}` : key));
  return [];
}

describe('the Chinese strings', () => {
  it('use full-width colons, commas and question marks next to Chinese text', () => {
    const offending = readdirSync(ZH_DIR)
      .filter((file) => file.endsWith('.json'))
      .flatMap((file) => strings(JSON.parse(readFileSync(join(ZH_DIR, file), 'utf8')), file.replace(/\.json$/, '')))
      .filter(([, text]) => HALF_WIDTH_AFTER_CHINESE.test(text));
    expect(offending).toEqual([]);
  });
});
