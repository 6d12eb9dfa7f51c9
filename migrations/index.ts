import type { Migration } from 'kysely/migration';
import * as foundation from './0001_foundation';
import * as ledger from './0002_ledger';
import * as members from './0003_members';
import * as jobs from './0004_jobs';
import * as trust from './0005_trust';
import * as counterDay from './0006_counter_day';
import * as journalBrowse from './0007_journal_browse';
import * as memberBalance from './0008_member_balance';
import * as receiptApprover from './0009_receipt_approver';
import * as points from './0010_points';
import * as pointsQualifying from './0011_points_qualifying';
import * as cards from './0012_cards';
import * as payouts from './0013_payouts';
import * as dashboard from './0014_dashboard';

/**
 * Every migration, in order, bundled at build time (no readdir of .ts files at run time, so the
 * same list works in the electron-vite bundle, the CLI and vitest).
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_ledger': ledger,
  '0003_members': members,
  '0004_jobs': jobs,
  '0005_trust': trust,
  '0006_counter_day': counterDay,
  '0007_journal_browse': journalBrowse,
  '0008_member_balance': memberBalance,
  '0009_receipt_approver': receiptApprover,
  '0010_points': points,
  '0011_points_qualifying': pointsQualifying,
  '0012_cards': cards,
  '0013_payouts': payouts,
  '0014_dashboard': dashboard,
};

export const MIGRATION_NAMES = Object.keys(MIGRATIONS).sort();
export const LATEST_SCHEMA_VERSION = MIGRATION_NAMES.length;
