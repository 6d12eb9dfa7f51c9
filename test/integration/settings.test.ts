import { DEFAULT_LOYALTY_RULES } from '../../src-shared/settings/loyalty-settings';
import { describe, expect, it } from 'vitest';
import { ok, setUpRouter } from '../support/temp-data';
import { addMember, nextKey } from './members-fixtures';

// Settings are one zod section per domain. A value stored outside Paydesk that does not parse
// is named with SETTINGS_INVALID by the domain that reads it; the other domains carry on, and
// saving the setting again is how an admin repairs it.

async function withStoredSetting(key: string, valueJson: string) {
  const { router } = await setUpRouter();
  router.state
    .requireStore()
    .sqlite.prepare(`INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, '2026-01-01T00:00:00.000Z') ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json`)
    .run(key, valueJson);
  return router;
}

function settingsRows(router: Awaited<ReturnType<typeof withStoredSetting>>) {
  return router.state.requireStore().sqlite.prepare('SELECT * FROM settings ORDER BY key').all();
}

describe('settings', () => {
  it('answers the defaults of every domain before anything is saved', async () => {
    const { router } = await setUpRouter();
    expect(await ok(router, 'settings.get', {})).toEqual({
      idleLockMinutes: 10,
      enabledCurrencies: ['CNY'],
      paymentFeeBps: 50,
      paymentFeeBpsByCurrency: {},
      operationLimits: { teller: { CNY: 5_000_000 } },
      approvalThresholds: { CNY: 1_000_000 },
      loyalty: { version: 0, rules: DEFAULT_LOYALTY_RULES },
      businessTimeZone: null,
      authorizationHoldDays: 7,
      payoutItemLimits: { CNY: 5_000_000 },
      payoutSecondApprovalAbove: {},
    });
  });

  it('names a stored idleLockMinutes of -5 with SETTINGS_INVALID, and the counter still works', async () => {
    const router = await withStoredSetting('idleLockMinutes', '-5');
    expect(await router.invoke('settings.get', {})).toMatchObject({ ok: false, error: { code: 'SETTINGS_INVALID', details: { field: 'idleLockMinutes', domain: 'session' } } });
    // The idle lock falls back to its default instead of locking everyone out of the fix.
    expect(await ok(router, 'app.status', {})).toMatchObject({ unlocked: true, idleLockMinutes: 10 });
    const member = await addMember(router);
    expect(await ok(router, 'wallets.deposit', { memberId: member.id, amount: 100, currency: 'CNY', idempotencyKey: nextKey() })).toMatchObject({ amount: 100 });
  });

  it('refuses a payment while the fee rate stored is not valid JSON, with SETTINGS_INVALID and nothing posted', async () => {
    const router = await withStoredSetting('paymentFeeBps', '{oops');
    const member = await addMember(router);
    const store = router.state.requireStore();
    const transfers = () => store.sqlite.prepare('SELECT count(*) FROM transfers').pluck().get();
    const before = transfers();
    const answer = await router.invoke('wallets.pay', { memberId: member.id, amount: 100, currency: 'CNY', merchant: 'm', idempotencyKey: nextKey() });
    expect(answer).toMatchObject({ ok: false, error: { code: 'SETTINGS_INVALID', details: { field: 'paymentFeeBps', domain: 'wallets' } } });
    expect(transfers()).toBe(before);
  });

  it('repairs a broken setting by saving it, auditing the broken value as before', async () => {
    const router = await withStoredSetting('idleLockMinutes', '-5');
    expect(await ok(router, 'settings.update', { idleLockMinutes: 15 })).toMatchObject({ idleLockMinutes: 15 });
    expect((await ok(router, 'settings.get', {})).idleLockMinutes).toBe(15);
    const { rows } = await ok(router, 'audit.list', { action: 'settings.update' });
    expect(rows[0]).toMatchObject({ before: { idleLockMinutes: -5 }, after: { idleLockMinutes: 15 } });
  });

  it('refuses an idle lock of 1.5 minutes with INVALID_INPUT naming the field, and saves nothing', async () => {
    const { router } = await setUpRouter();
    const before = settingsRows(router as never);
    expect(await router.invoke('settings.update', { idleLockMinutes: 1.5 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'idleLockMinutes' } } });
    expect(settingsRows(router as never)).toEqual(before);
  });
});
