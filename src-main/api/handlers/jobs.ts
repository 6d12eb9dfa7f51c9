import type { HandlerMap } from '../handler';
import { runDueTasks } from '../../jobs/due-tasks';
import { DUE_TASKS } from '../../registry';

export const jobHandlers: HandlerMap<'jobs.get' | 'jobs.cancel' | 'jobs.runDue'> = {
  'jobs.get': (input, { app }) => app.jobs.get(input.id),
  'jobs.cancel': (input, { app }) => app.jobs.cancel(input.id),
  'jobs.runDue': (_input, { store, session, now }) => runDueTasks(store, DUE_TASKS, session.username, now),
};
