import { AppError } from '../../src-shared/errors';
import type { CardProgram, ProgramRequest } from '../../src-shared/contract/cards';
import { spendingLimitsSchema, type SpendingLimits } from '../../src-shared/cards/limits';
import { recordAudit } from '../audit/record-audit';
import { assertCurrencyEnabled } from '../members/member-wallets';
import { masterKeys } from '../sealed/master-keys';
import { fieldSealer, openField } from '../sealed/sealed-field';
import { execute, perConnection, prepare, selectAll, selectFirst } from '../store/sql';
import type { Store } from '../store/store';
import { CARD_VERIFICATION_KEY, newVerificationKey } from './card-numbers';
import { cardsSql, nextCardTableId, type CardProgramsTable } from './tables';

// Card programs (Settings → Card programs, admins only): the BIN a program's cards start with,
// their length, currency, validity, mode and default limits. A program with cards keeps its
// numbers (BIN, length, currency) and cannot be deleted; it can be closed to new cards.
// Every change is audited with the program's summary, which verify replays.

export type ProgramRow = CardProgramsTable;

export function findProgramRow(store: Store, id: number): ProgramRow | undefined {
  return prepare(store.sqlite, 'SELECT * FROM card_programs WHERE id = ?').get(id) as ProgramRow | undefined;
}

export function getProgramRow(store: Store, id: number, field = 'programId'): ProgramRow {
  const row = findProgramRow(store, id);
  if (!row) throw new AppError('CARD_PROGRAM_NOT_FOUND', `No card program has id ${id}.`, { field });
  return row;
}

/** Parsed limits by their stored JSON: every authorization reads a card's and a member's. Shared, so never changed in place. */
const parsedLimits = new Map<string, SpendingLimits>();
const PARSED_LIMITS_KEPT = 1_000;

export function parseLimits(json: string): SpendingLimits {
  let limits = parsedLimits.get(json);
  if (limits === undefined) {
    if (parsedLimits.size >= PARSED_LIMITS_KEPT) parsedLimits.clear();
    parsedLimits.set(json, (limits = Object.freeze(spendingLimitsSchema.parse(JSON.parse(json)))));
  }
  return limits;
}

function cardCount(store: Store, programId: number): number {
  return selectFirst(store.sqlite, cardsSql.selectFrom('cards').select((eb) => eb.fn.countAll<number>().as('n')).where('program_id', '=', programId))!.n;
}

function toProgram(row: ProgramRow, cards: number): CardProgram {
  return {
    id: row.id,
    name: row.name,
    bin: row.bin,
    panLength: row.pan_length,
    currency: row.currency,
    validityMonths: row.validity_months,
    mode: row.mode,
    defaultLimits: parseLimits(row.default_limits),
    status: row.status,
    cards,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

/**
 * What the audit log records of a program, and verify replays. The verification key is never in
 * it; the length is `card_length`, since the log redacts any field named like `pan`.
 */
export function programAuditSummary(row: ProgramRow): Record<string, unknown> {
  const { id: _id, verification_key_sealed: _key, created_by: _by, created_at: _at, updated_at: _updated, default_limits, pan_length, ...plain } = row;
  return { ...plain, card_length: pan_length, default_limits: parseLimits(default_limits) };
}

export function listPrograms(store: Store): CardProgram[] {
  const counts = new Map(
    selectAll(store.sqlite, cardsSql.selectFrom('cards').select(['program_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('program_id')).map((r) => [r.program_id, r.n]),
  );
  return selectAll(store.sqlite, cardsSql.selectFrom('card_programs').selectAll().orderBy('id')).map((row) => toProgram(row, counts.get(row.id) ?? 0));
}

export function getProgram(store: Store, id: number): CardProgram {
  return toProgram(getProgramRow(store, id), cardCount(store, id));
}

function assertNameFree(store: Store, name: string, exceptId: number | null): void {
  const other = selectFirst(store.sqlite, cardsSql.selectFrom('card_programs').select('id').where('name', '=', name));
  if (other && other.id !== exceptId) throw new AppError('INVALID_INPUT', `A card program is already named ${name}.`, { field: 'name', reason: 'taken' });
}

function audit(store: Store, actor: string, action: string, before: ProgramRow | undefined, after: ProgramRow, now: Date): void {
  recordAudit(store, { actor, action, entityType: 'card_program', entityId: after.id, ...(before ? { before: programAuditSummary(before) } : {}), after: programAuditSummary(after) }, now);
}

export function createProgram(store: Store, actor: string, req: ProgramRequest, now: Date): CardProgram {
  return store.sqlite
    .transaction(() => {
      assertCurrencyEnabled(store, req.currency);
      assertNameFree(store, req.name, null);
      const at = now.toISOString();
      const id = nextCardTableId(store, 'card_programs');
      const row: ProgramRow = {
        id, name: req.name, bin: req.bin, pan_length: req.panLength, currency: req.currency, validity_months: req.validityMonths, mode: req.mode,
        default_limits: JSON.stringify(req.defaultLimits), verification_key_sealed: fieldSealer(store.masterKey, CARD_VERIFICATION_KEY)(id, newVerificationKey()),
        status: 'open', created_by: actor, created_at: at, updated_at: at,
      };
      execute(store.sqlite, cardsSql.insertInto('card_programs').values(row));
      audit(store, actor, 'card.program.create', undefined, row, now);
      return toProgram(row, 0);
    })
    .immediate();
}

export function updateProgram(store: Store, actor: string, programId: number, req: ProgramRequest, now: Date): CardProgram {
  return store.sqlite
    .transaction(() => {
      const before = getProgramRow(store, programId);
      const cards = cardCount(store, programId);
      const numbersChange = req.bin !== before.bin || req.panLength !== before.pan_length || req.currency !== before.currency;
      if (cards > 0 && numbersChange) {
        throw new AppError('CARD_PROGRAM_HAS_CARDS', `Program ${before.name} has ${cards} cards: its BIN, length and currency stay.`, { field: 'bin', cards });
      }
      if (req.currency !== before.currency) assertCurrencyEnabled(store, req.currency);
      assertNameFree(store, req.name, programId);
      const after: ProgramRow = {
        ...before, name: req.name, bin: req.bin, pan_length: req.panLength, currency: req.currency, validity_months: req.validityMonths, mode: req.mode,
        default_limits: JSON.stringify(req.defaultLimits), updated_at: now.toISOString(),
      };
      const { id: _id, ...columns } = after;
      execute(store.sqlite, cardsSql.updateTable('card_programs').set(columns).where('id', '=', programId));
      audit(store, actor, 'card.program.update', before, after, now);
      return toProgram(after, cards);
    })
    .immediate();
}

export function setProgramStatus(store: Store, actor: string, programId: number, status: 'open' | 'closed', now: Date): CardProgram {
  return store.sqlite
    .transaction(() => {
      const before = getProgramRow(store, programId);
      if (before.status === status) return toProgram(before, cardCount(store, programId));
      const after: ProgramRow = { ...before, status, updated_at: now.toISOString() };
      execute(store.sqlite, cardsSql.updateTable('card_programs').set({ status, updated_at: after.updated_at }).where('id', '=', programId));
      audit(store, actor, status === 'closed' ? 'card.program.close' : 'card.program.reopen', before, after, now);
      return toProgram(after, cardCount(store, programId));
    })
    .immediate();
}

/** Only a program that never issued a card can go; its audit rows stay. */
export function deleteProgram(store: Store, actor: string, programId: number, now: Date): void {
  store.sqlite
    .transaction(() => {
      const before = getProgramRow(store, programId);
      const cards = cardCount(store, programId);
      if (cards > 0) throw new AppError('CARD_PROGRAM_HAS_CARDS', `Program ${before.name} has ${cards} cards; close it instead.`, { field: 'programId', cards });
      execute(store.sqlite, cardsSql.deleteFrom('card_programs').where('id', '=', programId));
      recordAudit(store, { actor, action: 'card.program.delete', entityType: 'card_program', entityId: programId, before: programAuditSummary(before) }, now);
    })
    .immediate();
}

/** Opened verification keys by sealed box, per connection: every authorization checks a CVV. */
const openedKeys = perConnection(() => new Map<string, Buffer>());

/** The program's card-verification key, under whichever master key sealed it. */
export function verificationKey(store: Store, program: Pick<ProgramRow, 'id' | 'verification_key_sealed'>): Buffer {
  const opened = openedKeys(store.sqlite);
  const cacheKey = `${program.id}:${program.verification_key_sealed}`;
  let key = opened.get(cacheKey);
  if (!key) opened.set(cacheKey, (key = Buffer.from(openField(masterKeys(store), CARD_VERIFICATION_KEY, program.id, program.verification_key_sealed), 'hex')));
  return key;
}
