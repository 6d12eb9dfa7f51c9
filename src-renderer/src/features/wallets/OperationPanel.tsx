import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Paper, Stack, Tab, Tabs } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { payInput, type Receipt } from '../../../../src-shared/contract/wallets';
import { can } from '../../../../src-shared/permissions';
import { ApiError } from '../../api/call';
import { useErrorText } from '../../api/error-text';
import { useSession } from '../../session/session';
import { checkAmount } from '../../ui/AmountField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { contractProblem } from '../../ui/form';
import { ConfirmOperationDialog } from './ConfirmOperationDialog';
import type { PickedMember } from './MemberPicker';
import { emptyDraft, OperationFields, type DraftProblems, type OperationDraft } from './OperationFields';
import { OPERATION_PERMISSION, TELLER_OPERATIONS, useTellerOperation, type OperationRequest, type TellerOperation } from './use-teller-operation';

const NO_PROBLEMS: DraftProblems = { amount: false, merchant: null, payee: false, memo: null };
/** The fields whose refusal by the main process (INVALID_INPUT) is shown on the field itself. */
const TEXT_FIELDS = ['merchant', 'memo'] as const;

/** The contract's own checks (payInput's merchant and memo), so the form refuses what the main process would. */
function problemsOf(operation: TellerOperation, draft: OperationDraft, t: TFunction): DraftProblems {
  const merchantMissing = operation === 'payment' && draft.merchant.trim() === '';
  return {
    amount: checkAmount(draft.amount, draft.currency).problem !== null,
    merchant: merchantMissing ? t('wallets:field.merchantRequired') : operation === 'payment' ? contractProblem(payInput.shape.merchant, draft.merchant, t) : null,
    payee: operation === 'transfer' && draft.payee === null,
    memo: contractProblem(payInput.shape.memo, draft.memo, t),
  };
}

/** The text field a refusal names, when the form has it. */
function refusedField(error: unknown): (typeof TEXT_FIELDS)[number] | undefined {
  if (!(error instanceof ApiError) || error.code !== 'INVALID_INPUT') return undefined;
  return TEXT_FIELDS.find((field) => field === error.field);
}

function requestOf(operation: TellerOperation, member: PickedMember, draft: OperationDraft, amount: number): OperationRequest {
  const memo = draft.memo.trim() ? { memo: draft.memo.trim() } : {};
  const money = { amount, currency: draft.currency, ...memo };
  if (operation === 'transfer') return { operation, fromMemberId: member.id, toMemberId: draft.payee?.id ?? 0, ...money };
  if (operation === 'payment') return { operation, memberId: member.id, merchant: draft.merchant.trim(), ...money };
  return { operation, memberId: member.id, ...money };
}

export interface OperationPanelProps {
  member: PickedMember;
  currencies: string[];
  onPosted: (receipt: Receipt) => void;
}

function OperationTabs({ value, allowed, onChange }: { value: TellerOperation; allowed: readonly TellerOperation[]; onChange: (next: TellerOperation) => void }) {
  const { t } = useTranslation();
  return (
    <Tabs value={value} onChange={(_event, next: TellerOperation) => onChange(next)} variant="fullWidth" sx={{ borderBottom: 1, borderColor: 'divider' }}>
      {allowed.map((operation) => (
        <Tab key={operation} value={operation} label={t(`wallets:operation.${operation}`)} />
      ))}
    </Tabs>
  );
}

/** The form's state: which operation, what was typed, what is wrong with it, and the review → post flow. */
function useOperationForm({ member, currencies, onPosted }: OperationPanelProps, firstOperation: TellerOperation) {
  const { t } = useTranslation();
  const [operation, setOperation] = useState<TellerOperation>(firstOperation);
  const [draft, setDraft] = useState<OperationDraft>(() => emptyDraft(currencies[0] ?? 'CNY'));
  const [problems, setProblems] = useState<DraftProblems>(NO_PROBLEMS);
  const flow = useTellerOperation((receipt) => {
    setDraft((current) => emptyDraft(current.currency));
    setProblems(NO_PROBLEMS);
    onPosted(receipt);
  });
  return {
    operation,
    draft,
    problems,
    flow,
    switchTo: (next: TellerOperation) => {
      setOperation(next);
      setProblems(NO_PROBLEMS);
      flow.review.reset();
    },
    change: (next: OperationDraft) => {
      setDraft(next);
      flow.review.reset();
    },
    review: (event: FormEvent) => {
      event.preventDefault();
      const found = problemsOf(operation, draft, t);
      setProblems(found);
      const amount = checkAmount(draft.amount, draft.currency).minor;
      if (found.merchant !== null || found.memo !== null || found.payee || amount === null) return;
      flow.review.mutate(requestOf(operation, member, draft, amount));
    },
  };
}

/** Deposit, withdraw, pay or transfer for the picked member: type → review the server's numbers → post. */
export function OperationPanel(props: OperationPanelProps) {
  const { member, currencies } = props;
  const { t } = useTranslation();
  const describe = useErrorText();
  const { role } = useSession();
  const allowed = TELLER_OPERATIONS.filter((operation) => can(role, OPERATION_PERMISSION[operation]));
  const form = useOperationForm(props, allowed[0] ?? 'deposit');
  const amountRef = useRef<HTMLInputElement>(null);
  const reviewError = form.flow.review.error;
  // Refusals of the amount itself (not a valid amount, above the role's limit) go under the amount field.
  const amountRefused = reviewError instanceof ApiError && (reviewError.code === 'AMOUNT_INVALID' || reviewError.code === 'OVER_LIMIT');
  const fieldRefused = refusedField(reviewError);
  const problems = fieldRefused ? { ...form.problems, [fieldRefused]: describe(reviewError) } : form.problems;

  // A newly picked member: the teller's next keystrokes are the amount.
  useEffect(() => {
    amountRef.current?.focus();
  }, [member.id]);

  return (
    <Paper variant="outlined" component="form" onSubmit={form.review} noValidate aria-label={t('wallets:counter.operation')}>
      <OperationTabs value={form.operation} allowed={allowed} onChange={form.switchTo} />
      <Stack sx={{ p: 2, gap: 2 }}>
        <OperationFields
          operation={form.operation}
          draft={form.draft}
          onChange={form.change}
          currencies={currencies}
          payerId={member.id}
          problems={problems}
          amountError={amountRefused ? describe(reviewError) : null}
          amountRef={amountRef}
        />
        {!amountRefused && !fieldRefused && <ErrorAlert error={reviewError} />}
        <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
          <Button type="submit" variant="contained" size="large" disabled={form.flow.review.isPending}>
            {t('wallets:counter.review')}
          </Button>
        </Stack>
      </Stack>
      <ConfirmOperationDialog
        confirmation={form.flow.confirmation}
        member={member}
        payee={form.draft.payee}
        posting={form.flow.posting}
        postError={form.flow.postError}
        onPost={form.flow.post}
        onCancel={form.flow.cancel}
      />
    </Paper>
  );
}
