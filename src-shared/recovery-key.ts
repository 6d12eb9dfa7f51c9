// The recovery key *is* the 256-bit master key: 64 hex digits in 16 groups of 4 joined by '-'.
// Anyone holding it can open the data with a standard SQLCipher tool: PRAGMA key = "x'<hex>'".

const HEX_DIGITS = 64;

export function formatRecoveryKey(hex: string): string {
  const clean = hex.toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(clean)) throw new Error('formatRecoveryKey: expected 64 hex digits');
  return clean.match(/.{4}/g)!.join('-').toUpperCase();
}

/** Accepts any case, spaces and dashes; returns the 64 lower-case hex digits, or null. */
export function parseRecoveryKey(input: string): string | null {
  const clean = input.replace(/[\s-]/g, '').toLowerCase();
  return clean.length === HEX_DIGITS && /^[0-9a-f]+$/.test(clean) ? clean : null;
}
