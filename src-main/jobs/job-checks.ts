import type { Verifier } from '../integrity/verifier';
import { failed, passed } from '../integrity/verifier';
import type { Store } from '../store/store';
import type { DurableJobKind } from './durable-jobs';
import type { JobsTable } from './tables';

// The jobs table holds the checkpoints of durable jobs: how far crash-safe work got. The work
// itself lands in the tables of the job's domain, each covered by its own check. What verify
// holds a job row to:
// - its kind is one this build runs (registry DURABLE_JOB_KINDS), and any other row is named;
// - its state and its end agree: a running job has no end, a done one a result, a failed or
//   cancelled one an error; done never exceeds total; its times run in order;
// - its parameters and result agree with what its domain audited in the job's own transactions
//   (each kind's rowFault: payout execution compares the batch's audited start and end).

function differs(store: Store, row: JobsTable, kinds: ReadonlyMap<string, DurableJobKind<unknown, unknown>>): string | null {
  const kind = kinds.get(row.kind);
  if (!kind) return `kind ${row.kind} is not one this build runs`;
  const ended = row.finished_at !== null;
  const shape = row.state === 'running' ? !ended && row.result_json === null && row.error_json === null
    : row.state === 'done' ? ended && row.result_json !== null && row.error_json === null
    : ended && row.error_json !== null;
  if (!shape) return `state ${row.state} does not agree with its end`;
  if (row.done < 0 || (row.total !== null && row.done > row.total)) return `done ${row.done} of ${row.total}`;
  if (row.updated_at < row.started_at || (ended && row.finished_at! < row.updated_at)) return 'times out of order';
  return kind.rowFault(store, row);
}

/** Durable job rows, given the kinds this build runs. */
export function durableJobsVerifier(kinds: readonly DurableJobKind<unknown, unknown>[]): Verifier {
  const known = new Map(kinds.map((k) => [k.kind, k]));
  return {
    domain: 'jobs',
    run(store) {
      const rows = store.sqlite.prepare('SELECT * FROM jobs ORDER BY started_at, id').all() as JobsTable[];
      const counts = { jobs: rows.length };
      for (const row of rows) {
        const why = differs(store, row, known);
        if (why) return { checks: [failed('jobs.rows', `job ${row.id}: ${why}`, counts, 'jobs', row.id)] };
      }
      return { checks: [passed('jobs.rows', `${rows.length} durable jobs, each of a kind this build runs and as its state says`, counts)] };
    },
  };
}
