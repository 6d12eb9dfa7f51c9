import { describe, expect, it } from 'vitest';
import type { CardProgram } from '../../../../src-shared/contract/cards';
import { translatorForTests } from '../../i18n/test-translator';
import { newProgramValues, programFormSchema, programFormValues, type ProgramFormValues } from './program-form';

// The program dialog reads what is typed into the contract's program request: the BIN as 6 to 8
// digits, a card length from the list (13 to 19: any of them leaves the 4 digits the contract asks
// after an 8-digit BIN), limits in major units of the program's currency. Each problem is said in
// our words on its own field.

const translator = translatorForTests();

const PROGRAM: CardProgram = {
  id: 1, name: 'Teal Debit', bin: '62258812', panLength: 16, currency: 'CNY', validityMonths: 36, mode: 'live',
  defaultLimits: { authorization: { amount: 500_000, count: null }, day: { amount: 2_000_000, count: 10 } },
  status: 'open', cards: 3, createdAt: '2026-12-01T08:00:00.000Z', createdBy: 'admin',
};

function read(values: ProgramFormValues) {
  return programFormSchema(values.currency, translator().t).safeParse(values);
}

function problems(values: ProgramFormValues): Record<string, string> {
  const result = read(values);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('the card program form', () => {
  it('reads back the program it shows, limits in minor units', () => {
    const { id: _id, status: _status, cards: _cards, createdAt: _at, createdBy: _by, ...request } = PROGRAM;
    expect(programFormValues(PROGRAM).defaultLimits.day).toEqual({ amount: '20000.00', count: '10' });
    expect(read(programFormValues(PROGRAM)).data).toEqual(request);
  });

  it('starts a new program at 16 digits, 36 months, test mode and no limits', () => {
    const values = { ...newProgramValues('CNY'), name: 'Staff cards', bin: '621234' };
    expect(read(values).data).toEqual({ name: 'Staff cards', bin: '621234', panLength: 16, currency: 'CNY', validityMonths: 36, mode: 'test', defaultLimits: {} });
  });

  it('refuses a BIN that is not 6 to 8 digits and validity outside 1 to 120 months', () => {
    expect(problems({ ...programFormValues(PROGRAM), bin: '62A588', validityMonths: '121' })).toEqual({
      bin: 'Enter 6 to 8 digits.',
      validityMonths: 'Enter a whole number of months from 1 to 120.',
    });
  });

  it('says in Chinese what is wrong with a limit in the currency', async () => {
    const values = programFormValues(PROGRAM);
    values.defaultLimits.day.amount = '12.345';
    await translator().changeLanguage('zh-CN');
    expect(problems(values)).toEqual({ 'defaultLimits.day.amount': 'CNY 最多 2 位小数。' });
    await translator().changeLanguage('en');
  });
});
