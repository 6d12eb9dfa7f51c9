import type { FileEncoding } from '../../src-shared/contract/payouts';

// Which text encoding a payout file is in. Spreadsheet programs save CSV as UTF-8 (with or
// without a byte order mark), as UTF-16 with a mark ("Unicode text"), or, on Chinese Windows, in
// the ANSI code page, which is GBK: GB18030 reads it, and is tried only when the bytes are not
// valid UTF-8. A NUL byte without a UTF-16 mark means a binary file or unmarked UTF-16, which
// cannot be told apart from garbage: refused.

export type Decoded = { encoding: FileEncoding; text: string } | { encoding: null; text: null };

function startsWith(bytes: Uint8Array, mark: readonly number[]): boolean {
  return mark.every((byte, index) => bytes[index] === byte);
}

function decodeStrictly(label: string, bytes: Uint8Array): string | null {
  try {
    // fatal: a malformed sequence throws instead of becoming U+FFFD, so a wrong guess is noticed.
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const MARKS: readonly { mark: readonly number[]; label: string; encoding: FileEncoding }[] = [
  { mark: [0xef, 0xbb, 0xbf], label: 'utf-8', encoding: 'utf-8-bom' },
  { mark: [0xff, 0xfe], label: 'utf-16le', encoding: 'utf-16le' },
  { mark: [0xfe, 0xff], label: 'utf-16be', encoding: 'utf-16be' },
];

/** The file's text (byte order mark removed) and the encoding it was read in, or nulls when none fits. */
export function decodeFile(bytes: Uint8Array): Decoded {
  for (const { mark, label, encoding } of MARKS) {
    if (!startsWith(bytes, mark)) continue;
    const text = decodeStrictly(label, bytes);
    return text === null ? { encoding: null, text: null } : { encoding, text };
  }
  if (bytes.includes(0)) return { encoding: null, text: null };
  const utf8 = decodeStrictly('utf-8', bytes);
  if (utf8 !== null) return { encoding: 'utf-8', text: utf8 };
  const gb18030 = decodeStrictly('gb18030', bytes);
  return gb18030 === null ? { encoding: null, text: null } : { encoding: 'gb18030', text: gb18030 };
}
