import type { z } from 'zod';
import { contract, isChannelName, type ChannelName, type ChannelInput, type ChannelOutput } from '../../src-shared/contract';
import { AppError, isAppError } from '../../src-shared/errors';
import type { Answer } from '../../src-shared/result';
import { can } from '../../src-shared/permissions';
import { AppState, type RouterOptions } from './app-state';
import type { CallContext, HandlerMap } from './handler';
import { runRolledBack, takeDryRun } from './dry-run';
import { sessionHandlers } from './handlers/session';
import { staffHandlers } from './handlers/staff';
import { auditHandlers } from './handlers/audit';
import { jobHandlers } from './handlers/jobs';
import { settingsHandlers } from './handlers/settings';
import { verifyHandlers } from './handlers/verify';
import { backupHandlers } from './handlers/backup';
import { ledgerHandlers } from './handlers/ledger';
import { journalHandlers } from './handlers/journal';
import { memberHandlers } from './handlers/members';
import { walletHandlers } from './handlers/wallets';
import { demoHandlers } from './handlers/demo';
import { pointsHandlers } from './handlers/points';
import { cardHandlers } from './handlers/cards';
import { cardTerminalHandlers } from './handlers/card-terminal';
import { bankCardHandlers } from './handlers/bank-cards';
import { payoutHandlers } from './handlers/payouts';
import { reportHandlers } from './handlers/reports';
import { reportExportHandlers } from './handlers/report-exports';
import { dashboardHandlers } from './handlers/dashboard';

// The one router behind Electron IPC, browser-mode tests and the CLI. Every call is parsed
// against the channel's zod schema, checked against the permission matrix, run (or, with
// `dryRun: true` on a previewable channel, run and rolled back), and its answer checked against
// the output schema, whatever the transport.

const handlers: HandlerMap = {
  ...sessionHandlers,
  ...staffHandlers,
  ...auditHandlers,
  ...jobHandlers,
  ...settingsHandlers,
  ...verifyHandlers,
  ...backupHandlers,
  ...ledgerHandlers,
  ...journalHandlers,
  ...memberHandlers,
  ...walletHandlers,
  ...demoHandlers,
  ...pointsHandlers,
  ...cardHandlers,
  ...cardTerminalHandlers,
  ...bankCardHandlers,
  ...payoutHandlers,
  ...reportHandlers,
  ...reportExportHandlers,
  ...dashboardHandlers,
};

/** What a refusal may quote of the caller's input (a field path, zod's words): enough to find it, never megabytes of it. */
const QUOTE_MAX = 120;
const ISSUES_MAX = 10;

function clip(text: string): string {
  return text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX)}… (${text.length} characters)` : text;
}

/** Why the field was refused, for the renderer to translate: a name with control characters, or too long / too many. */
function reasonOf(issue: z.core.$ZodIssue): Record<string, unknown> {
  if (issue.code === 'custom' && typeof issue.params?.reason === 'string') return { reason: issue.params.reason };
  if (issue.code === 'too_big') return { reason: 'too_big', maximum: Number(issue.maximum) };
  return {};
}

function invalidInput(error: z.ZodError): AppError {
  const first = error.issues[0];
  const field = first && first.path.length > 0 ? clip(first.path.join('.')) : undefined;
  const message = clip(first?.message ?? 'Invalid input.');
  return new AppError('INVALID_INPUT', field ? `${field}: ${message}` : message, {
    ...(field ? { field } : {}),
    ...(first ? reasonOf(first) : {}),
    issues: error.issues.slice(0, ISSUES_MAX).map((issue) => ({ path: clip(issue.path.join('.')), message: clip(issue.message) })),
  });
}

export interface Router {
  readonly state: AppState;
  /** Untyped entry for transports: the channel name and input come from outside. */
  call(channel: string, input: unknown): Promise<Answer<unknown>>;
  /** Typed entry for the CLI and tests. */
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Answer<ChannelOutput<C>>>;
  close(): void;
}

async function dispatch(state: AppState, channel: string, rawInput: unknown): Promise<unknown> {
  if (!isChannelName(channel)) throw new AppError('INVALID_INPUT', `Unknown channel ${clip(String(channel))}.`, { field: 'channel' });
  const definition = contract[channel];
  const { dryRun, input } = takeDryRun(channel, rawInput);
  const parsed = definition.input.safeParse(input ?? {});
  if (!parsed.success) throw invalidInput(parsed.error);
  if (definition.access !== 'public') {
    // The role in the caller's certificate as it stands now, never the staff table's column.
    const role = state.certifiedRole();
    if (!can(role, definition.access)) {
      throw new AppError('FORBIDDEN', `The ${role} role may not call ${channel}.`, { permission: definition.access });
    }
  }
  const ctx: CallContext = {
    app: state,
    now: state.now(),
    dryRun,
    get store() {
      return state.requireStore();
    },
    get session() {
      return state.requireSession();
    },
    get signer() {
      return state.requireSigner();
    },
  };
  const handler = handlers[channel] as (input: unknown, ctx: CallContext) => unknown;
  const value = dryRun ? runRolledBack(ctx.store, () => handler(parsed.data, ctx)) : await handler(parsed.data, ctx);
  const output = definition.output.safeParse(value);
  if (!output.success) {
    // The handler has already committed: saying "nothing was changed" here could make a teller
    // post twice. This is a bug to report, not a refusal.
    console.error(`router.dispatch: ${channel} answered outside its output schema: ${output.error.issues[0]?.path.join('.')}`);
    throw new AppError('INTERNAL', 'Paydesk answered in an unexpected form. The change may have been saved: check before trying again.');
  }
  return output.data;
}

export function createRouter(options: RouterOptions): Router {
  const state = new AppState(options);
  const call = async (channel: string, input: unknown): Promise<Answer<unknown>> => {
    try {
      const value = await dispatch(state, channel, input);
      state.checkpointIfDue();
      return { ok: true, value };
    } catch (error) {
      if (isAppError(error)) return { ok: false, error: error.toShape() };
      // Never log the input: it may hold a passphrase or a card number.
      console.error(`router.call: ${channel} failed: ${(error as Error).message}`);
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Paydesk. Nothing was changed.' } };
    }
  };
  return {
    state,
    call,
    invoke: (channel, input) => call(channel, input) as never,
    close: () => state.signOut(),
  };
}
