import { z } from 'zod';
import { channel } from './define';
import { displayNameSchema, emptyInput, isoTimeSchema, passphraseSchema, roleSchema, usernameSchema } from './common';

export const staffStatusSchema = z.enum(['active', 'disabled']);

export const staffMemberSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  status: staffStatusSchema,
  createdAt: isoTimeSchema,
  lastLoginAt: isoTimeSchema.nullable(),
  /** Failed unlocks in a row, and until when the account is locked out (null when it is not). */
  failedAttempts: z.number().int(),
  lockedUntil: isoTimeSchema.nullable(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const addStaffInput = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  passphrase: passphraseSchema,
});
export const staffRefInput = z.object({ username: usernameSchema });
export const resetPassphraseInput = z.object({ username: usernameSchema, passphrase: passphraseSchema });
export const changeRoleInput = z.object({ username: usernameSchema, role: roleSchema });
/** A disabled person's slot was removed, so enabling them again gives them a new passphrase. */
export const enableStaffInput = z.object({ username: usernameSchema, passphrase: passphraseSchema });

export const staffChannels = {
  'staff.list': channel({ input: emptyInput, output: z.array(staffMemberSchema), access: 'staff.read' }),
  'staff.add': channel({ input: addStaffInput, output: staffMemberSchema, access: 'staff.manage', invalidates: ['staff.list', 'audit.list'] }),
  'staff.disable': channel({ input: staffRefInput, output: staffMemberSchema, access: 'staff.manage', invalidates: ['staff.list', 'audit.list'] }),
  'staff.resetPassphrase': channel({ input: resetPassphraseInput, output: staffMemberSchema, access: 'staff.manage', invalidates: ['staff.list', 'audit.list'] }),
  /** A new role, on a certificate the admin signs; the last active admin cannot be demoted. */
  'staff.changeRole': channel({ input: changeRoleInput, output: staffMemberSchema, access: 'staff.manage', invalidates: ['staff.list', 'audit.list'] }),
  'staff.enable': channel({ input: enableStaffInput, output: staffMemberSchema, access: 'staff.manage', invalidates: ['staff.list', 'audit.list'] }),
};
