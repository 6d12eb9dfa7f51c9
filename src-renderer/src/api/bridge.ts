import type { ChannelInput, ChannelName, ChannelOutput } from '../../../src-shared/contract';
import type { Answer } from '../../../src-shared/result';

/**
 * What the Electron preload and the browser-mode test harness both put on `window.paydesk`:
 * one function per contract channel, answering with the shared envelope.
 */
export type PaydeskBridge = { [C in ChannelName]: (input: ChannelInput<C>) => Promise<Answer<ChannelOutput<C>>> };

declare global {
  interface Window {
    readonly paydesk?: PaydeskBridge;
  }
}
