import { useState } from 'react';
import type { ChannelInput } from '../../../../src-shared/contract';
import type { PreviewedOperation, WalletPreview } from '../../../../src-shared/contract/wallet-preview';
import type { Receipt } from '../../../../src-shared/contract/wallets';
import type { Permission } from '../../../../src-shared/permissions';
import { useChannelMutation } from '../../api/queries';

export type TellerOperation = PreviewedOperation;
export type OperationRequest = ChannelInput<'wallets.preview'>;

export const TELLER_OPERATIONS: readonly TellerOperation[] = ['deposit', 'withdrawal', 'payment', 'transfer'];

export const OPERATION_PERMISSION: Record<TellerOperation, Permission> = {
  deposit: 'wallet.deposit',
  withdrawal: 'wallet.withdraw',
  payment: 'wallet.pay',
  transfer: 'wallet.transfer',
};

/** What the teller is asked to confirm: the request, the main process's numbers for it, and its key. */
export interface Confirmation {
  request: OperationRequest;
  preview: WalletPreview;
  /** Made once when the confirmation opens and sent with every Post of it, so a retry or a double click posts once. */
  idempotencyKey: string;
}

/** Review (wallets.preview, nothing written) → confirm → post, with one idempotency key per confirmation. */
export function useTellerOperation(onPosted: (receipt: Receipt) => void) {
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const review = useChannelMutation('wallets.preview', {
    onSuccess: (preview, request) => setConfirmation({ request, preview, idempotencyKey: crypto.randomUUID() }),
  });
  const posted = {
    onSuccess: (receipt: Receipt) => {
      setConfirmation(null);
      onPosted(receipt);
    },
  };
  const deposit = useChannelMutation('wallets.deposit', posted);
  const withdraw = useChannelMutation('wallets.withdraw', posted);
  const pay = useChannelMutation('wallets.pay', posted);
  const transfer = useChannelMutation('wallets.transfer', posted);
  const postings = [deposit, withdraw, pay, transfer];

  const post = () => {
    if (!confirmation) return;
    const { request, idempotencyKey } = confirmation;
    if (request.operation === 'deposit') {
      const { operation: _operation, ...input } = request;
      deposit.mutate({ ...input, idempotencyKey });
    } else if (request.operation === 'withdrawal') {
      const { operation: _operation, ...input } = request;
      withdraw.mutate({ ...input, idempotencyKey });
    } else if (request.operation === 'payment') {
      const { operation: _operation, ...input } = request;
      pay.mutate({ ...input, idempotencyKey });
    } else {
      const { operation: _operation, ...input } = request;
      transfer.mutate({ ...input, idempotencyKey });
    }
  };

  return {
    review,
    confirmation,
    post,
    posting: postings.some((mutation) => mutation.isPending),
    postError: postings.find((mutation) => mutation.error)?.error ?? null,
    /** Back to the form; the next review makes a new key. */
    cancel: () => {
      setConfirmation(null);
      for (const mutation of postings) mutation.reset();
    },
  };
}
