import type { HandlerMap } from '../handler';
import { loadDemoData } from '../../demo/load-demo-data';

export const demoHandlers: HandlerMap<'demo.load'> = {
  'demo.load': (input, { store, session, signer, now }) => loadDemoData(store, { username: session.username, displayName: session.displayName }, input, { signer, now }),
};
