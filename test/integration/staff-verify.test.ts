import { describe, expect, it } from 'vitest';
import { ok, setUpRouter } from '../support/temp-data';

// The founding admin's row is replayed from the set-up audit row like every other staff row.

describe('verify: the founding admin', () => {
  it('names staff#1 when the founding admin’s display name is changed behind Paydesk', async () => {
    const { router } = await setUpRouter();
    expect((await ok(router, 'system.verify', {})).ok).toBe(true);
    router.state.requireStore().sqlite.prepare(`UPDATE staff SET display_name = 'Mallory' WHERE id = 1`).run();
    const report = await ok(router, 'system.verify', {});
    expect(report.checks.find((check) => check.name === 'staff.audited')).toMatchObject({ ok: false, firstViolation: 'staff#1' });
  });
});
