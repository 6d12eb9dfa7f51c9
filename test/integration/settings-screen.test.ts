import { describe, expect, it } from 'vitest';
import type { Router } from '../../src-main/api/router';
import { ok, setUpRouter, signInAs, TELLER } from '../support/temp-data';

// What the Settings screen asks of the router: every setting at once (a broken one named and shown
// as its default, the others as saved), a save that refuses any value the sections' schemas refuse,
// and a save only for those who may manage settings; a refusal changes nothing.

const FINANCE = { ...TELLER, username: 'fiona', displayName: 'Fiona Finance', role: 'finance' as const };
const AUDITOR = { ...TELLER, username: 'audrey', displayName: 'Audrey Auditor', role: 'auditor' as const };

/** The saved settings and how many settings changes the audit log holds: what a refusal must leave alone. */
function settingsState(router: Router) {
  const { sqlite } = router.state.requireStore();
  return {
    rows: sqlite.prepare('SELECT key, value_json FROM settings ORDER BY key').all(),
    audited: sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'settings.update'").pluck().get(),
  };
}

describe('settings.overview', () => {
  it('answers every setting with its default, and no broken key, before anything is saved', async () => {
    const { router } = await setUpRouter();
    const overview = await ok(router, 'settings.overview', {});
    expect(overview).toEqual({ values: await ok(router, 'settings.get', {}), invalid: [] });
    expect(overview.values).toMatchObject({ idleLockMinutes: 10, enabledCurrencies: ['CNY'], paymentFeeBps: 50 });
  });

  it('names a broken saved value and shows it as its default, while every other setting shows what was saved', async () => {
    const { router } = await setUpRouter();
    await ok(router, 'settings.update', { paymentFeeBps: 125, enabledCurrencies: ['CNY', 'USD'], idleLockMinutes: 20 });
    router.state.requireStore().sqlite.prepare("UPDATE settings SET value_json = '-5' WHERE key = 'paymentFeeBps'").run();
    expect(await router.invoke('settings.get', {})).toMatchObject({ ok: false, error: { code: 'SETTINGS_INVALID' } });
    const overview = await ok(router, 'settings.overview', {});
    expect(overview.invalid).toEqual(['paymentFeeBps']);
    expect(overview.values).toMatchObject({ idleLockMinutes: 20, enabledCurrencies: ['CNY', 'USD'], paymentFeeBps: 50 });
  });
});

describe('saving settings', () => {
  it('saves a fee rate per currency and counter limits, and answers them', async () => {
    const { router } = await setUpRouter();
    const after = await ok(router, 'settings.update', { paymentFeeBpsByCurrency: { USD: 30 }, operationLimits: { teller: { CNY: 2_000_000 } }, approvalThresholds: { CNY: 500_000 } });
    expect(after).toMatchObject({ paymentFeeBpsByCurrency: { USD: 30 }, operationLimits: { teller: { CNY: 2_000_000 } }, approvalThresholds: { CNY: 500_000 } });
    expect((await ok(router, 'settings.overview', {})).values).toEqual(after);
  });

  it('refuses every value the sections refuse with INVALID_INPUT naming the setting, and changes nothing', async () => {
    const { router } = await setUpRouter();
    await ok(router, 'settings.update', { paymentFeeBps: 80 });
    const before = settingsState(router);
    const cases: [Record<string, unknown>, string][] = [
      [{ idleLockMinutes: 1.5 }, 'idleLockMinutes'],
      [{ idleLockMinutes: 241 }, 'idleLockMinutes'],
      [{ paymentFeeBps: 10_001 }, 'paymentFeeBps'],
      [{ paymentFeeBpsByCurrency: { USD: 12.5 } }, 'paymentFeeBpsByCurrency'],
      [{ paymentFeeBpsByCurrency: { XYZ: 30 } }, 'paymentFeeBpsByCurrency'],
      [{ operationLimits: { teller: { CNY: 0 } } }, 'operationLimits'],
      [{ operationLimits: { auditor: { CNY: 100 } } }, 'operationLimits'],
      [{ approvalThresholds: { CNY: -100 } }, 'approvalThresholds'],
      [{ approvalThresholds: { CNY: 100.5 } }, 'approvalThresholds'],
    ];
    for (const [input, setting] of cases) {
      const answer = await router.call('settings.update', input);
      expect(answer, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(!answer.ok && String(answer.error.details?.field), JSON.stringify(input)).toMatch(new RegExp(`^${setting}(\\.|$)`));
    }
    expect(settingsState(router)).toEqual(before);
    expect((await ok(router, 'settings.get', {})).paymentFeeBps).toBe(80);
  });

  it.each([FINANCE, AUDITOR])('lets $role read every setting but refuses a save with FORBIDDEN, changing nothing', async (person) => {
    const { router } = await setUpRouter();
    await ok(router, 'staff.add', person);
    const defaults = await ok(router, 'settings.overview', {});
    await signInAs(router, person);
    const before = settingsState(router);
    expect(await ok(router, 'settings.overview', {})).toEqual(defaults);
    expect(await router.invoke('settings.update', { paymentFeeBps: 0 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await router.invoke('settings.update', { operationLimits: { teller: { CNY: 99_999_999_999 } } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(settingsState(router)).toEqual(before);
  });

  it('refuses a teller the Settings screen and a save with FORBIDDEN, changing nothing', async () => {
    const { router } = await setUpRouter();
    await ok(router, 'staff.add', TELLER);
    await signInAs(router, TELLER);
    const before = settingsState(router);
    expect(await router.invoke('settings.overview', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await router.invoke('settings.update', { operationLimits: {} })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(settingsState(router)).toEqual(before);
  });
});
