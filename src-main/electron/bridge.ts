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

/** The IPC channel of the native folder picker; not a contract channel, as it touches no data. */
export const CHOOSE_FOLDER_CHANNEL = 'desktop.chooseFolder';

/** What the preload puts on `window.paydeskDesktop`: what only a desktop window can do. */
export interface DesktopBridge {
  /** Opens the system's folder dialog; the folder the person picked, or null when they cancelled. */
  chooseFolder(): Promise<string | null>;
}

/** Builds `window.paydeskDesktop`; like the contract bridge, the page names no channel and sends no argument. */
export function buildDesktopBridge(invoke: (channel: string) => Promise<unknown>): DesktopBridge {
  return Object.freeze({ chooseFolder: () => invoke(CHOOSE_FOLDER_CHANNEL) as Promise<string | null> });
}
