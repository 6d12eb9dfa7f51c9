import type { ImportCode } from './row-codes';

// What each row and file code means, in every language the product ships, saying why the row or
// file was flagged and, where it helps, what to do. A Record keyed by ImportCode makes a missing
// translation a type error. {{column}} is filled by rowProblemMessage (row-problem.ts).
export const ROW_CODE_MESSAGES: Record<'en' | 'zh-CN', Record<ImportCode, string>> = {
  en: {
    MISSING_FIELD: 'The required field “{{column}}” is empty.',
    INVALID_REFERENCE: 'The reference is longer than 64 characters or contains control characters.',
    INVALID_AMOUNT:
      'The amount is not one Paydesk can pay: write a number above zero, such as 1234.50 or 1,234.50, with no more decimals than the currency has and no currency sign, spaces or exponent.',
    UNSUPPORTED_CURRENCY: 'The currency is not an ISO 4217 code, or it is not enabled in Settings.',
    CURRENCY_MISMATCH: 'The currency differs from the batch currency; a batch pays in one currency only.',
    UNKNOWN_MEMBER: 'No member has this member number.',
    MEMBER_NOT_ACTIVE: 'The member is frozen or closed, so nothing can be paid to them.',
    INVALID_DESTINATION: 'The destination must be “wallet” or “bank_card”; leave it empty to pay into the wallet.',
    NO_BANK_CARD: 'The member has no default linked bank card to pay to.',
    DUPLICATE_REFERENCE: 'This reference already appears on an earlier row of this file; each reference is paid only once.',
    REFERENCE_ALREADY_USED: 'This reference was already used in an earlier batch that was not cancelled; each reference is paid only once.',
    AMOUNT_OVER_LIMIT: 'The amount is above the per-item payout limit set in Settings.',
    NOTE_TOO_LONG: 'The note is longer than 140 characters.',
    MALFORMED_ROW: 'This row cannot be read: it has a different number of fields from the header, or a quote is not closed.',
    POSSIBLE_DUPLICATE:
      'The same member and amount appear on another row of this file, or were paid to this member in the last 7 days. Check that this is not a double payment.',
    FORMULA_TEXT:
      'The field “{{column}}” starts with =, +, -, @, a tab or a line break, so a spreadsheet could run it as a formula. It is kept as written and made harmless on export.',
    EMPTY_FILE: 'The file is empty or has only a header row, so there is nothing to pay.',
    MISSING_COLUMN: 'The header row has no “{{column}}” column, which is required.',
    UNSUPPORTED_ENCODING:
      'The file’s text encoding cannot be read. Save it as UTF-8 (or UTF-16 with a byte order mark, or GB18030) and import it again.',
    TOO_MANY_ROWS: 'The file has more than 100,000 data rows. Split it into smaller files.',
    UNKNOWN_COLUMN: 'The column “{{column}}” is not one Paydesk knows, so it is ignored.',
    FILE_ALREADY_IMPORTED: 'A file with exactly the same content was imported before, as an earlier batch.',
  },
  'zh-CN': {
    MISSING_FIELD: '必填字段“{{column}}”为空。',
    INVALID_REFERENCE: '参考号超过 64 个字符，或含有控制字符。',
    INVALID_AMOUNT: '金额无法支付：请填写大于零的数字，例如 1234.50 或 1,234.50，小数位数不超过该币种的位数，且不带货币符号、空格或科学计数法。',
    UNSUPPORTED_CURRENCY: '币种不是 ISO 4217 代码，或未在“设置”中启用。',
    CURRENCY_MISMATCH: '币种与本批次的币种不同；一个批次只能用一种币种付款。',
    UNKNOWN_MEMBER: '没有会员使用此会员号。',
    MEMBER_NOT_ACTIVE: '该会员已冻结或已注销，无法向其付款。',
    INVALID_DESTINATION: '去向必须是“wallet”或“bank_card”；留空则付入钱包。',
    NO_BANK_CARD: '该会员没有可用于付款的默认绑定银行卡。',
    DUPLICATE_REFERENCE: '此参考号已在本文件前面的行中出现；每个参考号只付款一次。',
    REFERENCE_ALREADY_USED: '此参考号已在之前一个未取消的批次中使用；每个参考号只付款一次。',
    AMOUNT_OVER_LIMIT: '金额超过“设置”中规定的单笔付款上限。',
    NOTE_TOO_LONG: '备注超过 140 个字符。',
    MALFORMED_ROW: '无法读取此行：字段数与表头不一致，或有引号未闭合。',
    POSSIBLE_DUPLICATE: '同一会员和金额也出现在本文件的另一行中，或在过去 7 天内已付给该会员。请确认这不是重复付款。',
    FORMULA_TEXT: '字段“{{column}}”以 =、+、-、@、制表符或换行符开头，电子表格可能把它当作公式执行。内容按原样保留，导出时会做无害化处理。',
    EMPTY_FILE: '文件为空或只有表头行，没有可付款的内容。',
    MISSING_COLUMN: '表头缺少必需的“{{column}}”列。',
    UNSUPPORTED_ENCODING: '无法识别文件的文本编码。请另存为 UTF-8（或带字节顺序标记的 UTF-16，或 GB18030）后重新导入。',
    TOO_MANY_ROWS: '文件的数据行超过 100,000 行，请拆分成较小的文件。',
    UNKNOWN_COLUMN: 'Paydesk 不认识“{{column}}”列，已忽略该列。',
    FILE_ALREADY_IMPORTED: '内容完全相同的文件之前已作为另一个批次导入。',
  },
};
