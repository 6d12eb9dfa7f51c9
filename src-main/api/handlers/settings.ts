import type { HandlerMap } from '../handler';
import { readSettings, updateSettings } from '../../settings/settings-service';
import { readSettingsOverview } from '../../settings/settings-overview';

export const settingsHandlers: HandlerMap<'settings.get' | 'settings.overview' | 'settings.update'> = {
  'settings.get': (_input, { store }) => readSettings(store),
  'settings.overview': (_input, { store }) => readSettingsOverview(store),
  'settings.update': (input, { store, session, now }) => updateSettings(store, session.username, input, now),
};
