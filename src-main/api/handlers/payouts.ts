import type { HandlerMap } from '../handler';
import { approveBatch } from '../../payouts/approve';
import { resolveSentItem } from '../../payouts/bank-results';
import { batchById } from '../../payouts/batch-rows';
import { batchItems, batchTimeline, listBatches } from '../../payouts/batch-queries';
import { cancelBatch, rejectBatch, submitBatch } from '../../payouts/batch-steps';
import { fundingOf, fundPayouts } from '../../payouts/funding';
import { importPayoutFile, validatePayoutFile, type PayoutFile } from '../../payouts/import-batch';
import { resultsCsv } from '../../payouts/results-csv';
import { startExecution } from '../../payouts/start-execution';

type PayoutChannel =
  | 'payouts.validate'
  | 'payouts.import'
  | 'payouts.list'
  | 'payouts.get'
  | 'payouts.timeline'
  | 'payouts.items'
  | 'payouts.submit'
  | 'payouts.cancel'
  | 'payouts.approve'
  | 'payouts.reject'
  | 'payouts.execute'
  | 'payouts.settleItem'
  | 'payouts.returnItem'
  | 'payouts.exportCsv'
  | 'payouts.funding'
  | 'payouts.fund';

/** The file travels as base64 (any encoding, undecoded); here it becomes its bytes again. */
function fileOf(input: { fileName: string; contentBase64: string; currency?: string | undefined }): PayoutFile {
  return { fileName: input.fileName, bytes: Buffer.from(input.contentBase64, 'base64'), currency: input.currency };
}

export const payoutHandlers: HandlerMap<PayoutChannel> = {
  'payouts.validate': (input, { store, now }) => validatePayoutFile(store, fileOf(input), now),
  'payouts.import': (input, { store, session, now }) => importPayoutFile(store, session.username, fileOf(input), now),
  'payouts.list': (input, { store }) => listBatches(store, input),
  'payouts.get': (input, { store }) => batchById(store, input.batchId),
  'payouts.timeline': (input, { store }) => batchTimeline(store, input.batchId),
  'payouts.items': (input, { store }) => batchItems(store, input),
  'payouts.submit': (input, { store, session, now }) => submitBatch(store, session.username, input, now),
  'payouts.cancel': (input, { store, session, now }) => cancelBatch(store, session.username, input, now),
  'payouts.approve': (input, { store, signer, now }) => approveBatch(store, signer, input, now),
  'payouts.reject': (input, { store, session, now }) => rejectBatch(store, session.username, input, now),
  'payouts.execute': (input, { app, store, session }) => ({ jobId: startExecution(store, app.jobs, session.username, input.batchId, () => app.now()) }),
  'payouts.settleItem': (input, { store, session, now }) => resolveSentItem(store, session.username, input, 'settle', now),
  'payouts.returnItem': (input, { store, session, now }) => resolveSentItem(store, session.username, input, 'return', now),
  'payouts.exportCsv': (input, { store }) => resultsCsv(store, input.batchId, input.language),
  'payouts.funding': (input, { store }) => fundingOf(store, input.currency),
  'payouts.fund': (input, { store, session, now }) => fundPayouts(store, session.username, input, now),
};
