import { postTransfer } from '../src-main/ledger';
import { elapsedMs, openWallets, round, transferStream, withTempStore, type Bench } from './support';

// ledger.post.single: one transfer per durable commit (synchronous=FULL), as a teller posts them.
const TRANSFERS = 5_000;

const bench: Bench = {
  name: 'ledger.post.single',
  run: (emit) =>
    withTempStore((store) => {
      const book = openWallets(store, 1_000);
      const reqs = transferStream(book, TRANSFERS, 11, 'single');
      const start = process.hrtime.bigint();
      for (const req of reqs) postTransfer(store, req);
      const seconds = elapsedMs(start) / 1000;
      emit({ bench: 'ledger.post.single', value: round(TRANSFERS / seconds, 0), unit: 'transfers/s', goal: 2_000, higher: true });
    }),
};
export default bench;
