import { AppError } from '../../src-shared/errors';
import type { Answer } from '../../src-shared/result';
import type { Router } from '../api/router';
import { isTrustedSender, type SenderFrame } from './guards';
import type { RendererPage } from './renderer-page';

/** The part of Electron's IpcMainInvokeEvent the binding reads. */
export interface ContractCallEvent {
  senderFrame: SenderFrame | null;
}

/** The part of Electron's ipcMain the binding needs, so it is tested without Electron. */
export interface InvokeRegistrar {
  handle(channel: string, listener: (event: ContractCallEvent, input: unknown) => Promise<Answer<unknown>>): void;
}

export interface ContractBinding {
  router: Pick<Router, 'call'>;
  page: RendererPage;
  /** Where refusals are reported; never given the input, which may hold a passphrase. */
  warn?: (line: string) => void;
}

const REFUSED_SENDER = new AppError('FORBIDDEN', 'Only the Paydesk window may call Paydesk.');

function describeFrame(frame: SenderFrame | null): string {
  if (!frame) return 'a frame that is gone';
  return frame.parent === null ? frame.url : `a subframe at ${frame.url}`;
}

/**
 * Answers one contract call arriving over IPC: from our own page it goes to the router (which
 * parses the input and checks the role); from anywhere else it is refused without reaching it.
 */
export function contractCallAnswerer(binding: ContractBinding) {
  const warn = binding.warn ?? ((line: string) => console.warn(line));
  return async function answerContractCall(channel: string, event: ContractCallEvent, input: unknown): Promise<Answer<unknown>> {
    if (!isTrustedSender(event.senderFrame, binding.page)) {
      warn(`answerContractCall: refused ${channel} from ${describeFrame(event.senderFrame)}`);
      return { ok: false, error: REFUSED_SENDER.toShape() };
    }
    return binding.router.call(channel, input);
  };
}

/** Binds each channel name to the answerer with `ipcMain.handle`, one handler per channel. */
export function bindContractChannels(ipc: InvokeRegistrar, channels: readonly string[], binding: ContractBinding): void {
  const answer = contractCallAnswerer(binding);
  for (const channel of channels) ipc.handle(channel, (event, input) => answer(channel, event, input));
}
