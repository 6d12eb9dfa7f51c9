import type { ReactElement } from 'react';
import HomeOutlined from '@mui/icons-material/HomeOutlined';
import HistoryEdu from '@mui/icons-material/HistoryEduOutlined';
import Group from '@mui/icons-material/GroupOutlined';
import Backup from '@mui/icons-material/BackupOutlined';
import Tune from '@mui/icons-material/TuneOutlined';
import { can, type Access, type Role } from '../../../src-shared/permissions';
import { HomeScreen } from '../features/home/HomeScreen';
import { AuditLogScreen } from '../features/audit/AuditLogScreen';
import { StaffScreen } from '../features/staff/StaffScreen';
import { BackupKeysScreen } from '../features/backup/BackupKeysScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { HOME_PATH } from './available-routes';

// The registry of screens. A new feature is a folder under features/ plus one entry here: the
// navigation and the router both read this list, filtered by what the signed-in role may use.

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

export const ROUTES: readonly AppRoute[] = [
  { path: HOME_PATH, labelKey: 'home:nav', descriptionKey: 'home:description', icon: <HomeOutlined />, access: 'session', section: 'work', element: <HomeScreen /> },
  { path: '/audit', labelKey: 'audit:nav', descriptionKey: 'audit:description', icon: <HistoryEdu />, access: 'audit.read', section: 'oversight', element: <AuditLogScreen /> },
  { path: '/admin/staff', labelKey: 'staff:nav', descriptionKey: 'staff:description', icon: <Group />, access: 'staff.read', section: 'admin', element: <StaffScreen /> },
  { path: '/admin/backup', labelKey: 'backup:nav', descriptionKey: 'backup:description', icon: <Backup />, access: 'backup.run', section: 'admin', element: <BackupKeysScreen /> },
  { path: '/admin/settings', labelKey: 'settings:nav', descriptionKey: 'settings:description', icon: <Tune />, access: 'settings.manage', section: 'admin', element: <SettingsScreen /> },
];

export function routesFor(role: Role): AppRoute[] {
  return ROUTES.filter((route) => can(role, route.access));
}
