import { useMemo } from 'react';
import { useForm, type Control, type FieldValues, type Path, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../src-shared/settings';
import { useChannelMutation } from '../../api/queries';
import { useServerError } from '../../ui/form';
import type { SectionForm } from './section-forms';

/** A reset that drops what was typed: the form keeps typed values only when the saved ones refresh under it. */
const DISCARD_CHANGES = { keepDirtyValues: false } as const;

export interface SectionState {
  /** What is saved now (a broken key holds its default). */
  saved: Settings;
  /** Keys whose saved value is broken: saving the section repairs them, so Save is open for them. */
  invalid: readonly string[];
  readOnly: boolean;
  onSaved: () => void;
}

/**
 * One section's form: it starts from what is saved and follows it while untouched, tracks what
 * was changed, and sends only the changed keys (and any broken one) to settings.update.
 */
export function useSectionForm<Form extends FieldValues>(definition: SectionForm<Form>, { saved, invalid, onSaved }: SectionState) {
  const { t } = useTranslation();
  const keys = useMemo(() => Object.keys(definition.section.schema.shape), [definition]);
  const broken = keys.filter((key) => invalid.includes(key));
  const resolver = useMemo(() => zodResolver(definition.schema(t)) as unknown as Resolver<Form, unknown, Partial<Settings>>, [definition, t]);
  const values = useMemo(() => definition.toForm(saved), [definition, saved]);
  const form = useForm<Form, unknown, Partial<Settings>>({ resolver, values, resetOptions: { keepDirtyValues: true } });
  const server = useServerError(form.setError, keys as Path<Form>[]);
  const update = useChannelMutation('settings.update', {
    onSuccess: (after) => {
      form.reset(definition.toForm(after), DISCARD_CHANGES);
      onSaved();
    },
    onError: server.report,
  });
  const dirtyKeys = keys.filter((key) => key in form.formState.dirtyFields);
  const submit = form.handleSubmit((parsed) => {
    server.clear();
    const changed = keys.filter((key) => dirtyKeys.includes(key) || broken.includes(key));
    update.mutate(Object.fromEntries(changed.map((key) => [key, parsed[key as keyof Settings]])));
  });
  const reset = () => {
    server.clear();
    form.reset(values, DISCARD_CHANGES);
  };
  // The fields see the form's text; only submit sees what the schema makes of it.
  const control = form.control as Control<Form>;
  return { form, control, submit, reset, busy: update.isPending, formError: server.formError, changed: dirtyKeys.length > 0, broken };
}
