import type { CheckpointRow } from './checkpoints';
import { CLOSING_REASONS } from './checkpoints';

// Sessions as the checkpoints bracket them: from an opening checkpoint to the closing one of the
// same session (or on, for a session still open or ended by a crash). A row in someone's name
// must fall inside one of their sessions; otherwise someone else wrote it in their name.

/** Where a session starts and ends in one chain's ids: it holds the rows in (from, to]. */
export interface Span {
  from: number;
  to: number;
}

interface OpenSession {
  signer: string;
  audit: Span;
  journal: Span;
}

/** Each signer's sessions, in the audit log's ids and the journal's; `fault` names a checkpoint in a session not its own. */
export function sessionsOf(checkpoints: readonly CheckpointRow[]): { bySigner: Map<string, OpenSession[]>; fault: CheckpointRow | null } {
  const sessions = new Map<number, OpenSession>();
  const bySigner = new Map<string, OpenSession[]>();
  for (const row of checkpoints) {
    if (row.reason === 'open') {
      if (row.session !== row.id) return { bySigner, fault: row };
      const session = { signer: row.signer, audit: { from: row.audit_id, to: Infinity }, journal: { from: row.journal_id, to: Infinity } };
      sessions.set(row.id, session);
      bySigner.set(row.signer, [...(bySigner.get(row.signer) ?? []), session]);
      continue;
    }
    const session = sessions.get(row.session);
    if (!session || session.signer !== row.signer || session.audit.to !== Infinity) return { bySigner, fault: row };
    if (CLOSING_REASONS.includes(row.reason as never)) {
      session.audit.to = row.audit_id;
      session.journal.to = row.journal_id;
    }
  }
  return { bySigner, fault: null };
}

/** The union of spans, sorted and merged, for a membership test by binary search. */
export class Coverage {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(spans: readonly Span[]) {
    for (const span of [...spans].sort((a, b) => a.from - b.from)) {
      const last = this.ends.length - 1;
      if (last >= 0 && span.from <= this.ends[last]!) this.ends[last] = Math.max(this.ends[last]!, span.to);
      else {
        this.starts.push(span.from);
        this.ends.push(span.to);
      }
    }
  }

  /** Whether `id` lies in (from, to] of some span. */
  covers(id: number): boolean {
    let low = 0;
    let high = this.starts.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.starts[middle]! < id) low = middle + 1;
      else high = middle - 1;
    }
    // `high` is the last span starting before `id`.
    return high >= 0 && id <= this.ends[high]!;
  }
}
