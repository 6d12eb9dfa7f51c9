import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import { verificationCertificateSchema, type VerificationCertificate } from '../../src-shared/contract/verify';
import { hkdf, hmac, sameBytes } from './crypto';
import { assertKeyslotMac, parseKeyslotFile, type KeyslotFile } from './keyslots';
import { masterKeyFingerprint } from './retired-keys';

// The .pdbk backup file, one file per backup:
//   8 bytes magic "PDBK\r\n\x1a\n" (like PNG's, it shows a copy mangled by text-mode transfer)
//   4 bytes big-endian length of the header
//   the header, UTF-8 JSON: format, version, time, schema version, the fingerprint of the master
//     key, the database's length and SHA-256, the keyslots file, the verification certificate of
//     the copy (absent in backups made before certificates), and an HMAC of all of it
//   the database bytes: a SQLCipher 4 file under the master key, exactly as VACUUM INTO wrote it.
// The digest catches a damaged copy before anything is opened; the HMAC (under a key derived from
// the master key) catches an edited header; SQLCipher's page HMACs guard the database itself.

const MAGIC = Buffer.from('PDBK\r\n\x1a\n', 'latin1');
const PREFIX_BYTES = MAGIC.length + 4;
const MAX_HEADER_BYTES = 4 * 1024 * 1024;
export const BACKUP_FORMAT_VERSION = 1;

const headerSchema = z.object({
  format: z.literal('paydesk-backup'),
  version: z.number().int(),
  createdAt: z.string(),
  schemaVersion: z.number().int(),
  fingerprint: z.string(),
  database: z.object({ bytes: z.number().int().positive(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  keyslots: z.unknown(),
  /** Where the copy's chains end, so the backup can serve as an anchor (`verify --anchor`). */
  certificate: verificationCertificateSchema.optional(),
  mac: z.string(),
});
export type BackupHeader = z.infer<typeof headerSchema>;

export interface ParsedBackup {
  path: string;
  header: BackupHeader;
  /** Where the database bytes start in the file. */
  databaseOffset: number;
  fileBytes: number;
}

export function invalidBackup(path: string, why: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('BACKUP_INVALID', `${path} is not a usable Paydesk backup: ${why}`, { field: 'path', ...details });
}

function headerMac(header: Omit<BackupHeader, 'mac'>, masterKey: Buffer): string {
  const { format, version, createdAt, schemaVersion, fingerprint, database, keyslots, certificate } = header;
  // A header without a certificate keeps the MAC it was written with.
  const canonical = JSON.stringify([format, version, createdAt, schemaVersion, fingerprint, database, keyslots, ...(certificate ? [certificate] : [])]);
  return hmac(hkdf(masterKey, 'paydesk/backup-header-mac'), canonical).toString('hex');
}

async function digestOf(path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

export interface BackupContents {
  createdAt: string;
  schemaVersion: number;
  keyslots: KeyslotFile;
  /** The verification certificate of the database copied; createBackup always gives one. */
  certificate?: VerificationCertificate;
}

/** Writes header and database to `destination` (which must not exist yet) and fsyncs it. */
export async function writeBackupFile(destination: string, contents: BackupContents, databaseFile: string, masterKey: Buffer): Promise<BackupHeader> {
  const unsigned = {
    format: 'paydesk-backup' as const,
    version: BACKUP_FORMAT_VERSION,
    createdAt: contents.createdAt,
    schemaVersion: contents.schemaVersion,
    fingerprint: masterKeyFingerprint(masterKey),
    database: await digestOf(databaseFile),
    keyslots: contents.keyslots,
    ...(contents.certificate ? { certificate: contents.certificate } : {}),
  };
  const header: BackupHeader = { ...unsigned, mac: headerMac(unsigned, masterKey) };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  const file = await open(destination, 'wx', 0o600);
  try {
    await file.write(Buffer.concat([MAGIC, length, json]));
    for await (const chunk of createReadStream(databaseFile)) await file.write(chunk as Buffer);
    await file.sync();
  } finally {
    await file.close();
  }
  return header;
}

async function readPrefix(path: string, fileBytes: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const prefix = Buffer.alloc(PREFIX_BYTES);
    await file.read(prefix, 0, PREFIX_BYTES, 0);
    if (!prefix.subarray(0, MAGIC.length).equals(MAGIC)) throw invalidBackup(path, 'it does not start with the Paydesk backup signature.');
    const headerBytes = prefix.readUInt32BE(MAGIC.length);
    if (headerBytes > MAX_HEADER_BYTES || PREFIX_BYTES + headerBytes > fileBytes) throw invalidBackup(path, 'its header is cut short.');
    const json = Buffer.alloc(headerBytes);
    await file.read(json, 0, headerBytes, PREFIX_BYTES);
    return json;
  } finally {
    await file.close();
  }
}

/** Reads and checks the header (format, version, length); the contents are checked later. */
export async function readBackupHeader(path: string): Promise<ParsedBackup> {
  if (!existsSync(path) || !statSync(path).isFile()) throw new AppError('INVALID_INPUT', `No backup file at ${path}.`, { field: 'path' });
  const fileBytes = statSync(path).size;
  if (fileBytes < PREFIX_BYTES) throw invalidBackup(path, 'it is too short.');
  const json = await readPrefix(path, fileBytes);
  let parsed: z.ZodSafeParseResult<BackupHeader>;
  try {
    parsed = headerSchema.safeParse(JSON.parse(json.toString('utf8')));
  } catch {
    throw invalidBackup(path, 'its header is not JSON.');
  }
  if (!parsed.success) throw invalidBackup(path, 'its header has an unexpected structure.');
  const header = parsed.data;
  if (header.version > BACKUP_FORMAT_VERSION) throw invalidBackup(path, `it was written by a newer Paydesk (format ${header.version}).`);
  const databaseOffset = PREFIX_BYTES + json.length;
  if (databaseOffset + header.database.bytes !== fileBytes) {
    throw invalidBackup(path, `it should hold ${header.database.bytes} database bytes but holds ${fileBytes - databaseOffset}.`);
  }
  return { path, header, databaseOffset, fileBytes };
}

/** Picks, among keys this data folder knows, the one the backup was made under. */
export function chooseBackupKey(backup: ParsedBackup, candidates: Buffer[]): Buffer | null {
  return candidates.find((key) => masterKeyFingerprint(key) === backup.header.fingerprint) ?? null;
}

/** Proves the header (and the keyslots in it) were written under `masterKey` and not edited since. */
export function assertBackupHeader(backup: ParsedBackup, masterKey: Buffer): KeyslotFile {
  const { mac, ...unsigned } = backup.header;
  if (!sameBytes(Buffer.from(headerMac(unsigned, masterKey), 'hex'), Buffer.from(mac, 'hex'))) {
    throw invalidBackup(backup.path, 'its header was changed after it was written.');
  }
  try {
    const keyslots = parseKeyslotFile(JSON.stringify(backup.header.keyslots));
    assertKeyslotMac(keyslots, masterKey);
    return keyslots;
  } catch {
    throw invalidBackup(backup.path, 'its keyslots are damaged.');
  }
}

/** Copies the database bytes out to `destination`, checking the SHA-256 on the way. */
export async function extractBackupDatabase(backup: ParsedBackup, destination: string): Promise<void> {
  const hash = createHash('sha256');
  const tee = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const { databaseOffset, header } = backup;
  await pipeline(
    createReadStream(backup.path, { start: databaseOffset, end: databaseOffset + header.database.bytes - 1 }),
    tee,
    createWriteStream(destination, { flags: 'wx', mode: 0o600 }),
  );
  if (hash.digest('hex') !== header.database.sha256) {
    await rm(destination, { force: true });
    throw invalidBackup(backup.path, 'its database bytes do not match their SHA-256 (the file is damaged).');
  }
}
