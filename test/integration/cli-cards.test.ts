import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../src-main/api/router';
import type { Authorization, BankCard, Card, CardProgram } from '../../src-shared/contract/cards';
import { isLuhnValid, luhnCheckDigit } from '../../src-shared/luhn';
import { ADMIN, TELLER, ok } from '../support/temp-data';
import { jsonOf, runCli } from '../support/cli';
import { addMember, nextKey } from './members-fixtures';
import { TEST_PROGRAM } from './cards-fixtures';

// `paydesk cards …` and `paydesk bank-cards …`, run as child processes on a real encrypted folder
// with one program and one member holding 1,000.00 CNY: the issue prints the number once, the
// terminal reads card details from standard input only, a decline exits 5 naming its code, and
// every other output shows numbers masked.

const AUDITOR = { username: 'audrey', displayName: 'Audrey', role: 'auditor' as const, passphrase: 'auditor passphrase 2026' };
const as = (person: { username: string; passphrase: string }) => ({ env: { PAYDESK_PASSPHRASE: person.passphrase }, args: ['--user', person.username] });

let dataDir: string;
let memberNumber: string;

const root = mkdtempSync(join(tmpdir(), 'paydesk-cli-cards-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(async () => {
  dataDir = join(root, 'data');
  const router = createRouter({ dataDir });
  await ok(router, 'setup.init', ADMIN);
  await ok(router, 'staff.add', TELLER);
  await ok(router, 'staff.add', AUDITOR);
  await ok(router, 'cards.createProgram', TEST_PROGRAM);
  const member = await addMember(router, { name: '持卡会员' });
  memberNumber = member.memberNumber;
  await ok(router, 'wallets.deposit', { memberId: member.id, amount: 100_000, currency: 'CNY', idempotencyKey: nextKey() });
  router.close();
}, 60_000);

function paydesk(person: { username: string; passphrase: string }, args: string[], input?: string) {
  const who = as(person);
  return runCli([...args, '--data', dataDir, ...who.args], who.env, input);
}

/** The error document a refused `--json` run prints. */
const errorCode = (run: { stdout: string }) => jsonOf<{ error: { code: string } }>(run as never).error.code;

interface Issued {
  id: number;
  pan: string;
  expiry: string;
  cvv: string;
  card: Card;
}

async function issue(): Promise<Issued> {
  const run = await paydesk(TELLER, ['cards', 'issue', memberNumber, '--program', TEST_PROGRAM.name, '--json']);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return jsonOf<Issued>(run);
}

async function cardCount(): Promise<number> {
  const run = await paydesk(AUDITOR, ['cards', 'list', '--json']);
  return jsonOf<{ total: number }>(run).total;
}

describe('paydesk cards', () => {
  it('lists the programs with BIN, length and currency', async () => {
    const run = await paydesk(AUDITOR, ['cards', 'programs', '--json']);
    expect(run.code).toBe(0);
    expect(jsonOf<CardProgram[]>(run)).toEqual([expect.objectContaining({ name: TEST_PROGRAM.name, bin: TEST_PROGRAM.bin, panLength: 16, currency: 'CNY' })]);
  });

  it('issues a card and prints its number, expiry and CVV once; the register shows it masked', async () => {
    const issued = await issue();
    expect(isLuhnValid(issued.pan)).toBe(true);
    expect(issued.pan.startsWith(TEST_PROGRAM.bin)).toBe(true);
    expect(issued.expiry).toMatch(/^\d{2}\/\d{2}$/);
    expect(issued.cvv).toMatch(/^\d{3}$/);

    const list = await paydesk(AUDITOR, ['cards', 'list', '--json']);
    expect(list.stdout).not.toContain(issued.pan);
    const card = jsonOf<{ rows: Card[] }>(list).rows.find((c) => c.id === issued.id)!;
    expect(card).toMatchObject({ state: 'inactive', maskedPan: `424242••••••${issued.pan.slice(-4)}` });
  });

  it('refuses an auditor the issue (exit 5, FORBIDDEN) and issues nothing', async () => {
    const before = await cardCount();
    const run = await paydesk(AUDITOR, ['cards', 'issue', memberNumber, '--program', TEST_PROGRAM.name, '--json']);
    expect(run.code).toBe(5);
    expect(errorCode(run)).toBe('FORBIDDEN');
    expect(await cardCount()).toBe(before);
  });

  it('authorizes from standard input, captures part, and declines a wrong CVV and a frozen card with exit 5', async () => {
    const issued = await issue();
    expect((await paydesk(TELLER, ['cards', 'activate', String(issued.id), '--json'])).code).toBe(0);

    const details = `${issued.pan} ${issued.expiry} ${issued.cvv}`;
    const approved = await paydesk(TELLER, ['cards', 'authorize', '--card-stdin', '--amount', '12.34', '--merchant', 'Tea house', '--json'], details);
    expect(approved).toMatchObject({ code: 0, stderr: '' });
    expect(approved.stdout).not.toContain(issued.pan);
    const { authorization } = jsonOf<{ authorization: Authorization }>(approved);
    expect(authorization).toMatchObject({ status: 'held', amount: 1234, currency: 'CNY', cardId: issued.id });

    const captured = await paydesk(TELLER, ['cards', 'capture', String(authorization.id), '--amount', '10.00', '--json']);
    expect(captured.code).toBe(0);
    expect(jsonOf<Authorization>(captured)).toMatchObject({ status: 'captured', capturedAmount: 1000 });

    const wrongCvv = String((Number(issued.cvv) + 1) % 1000).padStart(3, '0');
    const declined = await paydesk(TELLER, ['cards', 'authorize', '--card-stdin', '--amount', '1.00', '--merchant', 'Tea house', '--json'], `${issued.pan} ${issued.expiry} ${wrongCvv}`);
    expect(declined.code).toBe(5);
    expect(errorCode(declined)).toBe('CVV_MISMATCH');

    expect((await paydesk(TELLER, ['cards', 'freeze', String(issued.id), '--note', 'member asked'])).code).toBe(0);
    const frozen = await paydesk(TELLER, ['cards', 'authorize', '--card-stdin', '--amount', '1.00', '--merchant', 'Tea house', '--json'], details);
    expect(frozen.code).toBe(5);
    expect(errorCode(frozen)).toBe('CARD_NOT_ACTIVE');

    expect((await paydesk(TELLER, ['cards', 'unfreeze', String(issued.id)])).code).toBe(0);
    const second = jsonOf<{ authorization: Authorization }>(await paydesk(TELLER, ['cards', 'authorize', '--card-stdin', '--amount', '5', '--merchant', 'Book shop', '--json'], details));
    const voided = await paydesk(TELLER, ['cards', 'void', String(second.authorization.id), '--json']);
    expect(jsonOf<Authorization>(voided)).toMatchObject({ status: 'voided' });

    const cancelled = await paydesk(TELLER, ['cards', 'cancel', String(issued.id), '--reason', 'lost', '--json']);
    expect(jsonOf<Card>(cancelled)).toMatchObject({ state: 'cancelled', cancelReason: 'lost' });
  });

  it('never takes card details from argv, and refuses a cancel reason it does not know', async () => {
    const noStdin = await paydesk(TELLER, ['cards', 'authorize', '--amount', '1.00', '--merchant', 'Tea house', '--json']);
    expect(noStdin.code).toBe(2);
    expect(errorCode(noStdin)).toBe('INVALID_INPUT');
    const badReason = await paydesk(TELLER, ['cards', 'cancel', '1', '--reason', 'bored', '--json']);
    expect(badReason.code).toBe(2);
  });
});

describe('paydesk bank-cards', () => {
  it('links a card read from standard input and lists it by its last four digits only', async () => {
    const body = '622202020011223344';
    const valid = body + String(luhnCheckDigit(body));
    const linked = await paydesk(TELLER, ['bank-cards', 'link', memberNumber, '--card-stdin', '--holder', '持卡会员', '--expiry', '12/30', '--bank', '工商银行', '--json'], valid);
    expect(linked).toMatchObject({ code: 0, stderr: '' });
    expect(linked.stdout).not.toContain(valid);
    expect(jsonOf<BankCard>(linked)).toMatchObject({ brand: 'unionpay', last4: valid.slice(-4), isDefault: true, bankName: '工商银行' });

    const listed = await paydesk(AUDITOR, ['bank-cards', 'list', memberNumber, '--json']);
    expect(listed.stdout).not.toContain(valid);
    expect(jsonOf<BankCard[]>(listed)).toHaveLength(1);
  });

  it('refuses a number that fails the Luhn check (exit 5, CARD_NUMBER_INVALID) and links nothing', async () => {
    const before = jsonOf<BankCard[]>(await paydesk(AUDITOR, ['bank-cards', 'list', memberNumber, '--json'])).length;
    const run = await paydesk(TELLER, ['bank-cards', 'link', memberNumber, '--card-stdin', '--holder', 'X', '--expiry', '12/30', '--json'], '4111111111111112');
    expect(run.code).toBe(5);
    expect(errorCode(run)).toBe('CARD_NUMBER_INVALID');
    expect(jsonOf<BankCard[]>(await paydesk(AUDITOR, ['bank-cards', 'list', memberNumber, '--json']))).toHaveLength(before);
  });
});
