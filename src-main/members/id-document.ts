import type { SealedBox } from '../store/crypto';
import { hkdf, openGcm, sealGcm } from '../store/crypto';
import type { Store } from '../store/store';

// A member's ID document number is sealed with AES-256-GCM under a data key derived from the
// master key (HKDF-SHA256, RFC 5869), on top of the database encryption, so it never shows up in
// clear in a query result, an export or a log. The member id is the associated data, so a sealed
// value copied onto another member's row does not open.

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

/** The clear number, or null when the box does not open under this key (changed bytes, wrong key). */
export function openIdDocument(masterKey: Buffer, memberId: number, sealed: string): string | null {
  const clear = openGcm(idDocumentKey(masterKey), JSON.parse(sealed) as SealedBox, aad(memberId));
  return clear === null ? null : clear.toString('utf8');
}

/** What screens, receipts and audit rows show: the last four characters only. */
export function maskIdDocument(last4: string | null): string | null {
  return last4 === null ? null : `••••${last4}`;
}

/**
 * Re-seals every ID document under the store's (new) master key. A rekey must call this with the
 * old key on the re-keyed store, or documents sealed under the old key's data key stop opening.
 * Returns how many were re-sealed; a box that does not open under the old key is left alone.
 */
export function resealIdDocuments(store: Store, previousMasterKey: Buffer): number {
  const rows = store.sqlite
    .prepare('SELECT id, id_document_sealed AS sealed FROM members WHERE id_document_sealed IS NOT NULL')
    .all() as { id: number; sealed: string }[];
  const update = store.sqlite.prepare('UPDATE members SET id_document_sealed = ? WHERE id = ?');
  const key = idDocumentKey(store.masterKey);
  return store.sqlite.transaction(() => {
    let resealed = 0;
    for (const row of rows) {
      const clear = openIdDocument(previousMasterKey, row.id, row.sealed);
      if (clear === null) continue;
      update.run(sealIdDocument(key, row.id, clear).sealed, row.id);
      resealed += 1;
    }
    return resealed;
  })();
}
