import { postTransfer } from '../src-main/ledger';
import { elapsedMs, openWallets, rawCommitsPerSecond, round, transferStream, withSignedInAdmin, withTempStore, type Bench, type Desk } from './support';

// ledger.post.single: one transfer per durable commit (synchronous=FULL), as a person signed in
// to a set-up folder posts them, with what the router adds to every call: the role from their
// certificate before it, and after it an interval checkpoint if one is due. Beside it,
// floor.commit.single: one raw row per durable commit in the same store settings, which is what
// the disk's fsync allows at best.
const TRANSFERS = 3_000;

function engineCommits(desk: Desk): number {
  const book = openWallets(desk.store, 1_000);
  const reqs = transferStream(book, TRANSFERS, 11, 'single', desk.actor);
  const start = process.hrtime.bigint();
  for (const req of reqs) desk.call(new Date(), () => postTransfer(desk.store, req));
  return TRANSFERS / (elapsedMs(start) / 1000);
}

const bench: Bench = {
  name: 'ledger.post.single',
  async run(emit) {
    const floor = await withTempStore((store) => rawCommitsPerSecond(store, TRANSFERS));
    const engine = await withSignedInAdmin(engineCommits);
    emit({ bench: 'ledger.post.single', value: round(engine, 0), unit: 'transfers/s', goal: 2_000, higher: true });
    emit({ bench: 'floor.commit.single', value: round(floor, 0), unit: 'commits/s' });
  },
};
export default bench;
