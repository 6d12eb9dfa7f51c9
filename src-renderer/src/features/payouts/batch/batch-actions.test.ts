import { describe, expect, it } from 'vitest';
import type { Batch } from '../../../../../src-shared/contract/payouts';
import { offeredSteps } from './batch-actions';

const BATCH: Batch = {
  id: 7, fileName: 'march.csv', fileSha256: 'a'.repeat(64), encoding: 'utf-8', delimiter: ',', currency: 'CNY', status: 'submitted', rowCount: 3, itemCount: 2, total: 30_000,
  contentHash: 'b'.repeat(64), approvalsRequired: 1, approvals: [], createdBy: 'admin', createdAt: '2026-03-01T08:00:00.000Z', submittedBy: 'admin', submittedAt: '2026-03-01T08:05:00.000Z',
  decidedBy: null, decidedAt: null, rejectReason: null, completedAt: null, jobId: null, byStatus: {}, fileProblems: [],
};

const FIONA = { username: 'fiona', role: 'finance' as const };
const ADMIN = { username: 'admin', role: 'admin' as const };

describe('the steps a batch offers', () => {
  it('offers a submitted batch to a second person: approve, reject and cancel, none blocked', () => {
    expect(offeredSteps(BATCH, FIONA)).toEqual([
      { step: 'approve', blocked: null },
      { step: 'reject', blocked: null },
      { step: 'cancel', blocked: null },
    ]);
  });

  it('shows the maker approve and reject blocked because they imported the batch', () => {
    expect(offeredSteps(BATCH, ADMIN).filter((step) => step.blocked !== null)).toEqual([
      { step: 'approve', blocked: 'imported' },
      { step: 'reject', blocked: 'imported' },
    ]);
  });

  it('blocks the person who submitted a batch another imported', () => {
    expect(offeredSteps({ ...BATCH, createdBy: 'tom', submittedBy: 'fiona' }, FIONA)[0]).toEqual({ step: 'approve', blocked: 'submitted' });
  });

  it('blocks a second approval by the first approver of a batch that needs two', () => {
    const approved = { ...BATCH, approvalsRequired: 2, approvals: [{ approver: 'fiona', approverName: 'Fiona', contentHash: BATCH.contentHash, at: '2026-03-01T09:00:00.000Z' }] };
    expect(offeredSteps(approved, FIONA)[0]).toEqual({ step: 'approve', blocked: 'alreadyApproved' });
  });

  it('offers an auditor nothing but the export of a completed batch', () => {
    const auditor = { username: 'audrey', role: 'auditor' as const };
    expect(offeredSteps(BATCH, auditor)).toEqual([]);
    expect(offeredSteps({ ...BATCH, status: 'completed' }, auditor)).toEqual([{ step: 'export', blocked: null }]);
  });

  it('blocks submitting a draft in which every row has an error', () => {
    expect(offeredSteps({ ...BATCH, status: 'draft', itemCount: 0, total: 0 }, ADMIN)).toEqual([
      { step: 'submit', blocked: 'nothingToPay' },
      { step: 'cancel', blocked: null },
    ]);
  });

  it('offers execute for an approved batch and for one whose paying was interrupted, and nothing once rejected or cancelled', () => {
    expect(offeredSteps({ ...BATCH, status: 'approved' }, ADMIN)).toEqual([{ step: 'execute', blocked: null }]);
    expect(offeredSteps({ ...BATCH, status: 'executing' }, FIONA)).toEqual([{ step: 'execute', blocked: null }]);
    expect(offeredSteps({ ...BATCH, status: 'rejected' }, FIONA)).toEqual([]);
    expect(offeredSteps({ ...BATCH, status: 'cancelled' }, ADMIN)).toEqual([]);
  });
});
