import { z } from 'zod';
import { POINT_MOVES, POINT_RULES } from './points/moves';

// A memo the system writes itself ("Payment to 星巴克", "Fee on payment to 星巴克") is stored as its
// parts, a small JSON object in the journal's memo column, so each reader sees it in their own
// language (the renderer's memo-text, the CLI in English). The hash chain covers the stored text,
// so the parts are what is hashed. A memo staff typed, and the English sentences builds before
// this one wrote, stay verbatim: their rows keep verifying as they were written.

export const SYSTEM_MEMO_CODES = ['payment', 'payment_fee'] as const;
export type SystemMemoCode = (typeof SYSTEM_MEMO_CODES)[number];

const paymentMemoSchema = z.object({ memo: z.enum(SYSTEM_MEMO_CODES), merchant: z.string() }).strict();
export type PaymentMemo = z.infer<typeof paymentMemoSchema>;

/**
 * A points movement (issue 9). An earning's memo carries its lot's terms, when it can be spent
 * and when it expires, so the hash chain covers them: a lot whose expiry was moved no longer
 * matches the transfer that earned it. `detail` is the receipt, the referred member, the
 * review's reference or the reason staff gave.
 */
const pointsMemoSchema = z
  .object({
    memo: z.literal('points'),
    move: z.enum(POINT_MOVES),
    rule: z.enum(POINT_RULES).nullable(),
    detail: z.string().nullable(),
    spendable: z.string().nullable(),
    expires: z.string().nullable(),
  })
  .strict();
export type PointsMemo = z.infer<typeof pointsMemoSchema>;

const systemMemoSchema = z.union([paymentMemoSchema, pointsMemoSchema]);
export type SystemMemo = z.infer<typeof systemMemoSchema>;

/**
 * Why a memo staff typed is refused when it reads as the stored form of a system memo: it would
 * be shown as a payment or fee line the system never wrote.
 */
export const SYSTEM_MEMO_REASON = 'system_memo';
export const SYSTEM_MEMO_MESSAGE = 'a memo may not take the stored form of a memo the system writes';

/** The stored text of a system memo; the key order is fixed, so the same parts always hash the same. */
export function systemMemo(parts: PaymentMemo): string {
  return JSON.stringify({ memo: parts.memo, merchant: parts.merchant });
}

/** The stored text of a points movement's memo, its keys in a fixed order. */
export function pointsMemo(parts: Omit<PointsMemo, 'memo'>): string {
  return JSON.stringify({ memo: 'points', move: parts.move, rule: parts.rule, detail: parts.detail, spendable: parts.spendable, expires: parts.expires });
}

/** The parts of a stored system memo; null for a memo staff typed (or an old English one). */
export function parseSystemMemo(stored: string | null): SystemMemo | null {
  if (stored === null || !stored.startsWith('{"memo":')) return null;
  try {
    const parsed = systemMemoSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
