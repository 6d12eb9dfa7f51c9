import type { Batch, PayoutItem, ValidationReport } from '../../../src-shared/contract/payouts';
import { ITEM_STATUSES } from '../../../src-shared/contract/payouts';
import { formatAmount } from '../../../src-shared/money';

// What `paydesk payouts …` prints: the JSON documents scripts read (their keys are the issue's
// CLI contract; more may be added, none renamed) and the text a person reads. Amounts in JSON are
// integer minor units, as every other CLI document and the contract carry them (DESIGN.md §6).

const LOCALE = 'en-US';

export const money = (minor: number, currency: string) => formatAmount(minor, currency, LOCALE);

const rowsText = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/** `payouts validate --json`: file facts, the file's codes, each row's codes (once per problem), totals. */
export function validationJson(report: ValidationReport) {
  const { file } = report;
  return {
    file: { encoding: file.encoding, delimiter: file.delimiter, rows: file.rows, sha256: file.sha256, columns: file.columns },
    currency: report.currency,
    importable: report.importable,
    fileCodes: report.fileProblems.map((problem) => problem.code),
    fileProblems: report.fileProblems.map(({ code, column, message }) => ({ code, column, message })),
    rows: report.rows.map((row) => ({
      line: row.line,
      reference: row.reference,
      memberNo: row.memberNo,
      amount: row.amount,
      destination: row.destination,
      status: row.status,
      codes: row.problems.map((problem) => problem.code),
      problems: row.problems.map(({ code, column, message }) => ({ code, column, message })),
    })),
    totals: report.totals,
  };
}

/** Whether the file or any row has an error: validation's exit 1 (warnings alone exit 0). */
export function hasErrors(report: ValidationReport): boolean {
  return !report.importable || report.totals.error > 0;
}

/** The summary a person reads: file facts, counts per code, each row with a problem and why, totals. */
export function validationText(fileName: string, report: ValidationReport): string {
  const { file, totals, currency } = report;
  const delimiter = file.delimiter === null ? 'unknown delimiter' : `${DELIMITER_NAMES[file.delimiter]}-separated`;
  const lines = [`${fileName}: ${file.encoding ?? 'unknown encoding'}, ${delimiter}, ${rowsText(file.rows)}, SHA-256 ${file.sha256}`];
  for (const problem of report.fileProblems) lines.push(`  file ${problem.code}: ${problem.message}`);
  if (!report.importable) {
    lines.push('The file cannot be imported; fix it and validate again.');
    return lines.join('\n');
  }
  lines.push(`Rows: ${totals.ok} ok, ${totals.warning} with warnings, ${totals.error} with errors`);
  const codes = Object.entries(totals.byCode).sort(([a], [b]) => a.localeCompare(b));
  if (codes.length > 0) lines.push(`Codes: ${codes.map(([code, rows]) => `${code} ${rows}`).join(', ')}`);
  for (const row of report.rows.filter((r) => r.problems.length > 0)) {
    lines.push(`  line ${row.line} ${row.reference || '(no reference)'}: ${row.status}`);
    for (const problem of row.problems) lines.push(`    ${problem.code}: ${problem.message}`);
  }
  lines.push(`Payable: ${rowsText(totals.payableCount)}, ${money(totals.payableAmount, currency)}${totals.error > 0 ? `; ${rowsText(totals.error)} with errors left out at submission` : ''}`);
  return lines.join('\n');
}

/** Per item status, every status named (zero when none): how many items, and how much. */
function byItemStatus(batch: Batch) {
  const counts: Record<string, number> = {};
  const totals: Record<string, number> = {};
  for (const status of ITEM_STATUSES) {
    counts[status] = batch.byStatus[status]?.count ?? 0;
    totals[status] = batch.byStatus[status]?.amount ?? 0;
  }
  return { counts, totals };
}

/** `payouts show --json`: the batch, its counts and totals by item status, approvals, and every item. */
export function batchJson(batch: Batch, items: readonly PayoutItem[]) {
  return {
    id: batch.id,
    status: batch.status,
    currency: batch.currency,
    total: batch.total,
    itemCount: batch.itemCount,
    rowCount: batch.rowCount,
    fileName: batch.fileName,
    contentHash: batch.contentHash,
    createdBy: batch.createdBy,
    submittedBy: batch.submittedBy,
    approvalsRequired: batch.approvalsRequired,
    ...byItemStatus(batch),
    approvals: batch.approvals,
    items: items.map((item) => ({
      id: item.id,
      line: item.line,
      reference: item.reference,
      memberNo: item.memberNo,
      memberName: item.memberName,
      amount: item.amount,
      destination: item.destination,
      status: item.status,
      code: item.code,
      transferId: item.transferId,
      codes: item.problems.map((problem) => problem.code),
    })),
  };
}

export function batchLine(batch: Pick<Batch, 'id' | 'status' | 'fileName' | 'itemCount' | 'total' | 'currency' | 'createdBy'>): string {
  return `#${String(batch.id).padEnd(5)} ${batch.status.padEnd(10)} ${batch.itemCount} items  ${money(batch.total, batch.currency)}  ${batch.fileName}  by ${batch.createdBy}`;
}

export function statusSummary(batch: Batch): string {
  const parts = ITEM_STATUSES.filter((status) => batch.byStatus[status]).map((status) => `${status} ${batch.byStatus[status]!.count} (${money(batch.byStatus[status]!.amount, batch.currency)})`);
  return parts.length === 0 ? 'no items' : parts.join(', ');
}

export function itemLine(item: PayoutItem): string {
  const amount = item.amount === null ? item.amountText : money(item.amount, item.currency);
  const why = item.code ?? item.problems.map((problem) => problem.code).join(' ');
  const transfer = item.transferId === null ? '' : `  transfer #${item.transferId}`;
  return `  item #${item.id} line ${item.line} ${item.reference} → ${item.memberNo}${item.memberName ? ` ${item.memberName}` : ''}  ${amount}  ${item.destination}  ${item.status}${why ? ` ${why}` : ''}${transfer}`;
}

export function batchText(batch: Batch, items: readonly PayoutItem[]): string {
  const approvals = batch.approvals.map((a) => `${a.approverName} (${a.approver}) at ${a.at}`).join('; ');
  return [
    batchLine(batch),
    `  ${statusSummary(batch)}`,
    `  approvals ${batch.approvals.length} of ${batch.approvalsRequired}${approvals ? `: ${approvals}` : ''}${batch.rejectReason ? `; rejected: ${batch.rejectReason}` : ''}`,
    ...items.map(itemLine),
  ].join('\n');
}
