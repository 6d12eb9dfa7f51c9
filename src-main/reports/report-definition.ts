import type { ReportColumn, ReportParams, ReportRow } from '../../src-shared/contract/reports';
import type { ReportId } from '../../src-shared/reports/report-access';
import type { Role } from '../../src-shared/permissions';
import type { Store } from '../store/store';
import type { Signer } from '../trust/signer';

// A report is a list of sections; each section is a table whose rows are read lazily, so the
// preview takes the first rows and an export streams every row with bounded memory.

export interface ReportContext {
  /** A store to read; exports pass a read-only snapshot of their own (see report-snapshot.ts). */
  store: Store;
  params: ReportParams;
  now: Date;
  viewer: { username: string; role: Role };
  /** Reports that sign what they state (the verification certificate) sign as the viewer. */
  signer: Signer;
}

export interface SectionSource {
  id: string;
  columns: ReportColumn[];
  /** Rows in the whole section, known before they are read: exports report done/total with it. */
  count(): number;
  rows(): Iterable<ReportRow>;
}

export interface OpenedReport {
  /** The parameters as the report understood them, defaults filled in, as the header states them. */
  parameters: Record<string, string>;
  sections: SectionSource[];
}

export interface ReportDefinition {
  id: ReportId;
  /** Checks the parameters (coded errors: unknown member, future date…) and opens the sections. */
  open(ctx: ReportContext): OpenedReport;
  /**
   * Checks the parameters without reading the report, before an export's job starts. Without it
   * the report is opened once to check them, which costs little for every report but one: the
   * verification certificate's open() runs verify.
   */
  check?(ctx: ReportContext): void;
}

/** A section whose rows are already in memory (small tables: totals, buckets, checks). */
export function sectionOf(id: string, columns: ReportColumn[], rows: readonly ReportRow[]): SectionSource {
  return { id, columns, count: () => rows.length, rows: () => rows };
}
