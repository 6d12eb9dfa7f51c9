import type { TFunction } from 'i18next';
import { z } from 'zod';
import { programInput, type CardProgram, type ProgramRequest } from '../../../../src-shared/contract/cards';
import { nameSchema } from '../../../../src-shared/contract/common';
import type { SpendingLimits } from '../../../../src-shared/cards/limits';
import { limitsFormSchema, limitsFormValues, type LimitsFormValues } from '../cards/limits-form';

// The program dialog holds text, as typed; its schema reads it into the contract's program
// request, in our words on the field at fault, and then through the contract's own programInput
// so the dialog and the main process check the same rules.

export interface ProgramFormValues {
  name: string;
  bin: string;
  /** 13 to 19, chosen from a list. */
  panLength: string;
  currency: string;
  validityMonths: string;
  mode: ProgramRequest['mode'];
  defaultLimits: LimitsFormValues;
}

/** ISO/IEC 7812 card numbers are 13 to 19 digits long. */
export const PAN_LENGTHS = [13, 14, 15, 16, 17, 18, 19] as const;
const MONTHS = { min: 1, max: 120 };

export function newProgramValues(currency: string): ProgramFormValues {
  return { name: '', bin: '', panLength: '16', currency, validityMonths: '36', mode: 'test', defaultLimits: limitsFormValues({}, currency) };
}

export function programFormValues(program: CardProgram): ProgramFormValues {
  return {
    name: program.name,
    bin: program.bin,
    panLength: String(program.panLength),
    currency: program.currency,
    validityMonths: String(program.validityMonths),
    mode: program.mode,
    defaultLimits: limitsFormValues(program.defaultLimits, program.currency),
  };
}

function binField(t: TFunction) {
  return z.string().transform((text, ctx) => {
    const bin = text.trim();
    if (/^\d{6,8}$/.test(bin)) return bin;
    ctx.addIssue({ code: 'custom', message: t('card-admin:programs.problem.bin') });
    return z.NEVER;
  });
}

function monthsField(t: TFunction) {
  return z.string().transform((text, ctx) => {
    const months = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
    if (months >= MONTHS.min && months <= MONTHS.max) return months;
    ctx.addIssue({ code: 'custom', message: t('card-admin:programs.problem.validityMonths', MONTHS) });
    return z.NEVER;
  });
}

/**
 * Text in, the contract's ProgramRequest out. The limits are read in `currency`, the one chosen
 * now (a blank one reads no limits: the currency itself is asked for first).
 */
export function programFormSchema(currency: string, t: TFunction): z.ZodType<ProgramRequest, ProgramFormValues> {
  return z
    .object({
      name: nameSchema(60),
      bin: binField(t),
      panLength: z.string().transform(Number),
      currency: z.string().min(1, t('validation:required')),
      validityMonths: monthsField(t),
      mode: z.enum(['test', 'live']),
      defaultLimits: currency === '' ? z.any().transform((): SpendingLimits => ({})) : limitsFormSchema(currency, t),
    })
    .transform((program, ctx): ProgramRequest => {
      // The contract's own check last: what it still finds is said on the field it names.
      const checked = programInput.safeParse(program);
      if (checked.success) return checked.data;
      for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      return z.NEVER;
    }) as unknown as z.ZodType<ProgramRequest, ProgramFormValues>;
}
