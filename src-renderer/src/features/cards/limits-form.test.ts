import { describe, expect, it } from 'vitest';
import { translatorForTests } from '../../i18n/test-translator';
import { limitsFormSchema, limitsFormValues } from './limits-form';

const translator = translatorForTests();
const t = () => translator().t;

describe('the limits editor text', () => {
  it('shows stored limits in major units and leaves the others blank', () => {
    const values = limitsFormValues({ day: { amount: 50_000, count: 5 }, lifetime: { amount: null, count: 100 } }, 'CNY');
    expect(values.day).toEqual({ amount: '500.00', count: '5' });
    expect(values.lifetime).toEqual({ amount: '', count: '100' });
    expect(values.week).toEqual({ amount: '', count: '' });
  });

  it('reads typed text back into minor units, leaving out intervals with no limit', () => {
    const values = { ...limitsFormValues({}, 'CNY'), authorization: { amount: '200', count: '' }, month: { amount: '1,500.5', count: '20' } };
    expect(limitsFormSchema('CNY', t()).parse(values)).toEqual({ authorization: { amount: 20_000, count: null }, month: { amount: 150_050, count: 20 } });
  });

  it('reads a zero-decimal currency in whole units', () => {
    const values = { ...limitsFormValues({}, 'JPY'), day: { amount: '3000', count: '' } };
    expect(limitsFormSchema('JPY', t()).parse(values)).toEqual({ day: { amount: 3000, count: null } });
  });

  it('refuses an amount that is not one and a count that is not a whole number from 1, naming the field', () => {
    const values = { ...limitsFormValues({}, 'CNY'), day: { amount: '12.345', count: '0' }, week: { amount: 'abc', count: '2.5' } };
    const result = limitsFormSchema('CNY', t()).safeParse(values);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(['day.amount', 'day.count', 'week.amount', 'week.count']);
    expect(result.error?.issues[0]?.message).toContain('2');
  });
});
