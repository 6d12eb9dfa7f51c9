import { AppError } from '../../src-shared/errors';
import type { SealedBox } from '../store/crypto';
import { hkdf, openGcm, sealGcm } from '../store/crypto';
import { readRetiredKeys } from '../store/retired-keys';
import type { Store } from '../store/store';

// A member's ID document number is sealed with AES-256-GCM under a data key derived from the
// master key (HKDF-SHA256, RFC 5869), on top of the database encryption, so it never shows up in
// clear in a query result, an export or a log. The member id is the associated data, so a sealed
// value copied onto another member's row does not open.
//
// A rekey changes the master key without touching rows, and a restored backup may come from
// before one: a box sealed under a retired key opens with that key, which retired-keys.json keeps.

const DATA_KEY_INFO = 'paydesk/members/id-document/v1';

/** Derive once per change and drop it after; it is never kept beside the store. */
export function idDocumentKey(masterKey: Buffer): Buffer {
  return hkdf(masterKey, DATA_KEY_INFO);
}

function aad(memberId: number): string {
  return `member:${memberId}`;
}

export interface SealedIdDocument {
  sealed: string;
  last4: string;
}

export function sealIdDocument(key: Buffer, memberId: number, idDocumentNumber: string): SealedIdDocument {
  const box = sealGcm(key, Buffer.from(idDocumentNumber, 'utf8'), aad(memberId));
  return { sealed: JSON.stringify(box), last4: idDocumentNumber.slice(-4) };
}

function openWith(masterKey: Buffer, memberId: number, box: SealedBox): string | null {
  const clear = openGcm(idDocumentKey(masterKey), box, aad(memberId));
  return clear === null ? null : clear.toString('utf8');
}

/** The clear number, under the current master key or, failing that, a retired one. */
export function openIdDocument(store: Store, memberId: number, sealed: string): string {
  const box = JSON.parse(sealed) as SealedBox;
  const current = openWith(store.masterKey, memberId, box);
  if (current !== null) return current;
  for (const retired of readRetiredKeys(store.paths.dataDir, store.masterKey).reverse()) {
    const clear = openWith(Buffer.from(retired.key, 'hex'), memberId, box);
    if (clear !== null) return clear;
  }
  throw new AppError('DATA_DAMAGED', `The ID document of member ${memberId} does not open with any key of this data folder.`);
}

/** What screens, receipts and audit rows show: the last four characters only. */
export function maskIdDocument(last4: string | null): string | null {
  return last4 === null ? null : `••••${last4}`;
}
