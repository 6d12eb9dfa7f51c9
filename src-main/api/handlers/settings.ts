import type { HandlerMap } from '../handler';
import { readSettings, updateSettings } from '../../settings/settings-service';

export const settingsHandlers: HandlerMap<'settings.get' | 'settings.update'> = {
  'settings.get': (_input, { store }) => readSettings(store),
  'settings.update': (input, { store, session, now }) => updateSettings(store, session.username, input, now),
};
