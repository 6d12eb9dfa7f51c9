import type { TFunction } from 'i18next';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { createMemberInput, updateMemberInput, type Member } from '../../../../src-shared/contract/members';

// The member form validates with the contract's own schemas (createMemberInput, updateMemberInput):
// the form's text fields are first mapped to what the channel takes (blank → absent or cleared),
// then piped into the contract schema, so the screen and the main process apply the same rules.

export const MEMBER_FIELDS = ['name', 'phone', 'email', 'idDocumentNumber', 'referredBy', 'notes'] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];
export type MemberFormValues = Record<MemberField, string>;

const formText = z.object(Object.fromEntries(MEMBER_FIELDS.map((field) => [field, z.string()])) as Record<MemberField, z.ZodString>);

function isBlank(text: string): boolean {
  return text.trim() === '';
}

export function emptyMemberForm(): MemberFormValues {
  return { name: '', phone: '', email: '', idDocumentNumber: '', referredBy: '', notes: '' };
}

/** The form as the member is now; the ID document is never sent back, so its field starts blank. */
export function memberFormFrom(member: Member): MemberFormValues {
  return {
    name: member.name,
    phone: member.phone,
    email: member.email ?? '',
    idDocumentNumber: '',
    referredBy: member.referredBy?.memberNumber ?? '',
    notes: member.notes ?? '',
  };
}

const OPTIONAL_FIELDS = ['email', 'idDocumentNumber', 'referredBy', 'notes'] as const;

export const createMemberSchema = formText
  .transform((form): z.input<typeof createMemberInput> => {
    const filled = OPTIONAL_FIELDS.filter((field) => !isBlank(form[field])).map((field) => [field, form[field]]);
    return { name: form.name, phone: form.phone, ...Object.fromEntries(filled) };
  })
  .pipe(createMemberInput);

/** Only what differs from the member is sent; a blank optional field clears it, a blank ID document keeps it. */
export function updateMemberSchema(member: Member) {
  const before = memberFormFrom(member);
  return formText
    .transform((form): z.input<typeof updateMemberInput> => {
      const changes: Record<string, string | null> = {};
      for (const field of ['name', 'phone', 'email', 'referredBy', 'notes'] as const) {
        if (form[field].trim() !== before[field].trim()) changes[field] = isBlank(form[field]) ? null : form[field];
      }
      if (!isBlank(form.idDocumentNumber)) changes.idDocumentNumber = form.idDocumentNumber;
      return { id: member.id, ...changes };
    })
    .pipe(updateMemberInput);
}

/**
 * The contract's schemas speak English (their regex messages are written for the CLI and logs).
 * On the form, each field's problem is said once, in the reader's language, by members:validation.
 */
export function translatedResolver<Input extends FieldValues, Output>(schema: z.ZodType<Output, Input>, t: TFunction): Resolver<Input, unknown, Output> {
  const resolve = zodResolver(schema) as unknown as Resolver<Input, unknown, Output>;
  return async (values, context, options) => {
    const result = await resolve(values, context, options);
    const errors: FieldErrors<Input> = {};
    for (const [field, error] of Object.entries(result.errors)) {
      if (error) Object.assign(errors, { [field]: { ...error, message: t(`members:validation.${field}`) } });
    }
    return { ...result, errors } as Awaited<ReturnType<Resolver<Input, unknown, Output>>>;
  };
}
