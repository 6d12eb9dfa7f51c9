import type { TFunction } from 'i18next';
import { z } from 'zod';
import { AppError } from '../../../../src-shared/errors';
import { parseAmount, POINTS_CURRENCY } from '../../../../src-shared/money';

// Points are typed as text and read by the shared parseAmount in the PTS unit (whole points,
// groups of three allowed), so "1,500" is 1500 and "1.5" is refused, as the router would.

export type PointsCheck = { points: number; problem: null } | { points: null; problem: string };

/** What the typed text is worth in points, or parseAmount's reason why it is not a number of points. */
export function checkPoints(text: string, signed: boolean): PointsCheck {
  try {
    return { points: parseAmount(text, POINTS_CURRENCY, { allowNegative: signed, field: 'points' }), problem: null };
  } catch (error) {
    if (error instanceof AppError && error.code === 'AMOUNT_INVALID') return { points: null, problem: String(error.details?.reason ?? 'not_a_number') };
    throw error;
  }
}

/** A form's points field: text in, whole points out, the problem in the reader's words. */
export function pointsTextSchema(t: TFunction, signed: boolean) {
  return z.string().transform((text, ctx) => {
    const check = checkPoints(text, signed);
    if (check.problem === null) return check.points;
    ctx.addIssue({ code: 'custom', message: t(`points:problem.${check.problem}`) });
    return z.NEVER;
  });
}
