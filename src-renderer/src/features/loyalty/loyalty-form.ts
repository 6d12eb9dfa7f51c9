import type { TFunction } from 'i18next';
import { z } from 'zod';
import { CONTROL_CHARACTERS_MESSAGE } from '../../../../src-shared/contract/common';
import { loyaltyRulesSchema, type CapPeriod, type LoyaltyRules, type Tier } from '../../../../src-shared/settings/loyalty-settings';
import { checkPercent, percentText } from '../settings/setting-text';

// The Loyalty screen's form: the saved rules as the text a person edits (rulesToForm), and that
// text read back (loyaltyFormSchema) into rules checked by the points domain's own schema, so the
// screen and the main process judge the same rules. Factors kept in hundredths (a multiplier of
// ×1.25, 1 point per 1.00 paid) and fee rates in basis points are typed with two decimals and read
// as the same integer with the point moved, never through a float. A problem is said in our words
// on the field it belongs to, the schema's cross-field reasons (thresholds not rising…) included.

export interface TierForm {
  id: string;
  /** Blank: the tier's translated default name. */
  name: string;
  threshold: string;
  /** A percentage; blank: each currency's own payment fee rate. */
  feePercent: string;
  /** The factor, e.g. "1.25". */
  multiplier: string;
}

export const NO_CAP = 'none';
export interface CapForm {
  count: string;
  period: CapPeriod | typeof NO_CAP;
}

export interface LoyaltyForm {
  tiers: TierForm[];
  /** α, e.g. "1.00" point per 1.00 paid. */
  pointsPerUnitPaid: string;
  pointsPerReferral: string;
  pointsPerReview: string;
  multiplyAllRules: boolean;
  referralCap: CapForm;
  reviewCap: CapForm;
  pendingDays: string;
  neverExpire: boolean;
  expiryMonths: string;
  pointsPerRedemptionUnit: string;
  tierWindowMonths: string;
}

/** Hundredths as typed: the same two decimals as a percentage's (125 → "1.25"). */
const hundredthsText = percentText;
const HUNDREDTHS_MAX = 100_000;
/** Months a lot lives when "never expire" is unticked again and nothing was typed before. */
const DEFAULT_EXPIRY_MONTHS = 12;

function tierToForm(tier: Tier): TierForm {
  return {
    id: tier.id,
    name: tier.name ?? '',
    threshold: String(tier.threshold),
    feePercent: tier.paymentFeeBps === null ? '' : percentText(tier.paymentFeeBps),
    multiplier: hundredthsText(tier.multiplier),
  };
}

function capToForm(cap: LoyaltyRules['referralCap']): CapForm {
  return cap ? { count: String(cap.count), period: cap.period } : { count: '', period: NO_CAP };
}

export function rulesToForm(rules: LoyaltyRules): LoyaltyForm {
  return {
    tiers: rules.tiers.map(tierToForm),
    pointsPerUnitPaid: hundredthsText(rules.pointsPerUnitPaid),
    pointsPerReferral: String(rules.pointsPerReferral),
    pointsPerReview: String(rules.pointsPerReview),
    multiplyAllRules: rules.multiplyAllRules,
    referralCap: capToForm(rules.referralCap),
    reviewCap: capToForm(rules.reviewCap),
    pendingDays: String(rules.pendingDays),
    neverExpire: rules.expiryMonths === null,
    expiryMonths: String(rules.expiryMonths ?? DEFAULT_EXPIRY_MONTHS),
    pointsPerRedemptionUnit: String(rules.pointsPerRedemptionUnit),
    tierWindowMonths: String(rules.tierWindowMonths),
  };
}

/** A new row of the tier table: no id yet, the currency's fee rate, ×1. */
export function blankTier(): TierForm {
  return { id: '', name: '', threshold: '', feePercent: '', multiplier: hundredthsText(100) };
}

type Path = (string | number)[];

/** Reads the form's text into rules, adding an issue in our words for each field that is not a value. */
class FormReader {
  problems = 0;
  constructor(
    private readonly ctx: z.RefinementCtx,
    private readonly t: TFunction,
  ) {}

  private problem(path: Path, message: string): number {
    this.problems += 1;
    this.ctx.addIssue({ code: 'custom', path, message });
    return 0;
  }

  whole(text: string, path: Path): number {
    const trimmed = text.trim();
    if (trimmed === '') return this.problem(path, this.t('validation:required'));
    if (!/^\d{1,12}$/.test(trimmed)) return this.problem(path, this.t('validation:wholeNumber'));
    return Number(trimmed);
  }

  /** Two decimals at most, no % sign: "1.25" → 125. */
  hundredths(text: string, path: Path): number {
    const check = text.includes('%') ? ({ problem: 'format' } as const) : checkPercent(text);
    if (check.problem === 'empty') return this.problem(path, this.t('validation:required'));
    if (check.problem !== null) return this.problem(path, this.t(`loyalty:problem.decimal.${check.problem}`));
    if (check.bps > HUNDREDTHS_MAX) return this.problem(path, this.t('validation:atMost', { maximum: hundredthsText(HUNDREDTHS_MAX) }));
    return check.bps;
  }

  /** A percentage, blank for none. */
  percent(text: string, path: Path): number | null {
    const check = checkPercent(text);
    if (check.problem === 'empty') return null;
    if (check.problem !== null) return this.problem(path, this.t(`settings:problem.percent.${check.problem}`));
    return check.bps;
  }

  cap(cap: CapForm, path: string): LoyaltyRules['referralCap'] {
    if (cap.period === NO_CAP) return null;
    return { count: this.whole(cap.count, [path, 'count']), period: cap.period };
  }
}

function readRules(form: LoyaltyForm, read: FormReader): LoyaltyRules {
  return {
    tiers: form.tiers.map((tier, index) => ({
      id: tier.id.trim(),
      name: tier.name.trim() === '' ? null : tier.name,
      threshold: read.whole(tier.threshold, ['tiers', index, 'threshold']),
      paymentFeeBps: read.percent(tier.feePercent, ['tiers', index, 'feePercent']),
      multiplier: read.hundredths(tier.multiplier, ['tiers', index, 'multiplier']),
    })),
    pointsPerUnitPaid: read.hundredths(form.pointsPerUnitPaid, ['pointsPerUnitPaid']),
    pointsPerReferral: read.whole(form.pointsPerReferral, ['pointsPerReferral']),
    pointsPerReview: read.whole(form.pointsPerReview, ['pointsPerReview']),
    multiplyAllRules: form.multiplyAllRules,
    referralCap: read.cap(form.referralCap, 'referralCap'),
    reviewCap: read.cap(form.reviewCap, 'reviewCap'),
    pendingDays: read.whole(form.pendingDays, ['pendingDays']),
    expiryMonths: form.neverExpire ? null : read.whole(form.expiryMonths, ['expiryMonths']),
    pointsPerRedemptionUnit: read.whole(form.pointsPerRedemptionUnit, ['pointsPerRedemptionUnit']),
    tierWindowMonths: read.whole(form.tierWindowMonths, ['tierWindowMonths']),
  };
}

/** The rules' field as the form names it: a tier's fee rate is typed as a percentage. */
export function formPath(path: readonly PropertyKey[]): string {
  return path.map((part) => (part === 'paymentFeeBps' ? 'feePercent' : String(part))).join('.');
}

/** Why the rules' schema refused a value, in our words: its cross-field reasons, a tier id's form, a name's characters. */
export function ruleProblem(issue: z.core.$ZodIssue, t: TFunction): string {
  const reason = issue.code === 'custom' ? (issue.params as { reason?: unknown } | undefined)?.reason : undefined;
  if (reason === 'control_characters' || issue.message === CONTROL_CHARACTERS_MESSAGE) return t('common:validation.controlCharacters');
  if (typeof reason === 'string') return t(`loyalty:problem.${reason}`);
  if (issue.code === 'invalid_format' && issue.path.at(-1) === 'id') return t('loyalty:problem.tier_id_format');
  return issue.message;
}

/** The form's text → rules the points domain accepts, or our words on each field that keeps it from being so. */
export function loyaltyFormSchema(t: TFunction): z.ZodType<LoyaltyRules, LoyaltyForm> {
  return z.custom<LoyaltyForm>().transform((form, ctx) => {
    const read = new FormReader(ctx, t);
    const rules = readRules(form, read);
    if (read.problems > 0) return z.NEVER;
    const checked = loyaltyRulesSchema.safeParse(rules);
    if (checked.success) return checked.data;
    for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', path: formPath(issue.path).split('.'), message: ruleProblem(issue, t) });
    return z.NEVER;
  });
}
