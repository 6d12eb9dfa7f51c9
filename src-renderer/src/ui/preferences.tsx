import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

export type ColorMode = 'light' | 'dark';

const STORAGE_KEY = 'paydesk.colorMode';

interface ColorModeState {
  mode: ColorMode;
  toggle: () => void;
}

const ColorModeContext = createContext<ColorModeState>({ mode: 'light', toggle: () => undefined });

function storedMode(): ColorMode {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'light' || stored === 'dark') return stored;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function ColorModeProvider({ children }: { children: (mode: ColorMode) => ReactNode }) {
  const [mode, setMode] = useState<ColorMode>(storedMode);
  const state = useMemo<ColorModeState>(
    () => ({
      mode,
      toggle: () =>
        setMode((current) => {
          const next = current === 'light' ? 'dark' : 'light';
          localStorage.setItem(STORAGE_KEY, next);
          return next;
        }),
    }),
    [mode],
  );
  return <ColorModeContext.Provider value={state}>{children(mode)}</ColorModeContext.Provider>;
}

export function useColorMode(): ColorModeState {
  return useContext(ColorModeContext);
}
