import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The audit log names every action in words (issue 8, defect 6). The main process records codes
// in three forms: `action: 'member.create'`, a choice `action: recovery ? 'a.b' : 'a.c'`, and a
// table `const action = { frozen: 'member.freeze', … }[status]`. Each code found in src-main
// has a name in English and in Chinese, so a new action cannot reach the screen untranslated.

const SOURCE = fileURLToPath(new URL('../../src-main/', import.meta.url));
const I18N = fileURLToPath(new URL('../../src-renderer/src/i18n/', import.meta.url));
const ACTION_CODE = /'([a-z]+\.[a-z][a-zA-Z]*)'/g;
/** From `action:` or `const action =` to the end of the line, or to the entity type beside it. */
const ACTION_EXPRESSION = /\baction(?::|\s*=)\s*([^\n]*)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function recordedActions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(SOURCE)) {
    for (const [, expression = ''] of readFileSync(file, 'utf8').matchAll(ACTION_EXPRESSION)) {
      const action = expression.split('entityType')[0] ?? '';
      for (const [, code = ''] of action.matchAll(ACTION_CODE)) found.set(code, file.slice(SOURCE.length));
    }
  }
  return found;
}

type Messages = { [key: string]: string | Messages };

function actionName(language: string, code: string): unknown {
  const audit = JSON.parse(readFileSync(join(I18N, language, 'audit.json'), 'utf8')) as Messages;
  return code.split('.').reduce<unknown>((messages, part) => (messages as Messages | undefined)?.[part], audit.action);
}

const recorded = recordedActions();

describe('audit action names', () => {
  it('finds the actions src-main records in each of its forms', () => {
    for (const code of ['member.create', 'member.freeze', 'member.close', 'session.unlock', 'session.unlockWithRecoveryKey', 'wallet.reverse', 'member.revealIdDocument', 'keys.rekey']) {
      expect(recorded.has(code), code).toBe(true);
    }
    expect(recorded.size).toBeGreaterThanOrEqual(26);
  });

  it.each(['en', 'zh-CN'])('has a name in %s for every action src-main records', (language) => {
    const unnamed = [...recorded].filter(([code]) => typeof actionName(language, code) !== 'string').map(([code, file]) => `${code} (${file})`);
    expect(unnamed).toEqual([]);
  });
});
