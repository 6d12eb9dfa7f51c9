import type { TFunction } from 'i18next';
import type { TimelineEntry } from '../../../../../src-shared/contract/payouts';
import { formatAmount } from '../../../../../src-shared/money';

// A step of the batch's timeline in words: the audit action's name (audit:action.payout.*, the
// names the audit log uses) and a line from what the step recorded (src-main/payouts: the
// import's counts, the submission's totals, the approval's place among those needed, a reason).

export interface TimelineText {
  title: string;
  detail: string | null;
}

type Details = Record<string, unknown>;

const number = (value: unknown, language: string) => (typeof value === 'number' ? new Intl.NumberFormat(language).format(value) : '—');
const money = (value: unknown, currency: string, language: string) => (typeof value === 'number' ? formatAmount(value, currency, language) : '—');
const text = (value: unknown) => (typeof value === 'string' ? value : '');

function detailOf(action: string, details: Details, t: TFunction, language: string, currency: string): string | null {
  switch (action) {
    case 'payout.import':
      return t('payout-batch:timeline.import', { fileName: text(details.fileName), rows: number(details.rows, language), items: number(details.items, language), total: money(details.total, currency, language) });
    case 'payout.submit':
      return t('payout-batch:timeline.submit', { items: number(details.items, language), total: money(details.total, currency, language), skipped: number(details.skipped, language) });
    case 'payout.approve':
      return details.holdId !== undefined
        ? t('payout-batch:timeline.approveHold', { approval: number(details.approval, language), of: number(details.of, language) })
        : t('payout-batch:timeline.approve', { approval: number(details.approval, language), of: number(details.of, language) });
    case 'payout.reject':
    case 'payout.cancel':
      return text(details.reason) ? t('payout-batch:timeline.reason', { reason: text(details.reason) }) : null;
    case 'payout.executeStart':
      return t('payout-batch:timeline.executeStart', { items: number(details.items, language), total: money(details.total, currency, language) });
    case 'payout.executeEnd':
      return t('payout-batch:timeline.executeEnd', { paid: number(details.paid, language), sent: number(details.sent, language), failed: number(details.failed, language), released: money(details.released, currency, language) });
    case 'payout.settle':
      return t('payout-batch:timeline.settle', { reference: text(details.reference), amount: money(details.amount, currency, language) });
    case 'payout.return':
      return t('payout-batch:timeline.return', { reference: text(details.reference), amount: money(details.amount, currency, language), reason: text(details.reason) });
    default:
      return null;
  }
}

export function timelineText(entry: TimelineEntry, t: TFunction, language: string, currency: string): TimelineText {
  const key = `audit:action.${entry.action}`;
  return {
    title: t(key, { defaultValue: entry.action }),
    detail: entry.details === null ? null : detailOf(entry.action, entry.details, t, language, currency),
  };
}
