import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../../src-main/api/router';
import { placeHold, postBulk, postHold, systemAccount } from '../../src-main/ledger';
import { journalQueryPlans, type JournalFilter } from '../../src-main/ledger/journal-browse';
import type { ChannelInput } from '../../src-shared/contract';
import { JOURNAL_COUNT_CAP } from '../../src-shared/contract/journal';
import { ADMIN, TELLER, ok, tempDataDir } from '../support/temp-data';
import { FINANCE, addMember, nextKey, paymentsEarnNoPoints, snapshot } from './members-fixtures';

// Issue 8, the journal browser: every transfer, newest first, filtered by account, member, kind,
// actor, time and amount, through the real router on a real encrypted database; and one transfer
// opened with its legs, what it is linked to, its receipt and its link in the hash chain.

const routers: Router[] = [];
afterEach(() => {
  while (routers.length) routers.pop()!.close();
});

type Book = Awaited<ReturnType<typeof journalBook>>;

/** One book for the tests that only read (each book costs three scrypt derivations and six sign-ins). */
function sharedBook(): () => Book {
  let book: Book | undefined;
  beforeAll(async () => {
    book = await journalBook();
    routers.pop();
  });
  afterAll(() => book?.router.close());
  return () => book!;
}

const PEOPLE = { admin: ADMIN, teller: TELLER, finance: FINANCE };

async function signInAs(router: Router, who: keyof typeof PEOPLE) {
  await ok(router, 'session.lock', {});
  await ok(router, 'session.unlock', { username: PEOPLE[who].username, passphrase: PEOPLE[who].passphrase });
}

/**
 * Nine transfers over five days, by three people:
 * 1 deposit Zhang 500.00 (tina, Mar 1)     2 deposit Li 200.00 (tina, Mar 1)
 * 3 payment Zhang 100.00 + 4 its fee, linked (tina, Mar 2)
 * 5 transfer Zhang → Li 50.00 (tina, Mar 3) 6 withdrawal Zhang 20.00 (tina, Mar 3)
 * 7 reversal of 6 (fiona, Mar 4)
 * 8 card hold on Zhang's wallet 30.00 and 9 its post of 20.00 (admin, Mar 5)
 */
async function journalBook() {
  let now = new Date('2026-03-01T09:00:00.000Z');
  const router = createRouter({ dataDir: tempDataDir(), clock: () => now });
  routers.push(router);
  await ok(router, 'setup.init', ADMIN);
  await paymentsEarnNoPoints(router);
  await ok(router, 'staff.add', TELLER);
  await ok(router, 'staff.add', FINANCE);
  const zhang = await addMember(router, { name: '张三' });
  const li = await addMember(router, { name: '李四' });
  await signInAs(router, 'teller');
  const deposit = await ok(router, 'wallets.deposit', { memberId: zhang.id, amount: 50_000, currency: 'CNY', idempotencyKey: nextKey() });
  await ok(router, 'wallets.deposit', { memberId: li.id, amount: 20_000, currency: 'CNY', idempotencyKey: nextKey() });
  now = new Date('2026-03-02T09:00:00.000Z');
  const payment = await ok(router, 'wallets.pay', { memberId: zhang.id, amount: 10_000, currency: 'CNY', merchant: 'Tea House', idempotencyKey: nextKey() });
  now = new Date('2026-03-03T09:00:00.000Z');
  await ok(router, 'wallets.transfer', { fromMemberId: zhang.id, toMemberId: li.id, amount: 5_000, currency: 'CNY', idempotencyKey: nextKey() });
  const withdrawal = await ok(router, 'wallets.withdraw', { memberId: zhang.id, amount: 2_000, currency: 'CNY', idempotencyKey: nextKey() });
  await signInAs(router, 'finance');
  now = new Date('2026-03-04T09:00:00.000Z');
  const reversal = await ok(router, 'wallets.reverse', { transferId: withdrawal.transferIds[0]!, reason: 'keyed twice', idempotencyKey: nextKey() });
  await signInAs(router, 'admin');
  now = new Date('2026-03-05T09:00:00.000Z');
  const store = router.state.requireStore();
  const wallet = deposit.transferIds[0]!;
  const zhangWallet = (await ok(router, 'ledger.transfer', { id: wallet })).creditAccount.id;
  const merchant = systemAccount(store, 'merchant_settlement', 'CNY').id;
  const hold = placeHold(store, { idempotencyKey: 'auth-1', debitAccountId: zhangWallet, creditAccountId: merchant, amount: 3_000, kind: 'card_auth', actor: 'admin', at: now });
  postHold(store, { holdId: hold.id, amount: 2_000, idempotencyKey: 'capture-1', actor: 'admin', at: now });
  return { router, zhang, li, payment, withdrawal, reversal };
}

type JournalInput = ChannelInput<'ledger.journal'>;

async function ids(router: Router, input: JournalInput = {}) {
  return (await ok(router, 'ledger.journal', input)).rows.map((row) => row.id);
}

async function refusal(router: Router, channel: 'ledger.journal', input: JournalInput) {
  const answer = await router.invoke(channel, input);
  if (answer.ok) throw new Error(`${channel} answered ok`);
  return answer.error;
}

describe('ledger.journal', () => {
  const read = sharedBook();

  it('lists every transfer newest first, naming each account (a wallet by its member), with an exact total', async () => {
    const { router, zhang } = read();
    const page = await ok(router, 'ledger.journal', {});
    expect(page.rows.map((row) => row.id)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(page).toMatchObject({ total: 9, totalExact: true });
    const wallet = page.accounts.find((account) => account.member?.id === zhang.id);
    expect(wallet).toMatchObject({ ownerType: 'member', currency: 'CNY', member: { memberNumber: zhang.memberNumber, name: '张三' } });
    expect(page.accounts.find((account) => account.code === '1000-CNY')).toMatchObject({ systemRole: 'branch_cash', member: null });
  });

  it('filters by account code: branch cash moved on the deposits, the withdrawal and its reversal', async () => {
    const { router } = read();
    expect(await ids(router, { accountCode: '1000-CNY' })).toEqual([7, 6, 2, 1]);
    expect(await ids(router, { accountCode: '4000-CNY' })).toEqual([4]);
  });

  it('filters by member number, typed with spaces, over all their wallets; with an account, only what passed between them', async () => {
    const { router, zhang, li } = read();
    const spaced = `${zhang.memberNumber.slice(0, 4)} ${zhang.memberNumber.slice(4)}`;
    expect(await ids(router, { memberNumber: spaced })).toEqual([9, 8, 7, 6, 5, 4, 3, 1]);
    expect(await ids(router, { memberNumber: li.memberNumber })).toEqual([5, 2]);
    expect(await ids(router, { memberNumber: zhang.memberNumber, accountCode: '1000-CNY' })).toEqual([7, 6, 1]);
  });

  it('filters by kind and by the person who posted', async () => {
    const { router } = read();
    expect(await ids(router, { kind: 'fee' })).toEqual([4]);
    expect(await ids(router, { kind: 'card_auth' })).toEqual([9, 8]);
    expect(await ids(router, { actor: 'fiona' })).toEqual([7]);
    expect(await ids(router, { actor: 'admin' })).toEqual([9, 8]);
    expect(await ids(router, { actor: 'tina', kind: 'deposit' })).toEqual([2, 1]);
  });

  it('filters by a time window, both ends included', async () => {
    const { router } = read();
    expect(await ids(router, { from: '2026-03-02T00:00:00.000Z', to: '2026-03-03T23:59:59.999Z' })).toEqual([6, 5, 4, 3]);
    expect(await ids(router, { from: '2026-03-04T09:00:00.000Z' })).toEqual([9, 8, 7]);
    expect(await ids(router, { to: '2026-03-01T09:00:00.000Z' })).toEqual([2, 1]);
  });

  it('filters by an amount range typed in major units of the chosen currency, both ends included', async () => {
    const { router } = read();
    expect(await ids(router, { currency: 'CNY', minAmount: '20', maxAmount: '50.00' })).toEqual([9, 8, 7, 6, 5]);
    expect(await ids(router, { currency: 'CNY', minAmount: '1,000' })).toEqual([]);
    expect(await ids(router, { currency: 'CNY', minAmount: '200', kind: 'deposit' })).toEqual([2, 1]);
    expect(await ids(router, { currency: 'CNY', maxAmount: '20', kind: 'withdrawal' })).toEqual([6]);
    expect(await ids(router, { currency: 'PTS' })).toEqual([]);
  });

  it('pages by offset and by the last id seen, the total staying that of the whole filter', async () => {
    const { router, zhang } = read();
    expect(await ok(router, 'ledger.journal', { limit: 3 })).toMatchObject({ total: 9, rows: [{ id: 9 }, { id: 8 }, { id: 7 }] });
    expect(await ids(router, { limit: 3, offset: 3 })).toEqual([6, 5, 4]);
    expect(await ok(router, 'ledger.journal', { limit: 3, beforeId: 4 })).toMatchObject({ total: 9, rows: [{ id: 3 }, { id: 2 }, { id: 1 }] });
    const member = { memberNumber: zhang.memberNumber, limit: 3 };
    expect(await ok(router, 'ledger.journal', { ...member, offset: 3 })).toMatchObject({ total: 8, rows: [{ id: 6 }, { id: 5 }, { id: 4 }] });
    expect(await ids(router, { ...member, beforeId: 4 })).toEqual([3, 1]);
    expect(await ids(router, { kind: 'card_auth', beforeId: 9 })).toEqual([8]);
  });

  it('counts up to the cap and then says "more than"; with other filters, "more than" what the bounded count found', async () => {
    const { router } = await journalBook();
    const store = router.state.requireStore();
    const cash = systemAccount(store, 'branch_cash', 'CNY').id;
    const equity = systemAccount(store, 'owner_equity', 'CNY').id;
    const reqs = Array.from({ length: JOURNAL_COUNT_CAP + 1 }, (_, index) => ({ idempotencyKey: `bulk-${index}`, debitAccountId: cash, creditAccountId: equity, amount: 1 + (index % 2), kind: 'capital', actor: 'admin' }));
    postBulk(store, reqs, { chunkSize: 5_000 });
    expect(await ok(router, 'ledger.journal', { kind: 'capital', limit: 1 })).toMatchObject({ total: JOURNAL_COUNT_CAP, totalExact: false, rows: [{ id: 9 + JOURNAL_COUNT_CAP + 1 }] });
    expect(await ok(router, 'ledger.journal', { limit: 1 })).toMatchObject({ total: 9 + JOURNAL_COUNT_CAP + 1, totalExact: true });
    expect(await ok(router, 'ledger.journal', { kind: 'fee' })).toMatchObject({ total: 1, totalExact: true });
    // Half of the newest 10,001 capital rows carry 0.02: the count stops there and says "at least 5,000".
    expect(await ok(router, 'ledger.journal', { kind: 'capital', currency: 'CNY', minAmount: '0.02', limit: 1 })).toMatchObject({ total: 5_000, totalExact: false });
    expect(await ok(router, 'ledger.journal', { accountCode: '3000-CNY', currency: 'CNY', minAmount: '0.02', limit: 1 })).toMatchObject({ total: 5_000, totalExact: false });
    expect(await ok(router, 'ledger.journal', { accountCode: '4000-CNY', limit: 1 })).toMatchObject({ total: 1, totalExact: true });
    // Branch cash is now busy: a kind on it is read through the kind index, with the same answer.
    expect(await ids(router, { accountCode: '1000-CNY', kind: 'deposit' })).toEqual([2, 1]);
    expect(await ids(router, { accountCode: '1000-CNY', kind: 'withdrawal' })).toEqual([6]);
    expect(await ids(router, { accountCode: '1000-CNY', kind: 'capital', limit: 2, beforeId: 100 })).toEqual([99, 98]);
  });

  it('offers the kinds, actors and currencies the journal holds', async () => {
    const { router } = read();
    const facets = await ok(router, 'ledger.journalFacets', {});
    expect(facets.kinds).toEqual(['card_auth', 'deposit', 'fee', 'member_transfer', 'payment', 'reversal', 'withdrawal']);
    expect(facets.actors).toEqual(['admin', 'fiona', 'tina']);
    expect(facets.currencies).toContain('CNY');
  });

  it('reads every filter through an index: kind, actor, time and account never scan the journal', async () => {
    const { router } = read();
    const store = router.state.requireStore();
    const page = { offset: 0, limit: 50 };
    const expectations: [JournalFilter, string][] = [
      [{ kind: 'fee' }, 'transfers_kind'],
      [{ actor: 'tina', currency: 'CNY', minAmount: 1 }, 'transfers_actor'],
      [{ from: '2026-03-02T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z' }, 'transfers_created'],
      [{ accountIds: [1], kind: 'deposit' }, 'transfers_debit'],
      [{ accountIds: [1, 2], alsoTouching: [3] }, 'transfers_credit'],
    ];
    for (const [filter, index] of expectations) {
      const plans = journalQueryPlans(store, filter, page);
      expect(plans.join('\n')).toContain(index);
      expect(plans.filter((plan) => /^SCAN transfers\b/.test(plan) && !plan.includes('USING'))).toEqual([]);
    }
    // Equality filters read their index newest first: the journal's rows are never sorted, however
    // many match (an account's two sides are merged after each has read at most a page's worth).
    const sortsTheJournal = (plans: string[]) => plans.some((plan, index) => plan.startsWith('SEARCH transfers') && /TEMP B-TREE/.test(plans[index + 1] ?? ''));
    // A time window is read as the span of ids written in it, newest id first.
    const month = { from: '2026-03-01T00:00:00.000Z', to: '2026-03-31T23:59:59.999Z' };
    for (const filter of [{ kind: 'fee' }, { actor: 'tina' }, { accountIds: [1] }, month]) expect(sortsTheJournal(journalQueryPlans(store, filter, page))).toBe(false);
    expect(journalQueryPlans(store, month, page).join('\n')).not.toContain('TEMP B-TREE');
  });

  it('refuses a time range that ends before it starts, on `to`', async () => {
    const { router } = read();
    expect(await refusal(router, 'ledger.journal', { from: '2026-03-03T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' })).toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'to', reason: 'range_reversed' },
    });
  });

  it('refuses a largest amount below the smallest, on `maxAmount`, and an amount range without its currency, on `currency`', async () => {
    const { router } = read();
    expect(await refusal(router, 'ledger.journal', { currency: 'CNY', minAmount: '50', maxAmount: '20.5' })).toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'maxAmount', reason: 'range_reversed' },
    });
    expect(await refusal(router, 'ledger.journal', { minAmount: '50' })).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'currency', reason: 'amount_needs_currency' } });
  });

  it('refuses an amount that is not one in the currency with AMOUNT_INVALID naming the field', async () => {
    const { router } = read();
    expect(await refusal(router, 'ledger.journal', { currency: 'CNY', minAmount: 'abc' })).toMatchObject({ code: 'AMOUNT_INVALID', details: { field: 'minAmount', reason: 'not_a_number' } });
    expect(await refusal(router, 'ledger.journal', { currency: 'CNY', maxAmount: '1.005' })).toMatchObject({ code: 'AMOUNT_INVALID', details: { field: 'maxAmount', reason: 'too_many_decimals' } });
  });

  it('refuses an unknown account or member with its code, naming the field', async () => {
    const { router } = read();
    expect(await refusal(router, 'ledger.journal', { accountCode: '9999-CNY' })).toMatchObject({ code: 'ACCOUNT_NOT_FOUND', details: { field: 'accountCode' } });
    expect(await refusal(router, 'ledger.journal', { memberNumber: '999999999' })).toMatchObject({ code: 'MEMBER_NOT_FOUND', details: { field: 'memberNumber' } });
  });

  it('refuses a teller with FORBIDDEN on every journal channel, and changes nothing', async () => {
    const { router } = await journalBook();
    await signInAs(router, 'teller');
    const before = snapshot(router);
    for (const [channel, input] of [['ledger.journal', {}], ['ledger.journalFacets', {}], ['ledger.journalTransfer', { id: 1 }]] as const) {
      expect(await router.invoke(channel, input as never)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { permission: 'ledger.read' } } });
    }
    expect(snapshot(router)).toEqual(before);
  });

  it('lets an auditor browse', async () => {
    const { router } = await journalBook();
    const auditor = { username: 'audrey', displayName: 'Audrey Auditor', role: 'auditor' as const, passphrase: 'auditor passphrase 2026' };
    await ok(router, 'staff.add', auditor);
    await ok(router, 'session.lock', {});
    await ok(router, 'session.unlock', { username: auditor.username, passphrase: auditor.passphrase });
    expect(await ids(router, { kind: 'fee' })).toEqual([4]);
  });
});

describe('ledger.journalTransfer', () => {
  const read = sharedBook();

  it('opens a payment with its linked fee and its receipt, and the fee with its payment', async () => {
    const { router, payment, zhang } = read();
    const opened = await ok(router, 'ledger.journalTransfer', { id: 3 });
    expect(opened).toMatchObject({
      transfer: { id: 3, kind: 'payment', amount: 10_000, actor: 'tina' },
      debitAccount: { member: { id: zhang.id } },
      creditAccount: { systemRole: 'merchant_settlement' },
      related: [{ relation: 'linked', transfer: { id: 4, kind: 'fee', amount: payment.fee } }],
      receipt: { receiptNumber: payment.receiptNumber, operation: 'payment' },
    });
    expect((await ok(router, 'ledger.journalTransfer', { id: 4 })).related).toMatchObject([{ relation: 'linked', transfer: { id: 3 } }]);
  });

  it('opens a withdrawal with the reversal that undid it, and the reversal with what it undid', async () => {
    const { router, withdrawal, reversal } = read();
    expect(await ok(router, 'ledger.journalTransfer', { id: 6 })).toMatchObject({
      related: [{ relation: 'reversal', transfer: { id: 7, actor: 'fiona' } }],
      receipt: { receiptNumber: withdrawal.receiptNumber },
    });
    expect(await ok(router, 'ledger.journalTransfer', { id: 7 })).toMatchObject({
      transfer: { state: 'reversal', memo: 'keyed twice' },
      related: [{ relation: 'reverses', transfer: { id: 6 } }],
      receipt: { receiptNumber: reversal.receiptNumber, operation: 'reversal' },
    });
  });

  it('opens a hold with the post that resolved it, and the post with its hold; neither has a receipt', async () => {
    const { router } = read();
    expect(await ok(router, 'ledger.journalTransfer', { id: 8 })).toMatchObject({
      transfer: { state: 'pending', amount: 3_000 },
      related: [{ relation: 'resolution', transfer: { id: 9, state: 'post_pending', amount: 2_000 } }],
      receipt: null,
    });
    expect((await ok(router, 'ledger.journalTransfer', { id: 9 })).related).toMatchObject([{ relation: 'hold', transfer: { id: 8 } }]);
  });

  it('shows its place in the hash chain: its sequence, its hash recomputed and the previous row\'s hash both matching', async () => {
    const { router } = read();
    const first = await ok(router, 'ledger.journalTransfer', { id: 1 });
    expect(first.chain).toMatchObject({ sequence: 1, prevHash: '0'.repeat(64), hashMatches: true, previousMatches: true });
    const eighth = await ok(router, 'ledger.journalTransfer', { id: 8 });
    const ninth = await ok(router, 'ledger.journalTransfer', { id: 9 });
    expect(ninth.chain).toEqual({ sequence: 9, prevHash: eighth.chain.hash, hash: ninth.transfer.hash, hashMatches: true, previousMatches: true });
  });

  it('shows a row edited behind the ledger\'s back as a broken link, and the row after it still linked to the stored hash', async () => {
    const { router } = await journalBook();
    const { sqlite } = router.state.requireStore();
    sqlite.exec('DROP TRIGGER transfers_no_update');
    sqlite.prepare('UPDATE transfers SET amount = 1 WHERE id = 5').run();
    expect((await ok(router, 'ledger.journalTransfer', { id: 5 })).chain).toMatchObject({ hashMatches: false, previousMatches: true });
    expect((await ok(router, 'ledger.journalTransfer', { id: 6 })).chain).toMatchObject({ hashMatches: true, previousMatches: true });
    sqlite.prepare("UPDATE transfers SET prev_hash = 'x' WHERE id = 6").run();
    expect((await ok(router, 'ledger.journalTransfer', { id: 6 })).chain).toMatchObject({ hashMatches: false, previousMatches: false });
  });

  it('refuses an unknown transfer with TRANSFER_NOT_FOUND', async () => {
    const { router } = read();
    expect(await router.invoke('ledger.journalTransfer', { id: 99 })).toMatchObject({ ok: false, error: { code: 'TRANSFER_NOT_FOUND', details: { field: 'id' } } });
  });
});
