import { AppError } from '../../src-shared/errors';

/** Points are whole and positive: a fraction, zero, a negative or an inexact number is AMOUNT_INVALID naming the field. */
export function assertWholePoints(points: unknown, field: string): number {
  if (typeof points !== 'number' || !Number.isSafeInteger(points) || points <= 0) {
    throw new AppError('AMOUNT_INVALID', `${field}: a whole number of points above zero.`, { field, reason: typeof points === 'number' && points <= 0 ? 'not_positive' : 'not_whole' });
  }
  return points;
}
