import HomeOutlined from '@mui/icons-material/HomeOutlined';
import HistoryEdu from '@mui/icons-material/HistoryEduOutlined';
import Group from '@mui/icons-material/GroupOutlined';
import Backup from '@mui/icons-material/BackupOutlined';
import Tune from '@mui/icons-material/TuneOutlined';
import PeopleAlt from '@mui/icons-material/PeopleAltOutlined';
import PointOfSale from '@mui/icons-material/PointOfSaleOutlined';
import AccountTree from '@mui/icons-material/AccountTreeOutlined';
import MenuBook from '@mui/icons-material/MenuBookOutlined';
import VerifiedUser from '@mui/icons-material/VerifiedUserOutlined';
import { can, type Role } from '../../../src-shared/permissions';
import { HomeScreen } from '../features/home/HomeScreen';
import { AuditLogScreen } from '../features/audit/AuditLogScreen';
import { StaffScreen } from '../features/staff/StaffScreen';
import { BackupKeysScreen } from '../features/backup/BackupKeysScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { MembersScreen } from '../features/members/MembersScreen';
import { MEMBERS_PATH, TELLER_PATH } from '../features/members/member-paths';
import { TellerCounterScreen } from '../features/wallets/TellerCounterScreen';
import { ChartOfAccountsScreen } from '../features/ledger/ChartOfAccountsScreen';
import { JournalScreen } from '../features/journal/JournalScreen';
import { JOURNAL_PATH } from '../features/journal/journal-view';
import { VerifyScreen } from '../features/verify/VerifyScreen';
import { HOME_PATH, type AppRoute } from '../session/available-routes';

// The registry of screens. A new feature is a folder under features/ plus one entry here: the
// navigation and the router both read this list, filtered by what the signed-in role may use.

export const ROUTES: readonly AppRoute[] = [
  { path: HOME_PATH, labelKey: 'home:nav', descriptionKey: 'home:description', icon: <HomeOutlined />, access: 'session', section: 'work', element: <HomeScreen /> },
  { path: MEMBERS_PATH, labelKey: 'members:nav', descriptionKey: 'members:description', icon: <PeopleAlt />, access: 'members.read', section: 'work', element: <MembersScreen /> },
  { path: TELLER_PATH, labelKey: 'wallets:nav', descriptionKey: 'wallets:description', icon: <PointOfSale />, access: 'wallet.deposit', section: 'work', element: <TellerCounterScreen /> },
  { path: '/ledger/accounts', labelKey: 'ledger:nav', descriptionKey: 'ledger:description', icon: <AccountTree />, access: 'ledger.read', section: 'oversight', element: <ChartOfAccountsScreen /> },
  { path: JOURNAL_PATH, labelKey: 'journal:nav', descriptionKey: 'journal:description', icon: <MenuBook />, access: 'ledger.read', section: 'oversight', element: <JournalScreen /> },
  { path: '/audit', labelKey: 'audit:nav', descriptionKey: 'audit:description', icon: <HistoryEdu />, access: 'audit.read', section: 'oversight', element: <AuditLogScreen /> },
  { path: '/verify', labelKey: 'verify:nav', descriptionKey: 'verify:description', icon: <VerifiedUser />, access: 'audit.read', section: 'oversight', element: <VerifyScreen /> },
  { path: '/admin/staff', labelKey: 'staff:nav', descriptionKey: 'staff:description', icon: <Group />, access: 'staff.read', section: 'admin', element: <StaffScreen /> },
  { path: '/admin/backup', labelKey: 'backup:nav', descriptionKey: 'backup:description', icon: <Backup />, access: 'backup.run', section: 'admin', element: <BackupKeysScreen /> },
  { path: '/admin/settings', labelKey: 'settings:nav', descriptionKey: 'settings:description', icon: <Tune />, access: 'settings.read', section: 'admin', element: <SettingsScreen /> },
];

export function routesFor(role: Role): AppRoute[] {
  return ROUTES.filter((route) => can(role, route.access));
}
