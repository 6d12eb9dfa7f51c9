import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import { writeFileAtomic } from './atomic-file';
import { hkdf, openGcm, sealGcm } from './crypto';

// retired-keys.json keeps the master keys that rekeys replaced, sealed (AES-256-GCM) under the
// current master key. A backup made before a rekey is encrypted under an older key; with this
// list whoever holds the current data can still restore it. It adds nothing for an attacker:
// reading it needs the current key, which already opens the current data. Backups made under an
// old key stay readable with that old key, rekey or not.

const AAD = 'paydesk/retired-keys';
const sealedSchema = z.object({ nonce: z.string(), ciphertext: z.string(), tag: z.string() });
const fileSchema = z.object({ format: z.literal('paydesk-retired-keys'), version: z.literal(1), sealed: sealedSchema });
const entrySchema = z.object({ fingerprint: z.string(), key: z.string().regex(/^[0-9a-f]{64}$/), retiredAt: z.string() });
export type RetiredKey = z.infer<typeof entrySchema>;

export function retiredKeysPath(dataDir: string): string {
  return join(dataDir, 'retired-keys.json');
}

/** Names a master key without revealing it (backup headers, audit rows, error details). */
export function masterKeyFingerprint(masterKey: Buffer): string {
  return hkdf(masterKey, 'paydesk/key-fingerprint', 16).toString('hex');
}

function sealingKey(masterKey: Buffer): Buffer {
  return hkdf(masterKey, 'paydesk/retired-keys');
}

function damaged(why: string): AppError {
  return new AppError('DATA_DAMAGED', `retired-keys.json is damaged: ${why}`);
}

/** The keys retired in this data folder, newest last; empty before the first rekey. */
export function readRetiredKeys(dataDir: string, masterKey: Buffer): RetiredKey[] {
  const path = retiredKeysPath(dataDir);
  if (!existsSync(path)) return [];
  let file: z.infer<typeof fileSchema>;
  try {
    file = fileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    throw damaged('unexpected structure');
  }
  const plain = openGcm(sealingKey(masterKey), file.sealed, AAD);
  if (!plain) throw damaged('it does not open with the current master key');
  const entries = z.array(entrySchema).safeParse(JSON.parse(plain.toString('utf8')));
  if (!entries.success) throw damaged('unexpected contents');
  return entries.data;
}

export function retiredKeyEntry(masterKey: Buffer, now: Date): RetiredKey {
  return { fingerprint: masterKeyFingerprint(masterKey), key: masterKey.toString('hex'), retiredAt: now.toISOString() };
}

export function writeRetiredKeys(dataDir: string, keys: RetiredKey[], masterKey: Buffer): void {
  const sealed = sealGcm(sealingKey(masterKey), Buffer.from(JSON.stringify(keys)), AAD);
  writeFileAtomic(retiredKeysPath(dataDir), `${JSON.stringify({ format: 'paydesk-retired-keys', version: 1, sealed }, null, 2)}\n`);
}
