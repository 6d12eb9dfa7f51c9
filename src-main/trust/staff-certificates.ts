import { AppError } from '../../src-shared/errors';
import type { Role } from '../../src-shared/permissions';
import type { Store } from '../store/store';
import type { SqliteDatabase } from '../store/open-database';
import { execute } from '../store/sql';
import { GENESIS_HASH, chainHash } from '../audit/audit-chain';
import { headOf, type Head } from './chain-heads';
import { fingerprintOf } from './fingerprint';
import { signedBy, type Signer } from './signer';
import { trustSql, type StaffCertificatesTable } from './tables';

// Staff certificates (issue 7, item 3): who holds which role, with which public key, signed by an
// admin. The chain of issuers ends in row 1, the founding admin's certificate, which signs
// itself; the trust fingerprint is that key's. A role therefore comes from here, never from the
// staff table's `role` column, which anyone holding the database key could edit.
//
// The book is the certificates replayed in order: each must extend the hash chain and carry the
// signature of an admin whose own certificate was current and active when it was issued. Replay
// stops at the first certificate that fails: what a person may do is decided by the valid
// prefix, and verify names the row.

export type CertificateRow = StaffCertificatesTable;
export type CertificateStatus = 'active' | 'disabled';

export interface CertificateBook {
  /** The trust fingerprint: the root certificate's key's; null before any certificate. */
  fingerprint: string | null;
  /** Each person's newest valid certificate. */
  current: Map<string, CertificateRow>;
  /** Every valid certificate by id (checkpoints name the one they were signed under). */
  byId: Map<number, CertificateRow>;
  head: Head;
  count: number;
  /** The first certificate that does not hold, and why; null when all do. */
  fault: { id: number; detail: string } | null;
}

function canonical(row: Omit<CertificateRow, 'hash' | 'signature' | 'prev_hash'>): string {
  return JSON.stringify([row.id, row.username, row.role, row.status, row.public_key, row.issuer, row.issuer_certificate_id, row.issued_at]);
}

/** Why `row` does not hold given the certificates before it, or null when it does. */
function fault(row: CertificateRow, book: CertificateBook): string | null {
  if (row.id !== book.count + 1 || row.prev_hash !== book.head.hash || chainHash(row.prev_hash, canonical(row)) !== row.hash) {
    return `certificate ${row.id} does not match its hash or its place in the chain`;
  }
  if (row.id === 1) {
    const root = row.issuer === row.username && row.issuer_certificate_id === null && row.role === 'admin' && row.status === 'active';
    if (!root || !signedBy(row.public_key, 'staff-certificate', row.hash, row.signature)) return 'certificate 1 is not a root an admin signed for themselves';
    return null;
  }
  const issuer = book.current.get(row.issuer);
  if (!issuer || issuer.id !== row.issuer_certificate_id || issuer.role !== 'admin' || issuer.status !== 'active') {
    return `certificate ${row.id} names an issuer who was not an active admin when it was issued`;
  }
  if (!signedBy(issuer.public_key, 'staff-certificate', row.hash, row.signature)) return `certificate ${row.id} is not signed by its issuer ${row.issuer}`;
  return null;
}

export function replayCertificates(sqlite: SqliteDatabase): CertificateBook {
  const book: CertificateBook = { fingerprint: null, current: new Map(), byId: new Map(), head: { id: 0, hash: GENESIS_HASH }, count: 0, fault: null };
  for (const row of sqlite.prepare('SELECT * FROM staff_certificates ORDER BY id').iterate() as Iterable<CertificateRow>) {
    const why = fault(row, book);
    if (why) {
      book.fault = { id: row.id, detail: why };
      break;
    }
    if (row.id === 1) book.fingerprint = fingerprintOf(row.public_key);
    book.current.set(row.username, row);
    book.byId.set(row.id, row);
    book.head = { id: row.id, hash: row.hash };
    book.count += 1;
  }
  return book;
}

// Every router call asks for the caller's role: the book is replayed again only when the chain's
// head moved (a certificate was issued), by this process or another.
const books = new WeakMap<SqliteDatabase, { head: Head; book: CertificateBook }>();

export function certificateBook(store: Store): CertificateBook {
  const head = headOf(store.sqlite, 'certificates');
  const cached = books.get(store.sqlite);
  if (cached && cached.head.id === head.id && cached.head.hash === head.hash) return cached.book;
  const book = replayCertificates(store.sqlite);
  books.set(store.sqlite, { head, book });
  return book;
}

export interface CertificateFields {
  username: string;
  role: Role;
  status: CertificateStatus;
  publicKey: string;
}

/**
 * Appends a certificate signed by `issuer`. Without an issuer certificate this is the root, and
 * only allowed as the first row. Call inside the change's IMMEDIATE transaction.
 */
export function issueCertificate(store: Store, issuer: Signer, fields: CertificateFields, now: Date): CertificateRow {
  const book = certificateBook(store);
  const issuerCertificate = book.current.get(issuer.username) ?? null;
  const isRoot = book.count === 0 && !book.fault;
  if (!isRoot && (!issuerCertificate || issuerCertificate.public_key !== issuer.publicKey)) {
    throw new AppError('NOT_CERTIFIED', `${issuer.username} holds no current certificate to sign with.`);
  }
  const last = headOf(store.sqlite, 'certificates');
  const unsigned = {
    id: last.id + 1,
    username: fields.username,
    role: fields.role,
    status: fields.status,
    public_key: fields.publicKey,
    issuer: issuer.username,
    issuer_certificate_id: isRoot ? null : issuerCertificate!.id,
    issued_at: now.toISOString(),
  };
  const hash = chainHash(last.hash, canonical(unsigned));
  const row: CertificateRow = { ...unsigned, prev_hash: last.hash, hash, signature: issuer.sign('staff-certificate', hash) };
  execute(store.sqlite, trustSql.insertInto('staff_certificates').values(row));
  return row;
}

/**
 * The certificate that decides what `signer` may do now: their newest valid one, chained to the
 * root their own keyslot trusts, naming the key they signed in with, and active. Asked at unlock
 * and at every router call, so a role edited in the staff table, a root swapped in the database,
 * a passphrase reset or a disable by an admin (in this process or another) takes effect at once.
 */
export function certifiedCertificate(store: Store, signer: Signer): CertificateRow {
  const book = certificateBook(store);
  if (book.fingerprint !== signer.trustFingerprint) {
    throw new AppError('TRUST_BROKEN', `The staff certificates in this data do not chain to the trust fingerprint ${signer.username} accepted (${signer.trustFingerprint}).`, {
      expected: signer.trustFingerprint,
      found: book.fingerprint,
    });
  }
  const certificate = book.current.get(signer.username);
  if (!certificate || certificate.public_key !== signer.publicKey) {
    throw new AppError('NOT_CERTIFIED', `${signer.username} holds no certificate for the key they signed in with; an admin resets their passphrase to issue one.`);
  }
  if (certificate.status !== 'active') throw new AppError('STAFF_DISABLED', 'This staff account is disabled.');
  return certificate;
}
