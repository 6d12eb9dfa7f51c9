import { z } from 'zod';
import { settingsSection } from './define';

/** Signed-in sessions: how long an idle screen stays unlocked. */
export const sessionSettings = settingsSection({
  domain: 'session',
  schema: z.object({ idleLockMinutes: z.number().int().min(1).max(240) }),
  defaults: { idleLockMinutes: 10 },
});
