import { hkdf } from '../store/crypto';

// A purpose names one kind of sealed field ('members.id-document', 'cards.pan',
// 'bank-cards.pan'). Each purpose has its own data key and its own fingerprint key, both derived
// from the master key with HKDF-SHA256 (RFC 5869), so a box or a fingerprint of one purpose is
// worthless for another.
//
// The derivation labels and the associated data are part of the stored format: renaming a
// purpose or its row label orphans every value sealed under it.

export interface SealedPurpose {
  /** `domain.field`, e.g. `cards.pan`; names the purpose in errors. */
  readonly name: string;
  /** What the row id names in the associated data, e.g. `member` for `member:42`. */
  readonly rowLabel: string;
}

const PURPOSE_NAME = /^[a-z][a-z-]*\.[a-z][a-z-]*$/;

export function sealedPurpose(name: string, rowLabel: string): SealedPurpose {
  if (!PURPOSE_NAME.test(name)) throw new Error(`sealedPurpose: "${name}" is not a domain.field name`);
  return { name, rowLabel };
}

function label(purpose: SealedPurpose): string {
  return `paydesk/${purpose.name.replace('.', '/')}`;
}

// Each derivation is made once per master key: a terminal's authorization and every card of a
// 10,000-card issue need the same keys, and HKDF was a fifth of an issue's time. The keys are
// held weakly by the master key's Buffer, so they go when the store that held it goes.
const derived = new WeakMap<Buffer, Map<string, Buffer>>();

function derive(masterKey: Buffer, info: string): Buffer {
  let keys = derived.get(masterKey);
  if (!keys) derived.set(masterKey, (keys = new Map()));
  let key = keys.get(info);
  if (!key) keys.set(info, (key = hkdf(masterKey, info)));
  return key;
}

/** The AES-256-GCM key of the purpose under one master key. */
export function dataKey(masterKey: Buffer, purpose: SealedPurpose): Buffer {
  return derive(masterKey, `${label(purpose)}/v1`);
}

/** The HMAC-SHA-256 key of the purpose's fingerprints under one master key. */
export function fingerprintKey(masterKey: Buffer, purpose: SealedPurpose): Buffer {
  return derive(masterKey, `${label(purpose)}/fingerprint/v1`);
}

/** The associated data: a box copied onto another row does not open there. */
export function rowBinding(purpose: SealedPurpose, rowId: number | string): string {
  return `${purpose.rowLabel}:${rowId}`;
}
