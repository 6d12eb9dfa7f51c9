import type { Store } from '../store/store';
import { execute } from '../store/sql';
import { GENESIS_HASH, chainHash } from '../audit/audit-chain';
import { headOf } from './chain-heads';
import { AppError } from '../../src-shared/errors';
import { certificateBook, certifiedCertificate } from './staff-certificates';
import { checkpointHeadsFault, checkpointSignatureFault } from './checkpoint-holds';
import type { Signer } from './signer';
import { trustSql, type CheckpointsTable } from './tables';

// A checkpoint is a person's signature over where the journal, the audit log and the staff
// certificates end at one moment. Once someone other than a key holder has signed past a row,
// the key holder cannot change, add or remove that row without verify naming it: every hash
// after it would change, and they cannot sign as that person. Signing every commit would cost
// verify a signature check per row (73 µs: over a minute for a year of singles), so each person
// signs when their run of commits ends: at sign-in, at lock and sign-out, when a bulk job ends,
// and at most CHECKPOINT_INTERVAL_MS after a commit while they stay signed in.

export type CheckpointReason = 'open' | 'interval' | 'job' | 'lock' | 'close';
/** The reasons that end a session: rows in the signer's name after one need a new session. */
export const CLOSING_REASONS: readonly CheckpointReason[] = ['lock', 'close'];
export type CheckpointRow = CheckpointsTable;

/** How long a signed-in person's newest rows may stay unsigned: the window the README states. */
export const CHECKPOINT_INTERVAL_MS = 5 * 60_000;

export function canonicalCheckpoint(row: Omit<CheckpointRow, 'hash' | 'signature' | 'prev_hash'>): string {
  return JSON.stringify([
    row.id, row.signer, row.session, row.certificate_id, row.reason, row.journal_id, row.journal_hash, row.audit_id, row.audit_hash,
    row.certificates_id, row.certificates_hash, row.at,
  ]);
}

function newestCheckpoint(store: Store): CheckpointRow | undefined {
  return store.sqlite.prepare('SELECT * FROM checkpoints ORDER BY id DESC LIMIT 1').get() as CheckpointRow | undefined;
}

/**
 * Refuses to sign over rows changed since this person last signed: their previous checkpoint
 * (the one this session remembers, or at sign-in their newest in the data) must still be there
 * as it was, signed by them, with every head it signed unchanged. This is what lets verify check
 * only each person's newest checkpoint: nobody extends a signature over a tampered past.
 */
function assertOwnPreviousHolds(store: Store, signer: Signer, remembered: CheckpointRow | null): void {
  const stored = remembered
    ? (store.sqlite.prepare('SELECT * FROM checkpoints WHERE id = ?').get(remembered.id) as CheckpointRow | undefined)
    : (store.sqlite.prepare('SELECT * FROM checkpoints WHERE signer = ? ORDER BY id DESC LIMIT 1').get(signer.username) as CheckpointRow | undefined);
  if (!stored) {
    if (remembered) throw broken(signer, `checkpoint ${remembered.id}, which this session signed, is gone`);
    return;
  }
  const certificates = [...certificateBook(store).byId.values()];
  const why = (remembered && stored.hash !== remembered.hash ? `checkpoint ${stored.id} was changed` : null)
    ?? checkpointSignatureFault(stored, certificates)
    ?? checkpointHeadsFault(store.sqlite, stored);
  if (why) throw broken(signer, why);
}

function broken(signer: Signer, why: string): AppError {
  return new AppError('TRUST_BROKEN', `The data no longer matches what ${signer.username} last signed (${why}): it was changed outside Paydesk.`, { reason: 'checkpoint' });
}

/**
 * Signs the current heads as `signer`. `previous` is this session's newest checkpoint (null when
 * this one opens the session). An interval or job checkpoint is skipped when `previous` already
 * covers the heads (nothing happened since); opening and closing ones are always written, since
 * they bracket the session. Returns the new row, or null when there was nothing to sign.
 */
export function takeCheckpoint(store: Store, signer: Signer, reason: CheckpointReason, previous: CheckpointRow | null, now: Date): CheckpointRow | null {
  return store.sqlite
    .transaction(() => {
      const certificate = certifiedCertificate(store, signer);
      const journal = headOf(store.sqlite, 'journal');
      const audit = headOf(store.sqlite, 'audit');
      const certificates = headOf(store.sqlite, 'certificates');
      const brackets = reason === 'open' || CLOSING_REASONS.includes(reason);
      const unchanged = previous && !brackets
        && previous.journal_id === journal.id && previous.audit_id === audit.id && previous.certificates_id === certificates.id;
      if (unchanged) return null;
      assertOwnPreviousHolds(store, signer, previous);
      const last = newestCheckpoint(store);
      const prevHash = last?.hash ?? GENESIS_HASH;
      const id = (last?.id ?? 0) + 1;
      const unsigned = {
        id,
        signer: signer.username,
        session: previous?.session ?? id,
        certificate_id: certificate.id,
        reason,
        journal_id: journal.id,
        journal_hash: journal.hash,
        audit_id: audit.id,
        audit_hash: audit.hash,
        certificates_id: certificates.id,
        certificates_hash: certificates.hash,
        at: now.toISOString(),
      };
      const hash = chainHash(prevHash, canonicalCheckpoint(unsigned));
      const row: CheckpointRow = { ...unsigned, prev_hash: prevHash, hash, signature: signer.sign('checkpoint', hash) };
      execute(store.sqlite, trustSql.insertInto('checkpoints').values(row));
      return row;
    })
    .immediate();
}
