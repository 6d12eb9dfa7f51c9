import type { Verifier } from '../integrity/verifier';
import { failed, passed } from '../integrity/verifier';
import type { JobsTable } from './tables';

// The jobs table holds the checkpoints of durable jobs: how far crash-safe work got. The work
// itself lands in the tables of the job's domain, each covered by its own check. What verify
// holds a job row to:
// - its kind is one this build runs (registry DURABLE_JOB_KINDS; none yet, so today the table
//   is empty, and any row put there is named);
// - its state and its end agree: a running job has no end, a done one a result, a failed or
//   cancelled one an error; done never exceeds total; its times run in order.
// A row's parameters, checkpoint and result are tied to nothing yet. The first durable kind
// (payout execution) is to audit its start and its end in the job's own transactions, and this
// check then to compare each row with them.

function differs(row: JobsTable, kinds: ReadonlySet<string>): string | null {
  if (!kinds.has(row.kind)) return `kind ${row.kind} is not one this build runs`;
  const ended = row.finished_at !== null;
  const shape = row.state === 'running' ? !ended && row.result_json === null && row.error_json === null
    : row.state === 'done' ? ended && row.result_json !== null && row.error_json === null
    : ended && row.error_json !== null;
  if (!shape) return `state ${row.state} does not agree with its end`;
  if (row.done < 0 || (row.total !== null && row.done > row.total)) return `done ${row.done} of ${row.total}`;
  if (row.updated_at < row.started_at || (ended && row.finished_at! < row.updated_at)) return 'times out of order';
  return null;
}

/** Durable job rows, given the kinds this build runs. */
export function durableJobsVerifier(kinds: readonly { kind: string }[]): Verifier {
  const known = new Set(kinds.map((k) => k.kind));
  return {
    domain: 'jobs',
    run(store) {
      const rows = store.sqlite.prepare('SELECT * FROM jobs ORDER BY started_at, id').all() as JobsTable[];
      const counts = { jobs: rows.length };
      for (const row of rows) {
        const why = differs(row, known);
        if (why) return { checks: [failed('jobs.rows', `job ${row.id}: ${why}`, counts, 'jobs', row.id)] };
      }
      return { checks: [passed('jobs.rows', `${rows.length} durable jobs, each of a kind this build runs and as its state says`, counts)] };
    },
  };
}
