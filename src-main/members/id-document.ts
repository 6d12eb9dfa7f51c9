import { lastFour, maskLastFour } from '../sealed/mask';
import { masterKeys } from '../sealed/master-keys';
import { sealedPurpose } from '../sealed/purpose';
import { fieldSealer, openField } from '../sealed/sealed-field';
import type { Store } from '../store/store';

// A member's ID document number is a sealed field bound to the member's id; the row keeps its
// last four characters in clear for screens, receipts and audit rows. The purpose's name and row
// label fix the data key and associated data of every number already stored.

export const ID_DOCUMENT = sealedPurpose('members.id-document', 'member');

export interface SealedIdDocument {
  sealed: string;
  last4: string;
}

export type IdDocumentSealer = (memberId: number, idDocumentNumber: string) => SealedIdDocument;

/** Derive once per change or batch of registrations. */
export function idDocumentSealer(masterKey: Buffer): IdDocumentSealer {
  const seal = fieldSealer(masterKey, ID_DOCUMENT);
  return (memberId, idDocumentNumber) => ({ sealed: seal(memberId, idDocumentNumber), last4: lastFour(idDocumentNumber) });
}

/** The clear number, under the current master key or, failing that, a retired one. */
export function openIdDocument(store: Store, memberId: number, sealed: string): string {
  return openField(masterKeys(store), ID_DOCUMENT, memberId, sealed);
}

/** What screens, receipts and audit rows show: `••••1234`, or null for a member without one. */
export function maskIdDocument(last4: string | null): string | null {
  return last4 === null ? null : maskLastFour(last4);
}
