import type { Router } from '../../../src-main/api/router';
import { openPaydesk, type OpenOptions, type PaydeskPage } from '../harness';
import { ADMIN, answer, unlock, type Person } from './app-actions';

/**
 * Paydesk on a folder the first admin set up, with `seed` run on the router as that admin, then
 * locked and unlocked on screen by `person`: where most specs start.
 */
export async function openSignedIn(person: Person = ADMIN, seed?: (router: Router) => Promise<void>, options: Omit<OpenOptions, 'prepare'> = {}): Promise<PaydeskPage> {
  const app = await openPaydesk({
    ...options,
    prepare: async (router) => {
      await answer(router.invoke('setup.init', ADMIN));
      await seed?.(router);
      await answer(router.invoke('session.lock', {}));
    },
  });
  await unlock(app.page, person.username, person.passphrase);
  return app;
}
