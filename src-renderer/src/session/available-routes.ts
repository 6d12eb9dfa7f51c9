import { createContext, useContext, type ReactElement } from 'react';
import type { Access } from '../../../src-shared/permissions';

// What a screen is, and which screens the signed-in role may open. The registry itself
// (app/routes.tsx) lists the feature screens; it sits above the features, and this below them,
// so the home screen can list its neighbours without importing the registry that renders it.

export const HOME_PATH = '/';

export const NAV_SECTIONS = ['work', 'oversight', 'admin'] as const;
export type NavSection = (typeof NAV_SECTIONS)[number];

export interface AppRoute {
  path: string;
  /** i18n key of the navigation label, `namespace:key`. */
  labelKey: string;
  /** i18n key of a one-line description for the home screen. */
  descriptionKey: string;
  icon: ReactElement;
  access: Access;
  section: NavSection;
  element: ReactElement;
}

/** A screen opened from another (a batch from the payouts list): routed, but not in the navigation. */
export interface SubRoute {
  /** A react-router pattern, e.g. /payouts/:batchId. */
  path: string;
  /** The navigation entry that stays selected while this screen is open. */
  parent: string;
  access: Access;
  element: ReactElement;
}

/** The screens the signed-in role may open, as the frame computed them from the registry. */
export const AvailableRoutesContext = createContext<readonly AppRoute[]>([]);

export function useAvailableRoutes(): readonly AppRoute[] {
  return useContext(AvailableRoutesContext);
}
