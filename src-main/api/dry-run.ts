import { contract, type ChannelName } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import type { Store } from '../store/store';

// One dry-run path for every previewable channel: the real handler runs, under the channel's
// own permission, inside a transaction that is always rolled back, and its answer (fee, balance
// after, what a redemption or an authorization would do) goes back in the channel's own shape.
// Audit rows, receipt numbers and idempotency keys written meanwhile vanish with the rollback.

/** Carries the answer out of the transaction; throwing it is what makes better-sqlite3 roll back. */
class RolledBack {
  constructor(readonly value: unknown) {}
}

/** Splits `dryRun` off a raw input; refuses it on a channel that cannot be previewed. */
export function takeDryRun(channel: ChannelName, rawInput: unknown): { dryRun: boolean; input: unknown } {
  if (rawInput === null || typeof rawInput !== 'object' || !('dryRun' in rawInput)) return { dryRun: false, input: rawInput };
  const { dryRun, ...input } = rawInput as { dryRun: unknown };
  if (typeof dryRun !== 'boolean') throw new AppError('INVALID_INPUT', 'dryRun: true or false.', { field: 'dryRun' });
  if (dryRun && !('previewable' in contract[channel])) throw new AppError('INVALID_INPUT', `${channel} cannot be dry-run.`, { field: 'dryRun' });
  return { dryRun, input };
}

/** Runs `work` (a synchronous handler call) and rolls back everything it wrote. */
export function runRolledBack(store: Store, work: () => unknown): unknown {
  try {
    store.sqlite
      .transaction(() => {
        const value = work();
        // A handler that awaits would commit its later writes outside this transaction.
        if (value instanceof Promise) throw new Error('runRolledBack: a previewable handler must be synchronous');
        throw new RolledBack(value);
      })
      .immediate();
  } catch (error) {
    if (error instanceof RolledBack) return error.value;
    throw error;
  }
  throw new Error('runRolledBack: the dry run committed instead of rolling back');
}
