import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalAccount, TransferRelation } from '../../../../src-shared/contract/journal';
import type { TransferState } from '../../../../src-shared/contract/ledger';

// The journal's codes in the reader's words: transfer kinds, states and relations, and accounts
// by the name people know them by. A kind another domain adds later reads as its code until it
// has words here.

export interface JournalWords {
  kind: (kind: string) => string;
  state: (state: TransferState) => string;
  relation: (relation: TransferRelation) => string;
  /** The operator's accounts by their role, a wallet by its member's name, any other by its own name. */
  account: (account: JournalAccount) => string;
}

export function useJournalWords(): JournalWords {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const known = (key: string, fallback: string) => (i18n.exists(key) ? t(key) : fallback);
    return {
      kind: (kind) => known(`journal:kind.${kind}`, kind),
      state: (state) => t(`journal:state.${state}`),
      relation: (relation) => t(`journal:relation.${relation}`),
      account: (account) => {
        if (account.systemRole) return known(`ledger:systemRole.${account.systemRole}`, account.name);
        if (account.member) return t('journal:account.wallet', { name: account.member.name, currency: account.currency });
        return account.name;
      },
    };
  }, [t, i18n]);
}
