import { z } from 'zod';
import { channel } from './define';
import { depositInput, memberTransferInput, payInput, withdrawInput } from './wallets';

// The numbers a teller confirms before posting: what the main process would post, computed by the
// operation itself and rolled back, so the screen never works out a fee or a balance on its own.

const withoutKey = { idempotencyKey: true } as const;

export const walletPreviewInput = z.discriminatedUnion('operation', [
  depositInput.omit(withoutKey).extend({ operation: z.literal('deposit') }),
  withdrawInput.omit(withoutKey).extend({ operation: z.literal('withdrawal') }),
  payInput.omit(withoutKey).extend({ operation: z.literal('payment') }),
  memberTransferInput.omit(withoutKey).extend({ operation: z.literal('transfer') }),
]);
export type WalletPreviewRequest = z.output<typeof walletPreviewInput>;
export type PreviewedOperation = WalletPreviewRequest['operation'];

export const walletPreviewSchema = z.object({
  operation: z.enum(['deposit', 'withdrawal', 'payment', 'transfer']),
  currency: z.string(),
  amount: z.number().int(),
  fee: z.number().int(),
  /** What would leave or reach the wallet: amount plus fee for a payment. */
  total: z.number().int(),
  /** The posted balance of the member's wallet (the payer's, for a transfer) right after. */
  balanceAfter: z.number().int(),
  /** What could still be spent right after: the balance less pending holds. */
  availableAfter: z.number().int(),
});
export type WalletPreview = z.infer<typeof walletPreviewSchema>;

export const walletPreviewChannels = {
  /**
   * Everyone who may read members may call it; the handler then requires the permission of the
   * operation previewed, so a preview never shows what its caller could not post.
   */
  'wallets.preview': channel({ input: walletPreviewInput, output: walletPreviewSchema, access: 'members.read' }),
};
