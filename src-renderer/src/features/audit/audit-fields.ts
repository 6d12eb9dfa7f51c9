import { formatMemberNumber, isValidMemberNumber } from '../../../../src-shared/member-number';
import { formatAmount } from '../../../../src-shared/money';
import { formatDateTime, formatFileSize } from '../../ui/format';
import { textOf, type Words } from './audit-words';

// Each field the main process puts in an audit row's before/after summary, with how its value
// reads: money as money, moments in the reader's zone, codes (roles, statuses, operations) in
// words. The summaries come from staffSummary, memberAuditSummary, the settings and the
// operations' own audit events in src-main; a field not listed here is shown as recorded.

/** The record a value sits in, for what the value alone does not say (an amount's currency). */
export interface FieldContext {
  record: Record<string, unknown>;
  entityType: string;
}

type Format = (value: unknown, context: FieldContext, words: Words) => string;

function shown(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

const plain: Format = (value) => shown(value);

const money: Format = (value, { record }, words) =>
  typeof value === 'number' && typeof record.currency === 'string' ? formatAmount(value, record.currency, words.language) : shown(value);

const moment: Format = (value, _context, words) => (typeof value === 'string' ? formatDateTime(value, words.language) : shown(value));

/** A code shown by its translation under `prefix`, or as recorded. */
const code =
  (prefix: (context: FieldContext) => string): Format =>
  (value, context, words) =>
    textOf(words, `${prefix(context)}.${String(value)}`) ?? shown(value);

const yesNo: Format = (value, _context, words) => (typeof value === 'boolean' ? words.t(value ? 'audit:value.yes' : 'audit:value.no') : shown(value));

const list: Format = (value, _context, words) => (Array.isArray(value) ? value.map(String).join(words.t('audit:detail.listSeparator')) : shown(value));

const memberNumber: Format = (value) => (typeof value === 'string' && isValidMemberNumber(value) ? formatMemberNumber(value) : shown(value));

const fileSize: Format = (value, _context, words) => (typeof value === 'number' ? formatFileSize(value, words.language) : shown(value));

const count: Format = (value, _context, words) => (typeof value === 'number' ? new Intl.NumberFormat(words.language).format(value) : shown(value));

/** Basis points as a percentage: 50 → 0.5%. */
const basisPoints: Format = (value, _context, words) =>
  typeof value === 'number' ? new Intl.NumberFormat(words.language, { style: 'percent', maximumFractionDigits: 2 }).format(value / 10_000) : shown(value);

const minutes: Format = (value, _context, words) => (typeof value === 'number' ? words.t('audit:value.minutes', { count: value }) : shown(value));

/** A value per currency (the counter's limits and thresholds, fee rates), each in its own words. */
const perCurrency =
  (each: (value: number, currency: string, words: Words) => string): Format =>
  (value, _context, words) =>
    value !== null && typeof value === 'object'
      ? Object.entries(value as Record<string, number>).map(([currency, amount]) => `${currency} ${each(amount, currency, words)}`).join(words.t('audit:detail.listSeparator')) || '—'
      : shown(value);

const moneyPerCurrency = perCurrency((amount, currency, words) => formatAmount(amount, currency, words.language));

/** Per role, the role's limits per currency: "Teller: CNY ¥50,000.00". */
const limitsPerRole: Format = (value, context, words) =>
  value !== null && typeof value === 'object'
    ? Object.entries(value as Record<string, unknown>).map(([role, limits]) => `${textOf(words, `common:role.${role}`) ?? role}: ${moneyPerCurrency(limits, context, words)}`).join(words.t('audit:detail.listSeparator')) || '—'
    : shown(value);

/** Staff and members have different statuses; both are in words. */
const status = code(({ entityType }) => (entityType === 'member' ? 'members:status' : 'common:status'));

export const FIELD_FORMATS: Record<string, Format> = {
  // staffSummary, setup and trust
  username: plain,
  displayName: plain,
  role: code(() => 'common:role'),
  status,
  trustFingerprint: plain,
  certificate: plain,
  at: moment,
  // memberAuditSummary and the ID document reveal
  memberNumber,
  name: plain,
  phone: plain,
  email: plain,
  idDocument: plain,
  idDocumentChanged: yesNo,
  statusReason: plain,
  referredBy: memberNumber,
  notes: plain,
  reason: plain,
  // receipts, transfers and accounts
  receiptNumber: plain,
  operation: code(() => 'audit:operation'),
  amount: money,
  fee: money,
  currency: plain,
  reversalReceipt: plain,
  transferIds: list,
  reversal: plain,
  closed: yesNo,
  code: plain,
  voided: count,
  // backups, keys and the data file
  path: plain,
  size: fileSize,
  backupCreatedAt: moment,
  safetyBackup: plain,
  intoEmptyFolder: yesNo,
  backupFolder: plain,
  fingerprint: plain,
  previousFingerprint: plain,
  resealedSlots: count,
  detail: plain,
  // settings
  idleLockMinutes: minutes,
  enabledCurrencies: list,
  paymentFeeBps: basisPoints,
  paymentFeeBpsByCurrency: perCurrency((bps, _currency, words) => basisPoints(bps, { record: {}, entityType: 'settings' }, words)),
  operationLimits: limitsPerRole,
  approvalThresholds: moneyPerCurrency,
  // second-person approval at the counter
  approvedBy: plain,
};

/** The field's label in the reader's language, or its recorded name. */
export function fieldLabel(field: string, words: Words): string {
  return textOf(words, `audit:fields.${field}`) ?? field;
}

/** The value as a person reads it; a missing one is a dash. */
export function formatFieldValue(field: string, value: unknown, context: FieldContext, words: Words): string {
  if (value === null || value === undefined) return '—';
  return (FIELD_FORMATS[field] ?? plain)(value, context, words);
}

/** An amount's currency is already in the amount, so a record holding money does not list it again. */
export function isShownApart(field: string, record: Record<string, unknown>): boolean {
  return !(field === 'currency' && ('amount' in record || 'fee' in record));
}
