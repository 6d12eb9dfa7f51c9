import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountWithBalance } from '../../../../src-shared/contract/ledger';

/** An account's name as the reader knows it: the operator's accounts by their role, a member's as their wallet. */
export function useAccountName(): (account: AccountWithBalance) => string {
  const { t } = useTranslation();
  return useCallback(
    (account: AccountWithBalance) => {
      if (account.systemRole) return t(`ledger:systemRole.${account.systemRole}`, { defaultValue: account.name });
      if (account.ownerType === 'member') return t('ledger:memberWallet');
      return account.name;
    },
    [t],
  );
}
