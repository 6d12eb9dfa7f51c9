import type { HandlerMap } from '../handler';
import { readSettings, updateSettings } from '../../settings/settings-service';

export const maintenanceHandlers: HandlerMap<'jobs.get' | 'settings.get' | 'settings.update'> = {
  'jobs.get': (input, { app }) => app.jobs.get(input.id),
  'settings.get': (_input, { store }) => readSettings(store),
  'settings.update': (input, { store, session, now }) => updateSettings(store, session.username, input, now),
};
