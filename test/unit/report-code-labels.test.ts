import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CANCEL_REASONS, CARD_STATES, PROGRAM_MODES, PROGRAM_STATUSES } from '../../src-shared/contract/cards';
import { ACCOUNT_KINDS } from '../../src-shared/contract/ledger';
import { BATCH_STATUSES, ITEM_STATUSES } from '../../src-shared/contract/payouts';
import { REPORT_LANGUAGES } from '../../src-shared/contract/reports';
import type { VerificationCertificate } from '../../src-shared/contract/verify';
import { WALLET_OPERATIONS } from '../../src-shared/contract/wallets';
import { LIMIT_INTERVALS } from '../../src-shared/cards/limits';
import { ROW_CODES } from '../../src-shared/row-codes';
import { DEFAULT_TIERS } from '../../src-shared/settings/loyalty-settings';
import { CODE_LABELS, codeLabel } from '../../src-shared/reports/labels/codes';
import { CARD_ACTIONS, PROGRAM_ACTIONS } from '../../src-main/cards/card-audit-checks';
import { PAYOUT_KINDS } from '../../src-main/payouts/payout-ledger';
import { verifyStore } from '../../src-main/registry';
import { EXPIRY_BUCKETS } from '../../src-main/reports/points-liability-lots';
import { certificateRows, checkRow } from '../../src-main/reports/verification-certificate-rows';
import { setUpRouter } from '../support/temp-data';

// A report's code cells read as words on a screen and in a PDF (CSV and JSON keep the codes).
// Each value set is taken from where the values come from: the contract's arrays, the modules
// that post or record them, the rows the reports build, and verify run on a new data folder. The
// words are the renderer's where it has them, so a report says what the screen it came from says.

const SOURCE = fileURLToPath(new URL('../../src-main/', import.meta.url));
const I18N = fileURLToPath(new URL('../../src-renderer/src/i18n/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const SOURCES = sourceFiles(SOURCE).map((path) => ({ path: path.slice(SOURCE.length), text: readFileSync(path, 'utf8') }));

/** Every first group of `pattern` in the src-main files whose path `where` accepts. */
function found(pattern: RegExp, where: (path: string) => boolean = () => true): string[] {
  return [...new Set(SOURCES.filter((file) => where(file.path)).flatMap((file) => [...file.text.matchAll(pattern)].map((match) => match[1]!)))];
}

/** Audit action codes as recorded (`action: 'member.create'`, a choice, a table), three-part codes too. */
function recordedActions(): string[] {
  const expressions = found(/\baction(?::|\s*=)\s*([^\n]*)/g).map((expression) => expression.split('entityType')[0]!);
  return [...new Set(expressions.flatMap((expression) => [...expression.matchAll(/'([a-z][a-zA-Z]*(?:\.[a-z][a-zA-Z]*)+)'/g)].map((match) => match[1]!)))];
}

/** What a points record is (point_records.kind, points/tables.ts): records name a kind too, but post no transfer of it. */
function pointRecordKinds(): string[] {
  const tables = SOURCES.find((file) => file.path === 'points/tables.ts')!.text;
  return [...(tables.match(/\bkind: ((?:'[a-z]+'(?: \| )?)+);/)?.[1] ?? '').matchAll(/'([a-z]+)'/g)].map((match) => match[1]!);
}

/**
 * Transfer kinds posted: the wallet legs, PAYOUT_KINDS, and the `kind:` literals of the points,
 * ledger and cards modules (less the chart's account kinds and the points records' kinds).
 */
function postedKinds(): string[] {
  const legs = found(/\bleg\(ctx, [^,]+, '([a-z_]+)'/g, (path) => path === 'wallets/wallet-legs.ts');
  const records = pointRecordKinds();
  const named = found(/\bkind: '([a-z_]+)'/g, (path) => /^(points|ledger|cards)\//.test(path) && path !== 'ledger/chart.ts').filter((kind) => !records.includes(kind));
  return [...new Set([...legs, ...named, ...Object.values(PAYOUT_KINDS)])];
}

type Messages = { [key: string]: string | Messages };

function renderer(language: string, namespace: string, path: string): Messages {
  const messages = JSON.parse(readFileSync(join(I18N, language, `${namespace}.json`), 'utf8')) as Messages;
  return path.split('.').reduce((at, key) => at[key] as Messages, messages);
}

/** `{ card: { program: { create: 'x' } } }` → `card.program.create: 'x'`; `leaf` picks a group's own word (verify's `name`). */
function flat(messages: Messages, leaf?: string, prefix = ''): Map<string, string> {
  const words = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') words.set(prefix + key, value);
    else if (leaf !== undefined && typeof value[leaf] === 'string') words.set(prefix + key, value[leaf]);
    else for (const [inner, word] of flat(value, leaf, `${prefix}${key}.`)) words.set(inner, word);
  }
  return words;
}

const CERTIFICATE = {
  format: 'paydesk-verify-certificate',
  version: 1,
  takenAt: '2026-12-02T10:00:00.000Z',
  takenBy: 'ada',
  schemaVersion: 1,
  ok: true,
  counts: {},
  chains: Object.fromEntries(['journal', 'audit', 'certificates', 'checkpoints'].map((name) => [name, { length: 1, lastId: 1, head: 'ab'.repeat(32) }])),
  trustFingerprint: 'cd'.repeat(32),
  signature: { publicKey: 'key', value: 'signature' },
} as VerificationCertificate;

const SETS: [column: string, source: string, values: readonly string[]][] = [
  ['kind', 'ACCOUNT_KINDS', ACCOUNT_KINDS],
  ['kind', 'posted transfer kinds', postedKinds()],
  ['state', 'CARD_STATES', CARD_STATES],
  ['cancelReason', 'CANCEL_REASONS', CANCEL_REASONS],
  ['interval', 'LIMIT_INTERVALS', LIMIT_INTERVALS],
  ['mode', 'PROGRAM_MODES', PROGRAM_MODES],
  ['status', 'BATCH_STATUSES', BATCH_STATUSES],
  ['status', 'ITEM_STATUSES', ITEM_STATUSES],
  ['status', 'PROGRAM_STATUSES', PROGRAM_STATUSES],
  ['decision', 'payout report decisions', found(/\bdecision: '([a-z]+)'/g, (path) => path === 'reports/payout-report.ts')],
  ['code', 'ROW_CODES', ROW_CODES],
  ['bucket', 'EXPIRY_BUCKETS and the total', [...EXPIRY_BUCKETS, 'total']],
  ['tier', 'DEFAULT_TIERS', DEFAULT_TIERS.map((tier) => tier.id)],
  ['operation', 'WALLET_OPERATIONS', WALLET_OPERATIONS],
  ['action', 'recorded audit actions', [...recordedActions(), ...PROGRAM_ACTIONS, ...CARD_ACTIONS]],
  ['entityType', 'recorded entity types', found(/\bentityType: '([a-z_]+)'/g)],
  ['result', 'check results', [true, false].map((ok) => String(checkRow({ name: 'x.y', ok, detail: '', counts: {}, firstViolation: null }).result))],
  ['field', 'certificate rows', certificateRows(CERTIFICATE).map((row) => String(row.field))],
];

/** Column key ← the renderer's words for it: namespace, path, and for verify the word inside each check. */
const RENDERER_WORDS: [column: string, namespace: string, path: string, leaf?: string][] = [
  ['kind', 'ledger', 'kind'],
  ['kind', 'journal', 'kind'],
  ['state', 'cards', 'state'],
  ['cancelReason', 'cards', 'cancelReasonOption'],
  ['interval', 'cards', 'interval'],
  ['mode', 'card-admin', 'programs.mode'],
  ['status', 'payouts', 'status'],
  ['status', 'payout-batch', 'itemStatus'],
  ['status', 'card-admin', 'programs.status'],
  ['code', 'payouts', 'code'],
  ['tier', 'points', 'tier.name'],
  ['operation', 'audit', 'operation'],
  ['action', 'audit', 'action'],
  ['entityType', 'audit', 'entity'],
  ['name', 'verify', 'check', 'name'],
  ['result', 'verify', 'result'],
];

/** Words the screens keep beside the codes in the same group (cards.json `state`), not codes themselves. */
const NOT_CODES = new Set(['blockedByMember', 'blockedByMemberHint', 'cancelledBecause']);

describe('report code labels', () => {
  it('finds each value set it checks', () => {
    for (const [column, source, values] of SETS) expect(values.length, `${column} from ${source}`).toBeGreaterThan(1);
    expect(postedKinds()).toEqual(expect.arrayContaining(['deposit', 'fee', 'member_transfer', 'points_earn', 'points_clawback', 'reversal', 'payout_settlement']));
    expect(pointRecordKinds()).toEqual(['referral', 'review']);
    expect(recordedActions()).toEqual(expect.arrayContaining(['member.create', 'card.program.delete', 'report.export', 'payout.approve']));
  });

  it.each(SETS)('names every %s from %s in English and Chinese', (column, _source, values) => {
    const unnamed = values.filter((value) => REPORT_LANGUAGES.some((language) => !CODE_LABELS[column]?.[value]?.[language]?.trim()));
    expect(unnamed).toEqual([]);
    for (const value of values) for (const language of REPORT_LANGUAGES) expect(codeLabel(column, value, language)).toBe(CODE_LABELS[column]![value]![language]);
  });

  it('names every check verify makes on a new data folder', async () => {
    const { router } = await setUpRouter();
    const names = verifyStore(router.state.requireStore()).checks.map((check) => check.name);
    expect(names).toEqual(expect.arrayContaining(['ledger.balanced', 'points.lots', 'cards.audited', 'payouts.items', 'trust.sessions']));
    expect(names.filter((name) => REPORT_LANGUAGES.some((language) => !CODE_LABELS.name?.[name]?.[language]?.trim()))).toEqual([]);
    expect(CODE_LABELS.name).toHaveProperty('database.readable');
  }, 60_000);

  it.each(RENDERER_WORDS)('says for %s what the screen says (%s.json %s)', (column, namespace, path, leaf) => {
    for (const language of REPORT_LANGUAGES) {
      const screen = new Map([...flat(renderer(language, namespace, path), leaf)].filter(([value]) => !NOT_CODES.has(value)));
      expect(screen.size).toBeGreaterThan(1);
      const report = new Map([...screen.keys()].map((value) => [value, CODE_LABELS[column]?.[value]?.[language]]));
      expect(report).toEqual(screen);
    }
  });

  it('answers a code it has no word for, or a column it does not know, with the code itself', () => {
    expect(codeLabel('kind', 'liability', 'zh-CN')).toBe('负债');
    expect(codeLabel('kind', 'deposit', 'en')).toBe('Deposit');
    expect(codeLabel('kind', 'interest_accrual', 'en')).toBe('interest_accrual');
    expect(codeLabel('code', '1000-CNY', 'zh-CN')).toBe('1000-CNY');
    expect(codeLabel('tier', 'platinum', 'zh-CN')).toBe('platinum');
    expect(codeLabel('currency', 'CNY', 'zh-CN')).toBe('CNY');
    expect(codeLabel('memberNumber', '100000017', 'en')).toBe('100000017');
    expect(codeLabel('status', '', 'en')).toBe('');
    for (const inherited of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(codeLabel('status', inherited, 'en')).toBe(inherited);
      expect(codeLabel(inherited, 'active', 'zh-CN')).toBe('active');
    }
  });

  it('keeps the two value sets that share a column key apart', () => {
    const clashes = (sets: readonly (readonly string[])[]) => sets.flatMap((set, i) => set.filter((value) => sets.some((other, j) => j !== i && other.includes(value))));
    expect(clashes([ACCOUNT_KINDS, postedKinds()])).toEqual([]);
    expect(clashes([BATCH_STATUSES, ITEM_STATUSES, PROGRAM_STATUSES])).toEqual([]);
  });
});
