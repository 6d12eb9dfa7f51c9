import { createContext, useContext } from 'react';
import type { AppRoute } from './routes';

export const HOME_PATH = '/';

/** The screens the signed-in role may open, as the frame computed them from the registry. */
export const AvailableRoutesContext = createContext<readonly AppRoute[]>([]);

export function useAvailableRoutes(): readonly AppRoute[] {
  return useContext(AvailableRoutesContext);
}
