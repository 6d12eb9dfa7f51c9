import type { Job } from '../../src-shared/contract/jobs';
import { queryBuilder } from '../store/sql';

/** A durable job's row (migration 0004): its parameters, its checkpoint and how far it got. */
export interface JobsTable {
  id: string;
  kind: string;
  state: Job['state'];
  params_json: string;
  checkpoint_json: string;
  done: number;
  total: number | null;
  result_json: string | null;
  error_json: string | null;
  started_by: string;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface JobsTables {
  jobs: JobsTable;
}

export const jobsSql = queryBuilder<JobsTables>();
