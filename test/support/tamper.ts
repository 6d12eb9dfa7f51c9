import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Router } from '../../src-main/api/router';
import { verifyStore } from '../../src-main/registry';
import type { SqliteDatabase } from '../../src-main/store/open-database';
import { openStore, type Store } from '../../src-main/store/store';

// What the tamper batteries share (tamper-battery.test.ts, cards-verify.test.ts): a copy of a
// branch's folder opened with its key (the router's own folder goes when the first test ends),
// raw SQL on it as someone holding the key would run it, and verify after each tamper inside a
// transaction that is rolled back, so every case starts from the same branch.

export type At = 'first' | 'middle' | 'last';
export const POSITIONS: At[] = ['first', 'middle', 'last'];

/** A row as verify names it: exactly, or any row of a table (`/^table#/`). */
export type Named = string | RegExp;

/** One table of a tamper battery: how to read its rows, and how a key holder changes, adds or removes one. */
export interface TableCase {
  /** The rows in order, each with `ref` (how verify names it) and whatever the statements below take. */
  rows: string;
  update(row: Record<string, unknown>): void;
  /** Inserts a row like `row`; answers how verify names the new row. */
  insert(row: Record<string, unknown>): Named;
  delete(row: Record<string, unknown>): void;
  /** How verify names a changed or removed row, when not `table#ref`. */
  names?(row: Record<string, unknown>): Named[];
}

export interface TamperOptions {
  /** Runs inside each tamper's transaction before it: what the attacker's shell would do first (drop triggers). */
  beforeTamper?(db: SqliteDatabase): void;
}

export function pick<T>(rows: T[], at: At): T {
  return rows[at === 'first' ? 0 : at === 'middle' ? Math.floor(rows.length / 2) : rows.length - 1]!;
}

/** Registers the suite's beforeAll/afterAll around a copy of `branch`'s folder and answers the tools that work on it. */
export function tamperBench(prefix: string, branch: () => Promise<{ router: Router; dataDir: string }>, options: TamperOptions = {}) {
  let copyDir: string;
  let store: Store;
  let db: SqliteDatabase;

  beforeAll(async () => {
    const { router, dataDir } = await branch();
    const masterKey = Buffer.from(router.state.requireStore().masterKey);
    router.close();
    copyDir = mkdtempSync(join(tmpdir(), prefix));
    cpSync(dataDir, copyDir, { recursive: true });
    store = await openStore(copyDir, masterKey);
    db = store.sqlite;
    // Lets this connection write FTS5 shadow tables, as a plain sqlite3 shell can.
    db.unsafeMode(true);
  }, 120_000);
  afterAll(() => {
    store.close();
    rmSync(copyDir, { recursive: true, force: true });
  });

  const all = <T = Record<string, unknown>>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];
  const one = <T = unknown>(sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as T;
  const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params);
  const nextId = (table: string, column = 'id') => one<number>(`SELECT coalesce(max(${column}), 0) + 1 FROM ${table}`);

  /** Runs `work` in a transaction (foreign keys deferred, `beforeTamper` first) and rolls it back. */
  function rolledBack<T>(work: () => T): T {
    db.exec('BEGIN');
    try {
      db.pragma('defer_foreign_keys = ON');
      options.beforeTamper?.(db);
      return work();
    } finally {
      db.exec('ROLLBACK');
    }
  }

  /** Tampers inside a transaction, runs verify, rolls back; answers the rows verify named, and which checks ran and failed. */
  function verifyAfter(tamper: () => void): { ok: boolean; named: string[]; checks: string[]; failed: string[] } {
    return rolledBack(() => {
      tamper();
      const report = verifyStore(store);
      return {
        ok: report.ok,
        named: report.checks.flatMap((check) => (check.firstViolation ? [check.firstViolation] : [])),
        checks: report.checks.map((check) => check.name),
        failed: report.checks.filter((check) => !check.ok).map((check) => check.name),
      };
    });
  }

  /** The row one check names after the tamper (null: it passed). */
  function violationOf(check: string, tamper: () => void): string | null {
    return rolledBack(() => {
      tamper();
      return verifyStore(store).checks.find((c) => c.name === check)!.firstViolation;
    });
  }

  /** Verify fails after `tamper` and names one of `names`. */
  function expectNamed(tamper: () => void, ...names: Named[]): void {
    const found = verifyAfter(tamper);
    const matches = (name: string) => names.some((wanted) => (typeof wanted === 'string' ? name === wanted : wanted.test(name)));
    expect({ ok: found.ok, named: found.named, expected: names.map(String), matched: found.named.some(matches) }).toMatchObject({ ok: false, matched: true });
  }

  return { all, one, run, nextId, rolledBack, verifyAfter, violationOf, expectNamed };
}
