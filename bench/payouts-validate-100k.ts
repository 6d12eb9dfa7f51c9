import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { luhnCheckDigit } from '../src-shared/luhn';
import { memberNumberFor } from '../src-shared/member-number';
import { linkBankCard } from '../src-main/cards/bank-cards';
import { samplePeople, seededRandom } from '../src-main/demo/sample-people';
import { createMembers, freezeMember } from '../src-main/members/member-service';
import { importPayoutFile, validatePayoutFile } from '../src-main/payouts/import-batch';
import { createStore, openStore, type Store } from '../src-main/store/store';
import { elapsedMs, round, type Bench } from './support';

// payouts.validate.100k: a 100,000-row payout file parsed and validated against 100,000 members
// through validatePayoutFile, the router's payouts.validate (decode, papaparse, every row's checks
// and lookups, the possible duplicates, the report). The file is what finance sends: a fifth of
// the rows to members' bank cards, a third with Chinese notes (some with commas, so quoted), a
// fifth of the amounts with thousands groups, and about 3% of the rows with problems — unknown or
// frozen members, bad amounts, references repeated or used by an earlier batch, members with no
// card, long notes, formulas. The store (made once, through the member, bank card and payout
// services) also holds 10,000 linked bank cards and an earlier 1,000-row batch.
// Each round runs in a child process that opens the store, reads the file, and validates it once,
// cold, as the first validation after a sign-in would: the time is that call's, and
// payouts.validate.100k.rss_mb is the child's peak resident set (process.resourceUsage().maxRSS,
// which counts Node, the loaded code, SQLite's page cache and the file and report). The best
// time of the rounds counts; the memory is the highest peak of them.

export const PAYEES = 100_000;
const ROWS = 100_000;
const ROUNDS = 3;
const EARLIER_ROWS = 1_000;
const CARD_EVERY = 10;
const FROZEN_EVERY = 500;

export interface Payees {
  /** Member numbers in the order the members were registered. */
  numbers: string[];
  /** Positions in `numbers` of the members with a default bank card: every CARD_EVERY-th. */
  withCard: number[];
}

function panFor(index: number): string {
  const body = `621700${String(index).padStart(9, '0')}`;
  return `${body}${luhnCheckDigit(body)}`;
}

/**
 * PAYEES members (every FROZEN_EVERY-th frozen when `frozen`), every CARD_EVERY-th with a linked
 * bank card, registered through the services in big commits.
 */
export function registerPayees(store: Store, actor: string, now: Date, frozen: boolean): Payees {
  const people = samplePeople(seededRandom(11), PAYEES);
  const members = createMembers(store, actor, people.map((member) => ({ member, at: now })), 5_000);
  const withCard = members.map((_, index) => index).filter((index) => index % CARD_EVERY === 0);
  for (let first = 0; first < withCard.length; first += 2_000) {
    store.sqlite.transaction(() => {
      for (const index of withCard.slice(first, first + 2_000)) {
        linkBankCard(store, actor, { memberId: members[index]!.id, pan: panFor(index), holderName: people[index]!.name, expiry: '12/30', makeDefault: false }, now);
      }
    })();
  }
  if (frozen) {
    store.sqlite.transaction(() => {
      for (let index = FROZEN_EVERY - 1; index < members.length; index += FROZEN_EVERY) freezeMember(store, actor, members[index]!.id, 'Bench: under review', now);
    })();
  }
  return { numbers: members.map((member) => member.member_number), withCard };
}

const NOTES = ['十二月佣金', '退款', '推荐奖励 第三季度', '年终奖金（含补贴）', '门店返利，请查收', 'December commission', 'Refund, order 88123'];
const BAD_AMOUNTS = ['1.234,50', '-20.00', '12.345', '100.', '.5', '¥100', '1e3', '1 000', '0'];

function quoted(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function amountText(minor: number, grouped: boolean): string {
  const units = Math.floor(minor / 100);
  const text = grouped ? units.toLocaleString('en-US') : String(units);
  return `${text}.${String(minor % 100).padStart(2, '0')}`;
}

/**
 * A payout file of `rows` rows (comma, CRLF, RFC 4180 quoting). With `problems`, about 3% of the
 * rows carry one; without, every row is payable (members active, cards where the row says so).
 */
export function payoutCsv(payees: Payees, rows: number, seed: number, problems: boolean, referencePrefix = 'PO-2612'): string {
  const random = seededRandom(seed);
  const lines = ['reference,member_no,amount,currency,destination,note'];
  for (let index = 0; index < rows; index += 1) {
    const toCard = random() < 0.2;
    const payee = toCard ? payees.withCard[Math.floor(random() * payees.withCard.length)]! : Math.floor(random() * payees.numbers.length);
    const row = {
      reference: `${referencePrefix}-${String(index + 1).padStart(6, '0')}`,
      member: payees.numbers[payee]!,
      amount: amountText(100 + Math.floor(random() * 499_900), random() < 0.2),
      currency: random() < 0.5 ? 'CNY' : '',
      destination: toCard ? 'bank_card' : random() < 0.5 ? 'wallet' : '',
      note: random() < 0.35 ? `${NOTES[Math.floor(random() * NOTES.length)]!} ${index % 97}` : '',
    };
    const roll = problems ? random() * 1_000 : 1_000;
    if (roll < 3) row.amount = '';
    else if (roll < 7) row.amount = BAD_AMOUNTS[index % BAD_AMOUNTS.length]!;
    else if (roll < 8) row.amount = '60,000.00';
    else if (roll < 11) row.member = memberNumberFor(PAYEES + 1 + index);
    else if (roll < 13 && index > 0) row.reference = `${referencePrefix}-${String(index).padStart(6, '0')}`;
    else if (roll < 15) row.reference = `EARLIER-${String(index % EARLIER_ROWS + 1).padStart(6, '0')}`;
    else if (roll < 16) row.currency = 'USD';
    else if (roll < 17) row.note = '年终奖金'.repeat(40);
    else if (roll < 18) row.note = '=HYPERLINK("http://example.com")';
    else if (roll < 19) row.destination = 'paypal';
    else if (roll < 21) {
      row.destination = 'bank_card';
      row.member = payees.numbers[payee % CARD_EVERY === 0 ? payee + 1 : payee]!;
    }
    lines.push([row.reference, row.member, row.amount, row.currency, row.destination, row.note].map(quoted).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

interface ChildReport {
  ms: number;
  rssMb: number;
  baselineMb: number;
  errors: number;
  warnings: number;
}

/** One round in a child process: open the store, read the file, validate it once. */
async function childRound(): Promise<void> {
  const [dataDir, file] = [process.env.PAYDESK_BENCH_DIR!, process.env.PAYDESK_BENCH_FILE!];
  const store = await openStore(dataDir, Buffer.from(process.env.PAYDESK_BENCH_KEY!, 'hex'));
  const bytes = readFileSync(file);
  const baselineMb = process.resourceUsage().maxRSS / 1024;
  const start = process.hrtime.bigint();
  const report = validatePayoutFile(store, { fileName: 'december.csv', bytes, currency: 'CNY' }, new Date());
  const ms = elapsedMs(start);
  const rssMb = process.resourceUsage().maxRSS / 1024;
  store.close();
  const out: ChildReport = { ms, rssMb, baselineMb, errors: report.totals.error, warnings: report.totals.warning };
  process.stdout.write(JSON.stringify(out));
}

function runChild(dataDir: string, file: string, key: string): ChildReport {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    encoding: 'utf8',
    env: { ...process.env, PAYDESK_BENCH_CHILD: 'payouts.validate', PAYDESK_BENCH_DIR: dataDir, PAYDESK_BENCH_FILE: file, PAYDESK_BENCH_KEY: key },
  });
  if (child.status !== 0) throw new Error(`payouts.validate child failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as ChildReport;
}

/** The store, made once and closed, for the children to open; answers its master key in hex. */
async function prepareFolder(dataDir: string, file: string): Promise<string> {
  const masterKey = randomBytes(32);
  const store = await createStore(dataDir, masterKey);
  try {
    const now = new Date();
    const start = process.hrtime.bigint();
    const payees = registerPayees(store, 'bench', now, true);
    const earlier = payoutCsv(payees, EARLIER_ROWS, 5, false, 'EARLIER');
    importPayoutFile(store, 'bench', { fileName: 'november.csv', bytes: Buffer.from(earlier), currency: 'CNY' }, now);
    writeFileSync(file, payoutCsv(payees, ROWS, 17, true));
    process.stderr.write(`bench: ${PAYEES} members, ${payees.withCard.length} bank cards, an earlier batch in ${round(elapsedMs(start) / 1000, 1)} s\n`);
  } finally {
    store.close();
  }
  return masterKey.toString('hex');
}

const bench: Bench = {
  name: 'payouts.validate.100k',
  async run(emit) {
    const dataDir = mkdtempSync(join(tmpdir(), 'paydesk-bench-'));
    try {
      const file = join(dataDir, 'december.csv');
      const key = await prepareFolder(dataDir, file);
      const reports: ChildReport[] = [];
      for (let i = 0; i < ROUNDS; i += 1) reports.push(runChild(dataDir, file, key));
      const best = Math.min(...reports.map((report) => report.ms));
      const rss = Math.max(...reports.map((report) => report.rssMb));
      const { errors, warnings, baselineMb } = reports[0]!;
      process.stderr.write(`bench: ${ROWS} rows, ${errors} with errors, ${warnings} with warnings; rounds ${reports.map((r) => round(r.ms, 0)).join(', ')} ms; peak RSS ${round(baselineMb, 0)} MB before validating\n`);
      emit({ bench: 'payouts.validate.100k', value: round(best, 0), unit: 'ms', goal: 1_000 });
      emit({ bench: 'payouts.validate.100k.rss_mb', value: round(rss, 0), unit: 'MB', goal: 300 });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
export default bench;

if (process.env.PAYDESK_BENCH_CHILD === 'payouts.validate') await childRound();
