import type { CheckResult } from '../../src-shared/contract/verify';
import { auditRecords, compareWithReplay, FirstFault, type AuditRecord } from '../audit/audit-replay';
import { isSealedBox } from '../sealed/sealed-box';
import type { Store } from '../store/store';
import { bankCardAuditSummary, type BankCardRow } from './bank-card-rows';
import { replayEntities, summaryDiffers, type ReplayedEntity } from './card-replay';
import { cardAuditSummary, type CardRow } from './card-rows';
import { parseLimits, programAuditSummary, type ProgramRow } from './programs';
import type { MemberCardLimitsTable } from './tables';
import { firstDifferingColumn } from '../integrity/verifier';

// The card tables whose every change is audited with the row's summary, against the replay of
// those audit rows (card-replay.ts): programs, cards, members' limits and bank cards. A row
// edited, added or removed behind the services' back no longer matches the hash-chained log.
// Each check names the first row at fault as `table#id`.

export const PROGRAM_ACTIONS = ['card.program.create', 'card.program.update', 'card.program.close', 'card.program.reopen', 'card.program.delete'];
/** Every action that changes a card row; card.reveal changes nothing. */
export const CARD_ACTIONS = ['card.issue', 'card.activate', 'card.freeze', 'card.unfreeze', 'card.cancel', 'card.replace', 'card.expire', 'card.setLimits'];
const MEMBER_LIMIT_ACTIONS = ['card.memberLimits'];
const BANK_CARD_ACTIONS = ['bankCard.link', 'bankCard.setDefault', 'bankCard.unsetDefault', 'bankCard.unlink'];

/** A summary of a row whose stored JSON (its limits) no longer parses differs in that column. */
function summaryOf<Row>(row: Row, summarize: (row: Row) => Record<string, unknown>): Record<string, unknown> | null {
  try {
    return summarize(row);
  } catch {
    return null;
  }
}

interface AuditedTable<Row> {
  table: string;
  noun: string;
  key(row: Row): string;
  id(row: Row): string | number;
  created: string;
  /** The first column of the row that is not what its entity's audit rows say, or null. */
  differs(row: Row, entity: ReplayedEntity): string | null;
}

function compareAudited<Row>(fault: FirstFault, rows: readonly Row[], replay: Map<string, ReplayedEntity>, spec: AuditedTable<Row>): void {
  compareWithReplay(fault, rows, replay, {
    table: spec.table,
    key: spec.key,
    id: spec.id,
    expectedId: (key) => key,
    unknown: (key) => `${spec.noun} ${key} was never made through Paydesk`,
    differs: (row, entity) => {
      const column = entity.first.action === spec.created ? spec.differs(row, entity) : 'history';
      return column === null ? null : `${spec.noun} ${spec.key(row)}'s ${column} differs from the audit log`;
    },
    missing: (key) => `${spec.noun} ${key}, recorded in the audit log, is missing`,
  });
}

function programDiffers(row: ProgramRow, { first, last }: ReplayedEntity): string | null {
  const summary = summaryOf(row, programAuditSummary);
  if (summary === null) return 'default_limits';
  return summaryDiffers(summary, last.after) ?? firstDifferingColumn([
    ['created_by', row.created_by, first.actor],
    ['created_at', row.created_at, first.at],
    ['updated_at', row.updated_at, last.at],
    ['verification_key_sealed', isSealedBox(row.verification_key_sealed), true],
  ]);
}

export function checkPrograms(store: Store, records: AuditRecord[]): CheckResult {
  const fault = new FirstFault();
  const rows = store.sqlite.prepare('SELECT * FROM card_programs ORDER BY id').all() as ProgramRow[];
  const replay = replayEntities(records, 'card.program.delete');
  compareAudited(fault, rows, replay, { table: 'card_programs', noun: 'card program', key: (row) => String(row.id), id: (row) => row.id, created: 'card.program.create', differs: programDiffers });
  return fault.result('cards.programs', `${rows.length} card programs, each as the audit log recorded it`, { programs: rows.length });
}

interface CardWithProgram extends CardRow {
  program_bin: string | null;
  program_length: number | null;
}

/** The card's summary as audited last; its first six digits and length are its program's. */
function cardDiffers(row: CardWithProgram, { last }: ReplayedEntity): string | null {
  const summary = summaryOf(row, cardAuditSummary);
  if (summary === null) return 'limits';
  return summaryDiffers(summary, last.after) ?? firstDifferingColumn([
    ['first6', row.first6, row.program_bin?.slice(0, 6)],
    ['pan_length', row.pan_length, row.program_length],
  ]);
}

export function checkCards(store: Store, records: AuditRecord[]): CheckResult {
  const fault = new FirstFault();
  const rows = store.sqlite.prepare('SELECT c.*, p.bin AS program_bin, p.pan_length AS program_length FROM cards c LEFT JOIN card_programs p ON p.id = c.program_id ORDER BY c.id').all() as CardWithProgram[];
  compareAudited(fault, rows, replayEntities(records), { table: 'cards', noun: 'card', key: (row) => String(row.id), id: (row) => row.id, created: 'card.issue', differs: cardDiffers });
  return fault.result('cards.audited', `${rows.length} cards, each as the audit log recorded it`, { cards: rows.length });
}

function memberLimitsDiffer(row: MemberCardLimitsTable, { last }: ReplayedEntity): string | null {
  const limits = summaryOf(row, (r) => ({ limits: parseLimits(r.limits) }));
  if (limits === null) return 'limits';
  return summaryDiffers(limits, last.after) ?? firstDifferingColumn([
    ['updated_by', row.updated_by, last.actor],
    ['updated_at', row.updated_at, last.at],
  ]);
}

export function checkMemberLimits(store: Store, records: AuditRecord[]): CheckResult {
  const fault = new FirstFault();
  const rows = store.sqlite.prepare('SELECT * FROM member_card_limits ORDER BY member_id, currency').all() as MemberCardLimitsTable[];
  const key = (row: MemberCardLimitsTable) => `${row.member_id}:${row.currency}`;
  compareAudited(fault, rows, replayEntities(records), { table: 'member_card_limits', noun: 'member limits', key, id: key, created: 'card.memberLimits', differs: memberLimitsDiffer });
  return fault.result('cards.memberLimits', `${rows.length} members' limits, each as the audit log recorded them`, { memberLimits: rows.length });
}

function bankCardDiffers(row: BankCardRow, { last }: ReplayedEntity): string | null {
  return summaryDiffers(bankCardAuditSummary(row), last.after);
}

export function checkBankCards(store: Store, records: AuditRecord[]): CheckResult {
  const fault = new FirstFault();
  const rows = store.sqlite.prepare('SELECT * FROM bank_cards ORDER BY id').all() as BankCardRow[];
  compareAudited(fault, rows, replayEntities(records), { table: 'bank_cards', noun: 'bank card', key: (row) => String(row.id), id: (row) => row.id, created: 'bankCard.link', differs: bankCardDiffers });
  return fault.result('cards.bankCards', `${rows.length} bank cards, each as the audit log recorded it`, { bankCards: rows.length });
}

/** The four checks, each over the audit rows of its own actions (read once for all). */
export function cardAuditChecks(store: Store): { checks: CheckResult[]; cardRecords: AuditRecord[] } {
  const records = auditRecords(store.sqlite, [...PROGRAM_ACTIONS, ...CARD_ACTIONS, ...MEMBER_LIMIT_ACTIONS, ...BANK_CARD_ACTIONS]);
  const of = (actions: string[]) => records.filter((record) => actions.includes(record.action));
  const cardRecords = of(CARD_ACTIONS);
  return {
    checks: [checkPrograms(store, of(PROGRAM_ACTIONS)), checkCards(store, cardRecords), checkMemberLimits(store, of(MEMBER_LIMIT_ACTIONS)), checkBankCards(store, of(BANK_CARD_ACTIONS))],
    cardRecords,
  };
}
