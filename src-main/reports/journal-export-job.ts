import type { ExportResult, JournalExportFormat } from '../../src-shared/contract/reports';
import { AppError } from '../../src-shared/errors';
import { recordAudit } from '../audit/record-audit';
import type { JobRunner } from '../jobs/job-runner';
import type { Store } from '../store/store';
import { exportJournal } from './journal-export';

// `reports.exportJournal` as a job (the router checks the reports.ledger permission before it
// starts). The audit row is written as the file is complete, as a backup's is: it records what
// left the books (where, how many transfers, the file's hash, the journal head it ends at); a
// cancelled or failed export wrote no file and records nothing.

export interface JournalExportStart {
  jobs: JobRunner;
  store: Store;
  username: string;
  trustFingerprint: string;
  now: Date;
  nativeBinding?: string;
}

export function startJournalExportJob(start: JournalExportStart, input: { format: JournalExportFormat; path?: string }): { jobId: string } {
  const { jobs, store, username, trustFingerprint, now, nativeBinding } = start;
  const jobId = jobs.start(
    'reports.exportJournal',
    async ({ report, signal }): Promise<ExportResult> => {
      const result = await exportJournal(store, { format: input.format, path: input.path, madeBy: username, trustFingerprint, now, onProgress: report, signal, nativeBinding });
      if (!store.sqlite.open) throw new AppError('LOCKED', `Paydesk was locked before the export was recorded; ${result.path} was written.`);
      recordAudit(store, { actor: username, action: 'report.exportJournal', entityType: 'journal', entityId: result.fileName, after: { format: input.format, path: result.path, rows: result.rows, bytes: result.bytes, sha256: result.sha256 } }, now);
      return result;
    },
    { cancellable: true, now },
  );
  return { jobId };
}
