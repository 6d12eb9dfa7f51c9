import { sql, type Kysely } from 'kysely';

// Durable jobs: long work that must survive a crash keeps its checkpoint here, written in the
// same transaction as the chunk of work it follows, so a restarted process resumes exactly where
// the last commit left off. Frozen: change the schema with a new file.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state IN ('running','done','failed','cancelled')`))
    .addColumn('params_json', 'text', (c) => c.notNull())
    .addColumn('checkpoint_json', 'text', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer')
    .addColumn('result_json', 'text')
    .addColumn('error_json', 'text')
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  // Resuming reads the running jobs at every unlock.
  await db.schema.createIndex('jobs_state').on('jobs').columns(['state', 'started_at']).execute();
}
