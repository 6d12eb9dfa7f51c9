import type { TFunction } from 'i18next';
import { z } from 'zod';
import { minorDigits } from '../../../../src-shared/money';
import type { SettingsSection } from '../../../../src-shared/settings/define';
import type { Settings } from '../../../../src-shared/settings';
import { sessionSettings } from '../../../../src-shared/settings/session-settings';
import { walletSettings } from '../../../../src-shared/settings/wallet-settings';
import { COUNTER_ROLES, counterLimitSettings } from '../../../../src-shared/settings/counter-limits';
import { cardSettings, isTimeZone } from '../../../../src-shared/settings/card-settings';
import { payoutSettings } from '../../../../src-shared/settings/payout-settings';
import { amountText, checkOptionalAmount, checkPercent, percentText } from './setting-text';

// Each settings section's form: the saved values as the text a person edits (toForm), and that
// text read back (schema) — transformed to what the section stores, then piped into the section's
// own zod schema from src-shared, so the screen and the main process check the same rules. A
// problem the transform finds is said in our words, on the field it belongs to.

type Text = Record<string, string>;

export interface SectionForm<Form extends object> {
  section: SettingsSection;
  /** The saved values as the form edits them. */
  toForm(settings: Settings): Form;
  /** The form's text → the section's values, checked by the section's schema; messages in `t`'s language. */
  schema(t: TFunction): z.ZodType<Partial<Settings>, Form>;
}

/** The largest value a number setting (or each value of a per-currency one) may hold, from its schema. */
function largestValue(schema: z.ZodType): number {
  if (schema instanceof z.ZodRecord) return largestValue(schema.valueType as z.ZodType);
  if (schema instanceof z.ZodNumber) return schema.maxValue ?? Number.MAX_SAFE_INTEGER;
  return Number.MAX_SAFE_INTEGER;
}

/** Typed digits → a number for the schema to check; blank → missing, anything else → NaN ("Enter a number."). */
const wholeNumberText = z.string().transform((text) => {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^[-+]?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
});

/** What a typed value is worth, or why it is not one (in the reader's words). */
type Reading = { value: number | undefined; problem: null } | { value: null; problem: string };

/** A percentage in the form → basis points; `optional` lets it stay blank (undefined). */
function readPercent(text: string, t: TFunction, maximum: number, optional: boolean): Reading {
  const check = checkPercent(text);
  if (check.problem === 'empty' && optional) return { value: undefined, problem: null };
  if (check.problem === 'empty') return { value: null, problem: t('validation:required') };
  if (check.problem !== null) return { value: null, problem: t(`settings:problem.percent.${check.problem}`) };
  if (check.bps > maximum) return { value: null, problem: t('validation:atMost', { maximum: `${percentText(maximum)}%` }) };
  return { value: check.bps, problem: null };
}

function percentField(t: TFunction, maximum: number) {
  return z.string().transform((text, ctx) => {
    const reading = readPercent(text, t, maximum, false);
    if (reading.problem === null) return reading.value;
    ctx.addIssue({ code: 'custom', message: reading.problem });
    return z.NEVER;
  });
}

/** Per currency, each filled-in value read by `read`; a blank one is left out. */
function perCurrencyField(read: (text: string, currency: string) => Reading) {
  return z.record(z.string(), z.string()).transform((map, ctx) => {
    const values: Record<string, number> = {};
    for (const [currency, text] of Object.entries(map)) {
      const reading = read(text, currency);
      if (reading.problem !== null) ctx.addIssue({ code: 'custom', path: [currency], message: reading.problem });
      else if (reading.value !== undefined) values[currency] = reading.value;
    }
    return values;
  });
}

/** An amount in major units → minor units (the shared parseAmount); blank is no value. */
function readAmount(text: string, currency: string, t: TFunction): Reading {
  const check = checkOptionalAmount(text, currency);
  if (check.problem === null) return { value: check.minor, problem: null };
  return { value: null, problem: t(`wallets:amount.problem.${check.problem}`, { currency, digits: minorDigits(currency) }) };
}

/** Each currency of `currencies`, and any other a per-currency value is saved for, once, in order. */
export function shownCurrencies(currencies: readonly string[], ...perCurrency: Partial<Record<string, unknown>>[]): string[] {
  return [...new Set([...currencies, ...perCurrency.flatMap((map) => Object.keys(map))])];
}

function textPerCurrency(currencies: readonly string[], values: Partial<Record<string, number>>, show: (value: number | undefined, currency: string) => string): Text {
  return Object.fromEntries(currencies.map((currency) => [currency, show(values[currency], currency)]));
}

export interface SessionForm {
  idleLockMinutes: string;
}

export const sessionForm: SectionForm<SessionForm> = {
  section: sessionSettings,
  toForm: (settings) => ({ idleLockMinutes: String(settings.idleLockMinutes) }),
  schema: () => z.object({ idleLockMinutes: wholeNumberText }).pipe(sessionSettings.schema),
};

export interface WalletForm {
  enabledCurrencies: string[];
  paymentFeeBps: string;
  /** Blank: the currency pays the general rate. */
  paymentFeeBpsByCurrency: Text;
}

export const walletForm: SectionForm<WalletForm> = {
  section: walletSettings,
  toForm: (settings) => ({
    enabledCurrencies: [...settings.enabledCurrencies],
    paymentFeeBps: percentText(settings.paymentFeeBps),
    paymentFeeBpsByCurrency: textPerCurrency(shownCurrencies(settings.enabledCurrencies, settings.paymentFeeBpsByCurrency), settings.paymentFeeBpsByCurrency, (bps) =>
      bps === undefined ? '' : percentText(bps),
    ),
  }),
  schema: (t) => {
    const { shape } = walletSettings.schema;
    return z
      .object({
        enabledCurrencies: z.array(z.string()),
        paymentFeeBps: percentField(t, largestValue(shape.paymentFeeBps)),
        paymentFeeBpsByCurrency: perCurrencyField((text) => readPercent(text, t, largestValue(shape.paymentFeeBpsByCurrency), true)),
      })
      .pipe(walletSettings.schema);
  },
};

export interface CounterForm {
  /** Per role, per currency: the largest operation in major units; blank is no limit. */
  operationLimits: Record<string, Text>;
  /** Per currency, in major units: above it a second person approves; blank is never. */
  approvalThresholds: Text;
}

/** The counter's currencies: the enabled ones, and any other a limit or threshold is saved for. */
export function counterCurrencies(settings: Settings): string[] {
  return shownCurrencies(settings.enabledCurrencies, settings.approvalThresholds, ...Object.values(settings.operationLimits).filter((limits) => limits !== undefined));
}

export const counterForm: SectionForm<CounterForm> = {
  section: counterLimitSettings,
  toForm: (settings) => {
    const currencies = counterCurrencies(settings);
    return {
      operationLimits: Object.fromEntries(COUNTER_ROLES.map((role) => [role, textPerCurrency(currencies, settings.operationLimits[role] ?? {}, amountText)])),
      approvalThresholds: textPerCurrency(currencies, settings.approvalThresholds, amountText),
    };
  },
  schema: (t) => {
    const amounts = perCurrencyField((text, currency) => readAmount(text, currency, t));
    return z
      .object({
        operationLimits: z.record(z.string(), amounts).transform((byRole) =>
          // A role with no limit in any currency is left out, as the defaults leave it.
          Object.fromEntries(Object.entries(byRole).filter(([, limits]) => Object.keys(limits).length > 0)),
        ),
        approvalThresholds: amounts,
      })
      .pipe(counterLimitSettings.schema);
  },
};

export interface CardForm {
  /** An IANA zone, or blank for the workstation's own. */
  businessTimeZone: string;
  authorizationHoldDays: string;
}

export const cardForm: SectionForm<CardForm> = {
  section: cardSettings,
  toForm: (settings) => ({ businessTimeZone: settings.businessTimeZone ?? '', authorizationHoldDays: String(settings.authorizationHoldDays) }),
  schema: (t) =>
    z
      .object({
        businessTimeZone: z.string().transform((text, ctx) => {
          const zone = text.trim();
          if (zone === '') return null;
          if (isTimeZone(zone)) return zone;
          ctx.addIssue({ code: 'custom', message: t('settings:problem.timeZone') });
          return z.NEVER;
        }),
        authorizationHoldDays: wholeNumberText,
      })
      .pipe(cardSettings.schema),
};

export interface PayoutForm {
  /** Per currency, in major units: the most one row of a payout file may pay; blank is no limit. */
  payoutItemLimits: Text;
  /** Per currency, in major units: above this batch total a second approver is needed; blank is never. */
  payoutSecondApprovalAbove: Text;
}

/** The payout settings' currencies: the enabled ones, and any other a limit or threshold is saved for. */
export function payoutCurrencies(settings: Settings): string[] {
  return shownCurrencies(settings.enabledCurrencies, settings.payoutItemLimits, settings.payoutSecondApprovalAbove);
}

export const payoutForm: SectionForm<PayoutForm> = {
  section: payoutSettings,
  toForm: (settings) => {
    const currencies = payoutCurrencies(settings);
    return {
      payoutItemLimits: textPerCurrency(currencies, settings.payoutItemLimits, amountText),
      payoutSecondApprovalAbove: textPerCurrency(currencies, settings.payoutSecondApprovalAbove, amountText),
    };
  },
  schema: (t) => {
    const amounts = perCurrencyField((text, currency) => readAmount(text, currency, t));
    return z.object({ payoutItemLimits: amounts, payoutSecondApprovalAbove: amounts }).pipe(payoutSettings.schema);
  },
};

/** Every section's form, by the domain of its src-shared section. */
export const SECTION_FORMS = {
  [sessionSettings.domain]: sessionForm,
  [walletSettings.domain]: walletForm,
  [counterLimitSettings.domain]: counterForm,
  [cardSettings.domain]: cardForm,
  [payoutSettings.domain]: payoutForm,
} as const;
