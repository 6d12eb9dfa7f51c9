import type { Batch } from '../../../../../src-shared/contract/payouts';
import { can, type Role } from '../../../../../src-shared/permissions';

// Which steps the batch page offers the signed-in person, and why one is shown but cannot be
// taken. The router enforces every rule itself (SELF_APPROVAL_FORBIDDEN, ALREADY_APPROVED,
// PAYOUT_STATE_INVALID); the page only says beforehand what it would answer, so the maker sees
// why Approve is greyed instead of discovering it by a refusal.

export type BatchStep = 'submit' | 'cancel' | 'approve' | 'reject' | 'execute' | 'export';

/** Why a step is shown disabled: the person imported or submitted the batch, or has already approved it. */
export type StepBlock = 'imported' | 'submitted' | 'alreadyApproved' | 'nothingToPay';

export interface OfferedStep {
  step: BatchStep;
  blocked: StepBlock | null;
}

export interface Person {
  username: string;
  role: Role;
}

/** The maker may not check their own batch: the one who imported it, or the one who submitted it. */
function makerBlock(batch: Batch, person: Person): StepBlock | null {
  if (batch.createdBy === person.username) return 'imported';
  if (batch.submittedBy === person.username) return 'submitted';
  return null;
}

function approveBlock(batch: Batch, person: Person): StepBlock | null {
  return makerBlock(batch, person) ?? (batch.approvals.some((approval) => approval.approver === person.username) ? 'alreadyApproved' : null);
}

/** The steps of the batch's status that the person's role allows, in the order the page shows them. */
export function offeredSteps(batch: Batch, person: Person): OfferedStep[] {
  const steps: OfferedStep[] = [];
  const offer = (step: BatchStep, allowed: boolean, blocked: StepBlock | null = null) => {
    if (allowed) steps.push({ step, blocked });
  };
  const mayImport = can(person.role, 'payouts.import');
  const mayApprove = can(person.role, 'payouts.approve');
  switch (batch.status) {
    case 'draft':
      offer('submit', mayImport, batch.itemCount === 0 ? 'nothingToPay' : null);
      offer('cancel', mayImport);
      break;
    case 'submitted':
      offer('approve', mayApprove, approveBlock(batch, person));
      offer('reject', mayApprove, makerBlock(batch, person));
      offer('cancel', mayImport);
      break;
    case 'approved':
    case 'executing':
      offer('execute', can(person.role, 'payouts.execute'));
      break;
    case 'completed':
      offer('export', can(person.role, 'payouts.read'));
      break;
    default:
      break;
  }
  return steps;
}
