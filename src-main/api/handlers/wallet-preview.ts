import { AppError } from '../../../src-shared/errors';
import { can, type Permission } from '../../../src-shared/permissions';
import type { PreviewedOperation } from '../../../src-shared/contract/wallet-preview';
import type { HandlerMap } from '../handler';
import { previewOperation } from '../../wallets/preview';

/** The permission of the channel that would post what is previewed. */
const OPERATION_PERMISSION: Record<PreviewedOperation, Permission> = {
  deposit: 'wallet.deposit',
  withdrawal: 'wallet.withdraw',
  payment: 'wallet.pay',
  transfer: 'wallet.transfer',
};

export const walletPreviewHandlers: HandlerMap<'wallets.preview'> = {
  'wallets.preview': (input, { store, session, now }) => {
    const permission = OPERATION_PERMISSION[input.operation];
    if (!can(session.role, permission)) {
      throw new AppError('FORBIDDEN', `The ${session.role} role may not preview a ${input.operation}.`, { permission });
    }
    return previewOperation(store, { username: session.username, displayName: session.displayName }, input, now);
  },
};
