import { z } from 'zod';

/**
 * The answer of a reveal channel (an ID document, later a card number): the clear values, and
 * how long the screen may show them before it hides them again.
 */
export function revealedSchema<S extends z.ZodRawShape>(values: S) {
  return z.object({ ...values, visibleForSeconds: z.number().int().positive() });
}
