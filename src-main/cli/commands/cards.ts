import { randomUUID } from 'node:crypto';
import { AppError } from '../../../src-shared/errors';
import { CANCEL_REASONS, type Authorization, type Card, type CardProgram, type CancelReason } from '../../../src-shared/contract/cards';
import { formatAmount, parseAmount } from '../../../src-shared/money';
import type { Router } from '../../api/router';
import { expectOk, stringOption, type CliCommand, type CliContext, type OptionSpec } from '../command';
import { readStdin, UNLOCK_OPTIONS, withUnlockedRouter } from '../unlock';

// `cards …`: programs, the register, issuing, state changes and the terminal's authorize,
// capture and void, for scripts and acceptance tests. Every command calls the same channels as
// the screens, so roles and refusals are the app's. A card number is read from standard input
// (`--card-stdin`), never from argv, where other users of the machine and the shell history
// would see it; only `cards issue` prints one, once, as the issue dialog shows it.

const LOCALE = 'en-US';

/** The one positional argument a command takes, e.g. a card id. */
export function soleArgument(ctx: CliContext, what: string): string {
  const [value, extra] = ctx.positionals;
  if (value === undefined || extra !== undefined) throw new AppError('INVALID_INPUT', `Give exactly one ${what}.`, { field: what });
  return value;
}

/** A row id as typed: `12` or `#12`. */
export function idArgument(ctx: CliContext, what: string): number {
  const text = soleArgument(ctx, what).replace(/^#/, '');
  if (!/^\d{1,15}$/.test(text) || Number(text) === 0) throw new AppError('INVALID_INPUT', `${what} must be a number (as \`cards list\` shows it).`, { field: what });
  return Number(text);
}

/** A secret given on standard input; it cannot share stdin with the recovery key. */
export async function stdinSecret(ctx: CliContext, option: string): Promise<string> {
  if (ctx.values[option] !== true) throw new AppError('INVALID_INPUT', `--${option} is required: the card details are read from standard input, never from the command line.`, { field: option });
  if (ctx.values['recovery-key-stdin'] === true) throw new AppError('INVALID_INPUT', `--${option} and --recovery-key-stdin cannot both read standard input; give the recovery key in PAYDESK_RECOVERY_KEY.`, { field: option });
  return readStdin();
}

const money = (minor: number, currency: string | null) => (currency === null ? String(minor) : formatAmount(minor, currency, LOCALE));

function cardLine(card: Card): string {
  const blocked = card.blockedByMember ? ' (blocked by member)' : '';
  const reason = card.cancelReason ? ` ${card.cancelReason}` : '';
  return `#${String(card.id).padEnd(6)} ${card.maskedPan}  ${card.expiryMonth}  ${(card.state + reason + blocked).padEnd(22)} ${card.program.name}  ${card.member.memberNumber} ${card.member.name}`;
}

function authorizationLine(a: Authorization): string {
  const outcome = a.status === 'declined' ? `declined ${a.declineCode}${a.declineInterval ? ` (${a.declineInterval})` : ''}` : a.status;
  const captured = a.status === 'captured' ? `, captured ${money(a.capturedAmount, a.currency)}` : '';
  return `authorization #${a.id} ${a.maskedPan} ${money(a.amount, a.currency)} at ${a.merchant}: ${outcome}${captured}${a.holdId !== null ? `; hold #${a.holdId}` : ''}`;
}

async function programByReference(router: Router, reference: string): Promise<CardProgram> {
  const programs = expectOk(await router.invoke('cards.programs', {}));
  const program = programs.find((p) => String(p.id) === reference || p.name === reference);
  if (!program) throw new AppError('CARD_PROGRAM_NOT_FOUND', `No card program has the id or name ${reference}.`, { field: 'program' });
  return program;
}

export const cardsProgramsCommand: CliCommand = {
  name: 'cards programs',
  summary: 'List the card programs: name, BIN, card length, currency, validity, mode and status.',
  usage: 'cards programs --data DIR [--user NAME | --recovery-key-stdin | --recovery] [--json]',
  options: UNLOCK_OPTIONS,
  async run(ctx) {
    return withUnlockedRouter(ctx, async (router) => {
      const programs = expectOk(await router.invoke('cards.programs', {}));
      const lines = programs.map((p) => `#${String(p.id).padEnd(4)} ${p.name.padEnd(24)} BIN ${p.bin.padEnd(8)} ${p.panLength} digits  ${p.currency}  ${p.validityMonths} months  ${p.mode}  ${p.status}  ${p.cards} cards`);
      if (programs.length === 0) lines.push('No card programs yet. An admin creates one in Settings → Card programs.');
      return { exitCode: 0, json: programs, text: lines.join('\n') };
    });
  },
};

export const cardsListCommand: CliCommand = {
  name: 'cards list',
  summary: 'The cards register, numbers masked (first 6 / last 4): filter by program, state, member or last four digits.',
  usage: 'cards list --data DIR [--program ID] [--state inactive|active|frozen|cancelled] [--query Q] [--limit N] [--offset N] [--user NAME | --recovery-key-stdin | --recovery] [--json]',
  options: { ...UNLOCK_OPTIONS, program: { type: 'string' }, state: { type: 'string' }, query: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' } },
  async run(ctx) {
    const program = stringOption(ctx, 'program');
    const state = stringOption(ctx, 'state');
    const query = stringOption(ctx, 'query');
    return withUnlockedRouter(ctx, async (router) => {
      const page = expectOk(
        await router.invoke('cards.list', {
          ...(program ? { programId: (await programByReference(router, program)).id } : {}),
          ...(state ? { state: state as Card['state'] } : {}),
          ...(query ? { query } : {}),
          limit: Number(stringOption(ctx, 'limit') ?? 100),
          offset: Number(stringOption(ctx, 'offset') ?? 0),
        }),
      );
      const lines = [...page.rows.map(cardLine), `${page.rows.length} of ${page.total} cards`];
      return { exitCode: 0, json: page, text: lines.join('\n') };
    });
  },
};

export const cardsIssueCommand: CliCommand = {
  name: 'cards issue',
  summary: 'Issue a virtual card to a member; prints the number, expiry (MM/YY) and CVV once, like the issue dialog. The card starts inactive.',
  usage: 'cards issue MEMBER --program ID|NAME --data DIR [--holder NAME] [--key KEY] [--user NAME | --recovery-key-stdin | --recovery] [--json]',
  options: { ...UNLOCK_OPTIONS, program: { type: 'string' }, holder: { type: 'string' }, key: { type: 'string' } },
  async run(ctx) {
    const memberNumber = soleArgument(ctx, 'member');
    const programReference = stringOption(ctx, 'program', true)!;
    const holder = stringOption(ctx, 'holder');
    return withUnlockedRouter(ctx, async (router) => {
      const member = expectOk(await router.invoke('members.get', { memberNumber }));
      const program = await programByReference(router, programReference);
      const issued = expectOk(
        await router.invoke('cards.issue', { memberId: member.id, programId: program.id, ...(holder ? { holderName: holder } : {}), idempotencyKey: stringOption(ctx, 'key') ?? `cli:${randomUUID()}` }),
      );
      const json = { id: issued.card.id, pan: issued.pan, expiry: issued.expiry, cvv: issued.cvv, card: issued.card };
      const text = [cardLine(issued.card), `Number ${issued.pan}  expiry ${issued.expiry}  CVV ${issued.cvv}`, 'Shown this once. Activate the card before it can be used: cards activate ' + issued.card.id].join('\n');
      return { exitCode: 0, json, text };
    });
  },
};

type StateAction = 'activate' | 'freeze' | 'unfreeze' | 'cancel';

function stateCommand(action: StateAction, summary: string): CliCommand {
  const options: OptionSpec = { ...UNLOCK_OPTIONS, reason: { type: 'string' }, note: { type: 'string' } };
  return {
    name: `cards ${action}`,
    summary,
    usage: `cards ${action} CARD --data DIR${action === 'cancel' ? ` --reason ${CANCEL_REASONS.join('|')}` : ''} [--note TEXT] [--user NAME | --recovery-key-stdin | --recovery] [--json]`,
    options,
    async run(ctx) {
      const cardId = idArgument(ctx, 'card');
      const note = stringOption(ctx, 'note') ?? (action === 'cancel' ? undefined : stringOption(ctx, 'reason'));
      const reason = action === 'cancel' ? stringOption(ctx, 'reason', true)! : undefined;
      if (reason !== undefined && !CANCEL_REASONS.includes(reason as CancelReason)) {
        throw new AppError('INVALID_INPUT', `--reason must be one of ${CANCEL_REASONS.join(', ')}.`, { field: 'reason' });
      }
      return withUnlockedRouter(ctx, async (router) => {
        const fields = { cardId, ...(note ? { note } : {}) };
        const card = expectOk(
          action === 'cancel'
            ? await router.invoke('cards.cancel', { ...fields, reason: reason as CancelReason })
            : await router.invoke(`cards.${action}`, fields),
        );
        return { exitCode: 0, json: card, text: cardLine(card) };
      });
    },
  };
}

export const cardStateCommands = [
  stateCommand('activate', 'Activate an issued card.'),
  stateCommand('freeze', 'Freeze an active card; authorizations are declined until it is unfrozen.'),
  stateCommand('unfreeze', 'Unfreeze a frozen card.'),
  stateCommand('cancel', 'Cancel a card for good, with a reason (lost, stolen, damaged, expired, other).'),
];

/** `PAN MM/YY CVV` as the terminal reads them from standard input, separated by spaces. */
function cardDetails(text: string): { pan: string; expiry: string; cvv: string } {
  const parts = text.split(/\s+/).filter((part) => part !== '');
  if (parts.length !== 3) throw new AppError('INVALID_INPUT', 'Standard input must hold the card number, the expiry (MM/YY) and the CVV, separated by spaces.', { field: 'card-stdin' });
  const [pan, expiry, cvv] = parts as [string, string, string];
  return { pan, expiry, cvv };
}

export const cardsAuthorizeCommand: CliCommand = {
  name: 'cards authorize',
  summary: 'Authorize a card payment: holds the amount on the wallet. Standard input holds `PAN MM/YY CVV`. A decline exits 5 and its JSON names the code.',
  usage: 'cards authorize --card-stdin --amount A --merchant NAME --data DIR [--currency CNY] [--key KEY] [--dry-run] [--user NAME] [--json]',
  options: { ...UNLOCK_OPTIONS, 'card-stdin': { type: 'boolean' }, amount: { type: 'string' }, merchant: { type: 'string' }, currency: { type: 'string' }, key: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  async run(ctx) {
    const amount = parseAmount(stringOption(ctx, 'amount', true), stringOption(ctx, 'currency') ?? 'CNY');
    const merchant = stringOption(ctx, 'merchant', true)!;
    const details = cardDetails(await stdinSecret(ctx, 'card-stdin'));
    return withUnlockedRouter(ctx, async (router) => {
      const answer = expectOk(
        await router.invoke('cards.authorize', { ...details, amount, merchant, idempotencyKey: stringOption(ctx, 'key') ?? `cli:${randomUUID()}`, dryRun: ctx.values['dry-run'] === true }),
      );
      const text = [authorizationLine(answer.authorization), `available after: ${money(answer.availableAfter, answer.authorization.currency)}`].join('\n');
      return { exitCode: 0, json: answer, text };
    });
  },
};

export const cardsCaptureCommand: CliCommand = {
  name: 'cards capture',
  summary: "Capture an authorization: posts its hold (all of it, or --amount of it and releases the rest). The payment earns points.",
  usage: 'cards capture AUTH --data DIR [--amount A] [--key KEY] [--user NAME | --recovery-key-stdin | --recovery] [--json]',
  options: { ...UNLOCK_OPTIONS, amount: { type: 'string' }, key: { type: 'string' } },
  async run(ctx) {
    const authorizationId = idArgument(ctx, 'authorization');
    return withUnlockedRouter(ctx, async (router) => {
      const held = expectOk(await router.invoke('cards.getAuthorization', { authorizationId }));
      const amountText = stringOption(ctx, 'amount');
      const amount = amountText === undefined ? undefined : parseAmount(amountText, held.currency ?? 'CNY');
      const captured = expectOk(
        await router.invoke('cards.capture', { authorizationId, ...(amount === undefined ? {} : { amount }), idempotencyKey: stringOption(ctx, 'key') ?? `cli:${randomUUID()}` }),
      );
      return { exitCode: 0, json: captured, text: authorizationLine(captured) };
    });
  },
};

export const cardsVoidCommand: CliCommand = {
  name: 'cards void',
  summary: "Void an authorization: releases its hold on the wallet.",
  usage: 'cards void AUTH --data DIR [--key KEY] [--user NAME | --recovery-key-stdin | --recovery] [--json]',
  options: { ...UNLOCK_OPTIONS, key: { type: 'string' } },
  async run(ctx) {
    const authorizationId = idArgument(ctx, 'authorization');
    return withUnlockedRouter(ctx, async (router) => {
      const voided = expectOk(await router.invoke('cards.void', { authorizationId, idempotencyKey: stringOption(ctx, 'key') ?? `cli:${randomUUID()}` }));
      return { exitCode: 0, json: voided, text: authorizationLine(voided) };
    });
  },
};
