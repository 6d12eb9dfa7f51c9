import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type ChannelInput, type PreviewableChannel } from '../../../../src-shared/contract';
import type { ApprovalRequest, Receipt } from '../../../../src-shared/contract/wallets';
import type { Access } from '../../../../src-shared/permissions';
import { type ApiError, call } from '../../api/call';
import { invalidateAfter } from '../../api/queries';

/** The channel that posts each counter operation; the same channel, dry-run, previews it. */
const OPERATION_CHANNEL = {
  deposit: 'wallets.deposit',
  withdrawal: 'wallets.withdraw',
  payment: 'wallets.pay',
  transfer: 'wallets.transfer',
} as const satisfies Record<string, PreviewableChannel>;

export type TellerOperation = keyof typeof OPERATION_CHANNEL;
export const TELLER_OPERATIONS = Object.keys(OPERATION_CHANNEL) as TellerOperation[];

/** Who may use each operation: the permission of the channel that posts it, read from the contract. */
export const OPERATION_PERMISSION = Object.fromEntries(TELLER_OPERATIONS.map((operation) => [operation, contract[OPERATION_CHANNEL[operation]].access])) as Record<TellerOperation, Access>;

type Typed<O extends TellerOperation> = { operation: O } & Omit<ChannelInput<(typeof OPERATION_CHANNEL)[O]>, 'idempotencyKey' | 'dryRun' | 'approval'>;
/** What the teller typed, with the operation it is for. */
export type OperationRequest = Typed<'deposit'> | Typed<'withdrawal'> | Typed<'payment'> | Typed<'transfer'>;

/** What the teller is asked to confirm: the request, the main process's receipt for it from a dry run, and its key. */
export interface Confirmation {
  request: OperationRequest;
  preview: Receipt;
  /** Made once when the teller reviews, sent with the dry run and with every Post of it, so a retry or a double click posts once. */
  idempotencyKey: string;
}

function send({ operation, ...input }: OperationRequest, idempotencyKey: string, dryRun: boolean, approval?: ApprovalRequest): Promise<Receipt> {
  return call(OPERATION_CHANNEL[operation], { ...input, idempotencyKey, dryRun, ...(approval ? { approval } : {}) } as never) as Promise<Receipt>;
}

/** Review (the operation's own channel with dryRun, nothing written) → confirm → post, with one idempotency key per confirmation. */
export function useTellerOperation(onPosted: (receipt: Receipt) => void) {
  const queryClient = useQueryClient();
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const review = useMutation<Confirmation, ApiError, OperationRequest>({
    mutationFn: async (request) => {
      const idempotencyKey = crypto.randomUUID();
      return { request, idempotencyKey, preview: await send(request, idempotencyKey, true) };
    },
    onSuccess: setConfirmation,
  });
  const posting = useMutation<Receipt, ApiError, Confirmation & { approval?: ApprovalRequest }>({
    mutationFn: ({ request, idempotencyKey, approval }) => send(request, idempotencyKey, false, approval),
    onSuccess: async (receipt, { request }) => {
      await invalidateAfter(queryClient, OPERATION_CHANNEL[request.operation]);
      setConfirmation(null);
      onPosted(receipt);
    },
  });

  return {
    review,
    confirmation,
    /** Posts what was reviewed; `approval` is the second person's, when the review said it needs one. */
    post: (approval?: ApprovalRequest) => {
      if (confirmation) posting.mutate({ ...confirmation, ...(approval ? { approval } : {}) });
    },
    posting: posting.isPending,
    postError: posting.error,
    /** Back to the form; the next review makes a new key. */
    cancel: () => {
      setConfirmation(null);
      posting.reset();
    },
  };
}
