import { useMemo } from 'react';
import { Alert, MenuItem } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { issueCardInput, type CardProgram } from '../../../../src-shared/contract/cards';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { FormTextField, useServerError } from '../../ui/form';
import { FormDialogFrame } from '../../ui/FormDialogFrame';
import { useFormKey } from '../points/use-form-key';
import { CardDialog } from './CardDialog';
import { IssuedCardView } from './IssuedCardView';

// A new virtual card for the member under an open program; the program's currency is the wallet
// the card spends from. The router answers the number, expiry and CVV this once (IssuedCardView).

const HOLDER_NAME = issueCardInput.shape.holderName.unwrap();
const issueForm = (t: TFunction) => z.object({ programId: z.string().min(1, t('cards:issue.pickProgram')), holderName: HOLDER_NAME });
type IssueFormValues = z.input<ReturnType<typeof issueForm>>;
const FIELDS = ['programId', 'holderName'] as const;

interface IssueProps {
  memberId: number;
  memberName: string;
  onClose: () => void;
  /** The new card, once its number has been shown: the tab opens it. */
  onIssued: (cardId: number) => void;
}

function programLabel(program: CardProgram, t: TFunction): string {
  return t('cards:issue.programOption', { name: program.name, currency: program.currency, mode: t(`cards:programMode.${program.mode}`) });
}

function IssueForm({ memberId, memberName, onClose, onIssued }: IssueProps) {
  const { t } = useTranslation();
  const programs = useChannelQuery('cards.programs', {});
  const open = useMemo(() => (programs.data ?? []).filter((program) => program.status === 'open'), [programs.data]);
  const resolver = useMemo(() => zodResolver(issueForm(t)), [t]);
  const holderDefault = memberName.slice(0, HOLDER_NAME.maxLength ?? memberName.length);
  const form = useForm<IssueFormValues>({ resolver, values: { programId: open.length === 1 ? String(open[0]!.id) : '', holderName: holderDefault }, resetOptions: { keepDirtyValues: true } });
  const server = useServerError(form.setError, FIELDS);
  const [programId, holderName] = useWatch({ control: form.control, name: ['programId', 'holderName'] });
  const idempotencyKey = useFormKey(`${programId}|${holderName.trim()}`);
  const issue = useChannelMutation('cards.issue', { onError: server.report });
  const done = () => {
    if (issue.data) onIssued(issue.data.card.id);
    issue.reset();
    onClose();
  };
  if (issue.data) return <IssuedCardView issued={issue.data} title={t('cards:issued.title')} onDone={done} />;
  const submit = form.handleSubmit((typed) => {
    server.clear();
    issue.mutate({ memberId, programId: Number(typed.programId), holderName: typed.holderName, idempotencyKey });
  });
  const none = programs.isSuccess && open.length === 0;
  return (
    <FormDialogFrame
      title={t('cards:issue.title')}
      explanation={t('cards:issue.explanation', { name: memberName })}
      submitLabel={t('cards:issue.confirm')}
      busy={issue.isPending || none}
      formError={server.formError ?? programs.error}
      onSubmit={submit}
      onClose={onClose}
    >
      {none && <Alert severity="info">{t('cards:issue.noPrograms')}</Alert>}
      <FormTextField control={form.control} name="programId" label={t('cards:field.program')} select required autoFocus hint={t('cards:issue.programHint')}>
        {open.map((program) => (
          <MenuItem key={program.id} value={String(program.id)}>
            {programLabel(program, t)}
          </MenuItem>
        ))}
      </FormTextField>
      <FormTextField control={form.control} name="holderName" label={t('cards:field.holder')} required maxLength={HOLDER_NAME.maxLength ?? undefined} hint={t('cards:issue.holderHint')} />
    </FormDialogFrame>
  );
}

/** Tellers and admins: issue a card to the member, then see its number once. */
export function IssueCardDialog({ open, ...props }: IssueProps & { open: boolean }) {
  return (
    <CardDialog open={open} onClose={props.onClose}>
      <IssueForm {...props} />
    </CardDialog>
  );
}
