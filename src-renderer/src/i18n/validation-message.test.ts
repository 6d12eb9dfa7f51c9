import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { setupInput, unlockInput } from '../../../src-shared/contract/session';
import { createMemberInput } from '../../../src-shared/contract/members';
import { depositInput } from '../../../src-shared/contract/wallets';
import { settingsSchema } from '../../../src-shared/settings';
import { translatorForTests } from './test-translator';
import { fieldLabel } from './validation-message';

// The forms check with the contract's schemas; what a person reads is ours, in their language,
// never zod's developer text.

const ZOD_WORDS = /expected|Too small|Too big|Invalid input|received|数值过小|数值过大|无效输入|期望/;

const translator = translatorForTests();

/** The message of each field `schema` finds a problem in, keyed by field. */
function messages(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  // The first issue of each field, as a form shows it (react-hook-form's criteriaMode 'firstError').
  return Object.fromEntries(result.error.issues.toReversed().map((issue) => [issue.path.join('.'), issue.message]));
}

async function inLanguage(language: string): Promise<void> {
  await translator().changeLanguage(language);
}

describe('validationMessage', () => {
  it('says an empty setup form is to be filled in, in English and Chinese, with no zod words', async () => {
    const empty = { username: '', displayName: '', passphrase: '' };
    await inLanguage('en');
    const en = messages(setupInput, empty);
    expect(en.displayName).toBe('Fill in this field.');
    expect(en.passphrase).toBe('Fill in this field.');
    expect(en.username).toBe('Fill in this field.');
    expect(messages(setupInput, { ...empty, username: 'a' }).username).toBe('At least 2 characters.');
    await inLanguage('zh-CN');
    const zh = messages(setupInput, empty);
    expect(zh.displayName).toBe('请填写此项。');
    expect(zh.username).toBe('请填写此项。');
    expect(messages(setupInput, { ...empty, username: 'a' }).username).toBe('至少 2 个字符。');
    for (const text of [...Object.values(en), ...Object.values(zh)]) expect(text).not.toMatch(ZOD_WORDS);
  });

  it('says the unlock form needs a name and a passphrase', async () => {
    await inLanguage('en');
    expect(messages(unlockInput, { username: '', passphrase: '' }).passphrase).toBe('Fill in this field.');
  });

  it('states the limit of a memo over 200 characters and of a name over 80', async () => {
    const deposit = { memberId: 1, amount: 100, currency: 'CNY', idempotencyKey: 'k', memo: 'x'.repeat(201) };
    await inLanguage('en');
    expect(messages(depositInput, deposit).memo).toBe('At most 200 characters.');
    expect(messages(createMemberInput, { name: 'n'.repeat(81), phone: '13800138000' }).name).toBe('At most 80 characters.');
    await inLanguage('zh-CN');
    expect(messages(depositInput, deposit).memo).toBe('最多 200 个字符。');
    expect(messages(createMemberInput, { name: 'n'.repeat(81), phone: '13800138000' }).name).toBe('最多 80 个字符。');
  });

  it('asks for a whole number of idle-lock minutes within the bounds', async () => {
    const minutes = settingsSchema.shape.idleLockMinutes;
    await inLanguage('en');
    expect(messages(minutes, 1.5)['']).toBe('Enter a whole number.');
    expect(messages(minutes, 0)['']).toBe('Enter 1 or more.');
    expect(messages(minutes, 241)['']).toBe('Enter 240 or less.');
    expect(messages(z.coerce.number().pipe(minutes), 'abc')['']).toBe('Enter a number.');
    await inLanguage('zh-CN');
    expect(messages(minutes, 1.5)['']).toBe('请输入整数。');
    expect(messages(minutes, 241)['']).toBe('请输入不大于 240 的数。');
  });

  it('describes a malformed email address by example', async () => {
    await inLanguage('en');
    expect(messages(createMemberInput, { name: 'Ada', phone: '13800138000', email: 'not-an-address' }).email).toBe('Enter an email address such as name@example.com.');
  });

  it('leaves a message the schema writes itself in place (refinements and patterns keep their own words)', async () => {
    await inLanguage('en');
    const refined = z.string().refine((text) => text === 'yes', { message: 'say yes' });
    expect(messages(refined, 'no')['']).toBe('say yes');
  });
});

describe('fieldLabel', () => {
  it('names a contract field by its label in the reader\'s language, and an unknown one by its name', async () => {
    await inLanguage('en');
    expect(fieldLabel('memo', translator().t)).toBe('Memo');
    expect(fieldLabel('idleLockMinutes', translator().t)).toBe('Idle lock minutes');
    expect(fieldLabel('idempotencyKey', translator().t)).toBe('idempotencyKey');
    await inLanguage('zh-CN');
    expect(fieldLabel('memo', translator().t)).toBe('附言');
    expect(fieldLabel('notes', translator().t)).toBe('备注');
  });
});
