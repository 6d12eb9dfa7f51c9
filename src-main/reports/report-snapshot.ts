import { openEncryptedDatabase } from '../store/open-database';
import type { Store, StoreOptions } from '../store/store';

// An export reads for seconds and gives way to the event loop between chunks, so other calls run
// meanwhile; a read transaction on the store's one connection cannot span those pauses (every call
// would land inside it). As verify's job does (integrity/verify-in-steps.ts), the export reads
// through a read-only connection of its own, pinned to one snapshot: its header (both chain heads)
// and every row state the same moment, whatever is written while it runs.

/** A read-only store on the live data as it stands now; `close` ends the snapshot and the connection. */
export function openReportSnapshot(live: Store, options: StoreOptions = {}): Store {
  const sqlite = openEncryptedDatabase(live.paths.database, live.masterKey, { readonly: true, nativeBinding: options.nativeBinding });
  try {
    sqlite.exec('BEGIN DEFERRED');
    // A deferred transaction takes its snapshot at its first read.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return {
    sqlite,
    paths: live.paths,
    masterKey: live.masterKey,
    close() {
      if (!sqlite.open) return;
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      sqlite.close();
    },
  };
}
