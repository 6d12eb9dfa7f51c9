import type { HandlerMap } from '../handler';
import { verifyStore } from '../verify-checks';

export const verifyHandlers: HandlerMap<'system.verify'> = {
  'system.verify': (_input, { store }) => verifyStore(store),
};
