import { businessTimeZone, cardSettings } from '../../src-shared/settings/card-settings';
import { readSetting } from '../settings/settings-service';
import type { Store } from '../store/store';
import { monthIn } from './limit-windows';

// The business time zone (Settings → Cards; unset: the workstation's): the calendar spending
// limits count their days, weeks, months and years in, and the one in which a card, ours or a
// member's bank card, works through the last day of its expiry month.

/** The workstation's zone, asked once: making an Intl.DateTimeFormat costs more than the rest of a limit check. */
let workstationZone: string | undefined;

export function businessZone(store: Store): string {
  return readSetting(store, cardSettings, 'businessTimeZone') ?? (workstationZone ??= businessTimeZone(null));
}

/** The `YYYY-MM` month it is at `now` in the business time zone. */
export function businessMonth(store: Store, now: Date): string {
  return monthIn(businessZone(store), now);
}
