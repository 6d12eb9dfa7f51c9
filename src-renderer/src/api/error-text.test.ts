import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { resourcesFromFiles } from '../i18n';
import { ApiError, apiErrorFrom } from './call';
import { errorText } from './error-text';

const resources = resourcesFromFiles(import.meta.glob<Record<string, unknown>>('../i18n/*/*.json', { eager: true, import: 'default' }));

async function translator(language: string) {
  const instance = i18next.createInstance();
  await instance.init({ resources, lng: language, fallbackLng: 'en', defaultNS: 'common', interpolation: { escapeValue: false } });
  return instance.t;
}

describe('errorText', () => {
  it('says how many attempts are left after a wrong passphrase, in English and Chinese', async () => {
    const error = new ApiError({ code: 'AUTH_FAILED', message: 'x', details: { attemptsLeft: 1 } });
    expect(errorText(error, await translator('en'), 'en')).toBe('The name or passphrase is not right. 1 attempt left before the account locks.');
    expect(errorText(error, await translator('zh-CN'), 'zh-CN')).toBe('用户名或口令不正确。账户锁定前还可尝试 1 次。');
  });

  it('names the passphrase problems of WEAK_PASSPHRASE', async () => {
    const error = new ApiError({ code: 'WEAK_PASSPHRASE', message: 'x', details: { problems: ['too_short'] } });
    expect(errorText(error, await translator('en'), 'en')).toBe('The passphrase is too weak. Use at least 12 characters.');
  });

  it('names the field of INVALID_INPUT by its label, in English and Chinese', async () => {
    const error = new ApiError({ code: 'INVALID_INPUT', message: 'x', details: { field: 'idleLockMinutes' } });
    expect(errorText(error, await translator('en'), 'en')).toBe('Some input is not valid. Check the field “Idle lock minutes”.');
    const memo = new ApiError({ code: 'INVALID_INPUT', message: 'x', details: { field: 'memo' } });
    expect(errorText(memo, await translator('zh-CN'), 'zh-CN')).toContain('请检查“附言”一栏。');
  });

  it('shows a field the label dictionary does not know by its contract name rather than not at all', async () => {
    const error = new ApiError({ code: 'INVALID_INPUT', message: 'x', details: { field: 'idempotencyKey' } });
    expect(errorText(error, await translator('en'), 'en')).toBe('Some input is not valid. Check the field “idempotencyKey”.');
  });

  it('says why INVALID_INPUT refused a field, by its label: control characters in a name, or too long with the limit', async () => {
    const bidi = new ApiError({ code: 'INVALID_INPUT', message: 'x', details: { field: 'name', reason: 'control_characters' } });
    expect(errorText(bidi, await translator('en'), 'en')).toBe('Some input is not valid. “Name” cannot contain control characters or hidden text-direction marks (such as U+202E). Type it again without them.');
    expect(errorText(bidi, await translator('zh-CN'), 'zh-CN')).toContain('“姓名”不能包含控制字符');
    const long = new ApiError({ code: 'INVALID_INPUT', message: 'x', details: { field: 'memo', reason: 'too_big', maximum: 200 } });
    expect(errorText(long, await translator('en'), 'en')).toBe('Some input is not valid. “Memo” is longer than allowed (at most 200).');
    expect(errorText(long, await translator('zh-CN'), 'zh-CN')).toContain('“附言”超出允许的长度（最多 200）。');
  });

  it('says what is wrong with a recovery key\'s form, and that a new passphrase is the current one', async () => {
    const short = new ApiError({ code: 'INVALID_INPUT', message: 'x', details: { field: 'recoveryKey', reason: 'recovery_key_length', count: 60 } });
    expect(errorText(short, await translator('en'), 'en')).toContain('this one has 60');
    expect(errorText(short, await translator('zh-CN'), 'zh-CN')).toContain('此处为 60 位');
    const same = new ApiError({ code: 'INVALID_INPUT', message: 'x', details: { field: 'next', reason: 'same_as_current' } });
    expect(errorText(same, await translator('en'), 'en')).toContain('must differ from the current one');
  });

  it('never shows the main process\'s own words: anything unknown is INTERNAL', async () => {
    expect(errorText(new Error('stack trace details'), await translator('en'), 'en')).toBe('Something went wrong inside Paydesk. Nothing was changed.');
    expect(errorText(apiErrorFrom({ code: 'SOMETHING_NEW', message: 'raw' }), await translator('zh-CN'), 'zh-CN')).toBe('Paydesk 内部出错，未做任何更改。');
  });
});
