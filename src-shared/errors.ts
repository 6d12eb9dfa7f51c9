// Every error a user can trigger has a stable code. The UI and the CLI translate codes,
// never messages. Ledger result codes follow TigerBeetle's habit of naming each rule's failure.
export const ERROR_CODES = [
  'INVALID_INPUT',
  'INTERNAL',
  'NOT_INITIALIZED',
  'ALREADY_INITIALIZED',
  'LOCKED',
  'AUTH_FAILED',
  'LOCKED_OUT',
  'FORBIDDEN',
  'STAFF_DISABLED',
  'NOT_CERTIFIED',
  'TRUST_BROKEN',
  'STAFF_EXISTS',
  'STAFF_NOT_FOUND',
  'LAST_ADMIN',
  'WEAK_PASSPHRASE',
  'DATA_DAMAGED',
  'SCHEMA_TOO_NEW',
  'DATA_IN_USE',
  'BACKUP_INVALID',
  'BACKUP_FOLDER_UNUSABLE',
  'JOB_NOT_FOUND',
  'JOB_CANCELLED',
  'JOB_NOT_CANCELLABLE',
  'SETTINGS_INVALID',
  'ACCOUNT_NOT_FOUND',
  'ACCOUNT_CLOSED',
  'ACCOUNT_EXISTS',
  'ACCOUNT_HAS_BALANCE',
  'CURRENCY_MISMATCH',
  'CURRENCY_DISABLED',
  'AMOUNT_INVALID',
  'INSUFFICIENT_FUNDS',
  'SAME_ACCOUNT',
  'HOLD_NOT_FOUND',
  'HOLD_ALREADY_RESOLVED',
  'HOLD_EXPIRED',
  'POST_EXCEEDS_HOLD',
  'TRANSFER_NOT_FOUND',
  'ALREADY_REVERSED',
  'REVERSAL_NOT_ALLOWED',
  'IDEMPOTENCY_CONFLICT',
  'MEMBER_NOT_FOUND',
  'MEMBER_FROZEN',
  'MEMBER_CLOSED',
  'MEMBER_HAS_BALANCE',
  'MEMBER_DUPLICATE',
  'RECEIPT_NOT_FOUND',
  'OVER_LIMIT',
  'APPROVAL_REQUIRED',
  'SELF_APPROVAL',
  'APPROVER_NOT_ALLOWED',
  'POINTS_INSUFFICIENT',
  'POINTS_BELOW_UNIT',
  'REFERRAL_EXISTS',
  'SELF_REFERRAL',
  'POINTS_CAP_REACHED',
  'TIER_UNKNOWN',
  'CARD_PROGRAM_NOT_FOUND',
  'CARD_PROGRAM_CLOSED',
  'CARD_PROGRAM_HAS_CARDS',
  'CARD_NUMBERS_EXHAUSTED',
  'CARD_NOT_FOUND',
  'CARD_NOT_ACTIVE',
  'CARD_EXPIRED',
  'CVV_MISMATCH',
  'MEMBER_NOT_ACTIVE',
  'LIMIT_EXCEEDED',
  'CARD_STATE_INVALID',
  'AUTHORIZATION_NOT_FOUND',
  'AUTHORIZATION_RESOLVED',
  'AUTHORIZATION_EXPIRED',
  'CAPTURE_EXCEEDS_AUTHORIZATION',
  'CARD_NUMBER_INVALID',
  'BANK_CARD_NOT_FOUND',
  'BANK_CARD_EXISTS',
  'PAYOUT_BATCH_NOT_FOUND',
  'PAYOUT_STATE_INVALID',
  'PAYOUT_NOTHING_TO_PAY',
  'PAYOUT_TOTALS_CHANGED',
  'SELF_APPROVAL_FORBIDDEN',
  'ALREADY_APPROVED',
  'APPROVAL_STALE',
  'INSUFFICIENT_FUNDING',
  'PAYOUT_ITEM_NOT_FOUND',
  'PAYOUT_ITEM_STATE_INVALID',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorDetails {
  /** The input field at fault, as a dotted path (`amount`, `items.3.iban`). */
  field?: string;
  [key: string]: unknown;
}

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

/** A refusal the user can understand. Thrown by services, turned into an answer by the router. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetails;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (details !== undefined) this.details = details;
  }

  toShape(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
