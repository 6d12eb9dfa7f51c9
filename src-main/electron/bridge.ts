/** What the preload puts on `window.paydesk`: one function per contract channel, nothing else. */
export type PaydeskBridge = Readonly<Record<string, (input?: unknown) => Promise<unknown>>>;

/**
 * Builds `window.paydesk`. Each function passes exactly one argument, the input, to its own
 * channel; the page never gets `ipcRenderer`, so it cannot pick a channel or send anything else.
 */
export function buildPaydeskBridge(channels: readonly string[], invoke: (channel: string, input: unknown) => Promise<unknown>): PaydeskBridge {
  const bridge: Record<string, (input?: unknown) => Promise<unknown>> = {};
  for (const channel of channels) bridge[channel] = (input?: unknown) => invoke(channel, input);
  return Object.freeze(bridge);
}
