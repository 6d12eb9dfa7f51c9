import { lazy, useState, type ComponentProps, type ComponentType } from 'react';

// Each screen is its own chunk, so the first screen (unlock or set-up) loads React, MUI and the
// forms alone; the frame, grids, pickers and charts behind it load after. Once the first screen
// is up and the page idle, every chunk is fetched ahead (`preloadScreens`), so the first visit to
// a screen after unlock waits on no download, in Electron or in review mode.

type Loader = () => Promise<unknown>;
const loaders: Loader[] = [];

/**
 * A component loaded on first need: `load` imports its module, `name` picks the export. Once the
 * module is in, the component renders directly: a `lazy` one suspends on every first mount, and
 * React then holds the fallback for up to 300 ms (measured: the members list after unlock came
 * 370 ms later, the page idle). Each mount keeps the form it started with, so a screen is never
 * remounted when its chunk arrives.
 */
// React's own `lazy` takes any props (`ComponentType<any>`); the screens keep their prop types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyScreen<K extends string, C extends ComponentType<any>>(load: () => Promise<Record<K, C>>, name: K): ComponentType<ComponentProps<C>> {
  let loaded: C | null = null;
  const loadAndKeep = async () => (loaded ??= (await load())[name]);
  loaders.push(loadAndKeep);
  const Lazy = lazy(async () => ({ default: await loadAndKeep() }));
  function Screen(props: ComponentProps<C>) {
    const [{ Component }] = useState(() => ({ Component: (loaded ?? Lazy) as ComponentType<ComponentProps<C>> }));
    return <Component {...props} />;
  }
  Screen.displayName = `Screen(${name})`;
  return Screen;
}

/**
 * Loads every registered chunk. A loaded module registers its own lazy screens (the frame
 * registers the routes' screens), so this goes on until no new ones appear.
 */
export async function preloadScreens(): Promise<void> {
  for (let done = 0; done < loaders.length; ) {
    const batch = loaders.slice(done);
    done = loaders.length;
    await Promise.all(batch.map((load) => load()));
  }
}
