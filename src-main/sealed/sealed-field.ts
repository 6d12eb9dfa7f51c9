import { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import { openGcm, sealGcm } from '../store/crypto';
import { dataKey, rowBinding, type SealedPurpose } from './purpose';

// A sealed field is AES-256-GCM on top of the database encryption, so the clear value never shows
// up in a query result, an export, a copy of the rows or a log. It is stored as the JSON of the
// box (base64 nonce, ciphertext and tag).

const boxSchema = z.object({ nonce: z.string(), ciphertext: z.string(), tag: z.string() });

/** Seals values of one purpose under the current master key. */
export type FieldSealer = (rowId: number | string, clear: string) => string;

/** Derives the purpose's data key once, so a batch (demo data, 10k cards) pays for it once. */
export function fieldSealer(masterKey: Buffer, purpose: SealedPurpose): FieldSealer {
  const key = dataKey(masterKey, purpose);
  return (rowId, clear) => JSON.stringify(sealGcm(key, Buffer.from(clear, 'utf8'), rowBinding(purpose, rowId)));
}

function damaged(purpose: SealedPurpose, rowId: number | string): AppError {
  return new AppError('DATA_DAMAGED', `The ${purpose.name} of ${rowBinding(purpose, rowId)} does not open with any key of this data folder.`);
}

/**
 * The clear value, under the first of `keys` that opens it (see masterKeys). A box that opens
 * with none of them, belongs to another row or was changed is DATA_DAMAGED.
 */
export function openField(keys: Iterable<Buffer>, purpose: SealedPurpose, rowId: number | string, sealed: string): string {
  let box: z.infer<typeof boxSchema>;
  try {
    box = boxSchema.parse(JSON.parse(sealed));
  } catch {
    throw damaged(purpose, rowId);
  }
  for (const masterKey of keys) {
    const clear = openGcm(dataKey(masterKey, purpose), box, rowBinding(purpose, rowId));
    if (clear !== null) return clear.toString('utf8');
  }
  throw damaged(purpose, rowId);
}
