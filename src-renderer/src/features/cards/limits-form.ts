import { z } from 'zod';
import type { TFunction } from 'i18next';
import { intervalLimitSchema, LIMIT_INTERVALS, type LimitInterval, type SpendingLimits } from '../../../../src-shared/cards/limits';
import { minorDigits, toDecimalString } from '../../../../src-shared/money';
import { checkAmount } from '../../ui/AmountField';

// The limits editor holds text: per interval an amount in major units and a count, blank for no
// limit. The checked form turns it into the contract's SpendingLimits (minor units, whole
// counts), with intervals that have neither left out. Amounts go through the shared parseAmount.

export interface IntervalLimitText {
  amount: string;
  count: string;
}
export type LimitsFormValues = Record<LimitInterval, IntervalLimitText>;

/** Every authorization is one: that interval takes an amount only. */
export function hasCountLimit(interval: LimitInterval): boolean {
  return interval !== 'authorization';
}

export function limitsFormValues(limits: SpendingLimits, currency: string): LimitsFormValues {
  const entries = LIMIT_INTERVALS.map((interval) => {
    const limit = limits[interval];
    return [interval, { amount: limit?.amount == null ? '' : toDecimalString(limit.amount, currency), count: limit?.count == null ? '' : String(limit.count) }] as const;
  });
  return Object.fromEntries(entries) as LimitsFormValues;
}

const COUNT = /^\d+$/;
const countRange = intervalLimitSchema.shape.count.unwrap();
const MAX_COUNT = countRange.maxValue ?? Number.MAX_SAFE_INTEGER;

function amountField(currency: string, t: TFunction) {
  return z.string().transform((text, context) => {
    if (text.trim() === '') return null;
    const check = checkAmount(text, currency);
    if (check.minor !== null) return check.minor;
    context.addIssue({ code: 'custom', message: t(`wallets:amount.problem.${check.problem}`, { currency, digits: minorDigits(currency) }) });
    return z.NEVER;
  });
}

function countField(t: TFunction) {
  return z.string().transform((text, context) => {
    const trimmed = text.trim();
    if (trimmed === '') return null;
    const count = COUNT.test(trimmed) ? Number(trimmed) : Number.NaN;
    if (count >= 1 && count <= MAX_COUNT) return count;
    context.addIssue({ code: 'custom', message: t('cards:limits.countProblem', { maximum: MAX_COUNT }) });
    return z.NEVER;
  });
}

/** The editor's schema: text in, the contract's SpendingLimits out. */
export function limitsFormSchema(currency: string, t: TFunction) {
  const interval = z.object({ amount: amountField(currency, t), count: countField(t) });
  const shape = Object.fromEntries(LIMIT_INTERVALS.map((name) => [name, interval])) as Record<LimitInterval, typeof interval>;
  return z.object(shape).transform((typed): SpendingLimits => {
    const limits: SpendingLimits = {};
    for (const name of LIMIT_INTERVALS) {
      const { amount, count } = typed[name];
      const kept = hasCountLimit(name) ? count : null;
      if (amount !== null || kept !== null) limits[name] = { amount, count: kept };
    }
    return limits;
  });
}
