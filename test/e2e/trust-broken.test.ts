import { afterAll, describe, expect, it } from 'vitest';
import { Signer, newSigningIdentity } from '../../src-main/trust/signer';
import { issueCertificate } from '../../src-main/trust/staff-certificates';
import { closeBrowser, openPaydesk, screenshot } from './harness';
import { expectText, switchLanguage, unlock, type Person } from './support/app-actions';

// Issue 7 item 3 as a person meets it: a key holder swapped the trust root in the database (every
// certificate re-issued under their own key). The admin's keyslot still trusts the fingerprint
// printed at set-up, so the unlock screen refuses the sign-in and says why, in both languages.

const ADMIN: Person = { username: 'admin', displayName: 'Ada Admin', passphrase: 'correct horse battery 42' };

afterAll(async () => {
  await closeBrowser();
});

describe('a trust root swapped outside Paydesk', () => {
  it('refuses the sign-in at the unlock screen with TRUST_BROKEN, in English and Chinese, and no session opens', async () => {
    const app = await openPaydesk({
      prepare: async (router) => {
        await router.invoke('setup.init', ADMIN);
        const store = router.state.requireStore();
        const forger = new Signer(ADMIN.username, newSigningIdentity());
        // As a SQLCipher shell would: the append-only triggers dropped for the edit, then put back.
        const triggers = store.sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_no_%'`).all() as { name: string; sql: string }[];
        store.sqlite.transaction(() => {
          for (const trigger of triggers) store.sqlite.exec(`DROP TRIGGER ${trigger.name}`);
          store.sqlite.exec('DELETE FROM staff_certificates');
          issueCertificate(store, forger, { username: ADMIN.username, role: 'admin', status: 'active', publicKey: forger.publicKey }, new Date());
          for (const trigger of triggers) store.sqlite.exec(trigger.sql);
        })();
        // The live session's next call finds the swap and ends the session.
        expect(await router.invoke('session.lock', {})).toMatchObject({ ok: false, error: { code: 'TRUST_BROKEN' } });
      },
    });
    try {
      const { page, router } = app;
      await unlock(page, ADMIN.username, ADMIN.passphrase);
      await expectText(page.getByRole('alert'), 'do not chain to the trust fingerprint your keyslot holds. The data was changed outside Paydesk');
      await screenshot(page, 'unlock-trust-broken');
      await switchLanguage(page, '简体中文');
      await expectText(page.getByRole('alert'), '无法追溯到您的密钥槽所信任的信任指纹');
      await screenshot(page, 'unlock-trust-broken-zh');
      expect(router.state.session).toBeNull();
      expect(app.problems).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
