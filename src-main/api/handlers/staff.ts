import type { HandlerMap } from '../handler';
import { addStaff, disableStaff, listStaff, resetPassphrase } from '../../staff/staff-service';

export const staffHandlers: HandlerMap<'staff.list' | 'staff.add' | 'staff.disable' | 'staff.resetPassphrase'> = {
  'staff.list': (_input, { store }) => listStaff(store),
  'staff.add': (input, { store, session, now }) => addStaff(store, session.username, input, now),
  'staff.disable': (input, { store, session, now }) => disableStaff(store, session.username, input.username, now),
  'staff.resetPassphrase': (input, { store, session, now }) => resetPassphrase(store, session.username, input.username, input.passphrase, now),
};
