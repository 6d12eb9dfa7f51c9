// The double-entry ledger engine: the one way money and points move in Paydesk. Every function
// is synchronous and runs its change in one SQLite transaction (a savepoint inside a caller's).
export type { Account, AccountKind, Balance, Transfer, TransferState, TrialBalance, TransferDetail } from '../../src-shared/contract/ledger';
export type { AccountSpec, TransferRequest, HoldRequest, PostHoldRequest, VoidHoldRequest, ReversalRequest, AccountTransfersQuery } from './types';
export { createAccount, getAccount, findAccountByCode, closeAccount, balanceOf } from './accounts';
export { SYSTEM_ACCOUNT_ROLES, CHART_OF_ACCOUNTS, ensureSystemAccounts, systemAccount, type SystemAccountRole } from './chart';
export { postTransfer, postLinked, placeHold, postBulk, reverseTransfer, writeMovement, writeReversal, type BulkOptions } from './transfers';
export { inLedgerTransaction, LedgerWriter } from './writer';
export { postHold, voidHold, expireHolds } from './holds';
export { getTransfer, findTransferByKey, transferDetail, accountTransfers, reversedAmong, listAccounts } from './queries';
export { trialBalance, journalHead } from './trial-balance';
export { verifyLedger } from './verify';
