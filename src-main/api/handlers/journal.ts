import type { Account } from '../../../src-shared/contract/ledger';
import type { JournalAccount } from '../../../src-shared/contract/journal';
import { normalizeMemberNumber } from '../../../src-shared/member-number';
import type { HandlerMap } from '../handler';
import type { Store } from '../../store/store';
import { journalFacets, journalFilterFrom, journalPage } from '../../ledger/journal-browse';
import { accountsOfTransfers, ledgerTransferView } from '../../ledger/journal-browse-transfer';
import { findMemberRow, getMemberRowByNumber, memberRef } from '../../members/member-repo';
import { memberWallets } from '../../members/member-wallets';
import { receiptRowForTransfer } from '../../wallets/receipts';

// The journal browser joins three domains the ledger may not import: the member a wallet belongs
// to, a member's wallets for the member filter, and the receipt a teller operation was posted under.

type JournalChannel = 'ledger.journal' | 'ledger.journalFacets' | 'ledger.journalTransfer';

function journalAccount(store: Store, account: Account): JournalAccount {
  const owner = account.ownerType === 'member' && account.ownerId !== null ? findMemberRow(store, account.ownerId) : undefined;
  return {
    id: account.id,
    code: account.code,
    name: account.name,
    kind: account.kind,
    currency: account.currency,
    ownerType: account.ownerType,
    systemRole: account.systemRole,
    member: owner ? memberRef(owner) : null,
  };
}

function memberAccountIds(store: Store, memberNumber: string | undefined): number[] | undefined {
  if (memberNumber === undefined) return undefined;
  const member = getMemberRowByNumber(store, normalizeMemberNumber(memberNumber));
  return memberWallets(store, member.id).map((wallet) => wallet.accountId);
}

export const journalHandlers: HandlerMap<JournalChannel> = {
  'ledger.journal': (input, { store }) => {
    const filter = journalFilterFrom(store, input, memberAccountIds(store, input.memberNumber));
    const page = journalPage(store, filter, input);
    return { ...page, accounts: accountsOfTransfers(store, page.rows).map((account) => journalAccount(store, account)) };
  },
  'ledger.journalFacets': (_input, { store }) => journalFacets(store),
  'ledger.journalTransfer': (input, { store }) => {
    const view = ledgerTransferView(store, input.id);
    const receipt = receiptRowForTransfer(store, input.id);
    return {
      ...view,
      debitAccount: journalAccount(store, view.debitAccount),
      creditAccount: journalAccount(store, view.creditAccount),
      receipt: receipt ? { receiptNumber: receipt.receipt_number, operation: receipt.operation } : null,
    };
  },
};
