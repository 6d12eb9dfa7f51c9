import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPaydesk, screenshot } from './harness';
import { ADMIN, openScreen, unlock } from './support/app-actions';

// A setting changed outside Paydesk (a SQLCipher shell, say) to a value its domain's schema
// refuses: the Settings screen names the setting in the user's language, shows its default in its
// place (and every other setting as saved), and saving the section repairs it.

afterAll(async () => {
  await closeBrowser();
});

describe('a broken setting', () => {
  it('is named on the Settings screen, in Chinese too, and saving a valid value repairs it', async () => {
    const app = await openPaydesk({
      locale: 'zh-CN',
      prepare: async (router) => {
        await router.invoke('setup.init', ADMIN);
        router.state.requireStore().sqlite.prepare(`INSERT INTO settings (key, value_json, updated_at) VALUES ('idleLockMinutes', '-5', 'now')`).run();
        await router.invoke('session.lock', {});
      },
    });
    try {
      const { page, router } = app;
      await unlock(page, ADMIN.username, ADMIN.passphrase, '解锁');
      await openScreen(page, '设置');
      const session = page.getByRole('region', { name: '会话', exact: true });
      await session.getByText('已保存的“无操作多少分钟后锁定”无效，因此显示默认值。保存本部分即可更正。').waitFor();
      expect(await session.getByLabel('无操作多少分钟后锁定').inputValue()).toBe('10');
      await screenshot(page, 'settings-broken-zh');
      await session.getByLabel('无操作多少分钟后锁定').fill('15');
      await session.getByRole('button', { name: '保存' }).click();
      await screenshot(page, 'settings-broken-zh-after-save');
      await page.getByText('已保存。').waitFor();
      expect(await router.invoke('settings.get', {})).toMatchObject({ ok: true, value: { idleLockMinutes: 15 } });
      // The trust fingerprint below is the one the admin's keyslot holds, named in Chinese too.
      const status = await router.invoke('app.status', {});
      const fingerprint = page.getByRole('region', { name: '信任指纹' }).getByTestId('trust-fingerprint');
      expect(await fingerprint.textContent()).toBe(status.ok ? status.value.session?.trustFingerprint : 'no status');
      expect(app.problems).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
