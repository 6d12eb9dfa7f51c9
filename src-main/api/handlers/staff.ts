import type { HandlerMap } from '../handler';
import { addStaff, changeRole, disableStaff, enableStaff, listStaff, resetPassphrase } from '../../staff/staff-service';

export const staffHandlers: HandlerMap<'staff.list' | 'staff.add' | 'staff.disable' | 'staff.resetPassphrase' | 'staff.changeRole' | 'staff.enable'> = {
  'staff.list': (_input, { store }) => listStaff(store),
  'staff.add': (input, { store, signer, now }) => addStaff(store, signer, input, now),
  'staff.disable': (input, { store, signer, now }) => disableStaff(store, signer, input.username, now),
  'staff.resetPassphrase': (input, { store, signer, now }) => resetPassphrase(store, signer, input.username, input.passphrase, now),
  'staff.changeRole': (input, { store, signer, now }) => changeRole(store, signer, input.username, input.role, now),
  'staff.enable': (input, { store, signer, now }) => enableStaff(store, signer, input.username, input.passphrase, now),
};
