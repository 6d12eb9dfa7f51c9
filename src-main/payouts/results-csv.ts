import { writeCsv, type CsvColumn } from '../../src-shared/csv/csv-writer';
import type { PayoutItem } from '../../src-shared/contract/payouts';
import { ITEM_STATUSES } from '../../src-shared/contract/payouts';
import type { Store } from '../store/store';
import { batchById } from './batch-rows';
import { batchItems } from './batch-queries';
import { MAX_DATA_ROWS } from './file-records';

// A batch's results as CSV, from the main process so the CLI writes the same file as the screen:
// one line per item (status, code and transfer), then, after a blank line, the summary by
// status. The writer makes it RFC 4180, UTF-8 with a BOM, amounts plain decimals, and any text
// that a spreadsheet would run as a formula starts with an apostrophe.

type Language = 'en' | 'zh-CN';

const HEADERS: Record<Language, Record<string, string>> = {
  en: {
    line: 'line', reference: 'reference', memberNo: 'member_no', memberName: 'member_name', amount: 'amount', currency: 'currency', destination: 'destination',
    bankCard: 'bank_card_last4', note: 'note', status: 'status', code: 'code', transferId: 'transfer_id', items: 'items',
  },
  'zh-CN': {
    line: '行号', reference: '参考号', memberNo: '会员号', memberName: '会员姓名', amount: '金额', currency: '币种', destination: '去向',
    bankCard: '银行卡尾号', note: '备注', status: '状态', code: '代码', transferId: '转账编号', items: '笔数',
  },
};

function itemColumns(headers: Record<string, string>): CsvColumn<PayoutItem>[] {
  return [
    { kind: 'integer', header: headers.line!, value: (item) => item.line },
    { kind: 'text', header: headers.reference!, value: (item) => item.reference },
    { kind: 'text', header: headers.memberNo!, value: (item) => item.memberNo },
    { kind: 'text', header: headers.memberName!, value: (item) => item.memberName },
    { kind: 'amount', header: headers.amount!, minor: (item) => item.amount, currency: (item) => item.currency },
    { kind: 'text', header: headers.currency!, value: (item) => item.currency },
    { kind: 'text', header: headers.destination!, value: (item) => item.destination },
    { kind: 'text', header: headers.bankCard!, value: (item) => item.bankCardLast4 },
    { kind: 'text', header: headers.note!, value: (item) => item.note },
    { kind: 'text', header: headers.status!, value: (item) => item.status },
    { kind: 'text', header: headers.code!, value: (item) => item.code ?? item.problems.find((problem) => problem.code !== 'FORMULA_TEXT')?.code ?? null },
    { kind: 'integer', header: headers.transferId!, value: (item) => item.transferId },
  ];
}

interface SummaryRow {
  status: string;
  count: number;
  amount: number;
}

function summaryColumns(headers: Record<string, string>, currency: string): CsvColumn<SummaryRow>[] {
  return [
    { kind: 'text', header: headers.status!, value: (row) => row.status },
    { kind: 'integer', header: headers.items!, value: (row) => row.count },
    { kind: 'amount', header: headers.amount!, minor: (row) => row.amount, currency: () => currency },
  ];
}

export function resultsCsv(store: Store, batchId: number, language: Language): { fileName: string; csv: string } {
  const batch = batchById(store, batchId);
  const headers = HEADERS[language];
  const items = batchItems(store, { batchId, offset: 0, limit: MAX_DATA_ROWS }).rows;
  const summary: SummaryRow[] = ITEM_STATUSES.filter((status) => batch.byStatus[status]).map((status) => ({ status, ...batch.byStatus[status]! }));
  // A blank line between the two tables; the summary's own BOM is dropped: one file, one mark.
  const csv = `${writeCsv(itemColumns(headers), items)}\r\n\r\n${writeCsv(summaryColumns(headers, batch.currency), summary).slice(1)}\r\n`;
  return { fileName: `payout-batch-${batch.id}-results.csv`, csv };
}
