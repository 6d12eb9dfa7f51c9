// The columns of a payout file (issue 11). Order is free and names are matched trimmed and
// case-insensitively, in English or in Chinese, so a file saved from a Chinese spreadsheet
// template reads the same as an English one.

export const PAYOUT_COLUMNS = ['reference', 'member_no', 'amount', 'currency', 'destination', 'note'] as const;
export type PayoutColumn = (typeof PAYOUT_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly PayoutColumn[] = ['reference', 'member_no', 'amount'];

/** Each column's Chinese name, accepted in a header as its alias. */
export const CHINESE_COLUMN_NAMES: Readonly<Record<PayoutColumn, string>> = {
  reference: '参考号',
  member_no: '会员号',
  amount: '金额',
  currency: '币种',
  destination: '去向',
  note: '备注',
};

/** The column a header cell names, if any. */
export function columnNamed(header: string): PayoutColumn | undefined {
  const name = header.trim().toLowerCase();
  return PAYOUT_COLUMNS.find((column) => column === name || CHINESE_COLUMN_NAMES[column] === name);
}

/** The most characters (Unicode code points, so 140 Chinese characters fit) a note may have. */
export const NOTE_MAX = 140;
/** The most characters a reference may have. */
export const REFERENCE_MAX = 64;

/**
 * A destination as a file may write it: `wallet` (also empty, and 钱包) or `bank_card` (银行卡).
 * Anything else is INVALID_DESTINATION.
 */
export function destinationNamed(text: string): 'wallet' | 'bank_card' | undefined {
  const name = text.trim().toLowerCase();
  if (name === '' || name === 'wallet' || name === '钱包') return 'wallet';
  if (name === 'bank_card' || name === '银行卡') return 'bank_card';
  return undefined;
}

/** A downloadable template: the header in the language asked and two example rows. */
export function payoutTemplate(language: 'en' | 'zh-CN', currency: string): string {
  const header = PAYOUT_COLUMNS.map((column) => (language === 'zh-CN' ? CHINESE_COLUMN_NAMES[column] : column));
  const examples =
    language === 'zh-CN'
      ? [
          ['PAY-0001', '100000017', '1,250.00', currency, 'wallet', '十二月佣金'],
          ['PAY-0002', '100000025', '300.50', currency, 'bank_card', '退款'],
        ]
      : [
          ['PAY-0001', '100000017', '1,250.00', currency, 'wallet', 'December commission'],
          ['PAY-0002', '100000025', '300.50', currency, 'bank_card', 'Refund'],
        ];
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return '\uFEFF' + [header, ...examples].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}
