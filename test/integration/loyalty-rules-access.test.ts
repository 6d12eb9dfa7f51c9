import { describe, expect, it } from 'vitest';
import type { LoyaltyRules } from '../../src-shared/settings/loyalty-settings';
import { ok, signInAs, TELLER } from '../support/temp-data';
import { FINANCE } from './members-fixtures';
import { expectRefused, memberWithMoney, pay, pointsBranch, pointsState, summaryOf, type PointsBranch } from './points-fixtures';

// Issue 9, Admin → Loyalty: everyone signed in reads the rules (the screens name tiers by them);
// only settings.manage (admins) changes them, and that holds for the screen's preview too, since a
// dry run runs under the channel's own permission. A refused change leaves every points table,
// the settings and the audit log as they were; the preview an admin asks for changes nothing either.

const AUDITOR = { username: 'audrey', displayName: 'Audrey Auditor', role: 'auditor' as const, passphrase: 'auditor passphrase 2026' };

/** Gold from 90 instead of 100: a member with 95 qualifying points would move up. */
function goldFrom90(rules: LoyaltyRules): LoyaltyRules {
  return { ...rules, tiers: rules.tiers.map((tier) => (tier.id === 'gold' ? { ...tier, threshold: 90 } : tier)) };
}

async function branchWithNearlyGold(): Promise<{ branch: PointsBranch; memberId: number; rules: LoyaltyRules }> {
  const branch = await pointsBranch();
  await ok(branch.router, 'staff.add', AUDITOR);
  const member = await memberWithMoney(branch.router, '许将升');
  await pay(branch.router, member.id, 9_500);
  const { rules } = await ok(branch.router, 'points.rules', {});
  return { branch, memberId: member.id, rules };
}

describe('who may change the loyalty rules', () => {
  it('lets a teller read the rules but refuses their change and its preview with FORBIDDEN, changing nothing', async () => {
    const { branch, memberId, rules } = await branchWithNearlyGold();
    await signInAs(branch.router, TELLER);
    expect(await ok(branch.router, 'points.rules', {})).toEqual({ version: 0, rules });
    await expectRefused(branch, [memberId], 'points.updateRules', { rules: goldFrom90(rules), dryRun: true }, 'FORBIDDEN');
    await expectRefused(branch, [memberId], 'points.updateRules', { rules: goldFrom90(rules) }, 'FORBIDDEN');
    expect((await summaryOf(branch.router, memberId)).tier.tier).toBe('standard');
  });

  it('lets finance and an auditor read the rules (settings.read) but refuses their change with FORBIDDEN', async () => {
    const { branch, memberId, rules } = await branchWithNearlyGold();
    for (const person of [FINANCE, AUDITOR]) {
      await signInAs(branch.router, person);
      expect((await ok(branch.router, 'points.rules', {})).version).toBe(0);
      await expectRefused(branch, [memberId], 'points.updateRules', { rules: goldFrom90(rules), dryRun: true }, 'FORBIDDEN');
      await expectRefused(branch, [memberId], 'points.updateRules', { rules: goldFrom90(rules) }, 'FORBIDDEN');
    }
  });

  it("answers an admin's preview with who would move, and saves nothing, audits nothing, moves nobody", async () => {
    const { branch, memberId, rules } = await branchWithNearlyGold();
    const before = pointsState(branch, [memberId]);
    const preview = await ok(branch.router, 'points.updateRules', { rules: goldFrom90(rules), dryRun: true });
    expect(preview.saved.version).toBe(1);
    expect(preview.changes).toEqual({ up: 1, down: 0, members: [{ member: expect.objectContaining({ id: memberId, name: '许将升' }), from: 'standard', to: 'gold', qualifying: 95 }] });
    expect(pointsState(branch, [memberId])).toEqual(before);
    expect((await ok(branch.router, 'points.rules', {})).version).toBe(0);
  });

  it("saves an admin's change as the next version, moves the member as the preview said, and audits it", async () => {
    const { branch, memberId, rules } = await branchWithNearlyGold();
    const saved = await ok(branch.router, 'points.updateRules', { rules: goldFrom90(rules) });
    expect(saved.changes).toMatchObject({ up: 1, down: 0 });
    expect(await ok(branch.router, 'points.rules', {})).toEqual({ version: 1, rules: goldFrom90(rules) });
    expect((await summaryOf(branch.router, memberId)).tier.tier).toBe('gold');
    const { rows } = await ok(branch.router, 'audit.list', { action: 'settings.update' });
    expect(rows[0]).toMatchObject({ actor: 'admin', after: { loyalty: { version: 1 } } });
  });
});
