/**
 * What only the desktop window offers (src-main/electron/preload.ts puts it on the page): the
 * system's folder dialog. In browser mode it is absent, and screens ask for a typed path instead.
 */
export interface DesktopBridge {
  /** The folder the person picked, or null when they cancelled. */
  chooseFolder(): Promise<string | null>;
}

declare global {
  interface Window {
    readonly paydeskDesktop?: DesktopBridge;
  }
}

export function desktopBridge(): DesktopBridge | null {
  return window.paydeskDesktop ?? null;
}
