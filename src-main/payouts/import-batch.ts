import { AppError } from '../../src-shared/errors';
import type { Batch, ValidationReport } from '../../src-shared/contract/payouts';
import { payoutSettings } from '../../src-shared/settings/payout-settings';
import { walletSettings } from '../../src-shared/settings/wallet-settings';
import { recordAudit } from '../audit/record-audit';
import { readSetting } from '../settings/settings-service';
import { execute } from '../store/sql';
import type { Store } from '../store/store';
import { batchById } from './batch-rows';
import { contentHashOf } from './content-hash';
import { checkPayoutFile, type FileVerdict } from './file-check';
import { batchCurrency, payoutRules } from './payout-rules';
import { payoutsSql } from './tables';

// Validating a file (a dry run: nothing is written) and importing it as a draft batch, which keeps
// every row, payable or not, with the problems found, so the reviewer sees what the maker saw.

export interface PayoutFile {
  fileName: string;
  bytes: Uint8Array;
  currency?: string | undefined;
}

function checkedFile(store: Store, file: PayoutFile, now: Date): FileVerdict {
  const currency = batchCurrency(store, file.currency);
  if (!readSetting(store, walletSettings, 'enabledCurrencies').includes(currency)) {
    throw new AppError('CURRENCY_DISABLED', `${currency} is not enabled in Settings; a batch pays in an enabled currency.`, { field: 'currency', currency });
  }
  // One read transaction: every lookup sees the same store, and SQLite keeps its read open
  // instead of starting one for each of up to 200,000 lookups (twice as fast).
  return store.sqlite.transaction(() => checkPayoutFile(file.bytes, payoutRules(store, currency, now)))();
}

export function validatePayoutFile(store: Store, file: PayoutFile, now: Date): ValidationReport {
  return checkedFile(store, file, now).report;
}

/** Batches whose total is above the currency's threshold need a second approver. */
function approvalsRequired(store: Store, currency: string, total: number): 1 | 2 {
  const threshold = readSetting(store, payoutSettings, 'payoutSecondApprovalAbove')[currency];
  return threshold !== undefined && total > threshold ? 2 : 1;
}

const insertItem = (store: Store) =>
  store.sqlite.prepare(
    `INSERT INTO payout_items (batch_id, line, reference, member_no, member_id, amount_text, amount, currency, destination, bank_card_id, note, problems, payable, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')`,
  );

/** Keeps the file as a draft batch; a file error (no batch) answers the validation alone. */
export function importPayoutFile(store: Store, actor: string, file: PayoutFile, now: Date): { batch: Batch | null; validation: ValidationReport } {
  const { report, rows } = checkedFile(store, file, now);
  if (!report.importable) return { batch: null, validation: report };
  const at = now.toISOString();
  const batchId = store.sqlite
    .transaction(() => {
      const { totals } = report;
      const inserted = execute(
        store.sqlite,
        payoutsSql.insertInto('payout_batches').values({
          file_name: file.fileName,
          file_sha256: report.file.sha256,
          encoding: report.file.encoding!,
          delimiter: report.file.delimiter!,
          currency: report.currency,
          status: 'draft',
          row_count: totals.rows,
          item_count: totals.payableCount,
          total: totals.payableAmount,
          content_hash: '',
          file_problems: JSON.stringify(report.fileProblems),
          approvals_required: approvalsRequired(store, report.currency, totals.payableAmount),
          created_by: actor,
          created_at: at,
          updated_at: at,
        }),
      );
      const id = inserted.lastInsertRowid;
      const insert = insertItem(store);
      rows.forEach((row, index) => {
        const payable = report.rows[index]!.status !== 'error';
        const problems = row.problems.map(({ line: _line, ...problem }) => problem);
        insert.run(id, row.line, row.reference, row.memberNo, row.member?.id ?? null, row.amountText, row.amount, row.currency, row.destination, row.bankCardId, row.note, JSON.stringify(problems), payable ? 1 : 0);
      });
      const contentHash = contentHashOf(store, id, report.currency);
      execute(store.sqlite, payoutsSql.updateTable('payout_batches').set({ content_hash: contentHash }).where('id', '=', id));
      recordAudit(
        store,
        {
          actor,
          action: 'payout.import',
          entityType: 'payout_batch',
          entityId: id,
          after: { fileName: file.fileName, fileSha256: report.file.sha256, currency: report.currency, rows: totals.rows, items: totals.payableCount, total: totals.payableAmount, contentHash },
        },
        now,
      );
      return id;
    })
    .immediate();
  return { batch: batchById(store, batchId), validation: report };
}
