import { Kysely, SqliteDialect } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import { AppError } from '../../src-shared/errors';
import { MIGRATIONS, MIGRATION_NAMES, LATEST_SCHEMA_VERSION } from '../../migrations';
import type { SqliteDatabase } from './open-database';

function appliedMigrationNames(sqlite: SqliteDatabase): string[] {
  const table = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`).get();
  if (!table) return [];
  return (sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name);
}

/** Refuses, before writing anything, a database that a newer Paydesk has migrated. */
export function assertSchemaNotNewer(sqlite: SqliteDatabase): void {
  const version = sqlite.pragma('user_version', { simple: true }) as number;
  const unknown = appliedMigrationNames(sqlite).filter((name) => !MIGRATION_NAMES.includes(name));
  if (version > LATEST_SCHEMA_VERSION || unknown.length > 0) {
    throw new AppError('SCHEMA_TOO_NEW', `migrate: schema version ${version} is newer than this build (${LATEST_SCHEMA_VERSION}).`, {
      version,
      supported: LATEST_SCHEMA_VERSION,
    });
  }
}

/** Migrates to `target` (a migration name) or to the latest; used by tests to stop at N−1. */
export async function migrateDatabase(sqlite: SqliteDatabase, target?: string, migrations: Record<string, Migration> = MIGRATIONS): Promise<void> {
  assertSchemaNotNewer(sqlite);
  // Migrations are the one place Kysely runs queries itself (its schema builder, asynchronously).
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = target ? await migrator.migrateTo(target) : await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new AppError('DATA_DAMAGED', `migrate: ${failed?.migrationName ?? 'migration'} failed: ${(error as Error).message}`);
  }
  sqlite.pragma(`user_version = ${appliedMigrationNames(sqlite).length}`);
}
