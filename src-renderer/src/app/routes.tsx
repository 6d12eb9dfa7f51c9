import HomeOutlined from '@mui/icons-material/HomeOutlined';
import HistoryEdu from '@mui/icons-material/HistoryEduOutlined';
import Group from '@mui/icons-material/GroupOutlined';
import Backup from '@mui/icons-material/BackupOutlined';
import Tune from '@mui/icons-material/TuneOutlined';
import Loyalty from '@mui/icons-material/LoyaltyOutlined';
import PeopleAlt from '@mui/icons-material/PeopleAltOutlined';
import PointOfSale from '@mui/icons-material/PointOfSaleOutlined';
import AccountTree from '@mui/icons-material/AccountTreeOutlined';
import MenuBook from '@mui/icons-material/MenuBookOutlined';
import VerifiedUser from '@mui/icons-material/VerifiedUserOutlined';
import CardMembership from '@mui/icons-material/CardMembershipOutlined';
import CreditCard from '@mui/icons-material/CreditCardOutlined';
import Contactless from '@mui/icons-material/ContactlessOutlined';
import Payments from '@mui/icons-material/PaymentsOutlined';
import Summarize from '@mui/icons-material/SummarizeOutlined';
import { can, type Role } from '../../../src-shared/permissions';
import { MEMBERS_PATH, TELLER_PATH } from '../features/members/member-paths';
import { JOURNAL_PATH } from '../features/journal/journal-view';
import { CARD_PROGRAMS_PATH } from '../features/card-programs/card-programs-path';
import { CARDS_PATH } from '../features/card-register/register-view';
import { CARD_TERMINAL_PATH } from '../features/card-terminal/terminal-path';
import { PAYOUT_BATCH_PATH, PAYOUT_IMPORT_PATH, PAYOUTS_PATH } from '../features/payouts/payout-paths';
import { REPORTS_PATH } from '../features/reports/reports-path';
import { HOME_PATH, type AppRoute, type SubRoute } from '../session/available-routes';
import { lazyScreen } from './lazy-screen';

// The registry of screens. A new feature is a folder under features/ plus one entry here: the
// navigation and the router both read this list, filtered by what the signed-in role may use.

const HomeScreen = lazyScreen(() => import('../features/home/HomeScreen'), 'HomeScreen');
const AuditLogScreen = lazyScreen(() => import('../features/audit/AuditLogScreen'), 'AuditLogScreen');
const StaffScreen = lazyScreen(() => import('../features/staff/StaffScreen'), 'StaffScreen');
const BackupKeysScreen = lazyScreen(() => import('../features/backup/BackupKeysScreen'), 'BackupKeysScreen');
const SettingsScreen = lazyScreen(() => import('../features/settings/SettingsScreen'), 'SettingsScreen');
const LoyaltySettingsScreen = lazyScreen(() => import('../features/loyalty/LoyaltySettingsScreen'), 'LoyaltySettingsScreen');
const MembersScreen = lazyScreen(() => import('../features/members/MembersScreen'), 'MembersScreen');
const TellerCounterScreen = lazyScreen(() => import('../features/wallets/TellerCounterScreen'), 'TellerCounterScreen');
const ChartOfAccountsScreen = lazyScreen(() => import('../features/ledger/ChartOfAccountsScreen'), 'ChartOfAccountsScreen');
const JournalScreen = lazyScreen(() => import('../features/journal/JournalScreen'), 'JournalScreen');
const VerifyScreen = lazyScreen(() => import('../features/verify/VerifyScreen'), 'VerifyScreen');
const CardProgramsScreen = lazyScreen(() => import('../features/card-programs/CardProgramsScreen'), 'CardProgramsScreen');
const CardRegisterScreen = lazyScreen(() => import('../features/card-register/CardRegisterScreen'), 'CardRegisterScreen');
const CardTerminalScreen = lazyScreen(() => import('../features/card-terminal/CardTerminalScreen'), 'CardTerminalScreen');
const PayoutsListScreen = lazyScreen(() => import('../features/payouts/PayoutsListScreen'), 'PayoutsListScreen');
const PayoutImportScreen = lazyScreen(() => import('../features/payouts/import/PayoutImportScreen'), 'PayoutImportScreen');
const PayoutBatchScreen = lazyScreen(() => import('../features/payouts/batch/PayoutBatchScreen'), 'PayoutBatchScreen');
const ReportsScreen = lazyScreen(() => import('../features/reports/ReportsScreen'), 'ReportsScreen');

export const ROUTES: readonly AppRoute[] = [
  { path: HOME_PATH, labelKey: 'home:nav', descriptionKey: 'home:description', icon: <HomeOutlined />, access: 'session', section: 'work', element: <HomeScreen /> },
  { path: MEMBERS_PATH, labelKey: 'members:nav', descriptionKey: 'members:description', icon: <PeopleAlt />, access: 'members.read', section: 'work', element: <MembersScreen /> },
  { path: TELLER_PATH, labelKey: 'wallets:nav', descriptionKey: 'wallets:description', icon: <PointOfSale />, access: 'wallet.deposit', section: 'work', element: <TellerCounterScreen /> },
  { path: CARDS_PATH, labelKey: 'card-admin:register.nav', descriptionKey: 'card-admin:register.description', icon: <CreditCard />, access: 'cards.read', section: 'work', element: <CardRegisterScreen /> },
  { path: CARD_TERMINAL_PATH, labelKey: 'card-admin:terminal.nav', descriptionKey: 'card-admin:terminal.description', icon: <Contactless />, access: 'cards.authorize', section: 'work', element: <CardTerminalScreen /> },
  { path: PAYOUTS_PATH, labelKey: 'payouts:nav', descriptionKey: 'payouts:description', icon: <Payments />, access: 'payouts.read', section: 'work', element: <PayoutsListScreen /> },
  { path: '/ledger/accounts', labelKey: 'ledger:nav', descriptionKey: 'ledger:description', icon: <AccountTree />, access: 'ledger.read', section: 'oversight', element: <ChartOfAccountsScreen /> },
  { path: JOURNAL_PATH, labelKey: 'journal:nav', descriptionKey: 'journal:description', icon: <MenuBook />, access: 'ledger.read', section: 'oversight', element: <JournalScreen /> },
  { path: '/audit', labelKey: 'audit:nav', descriptionKey: 'audit:description', icon: <HistoryEdu />, access: 'audit.read', section: 'oversight', element: <AuditLogScreen /> },
  { path: '/verify', labelKey: 'verify:nav', descriptionKey: 'verify:description', icon: <VerifiedUser />, access: 'audit.read', section: 'oversight', element: <VerifyScreen /> },
  { path: REPORTS_PATH, labelKey: 'reports:nav', descriptionKey: 'reports:description', icon: <Summarize />, access: 'session', section: 'oversight', element: <ReportsScreen /> },
  { path: '/admin/staff', labelKey: 'staff:nav', descriptionKey: 'staff:description', icon: <Group />, access: 'staff.read', section: 'admin', element: <StaffScreen /> },
  { path: '/admin/backup', labelKey: 'backup:nav', descriptionKey: 'backup:description', icon: <Backup />, access: 'backup.run', section: 'admin', element: <BackupKeysScreen /> },
  { path: '/admin/settings', labelKey: 'settings:nav', descriptionKey: 'settings:description', icon: <Tune />, access: 'settings.read', section: 'admin', element: <SettingsScreen /> },
  { path: '/admin/loyalty', labelKey: 'loyalty:nav', descriptionKey: 'loyalty:description', icon: <Loyalty />, access: 'settings.read', section: 'admin', element: <LoyaltySettingsScreen /> },
  { path: CARD_PROGRAMS_PATH, labelKey: 'card-admin:programs.nav', descriptionKey: 'card-admin:programs.description', icon: <CardMembership />, access: 'settings.read', section: 'admin', element: <CardProgramsScreen /> },
];

/** Screens reached from another one rather than from the navigation, which keeps their parent selected. */
export const SUB_ROUTES: readonly SubRoute[] = [
  { path: PAYOUT_IMPORT_PATH, parent: PAYOUTS_PATH, access: 'payouts.import', element: <PayoutImportScreen /> },
  { path: PAYOUT_BATCH_PATH, parent: PAYOUTS_PATH, access: 'payouts.read', element: <PayoutBatchScreen /> },
];

export function routesFor(role: Role): AppRoute[] {
  return ROUTES.filter((route) => can(role, route.access));
}

export function subRoutesFor(role: Role): SubRoute[] {
  return SUB_ROUTES.filter((route) => can(role, route.access));
}
