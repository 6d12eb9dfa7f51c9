import { LATEST_SCHEMA_VERSION } from '../../migrations';
import { failed, passed, type Verifier } from './verifier';

/** The database file itself: SQLite's own integrity check, and the schema this build expects. */
export const schemaVerifier: Verifier = {
  domain: 'store',
  run(store) {
    const version = store.sqlite.pragma('user_version', { simple: true }) as number;
    const integrity = integrityCheck(store);
    const counts = { version, expected: LATEST_SCHEMA_VERSION };
    return {
      checks: [
        version === LATEST_SCHEMA_VERSION
          ? passed('schema.version', `schema ${version} of ${LATEST_SCHEMA_VERSION}`, counts)
          : failed('schema.version', `schema ${version} of ${LATEST_SCHEMA_VERSION}`, counts, 'kysely_migration', version),
        integrity === 'ok' ? passed('database.integrity', integrity, {}) : { name: 'database.integrity', ok: false, detail: integrity, counts: {}, firstViolation: null },
      ],
    };
  },
};

/** SQLite's answer; a damaged virtual table (an FTS5 index edited by hand) can make the check itself fail. */
function integrityCheck(store: Parameters<Verifier['run']>[0]): string {
  try {
    return store.sqlite.pragma('integrity_check', { simple: true }) as string;
  } catch (error) {
    return (error as Error).message;
  }
}
