import { AppError, isAppError } from '../../src-shared/errors';
import type { ApprovalRequest } from '../../src-shared/contract/wallets';
import type { Role } from '../../src-shared/permissions';
import { APPROVER_ROLES } from '../../src-shared/settings/counter-limits';
import { readKeyslotFile, staffSlots } from '../store/keyslots';
import type { Store } from '../store/store';
import { provePassphrase } from '../staff/unlock';
import { findStaff } from '../staff/staff-repo';
import { certifiedCertificate } from '../trust/staff-certificates';
import { Signer } from '../trust/signer';
import type { Approver } from './receipts';

// A second person approves an operation above the threshold at the same workstation, with their
// own passphrase. It is proven as an unlock proves it (staff/unlock.ts provePassphrase): against
// their keyslot, counted toward their lockout, forgiven when right. Their role is the one their
// certificate gives the key in that slot, never the staff table's column. The passphrase goes no
// further than this file: not into the receipt, the request kept for replays, the audit or a log.

/** The refusal, pointed at the approval field the person should correct. */
function atField(error: unknown, field: 'approval.username' | 'approval.passphrase'): unknown {
  if (!isAppError(error)) return error;
  return new AppError(error.code, error.message, { ...error.details, field });
}

/**
 * The approver of `operator`'s operation: a different person, whose passphrase opens their own
 * keyslot, whose certificate is current and active, and whose certified role is finance or admin.
 */
export async function proveApprover(store: Store, operator: string, approval: ApprovalRequest, now: Date): Promise<Approver> {
  if (approval.username === operator) {
    throw new AppError('SELF_APPROVAL', `${operator} cannot approve their own operation; a second person must.`, { field: 'approval.username' });
  }
  const slots = staffSlots(readKeyslotFile(store.paths.keyslots));
  const opened = await provePassphrase(store.paths, slots, approval.username, approval.passphrase, now).catch((error: unknown) => {
    throw atField(error, 'approval.passphrase');
  });
  try {
    if (!opened.signing) {
      throw new AppError('NOT_CERTIFIED', `${approval.username} has not signed in since signatures began; they sign in once before approving.`, { field: 'approval.username' });
    }
    const certificate = certifiedCertificate(store, new Signer(approval.username, opened.signing));
    if (!APPROVER_ROLES.includes(certificate.role as Role)) {
      throw new AppError('APPROVER_NOT_ALLOWED', `${approval.username} is ${certificate.role}; only finance or an admin can approve.`, { field: 'approval.username', role: certificate.role });
    }
    return { username: approval.username, displayName: findStaff(store, approval.username)?.display_name ?? approval.username };
  } catch (error) {
    throw atField(error, 'approval.username');
  } finally {
    opened.masterKey.fill(0);
  }
}
