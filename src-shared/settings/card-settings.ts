import { z } from 'zod';
import { settingsSection } from './define';

// Cards (issue 10): the business time zone in which spending limits count their days, weeks,
// months and years, and how long an authorization may hold a member's money before it is released.

/** Whether the runtime knows the IANA time zone `zone` (e.g. `Asia/Shanghai`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const cardSettings = settingsSection({
  domain: 'cards',
  schema: z.object({
    /**
     * The IANA time zone whose calendar the spending limits follow (a day ends at its midnight,
     * a week on its Sunday night). Null: the workstation's own zone.
     */
    businessTimeZone: z.string().max(64).refine(isTimeZone, 'an IANA time zone such as Asia/Shanghai').nullable(),
    /** Days an authorization's hold on the wallet lasts before it is released unless captured. Default 7. */
    authorizationHoldDays: z.number().int().min(1).max(30),
  }),
  defaults: { businessTimeZone: null, authorizationHoldDays: 7 },
});

/** The zone the limits count in: the saved one, else the workstation's. */
export function businessTimeZone(saved: string | null): string {
  return saved ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}
