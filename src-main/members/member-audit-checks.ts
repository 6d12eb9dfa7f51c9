import type { CheckResult } from '../../src-shared/contract/verify';
import { memberNumberFor } from '../../src-shared/member-number';
import { walletSettings } from '../../src-shared/settings/wallet-settings';
import { auditRecords, compareWithReplay, FirstFault, type AuditRecord } from '../audit/audit-replay';
import { UNUSED_ACCOUNT } from '../ledger/account-checks';
import { isSealedBox } from '../sealed/sealed-box';
import type { Store } from '../store/store';
import { maskIdDocument } from './id-document';
import type { MemberRow } from './member-repo';
import { walletAccountCode } from './member-wallets';
import { firstDifferingColumn } from '../integrity/verifier';

// The members and member_wallets tables against the audit log. Every registration and change
// writes the member's summary (member-repo.ts memberAuditSummary) to a hash-chained audit row in
// the same transaction, so replaying those rows gives every column of every member (the sealed
// ID document through its audited last four). The wallets a registration
// opened follow from the enabled currencies at that moment (a replay of settings.update); a
// wallet opened later came with the member's first operation in its currency, in the journal.

const MEMBER_ACTIONS = ['member.create', 'member.update', 'member.freeze', 'member.unfreeze', 'member.close'];

interface ExpectedMember {
  id: number;
  summary: Record<string, unknown>;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** The currencies whose wallets the registration opened. */
  currencies: string[];
}

/** The member id a member number was allocated for (member-number.ts: bodies count from 10000000). */
function memberIdOf(memberNumber: string): number {
  return Number(memberNumber.slice(0, 8)) - 10_000_000 + 1;
}

function replayMembers(records: AuditRecord[]): Map<string, ExpectedMember> {
  const members = new Map<string, ExpectedMember>();
  let enabled: unknown = walletSettings.defaults.enabledCurrencies;
  for (const record of records) {
    if (record.action === 'settings.update') {
      if (record.after && 'enabledCurrencies' in record.after) enabled = record.after.enabledCurrencies;
      continue;
    }
    const memberNumber = record.entityId ?? '';
    const summary = record.after ?? {};
    if (record.action === 'member.create') {
      const currencies = Array.isArray(enabled) ? enabled.map(String) : [];
      members.set(memberNumber, { id: memberIdOf(memberNumber), summary, createdBy: record.actor, createdAt: record.at, updatedAt: record.at, currencies });
      continue;
    }
    const member = members.get(memberNumber);
    if (member) Object.assign(member, { summary, updatedAt: record.at });
  }
  return members;
}

/**
 * The audited masked number, and a sealed box beside it exactly when there is one. The box is not
 * opened here: a copy verified during a rekey holds the new key only. One moved from another row
 * fails to open at reveal (it is bound to its member's id).
 */
function idDocumentDiffers(row: MemberRow, audited: unknown): boolean {
  if (maskIdDocument(row.id_document_last4) !== audited) return true;
  if ((row.id_document_sealed === null) !== (row.id_document_last4 === null)) return true;
  return row.id_document_sealed !== null && !isSealedBox(row.id_document_sealed);
}

/** The first column of a member row that is not what the audit log says, or null. */
function memberDiffers(row: MemberRow, member: ExpectedMember): string | null {
  const s = member.summary;
  const referredBy = row.referred_by === null ? null : memberNumberFor(row.referred_by);
  const plain: [string, unknown, unknown][] = [
    ['id', row.id, member.id],
    ['name', row.name, s.name],
    ['phone', row.phone, s.phone],
    ['email', row.email, s.email],
    ['status', row.status, s.status],
    ['status_reason', row.status_reason, s.statusReason],
    ['referred_by', referredBy, s.referredBy],
    ['notes', row.notes, s.notes],
    ['created_by', row.created_by, member.createdBy],
    ['created_at', row.created_at, member.createdAt],
    ['updated_at', row.updated_at, member.updatedAt],
  ];
  const column = firstDifferingColumn(plain);
  if (column) return column;
  return idDocumentDiffers(row, s.idDocument) ? 'id_document' : null;
}

export function checkMembersAudited(replay: Map<string, ExpectedMember>, rows: MemberRow[]): CheckResult {
  const fault = new FirstFault();
  compareWithReplay(fault, rows, replay, {
    table: 'members',
    key: (row) => row.member_number,
    id: (row) => row.id,
    expectedId: (_memberNumber, member) => member.id,
    unknown: (memberNumber) => `member ${memberNumber} was never registered through Paydesk`,
    differs: (row, member) => {
      const column = memberDiffers(row, member);
      return column === null ? null : `member ${row.member_number}'s ${column} differs from the audit log`;
    },
    missing: (memberNumber) => `member ${memberNumber}, registered in the audit log, is missing`,
  });
  return fault.result('members.audited', `${rows.length} members, each as the audit log recorded them`, { members: rows.length, audited: replay.size });
}

interface WalletLinkRow {
  member_id: number;
  currency: string;
  account_id: number;
  account: number | null;
  code: string | null;
  name: string | null;
  owner_type: string | null;
  owner_id: number | null;
  account_currency: string | null;
  kind: string | null;
  no_overdraft: number | null;
  closed: number | null;
  created_at: string | null;
}

const WALLET_LINKS = `
  SELECT w.member_id, w.currency, w.account_id, a.id AS account, a.code, a.name, a.owner_type, a.owner_id, a.currency AS account_currency,
         a.kind, a.no_overdraft, a.closed, a.created_at
  FROM member_wallets w LEFT JOIN accounts a ON a.id = w.account_id ORDER BY w.member_id, w.currency`;

const FIRST_MOVE = `SELECT created_at FROM transfers WHERE id = (SELECT min(id) FROM (
  SELECT min(id) AS id FROM transfers WHERE debit_account_id = ? UNION ALL SELECT min(id) FROM transfers WHERE credit_account_id = ?))`;

function walletDiffers(store: Store, link: WalletLinkRow, member: ExpectedMember | undefined, row: MemberRow | undefined): string | null {
  if (!member || !row) return 'member';
  if (link.account === null) return 'account';
  const memberNumber = row.member_number;
  const wanted: [string, unknown, unknown][] = [
    ['code', link.code, walletAccountCode(memberNumber, link.currency)],
    ['name', link.name, `Wallet ${memberNumber} ${link.currency}`],
    ['owner', `${link.owner_type}:${link.owner_id}`, `member:${row.id}`],
    ['currency', link.account_currency, link.currency],
    ['kind', link.kind, 'liability'],
    ['no_overdraft', link.no_overdraft, 1],
    ['closed', link.closed, row.status === 'closed' ? 1 : 0],
  ];
  const column = firstDifferingColumn(wanted);
  if (column) return column;
  // Opened with the registration, or by the member's first operation in a currency enabled later.
  const openedAt = member.currencies.includes(link.currency)
    ? member.createdAt
    : (store.sqlite.prepare(FIRST_MOVE).pluck().get(link.account_id, link.account_id) as string | undefined);
  return link.created_at === openedAt ? null : 'created_at';
}

export function checkWalletLinks(store: Store, replay: Map<string, ExpectedMember>, rows: MemberRow[]): CheckResult {
  const fault = new FirstFault();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const byNumber = new Map([...replay.values()].map((member) => [member.id, member]));
  const links = store.sqlite.prepare(WALLET_LINKS).all() as WalletLinkRow[];
  const linked = new Set<string>();
  for (const link of links) {
    linked.add(`${link.member_id}:${link.currency}`);
    const column = walletDiffers(store, link, byNumber.get(link.member_id), byId.get(link.member_id));
    if (column) fault.note('member_wallets', `${link.member_id}:${link.currency}`, `member ${link.member_id}'s ${link.currency} wallet: its ${column} is not the member's own`);
  }
  for (const member of replay.values()) {
    for (const currency of member.currencies) {
      if (!linked.has(`${member.id}:${currency}`)) fault.note('member_wallets', `${member.id}:${currency}`, `member ${member.id}'s ${currency} wallet, opened at registration, is missing`);
    }
  }
  unlinkedAccounts(store, fault);
  return fault.result('members.wallet_links', `${links.length} wallet links, each to the member's own account`, { wallets: links.length });
}

const UNLINKED_ACCOUNTS = `SELECT a.id, a.code, m.id AS member FROM accounts a LEFT JOIN member_wallets w ON w.account_id = a.id
  LEFT JOIN members m ON m.id = a.owner_id WHERE a.owner_type = 'member' AND w.account_id IS NULL ORDER BY a.id`;

/** A member's account is one of their wallet links; one of no member (a ledger test's) must at least be in the journal. */
function unlinkedAccounts(store: Store, fault: FirstFault): void {
  const unused = store.sqlite.prepare(UNUSED_ACCOUNT).pluck();
  for (const account of store.sqlite.prepare(UNLINKED_ACCOUNTS).all() as { id: number; code: string; member: number | null }[]) {
    if (account.member !== null) fault.note('accounts', account.id, `account ${account.code} belongs to member ${account.member} but is none of their wallets`);
    else if (unused.get(account.id, account.id) !== undefined) fault.note('accounts', account.id, `account ${account.code} names no member and no transfer names it`);
  }
}

/** Both checks share one replay of the audit log. */
export function memberAuditChecks(store: Store): CheckResult[] {
  const replay = replayMembers(auditRecords(store.sqlite, ['settings.update', ...MEMBER_ACTIONS]));
  const rows = store.sqlite.prepare('SELECT * FROM members ORDER BY id').all() as MemberRow[];
  return [checkMembersAudited(replay, rows), checkWalletLinks(store, replay, rows)];
}
