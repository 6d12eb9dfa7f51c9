import { z } from 'zod';

// A memo the system writes itself ("Payment to 星巴克", "Fee on payment to 星巴克") is stored as its
// parts, a small JSON object in the journal's memo column, so each reader sees it in their own
// language (the renderer's memo-text, the CLI in English). The hash chain covers the stored text,
// so the parts are what is hashed. A memo staff typed, and the English sentences builds before
// this one wrote, stay verbatim: their rows keep verifying as they were written.

export const SYSTEM_MEMO_CODES = ['payment', 'payment_fee'] as const;
export type SystemMemoCode = (typeof SYSTEM_MEMO_CODES)[number];

const systemMemoSchema = z.object({ memo: z.enum(SYSTEM_MEMO_CODES), merchant: z.string() }).strict();
export type SystemMemo = z.infer<typeof systemMemoSchema>;

/**
 * Why a memo staff typed is refused when it reads as the stored form of a system memo: it would
 * be shown as a payment or fee line the system never wrote.
 */
export const SYSTEM_MEMO_REASON = 'system_memo';
export const SYSTEM_MEMO_MESSAGE = 'a memo may not take the stored form of a memo the system writes';

/** The stored text of a system memo; the key order is fixed, so the same parts always hash the same. */
export function systemMemo(parts: SystemMemo): string {
  return JSON.stringify({ memo: parts.memo, merchant: parts.merchant });
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
