import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Router } from '../../src-main/api/router';
import { closeBrowser, openPaydesk, screenshot, type PaydeskPage } from './harness';
import { ADMIN, answer, chooseRowAction, expectText, fieldErrors, lock, navigation, openScreen, setUpFirstAdmin, switchLanguage, TELLER, unlock } from './support/app-actions';

// The foundation as a person meets it (issue 2): first run, staff, lock and unlock, roles,
// languages, backup and the audit log, on a real encrypted data folder behind the real router.

const RECOVERY_KEY_FORMAT = /^([0-9A-F]{4}-){15}[0-9A-F]{4}$/;
const TRUST_FINGERPRINT_FORMAT = /^([0-9A-F]{4}-){7}[0-9A-F]{4}$/;

afterAll(async () => {
  await closeBrowser();
});

/** The trust fingerprint the signed-in person's keyslot holds, as the router says. */
async function heldFingerprint(router: Router): Promise<string> {
  return (await answer(router.invoke('app.status', {}))).session?.trustFingerprint ?? 'no session';
}

/** A data folder whose first admin exists; the page opens on the unlock screen. */
async function withAdmin(router: Router): Promise<string> {
  const { recoveryKey } = await answer(router.invoke('setup.init', ADMIN));
  await answer(router.invoke('session.lock', {}));
  return recoveryKey;
}

describe('the foundation in browser mode', () => {
  let app: PaydeskPage;
  let recoveryKey = '';

  beforeAll(async () => {
    app = await openPaydesk();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('refuses a weak passphrase in the setup wizard before anything is written', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Set up Paydesk' }).waitFor();
    await page.getByLabel('Full name').fill(ADMIN.displayName);
    await page.getByLabel('Passphrase', { exact: true }).fill('password1234');
    await page.getByLabel('Passphrase again').fill('password1234');
    await page.getByRole('button', { name: 'Create admin and encrypt data' }).click();
    await expectText(fieldErrors(page), 'one of the most common');
    await screenshot(page, 'setup');
    const status = await app.router.invoke('app.status', {});
    expect(status.ok && status.value.initialized).toBe(false);
  });

  it('creates the first admin and shows the recovery key once, with the trust fingerprint, continuing only after it is stored', async () => {
    const { page } = app;
    recoveryKey = await setUpFirstAdmin(page, ADMIN);
    expect(recoveryKey).toMatch(RECOVERY_KEY_FORMAT);
    const fingerprint = await page.getByTestId('trust-fingerprint').textContent();
    expect(fingerprint).toMatch(TRUST_FINGERPRINT_FORMAT);
    expect(fingerprint).toBe(await heldFingerprint(app.router));
    await expectText(page.getByRole('main'), 'Keep it with the recovery key.');
    const proceed = page.getByRole('button', { name: 'Continue to Paydesk' });
    expect(await proceed.isDisabled()).toBe(true);
    await screenshot(page, 'setup-recovery-key');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as file' }).click()]);
    expect(download.suggestedFilename()).toBe('paydesk-recovery-key.txt');
    const saved = readFileSync(await download.path(), 'utf8');
    expect(saved).toContain(recoveryKey);
    expect(saved).toContain(`Trust fingerprint. Keep it with the recovery key.`);
    expect(saved).toContain(fingerprint);

    await switchLanguage(page, '简体中文');
    await expectText(page.getByRole('main'), '信任指纹');
    expect(await page.getByTestId('trust-fingerprint').textContent()).toBe(fingerprint);
    await screenshot(page, 'setup-recovery-key-zh');
    await switchLanguage(page, 'English');
    await page.getByLabel('I have stored the recovery key somewhere safe.').check();
    await proceed.click();
    await page.getByRole('heading', { name: 'Welcome, Ada Admin' }).waitFor();
    expect(await navigation(page).getByRole('link', { name: 'Staff' }).isVisible()).toBe(true);
  });

  it('adds a teller from Admin → Staff, and the grid shows them', async () => {
    const { page } = app;
    await openScreen(page, 'Staff');
    await page.getByRole('button', { name: 'Add staff' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('User name').fill(TELLER.username);
    await dialog.getByLabel('Name', { exact: true }).fill(TELLER.displayName);
    await dialog.getByLabel('Initial passphrase', { exact: true }).fill(TELLER.passphrase);
    await dialog.getByLabel('Initial passphrase again').fill(TELLER.passphrase);
    await dialog.getByRole('button', { name: 'Add staff member' }).click();
    await page.getByRole('gridcell', { name: TELLER.displayName }).waitFor();
    await expectText(page.getByRole('row').filter({ hasText: TELLER.username }), 'Teller');
    await screenshot(page, 'staff');
    const staff = await app.router.invoke('staff.list', {});
    expect(staff.ok && staff.value.map((member) => [member.username, member.role])).toEqual([
      ['admin', 'admin'],
      ['tina', 'teller'],
    ]);
  });

  it('refuses a second staff member with the same name on the user name field', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Add staff' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('User name').fill(TELLER.username);
    await dialog.getByLabel('Name', { exact: true }).fill('Someone Else');
    await dialog.getByLabel('Initial passphrase', { exact: true }).fill('another long passphrase 7');
    await dialog.getByLabel('Initial passphrase again').fill('another long passphrase 7');
    await dialog.getByRole('button', { name: 'Add staff member' }).click();
    await expectText(fieldErrors(dialog), 'A staff member with this name already exists.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const staff = await app.router.invoke('staff.list', {});
    expect(staff.ok && staff.value.length).toBe(2);
  });

  it('locks to the unlock screen, and a wrong passphrase says so with the attempts left', async () => {
    const { page } = app;
    await lock(page);
    await page.getByRole('heading', { name: 'Unlock Paydesk' }).waitFor();
    await screenshot(page, 'unlock');
    await unlock(page, TELLER.username, 'not the passphrase at all');
    await expectText(page.getByRole('alert'), 'The name or passphrase is not right. 4 attempts left before the account locks.');
    await screenshot(page, 'unlock-wrong-passphrase');
    expect(app.router.state.session).toBeNull();
  });

  it('unlocks as the teller, who sees no Admin navigation', async () => {
    const { page } = app;
    await unlock(page, TELLER.username, TELLER.passphrase);
    await page.getByRole('heading', { name: `Welcome, ${TELLER.displayName}` }).waitFor();
    const nav = navigation(page);
    expect(await nav.getByText('Admin', { exact: true }).count()).toBe(0);
    const links = await nav.getByRole('link').allTextContents();
    expect(links).toContain('Home');
    for (const adminScreen of ['Staff', 'Backup & keys', 'Settings', 'Audit log']) expect(links).not.toContain(adminScreen);
    await screenshot(page, 'home-teller');
  });

  it('shows the teller the trust fingerprint their keyslot holds in the user menu', async () => {
    const { page } = app;
    await page.getByTestId('user-menu').click();
    const fingerprint = page.getByTestId('user-menu-trust-fingerprint');
    await expectText(fingerprint, TRUST_FINGERPRINT_FORMAT);
    expect(await fingerprint.textContent()).toBe(await heldFingerprint(app.router));
    await screenshot(page, 'user-menu-teller');
    await page.keyboard.press('Escape');
  });

  it('switches to 简体中文, and the frame and the unlock screen follow', async () => {
    const { page } = app;
    await switchLanguage(page, '简体中文');
    await page.getByRole('heading', { name: `欢迎，${TELLER.displayName}` }).waitFor();
    await expectText(page.getByRole('banner'), '柜员');
    await screenshot(page, 'home-teller-zh');
    await lock(page, '锁定');
    await page.getByRole('heading', { name: '解锁 Paydesk' }).waitFor();
    await screenshot(page, 'unlock-zh');
    await switchLanguage(page, 'English');
    await page.getByRole('heading', { name: 'Unlock Paydesk' }).waitFor();
  });

  it('backs up from Admin → Backup & keys, shows the job finish and lists the verified backup', async () => {
    const { page } = app;
    await unlock(page, ADMIN.username, ADMIN.passphrase);
    await openScreen(page, 'Backup & keys');
    await page.getByText('No backups yet').waitFor();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expectText(page.getByRole('alert').filter({ hasText: 'Backup written' }), 'Backup written and verified');
    await page.getByRole('row').nth(1).waitFor();
    const backups = await app.router.invoke('backup.list', {});
    expect(backups.ok && backups.value.length).toBe(1);
    await expectText(page.getByRole('grid'), backups.ok ? (backups.value[0]?.name ?? '?') : '?');
    await screenshot(page, 'backup-keys');
  });

  it('shows the audit log with rows, filters by actor, and verifies the chain', async () => {
    const { page } = app;
    await openScreen(page, 'Audit log');
    await page.getByRole('gridcell', { name: 'staff.add' }).waitFor();
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expectText(page.getByTestId('chain-status'), 'The chain is intact');
    await screenshot(page, 'audit-log');

    await page.getByRole('combobox', { name: 'Who' }).click();
    await page.getByRole('option', { name: 'tina' }).click();
    await page.getByRole('gridcell', { name: 'session.unlockFailed' }).waitFor();
    const actors = await page.locator('[role="gridcell"][data-field="actor"]').allTextContents();
    expect(new Set(actors)).toEqual(new Set(['tina']));

    await switchLanguage(page, '简体中文');
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    await screenshot(page, 'audit-log-zh');
    await switchLanguage(page, 'English');
  });

  it('counts down a lockout after five wrong passphrases in a row', async () => {
    const { page } = app;
    await lock(page);
    for (const attemptsLeft of ['4 attempts', '3 attempts', '2 attempts', '1 attempt']) {
      await unlock(page, TELLER.username, `wrong passphrase, ${attemptsLeft} to go`);
      await expectText(page.getByRole('alert'), `${attemptsLeft} left before the account locks.`);
    }
    await unlock(page, TELLER.username, 'the fifth wrong passphrase');
    await expectText(page.getByTestId('lockout-notice'), /This account is locked\. Try again in 0:(2\d|30)\./);
    expect(await page.getByRole('button', { name: 'Unlock', exact: true }).isDisabled()).toBe(true);
    await screenshot(page, 'unlock-lockout');
    expect(app.router.state.session).toBeNull();
    // The lockout is per account: another person may still sign in at this desk.
    await page.locator('input[name="username"]').fill(ADMIN.username);
    expect(await page.getByRole('button', { name: 'Unlock', exact: true }).isEnabled()).toBe(true);
  });

  it('unlocks with the recovery key as the recovery admin', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Use the recovery key instead' }).click();
    await page.getByLabel('Recovery key').fill(recoveryKey.toLowerCase());
    await page.getByRole('button', { name: 'Unlock with recovery key' }).click();
    await expectText(page.getByTestId('user-menu'), 'Recovery admin');
    expect(app.router.state.session?.recovery).toBe(true);
    expect(app.problems).toEqual([]);
  });
});

describe('admin tools in browser mode', () => {
  let app: PaydeskPage;
  let setupKey = '';

  beforeAll(async () => {
    app = await openPaydesk({
      prepare: async (router) => {
        setupKey = await withAdmin(router);
      },
    });
    await unlock(app.page, ADMIN.username, ADMIN.passphrase);
    await app.page.getByRole('heading', { name: 'Welcome, Ada Admin' }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('disables a staff member only after confirming, and the grid shows it', async () => {
    const { page, router } = app;
    await answer(router.invoke('staff.add', { ...TELLER, role: 'teller' }));
    await openScreen(page, 'Staff');
    await chooseRowAction(page, TELLER.username, 'Disable');
    const dialog = page.getByRole('dialog');
    await expectText(dialog, `Disable ${TELLER.displayName}?`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await answer(router.invoke('staff.list', {}))).find((member) => member.username === TELLER.username)?.status).toBe('active');

    await chooseRowAction(page, TELLER.username, 'Disable');
    await page.getByRole('dialog').getByRole('button', { name: 'Disable' }).click();
    await expectText(page.getByRole('row').filter({ hasText: TELLER.username }), 'Disabled');
    expect((await answer(router.invoke('staff.list', {}))).find((member) => member.username === TELLER.username)?.status).toBe('disabled');
  });

  it('refuses to disable the last active admin and says why, changing nothing', async () => {
    const { page, router } = app;
    await chooseRowAction(page, ADMIN.displayName, 'Disable');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Disable' }).click();
    await expectText(dialog.getByRole('alert'), 'The last active admin cannot be disabled or demoted.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await answer(router.invoke('staff.list', {}))).find((member) => member.username === ADMIN.username)?.status).toBe('active');
  });

  it('restores a backup after confirming: everyone is signed out and the data is as it was', async () => {
    const { page, router } = app;
    await openScreen(page, 'Backup & keys');
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expectText(page.getByRole('alert').filter({ hasText: 'Backup written' }), 'Backup written and verified');
    await answer(router.invoke('staff.add', { username: 'late', displayName: 'Added Later', role: 'auditor', passphrase: 'auditor passphrase 99' }));

    await page.getByRole('row').filter({ hasText: '.pdbk' }).first().getByRole('button', { name: 'Restore' }).click();
    const dialog = page.getByRole('dialog');
    await expectText(dialog, 'everyone is signed out');
    await screenshot(page, 'backup-restore-confirm');
    await dialog.getByRole('button', { name: 'Check and restore' }).click();
    await page.getByRole('heading', { name: 'Unlock Paydesk' }).waitFor();
    expect(router.state.session).toBeNull();

    await unlock(page, ADMIN.username, ADMIN.passphrase);
    await page.getByTestId('user-menu').waitFor();
    const usernames = (await answer(router.invoke('staff.list', {}))).map((member) => member.username);
    expect(usernames).not.toContain('late');
  });

  it('changes the signed-in person\'s own passphrase, refusing a wrong current one on its field', async () => {
    const { page, router } = app;
    const next = 'a brand new admin passphrase 7';
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Change my passphrase' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Current passphrase').fill('not my passphrase at all');
    await dialog.getByLabel('New passphrase', { exact: true }).fill(next);
    await dialog.getByLabel('New passphrase again').fill(next);
    await dialog.getByRole('button', { name: 'Change passphrase' }).click();
    await expectText(fieldErrors(dialog), 'The name or passphrase is not right.');
    await dialog.getByLabel('Current passphrase').fill(ADMIN.passphrase);
    await dialog.getByRole('button', { name: 'Change passphrase' }).click();
    await expectText(dialog, 'Your passphrase was changed.');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await lock(page);
    await unlock(page, ADMIN.username, ADMIN.passphrase);
    await expectText(page.getByRole('alert'), 'The name or passphrase is not right.');
    await unlock(page, ADMIN.username, next);
    await page.getByTestId('user-menu').waitFor();
    expect(router.state.session?.username).toBe(ADMIN.username);
  });

  it('rekeys after confirming under a new master key; the recovery key from setup still opens the data', async () => {
    const { page, router } = app;
    const before = Buffer.from(router.state.requireStore().masterKey);
    await openScreen(page, 'Backup & keys');
    await page.getByRole('button', { name: 'Rekey' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rekey now' }).click();
    await expectText(page.getByRole('status').filter({ hasText: 'Rekeyed' }), 'passphrases and the recovery key are unchanged');
    await screenshot(page, 'rekey-done');
    expect(router.state.requireStore().masterKey.equals(before)).toBe(false);

    await lock(page);
    await page.getByRole('button', { name: 'Use the recovery key instead' }).click();
    await page.getByLabel('Recovery key').fill('ab'.repeat(32));
    await page.getByRole('button', { name: 'Unlock with recovery key' }).click();
    await expectText(fieldErrors(page), 'This recovery key does not open this data.');
    expect(router.state.session).toBeNull();
    await page.getByLabel('Recovery key').fill(setupKey);
    await page.getByRole('button', { name: 'Unlock with recovery key' }).click();
    await expectText(page.getByTestId('user-menu'), 'Recovery admin');
  });

  it('keeps the dark theme across a reload', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.reload();
    await page.getByRole('button', { name: 'Switch to light theme' }).waitFor();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(18, 18, 18)');
    await openScreen(page, 'Audit log');
    await page.getByRole('gridcell', { name: 'keys.rekey' }).waitFor();
    await screenshot(page, 'audit-log-dark');
    expect(app.problems).toEqual([]);
  });
});

describe('idle lock in browser mode', () => {
  let app: PaydeskPage;

  beforeAll(async () => {
    app = await openPaydesk({ prepare: async (router) => void (await withAdmin(router)), fakeClock: true });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('refuses an idle time outside 1–240 minutes on the field, and saves a valid one', async () => {
    const { page, router } = app;
    await unlock(page, ADMIN.username, ADMIN.passphrase);
    await openScreen(page, 'Settings');
    const session = page.getByRole('region', { name: 'Session', exact: true });
    const minutes = session.getByLabel('Lock after (minutes without input)');
    await minutes.fill('0');
    await session.getByRole('button', { name: 'Save' }).click();
    await fieldErrors(page).waitFor();
    expect((await answer(router.invoke('settings.get', {}))).idleLockMinutes).toBe(10);
    await minutes.fill('1');
    await session.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await screenshot(page, 'settings');
    expect((await answer(router.invoke('settings.get', {}))).idleLockMinutes).toBe(1);
  });

  it('shows the trust fingerprint the admin\'s keyslot holds in Settings, read-only', async () => {
    const { page, router } = app;
    const section = page.getByRole('region', { name: 'Trust fingerprint' });
    await expectText(section, 'if they ever differ, the data was changed outside Paydesk.');
    expect(await section.getByTestId('trust-fingerprint').textContent()).toBe(await heldFingerprint(router));
    expect(await section.getByRole('textbox').count()).toBe(0);
  });

  it('locks the screen after the idle minutes without input, and the main process is locked too', async () => {
    const { page, router } = app;
    await page.clock.fastForward('00:30');
    expect(router.state.session).not.toBeNull();
    await page.clock.fastForward('00:35');
    await page.getByRole('heading', { name: 'Unlock Paydesk' }).waitFor();
    expect(router.state.session).toBeNull();
    expect(app.problems).toEqual([]);
  });
});
