import { useCallback, useEffect } from 'react';
import { Box, Typography } from '@mui/material';
import { useForm, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { approvalSchema, type ApprovalRequest } from '../../../../src-shared/contract/wallets';
import { ApiError } from '../../api/call';
import { useErrorText } from '../../api/error-text';
import { FormTextField } from '../../ui/form';

// A second person's approval, typed into the confirmation at the same workstation: their staff
// name and their own passphrase (src-main/wallets/counter-approval.ts proves both). The fields
// validate with the contract's approvalSchema; a refusal of the approval (a wrong passphrase, the
// teller naming themselves, an approver who is not finance or admin) is shown on its field.

export type ApprovalForm = UseFormReturn<ApprovalRequest>;

export function useApprovalForm(): ApprovalForm {
  return useForm<ApprovalRequest>({ resolver: zodResolver(approvalSchema), defaultValues: { username: '', passphrase: '' } });
}

/** The approval field a refusal names (details.field `approval.username` or `approval.passphrase`). */
function approvalField(error: unknown): keyof ApprovalRequest | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.field === 'approval.username') return 'username';
  if (error.field === 'approval.passphrase') return 'passphrase';
  return undefined;
}

/** Is this refusal about the approval, so the approval's fields show it rather than the dialog? */
export function isApprovalRefusal(error: unknown): boolean {
  return approvalField(error) !== undefined;
}

/** Puts a refusal of the approval on its field and clears the passphrase for the next try. */
export function useShowApprovalRefusal(form: ApprovalForm): (error: unknown) => void {
  const describe = useErrorText();
  const { setValue, setError } = form;
  return useCallback(
    (error: unknown) => {
      const field = approvalField(error);
      if (!field) return;
      setValue('passphrase', '');
      setError(field, { type: 'server', message: describe(error) }, { shouldFocus: true });
    },
    [describe, setValue, setError],
  );
}

/**
 * The section "Approval by a second person", focused on the approver's name as it appears. Enter
 * in either field approves and posts, as the dialog's button does.
 */
export function ApprovalFields({ form, onSubmit }: { form: ApprovalForm; onSubmit: () => void }) {
  const { t } = useTranslation();
  const { setFocus } = form;
  // The approver types straight away; the dialog's own first focus (its safe Cancel) comes before this.
  useEffect(() => setFocus('username'), [setFocus]);
  return (
    <Box
      component="section"
      aria-labelledby="approval-title"
      data-testid="approval-section"
      onKeyDown={(event) => {
        if (event.key !== 'Enter') return;
        event.preventDefault();
        onSubmit();
      }}
      sx={{ display: 'flex', flexDirection: 'column', gap: 1.5, p: 2, border: 1, borderColor: 'warning.main', borderRadius: 1 }}
    >
      <Typography id="approval-title" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {t('wallets:approval.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('wallets:approval.explanation')}
      </Typography>
      <FormTextField control={form.control} name="username" label={t('wallets:approval.username')} formatHint={t('common:validation.username')} autoComplete="off" />
      <FormTextField control={form.control} name="passphrase" label={t('wallets:approval.passphrase')} type="password" autoComplete="off" />
    </Box>
  );
}
