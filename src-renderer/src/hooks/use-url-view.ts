import { useEffect, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';

/**
 * A screen's view (filters, sort, page) kept in the URL's query, as react-admin keeps it, so
 * opening a row and pressing Back finds the screen as it was left. The view is React state, so
 * typing and paging answer at once (the router applies a navigation in a transition, which a
 * controlled input must not wait for), and the URL mirrors it, which is what Back and a remount
 * read it from. `read` and `write` must be stable (module-level) functions.
 *
 * `tag` marks the screen's own URL writes in the history state. It tells them from a navigation
 * that starts the view over (a link from another screen, the sidebar), after which the view is
 * what the URL says.
 */
export function useUrlView<V>(read: (params: URLSearchParams) => V, write: (params: URLSearchParams, view: V) => URLSearchParams, tag: string) {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const [view, setView] = useState(() => read(params));
  const [seenLocation, setSeenLocation] = useState(location.key);
  if (location.key !== seenLocation) {
    setSeenLocation(location.key);
    if (location.state !== tag) setView(read(params));
  }
  useEffect(() => {
    const written = write(params, view);
    // Replace, never push: Back leaves the screen rather than stepping through each keystroke and click.
    if (written.toString() !== params.toString()) setParams(written, { replace: true, state: tag });
  }, [params, setParams, view, write, tag]);
  return [view, setView] as const;
}
