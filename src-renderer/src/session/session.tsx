import { createContext, useCallback, useContext } from 'react';
import type { TFunction } from 'i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Session } from '../../../src-shared/contract/session';
import { ApiError, call } from '../api/call';

export const SessionContext = createContext<Session | null>(null);

/** Who is signed in; only screens inside the unlocked frame may ask. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession: called outside the unlocked app frame');
  return session;
}

/** The recovery admin has no staff row; their name is the product's words, in the chosen language. */
export function shownName(session: Session, t: TFunction): string {
  return session.recovery ? t('session:recoveryAdmin') : session.displayName;
}

const LAST_USER_KEY = 'paydesk.lastUser';

export function rememberUser(username: string): void {
  localStorage.setItem(LAST_USER_KEY, username);
}

export function lastUser(): string {
  return localStorage.getItem(LAST_USER_KEY) ?? '';
}

/**
 * Locks Paydesk: the main process closes the database, and every cached answer is dropped so
 * the next person sees nothing of the last one's screens.
 */
export function useLock(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    try {
      await call('session.lock', {});
    } catch (error) {
      // Already locked (a restore signed everyone out): clearing the screens is all that is left.
      if (!(error instanceof ApiError && error.code === 'LOCKED')) throw error;
    }
    await queryClient.resetQueries();
  }, [queryClient]);
}
