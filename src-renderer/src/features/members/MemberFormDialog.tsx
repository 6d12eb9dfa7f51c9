import { useMemo, type FormEventHandler } from 'react';
import { Dialog } from '@mui/material';
import { useForm, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../../src-shared/contract';
import { INPUT_LIMITS } from '../../../../src-shared/contract/common';
import type { Member } from '../../../../src-shared/contract/members';
import { useChannelMutation } from '../../api/queries';
import { FormDialogFrame } from '../../ui/FormDialogFrame';
import { FormTextField, useServerError } from '../../ui/form';
import { createMemberSchema, emptyMemberForm, MEMBER_FIELDS, memberFormFrom, translatedResolver, updateMemberSchema, type MemberFormValues } from './member-form';

interface LayoutProps {
  title: string;
  submitLabel: string;
  control: Control<MemberFormValues>;
  /** The member being edited: its ID document is shown masked, never filled in. */
  member?: Member;
  busy: boolean;
  formError: unknown;
  onSubmit: FormEventHandler;
  onClose: () => void;
}

function MemberFormLayout({ title, submitLabel, control, member, busy, formError, onSubmit, onClose }: LayoutProps) {
  const { t } = useTranslation();
  const idHint = member?.idDocumentMasked ? t('members:form.idDocumentKeep', { masked: member.idDocumentMasked }) : t('members:form.idDocumentHint');
  return (
    <FormDialogFrame title={title} submitLabel={submitLabel} busy={busy} formError={formError} onSubmit={onSubmit} onClose={onClose}>
          <FormTextField control={control} name="name" label={t('members:field.name')} required maxLength={INPUT_LIMITS.name} autoFocus autoComplete="off" />
          <FormTextField control={control} name="phone" label={t('members:field.phone')} required autoComplete="off" hint={t('members:form.phoneHint')} />
          <FormTextField control={control} name="email" label={t('members:field.email')} type="email" autoComplete="off" />
          <FormTextField control={control} name="idDocumentNumber" label={t('members:field.idDocument')} autoComplete="off" hint={idHint} />
          <FormTextField control={control} name="referredBy" label={t('members:field.referredBy')} autoComplete="off" hint={t('members:form.referredByHint')} />
          {/* Long notes scroll inside the field, so the limit and the count under it stay in sight. */}
          <FormTextField control={control} name="notes" label={t('members:field.notes')} maxLength={INPUT_LIMITS.prose} multiline minRows={2} maxRows={6} />
    </FormDialogFrame>
  );
}

interface FormProps {
  onClose: () => void;
  onSaved: (member: Member) => void;
}

function CreateMemberForm({ onClose, onSaved }: FormProps) {
  const { t } = useTranslation();
  const resolver = useMemo(() => translatedResolver(createMemberSchema, t), [t]);
  const form = useForm<MemberFormValues, unknown, ChannelInput<'members.create'>>({ resolver, defaultValues: emptyMemberForm() });
  const server = useServerError(form.setError, MEMBER_FIELDS);
  const create = useChannelMutation('members.create', { onSuccess: onSaved, onError: server.report });
  const submit = form.handleSubmit((input) => {
    server.clear();
    create.mutate(input);
  });
  return (
    <MemberFormLayout
      title={t('members:form.createTitle')}
      submitLabel={t('members:form.create')}
      control={form.control as Control<MemberFormValues>}
      busy={create.isPending}
      formError={server.formError}
      onSubmit={submit}
      onClose={onClose}
    />
  );
}

function EditMemberForm({ member, onClose, onSaved }: FormProps & { member: Member }) {
  const { t } = useTranslation();
  const resolver = useMemo(() => translatedResolver(updateMemberSchema(member), t), [member, t]);
  const form = useForm<MemberFormValues, unknown, ChannelInput<'members.update'>>({ resolver, defaultValues: memberFormFrom(member) });
  const server = useServerError(form.setError, MEMBER_FIELDS);
  const update = useChannelMutation('members.update', { onSuccess: onSaved, onError: server.report });
  const submit = form.handleSubmit((input) => {
    server.clear();
    update.mutate(input);
  });
  return (
    <MemberFormLayout
      title={t('members:form.editTitle', { name: member.name })}
      submitLabel={t('common:actions.save')}
      control={form.control as Control<MemberFormValues>}
      member={member}
      busy={update.isPending}
      formError={server.formError}
      onSubmit={submit}
      onClose={onClose}
    />
  );
}

/** New member (no `member`) or edit one. Keyboard-first: the name has the focus, Enter saves, Esc cancels. */
export function MemberFormDialog({ open, member, onClose, onSaved }: FormProps & { open: boolean; member?: Member }) {
  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth>
      {open && (member ? <EditMemberForm member={member} onClose={onClose} onSaved={onSaved} /> : <CreateMemberForm onClose={onClose} onSaved={onSaved} />)}
    </Dialog>
  );
}
