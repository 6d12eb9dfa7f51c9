// What verify can tell of a sealed field without opening it. It does not open boxes: a copy
// verified during a rekey holds the new master key only, and the boxes are under the old one.

/** sealed-field.ts stores the JSON of an AES-GCM box: a 12-byte nonce, the ciphertext and a 16-byte tag, base64. */
export function isSealedBox(sealed: string): boolean {
  try {
    const box = JSON.parse(sealed) as Record<string, unknown>;
    const bytes = (value: unknown) => (typeof value === 'string' ? Buffer.from(value, 'base64').length : -1);
    return Object.keys(box).sort().join() === 'ciphertext,nonce,tag' && bytes(box.nonce) === 12 && bytes(box.tag) === 16 && bytes(box.ciphertext) > 0;
  } catch {
    return false;
  }
}
