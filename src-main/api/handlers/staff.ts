import type { HandlerMap } from '../handler';
import { addStaff, disableStaff, listStaff, resetPassphrase } from '../../staff/staff-service';

export const staffHandlers: HandlerMap<'staff.list' | 'staff.add' | 'staff.disable' | 'staff.resetPassphrase'> = {
  'staff.list': (_input, { store }) => listStaff(store),
  'staff.add': (input, { store, signer, now }) => addStaff(store, signer, input, now),
  'staff.disable': (input, { store, signer, now }) => disableStaff(store, signer, input.username, now),
  'staff.resetPassphrase': (input, { store, signer, now }) => resetPassphrase(store, signer, input.username, input.passphrase, now),
};
