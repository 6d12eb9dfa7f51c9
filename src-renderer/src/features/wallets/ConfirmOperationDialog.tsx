import { useEffect } from 'react';
import { Box, Divider } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ApprovalRequest } from '../../../../src-shared/contract/wallets';
import { formatMemberNumber } from '../../../../src-shared/member-number';
import { useErrorText } from '../../api/error-text';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DetailRow } from '../../ui/DetailRow';
import { Money } from '../../ui/Money';
import type { PickedMember } from './MemberPicker';
import type { Confirmation } from './use-teller-operation';
import { ApprovalFields, isApprovalRefusal, useApprovalForm, useShowApprovalRefusal } from './ApprovalFields';

export interface ConfirmOperationDialogProps {
  confirmation: Confirmation | null;
  member: PickedMember;
  payee: PickedMember | null;
  posting: boolean;
  postError: unknown;
  /** Posts the confirmed operation, with the second person's approval when the dry run said it needs one. */
  onPost: (approval?: ApprovalRequest) => void;
  onCancel: () => void;
}

/**
 * The step before money moves: every number here is the main process's, from a dry run. Above the
 * approval threshold a second person approves in the same dialog before Post.
 */
export function ConfirmOperationDialog({ confirmation, member, payee, posting, postError, onPost, onCancel }: ConfirmOperationDialogProps) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const approval = useApprovalForm();
  const showApprovalRefusal = useShowApprovalRefusal(approval);
  const needsApproval = confirmation?.preview.approvalRequired === true;
  const { reset } = approval;

  // Each confirmation starts with empty approval fields; a refusal of the approval goes on its field.
  useEffect(() => reset(), [confirmation, reset]);
  useEffect(() => showApprovalRefusal(postError), [postError, showApprovalRefusal]);
  if (!confirmation) return null;
  const { request, preview } = confirmation;
  const { currency } = preview;
  const post = needsApproval ? approval.handleSubmit((given) => onPost(given)) : () => onPost();
  return (
    <ConfirmDialog
      open
      title={t(`wallets:confirm.title.${preview.operation}`)}
      confirmLabel={t(needsApproval ? 'wallets:approval.post' : 'wallets:confirm.post')}
      busy={posting}
      error={postError && !isApprovalRefusal(postError) ? describe(postError) : null}
      onConfirm={() => void post()}
      onClose={onCancel}
    >
      <Box component="dl" data-testid="operation-confirmation" sx={{ m: 0, display: 'flex', flexDirection: 'column', gap: 0.75, fontVariantNumeric: 'tabular-nums' }}>
        <DetailRow label={t('wallets:receipt.member')}>{`${member.name} · ${formatMemberNumber(member.memberNumber)}`}</DetailRow>
        {payee && request.operation === 'transfer' && <DetailRow label={t('wallets:receipt.payee')}>{`${payee.name} · ${formatMemberNumber(payee.memberNumber)}`}</DetailRow>}
        {request.operation === 'payment' && <DetailRow label={t('wallets:receipt.merchant')}>{request.merchant}</DetailRow>}
        <Divider />
        <DetailRow label={t('wallets:receipt.amount')}>
          <Money minor={preview.amount} currency={currency} />
        </DetailRow>
        <DetailRow label={t('wallets:receipt.fee')}>
          <Money minor={preview.fee} currency={currency} />
        </DetailRow>
        <DetailRow label={t(preview.operation === 'deposit' ? 'wallets:receipt.totalIn' : 'wallets:receipt.totalOut')} strong>
          <Money minor={preview.total} currency={currency} />
        </DetailRow>
        <Divider />
        <DetailRow label={t('wallets:receipt.balanceAfter')} strong>
          <Money minor={preview.balanceAfter} currency={currency} />
        </DetailRow>
        {preview.availableAfter !== null && (
          <DetailRow label={t('wallets:confirm.availableAfter')}>
            <Money minor={preview.availableAfter} currency={currency} />
          </DetailRow>
        )}
      </Box>
      {needsApproval && <ApprovalFields form={approval} onSubmit={() => void post()} />}
    </ConfirmDialog>
  );
}
