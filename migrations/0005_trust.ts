import { sql, type Kysely } from 'kysely';

// Signatures that only the actor can make (issue 7, item 3). Frozen: change the schema with a new file.
// - staff_certificates: each person's role, status and Ed25519 public key, signed by an admin and
//   rooted in the founding admin's self-signed certificate (row 1). Append-only, hash-chained.
// - checkpoints: a person's signature over the heads of the journal, the audit log and the
//   certificates at one moment (sign-in, lock, sign-out, the end of a bulk job, every few
//   minutes). Append-only, hash-chained, so a checkpoint taken out of the middle is seen. The
//   opening and closing ones bracket each session, so rows in the name of someone who was not
//   signed in are seen too.
// Ids are assigned 1..n by the writer, like the audit log's, so a gap names the row after it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff_certificates')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role IN ('admin','teller','finance','auditor')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('active','disabled')`))
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('issuer_certificate_id', 'integer')
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_certificates_username').on('staff_certificates').columns(['username', 'id']).execute();

  await db.schema
    .createTable('checkpoints')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('signer', 'text', (c) => c.notNull())
    // The id of the session's opening checkpoint (its own, for an opening one).
    .addColumn('session', 'integer', (c) => c.notNull())
    .addColumn('certificate_id', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('journal_id', 'integer', (c) => c.notNull())
    .addColumn('journal_hash', 'text', (c) => c.notNull())
    .addColumn('audit_id', 'integer', (c) => c.notNull())
    .addColumn('audit_hash', 'text', (c) => c.notNull())
    .addColumn('certificates_id', 'integer', (c) => c.notNull())
    .addColumn('certificates_hash', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();

  // Append-only, like the journal: a slip in Paydesk's own code cannot rewrite a signed row.
  for (const table of ['staff_certificates', 'checkpoints']) {
    for (const event of ['UPDATE', 'DELETE']) {
      await sql.raw(`CREATE TRIGGER ${table}_no_${event.toLowerCase()} BEFORE ${event} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} are append-only'); END`).execute(db);
    }
  }
}
