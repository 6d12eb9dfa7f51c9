import type { HandlerMap } from '../handler';
import { verifyStore } from '../../registry';

export const verifyHandlers: HandlerMap<'system.verify'> = {
  'system.verify': (_input, { store }) => verifyStore(store),
};
