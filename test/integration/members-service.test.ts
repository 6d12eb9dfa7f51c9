import { describe, expect, it } from 'vitest';
import { isValidMemberNumber } from '../../src-shared/member-number';
import { ok } from '../support/temp-data';
import { jobResult } from '../support/jobs';
import { addMember, counterRouter, depositTo, nextKey, nextPhone, snapshot } from './members-fixtures';

describe('registering a member', () => {
  it('gives a check-digit member number, a CNY wallet and an audit record', async () => {
    const { router } = await counterRouter('teller');
    const member = await addMember(router, { name: '张三丰', phone: '138-0013 8000', email: 'zsf@example.com', notes: '太极' });
    expect(member).toMatchObject({ memberNumber: '100000009', name: '张三丰', phone: '13800138000', status: 'active', createdBy: 'tina', referredBy: null });
    expect(isValidMemberNumber(member.memberNumber)).toBe(true);
    const summary = await ok(router, 'wallets.summary', { memberId: member.id });
    expect(summary.wallets).toEqual([{ currency: 'CNY', accountId: expect.any(Number), balance: 0, available: 0, pending: 0 }]);
    const history = await ok(router, 'members.history', { id: member.id });
    expect(history.rows).toMatchObject([{ action: 'member.create', actor: 'tina', entityId: '100000009', after: { name: '张三丰', phone: '13800138000' } }]);
  });

  it('numbers members in sequence', async () => {
    const { router } = await counterRouter();
    const numbers = [];
    for (let i = 0; i < 3; i += 1) numbers.push((await addMember(router)).memberNumber);
    expect(numbers).toEqual(['100000009', '100000017', '100000025']);
  });

  it('keeps the ID document number sealed, showing and auditing only its last four', async () => {
    const { router } = await counterRouter();
    const member = await addMember(router, { idDocumentNumber: '11010519491231002x' });
    expect(member.idDocumentMasked).toBe('••••002X');
    const store = router.state.requireStore();
    const row = store.sqlite.prepare('SELECT * FROM members WHERE id = ?').get(member.id);
    expect(JSON.stringify(row)).not.toContain('11010519491231002X');
    const audit = store.sqlite.prepare('SELECT before_json, after_json FROM audit_log').all();
    expect(JSON.stringify(audit)).not.toContain('11010519491231002X');
  });

  it('refuses a second member with the same phone with MEMBER_DUPLICATE and creates nothing', async () => {
    const { router } = await counterRouter();
    const first = await addMember(router, { phone: '13800138000' });
    const before = snapshot(router);
    const answer = await router.invoke('members.create', { name: '李四', phone: '138 0013 8000' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'MEMBER_DUPLICATE', details: { field: 'phone', memberNumber: first.memberNumber } } });
    expect(snapshot(router)).toEqual(before);
  });

  it("lets a closed member's phone number be given to a new member", async () => {
    const { router } = await counterRouter();
    const first = await addMember(router, { phone: '13800138000' });
    await ok(router, 'members.close', { id: first.id, reason: 'moved away' });
    const second = await addMember(router, { phone: '13800138000' });
    expect(second.phone).toBe('13800138000');
  });

  it('records the referrer, and refuses an unknown one with MEMBER_NOT_FOUND and a closed one with MEMBER_CLOSED', async () => {
    const { router } = await counterRouter();
    const referrer = await addMember(router, { name: '王五' });
    const referred = await addMember(router, { referredBy: referrer.memberNumber });
    expect(referred.referredBy).toEqual({ id: referrer.id, memberNumber: referrer.memberNumber, name: '王五' });

    const before = snapshot(router);
    const unknown = await router.invoke('members.create', { name: '赵六', phone: nextPhone(), referredBy: '999999998' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'MEMBER_NOT_FOUND', details: { field: 'referredBy' } } });
    expect(snapshot(router)).toEqual(before);

    const gone = await addMember(router);
    await ok(router, 'members.close', { id: gone.id, reason: 'left' });
    const afterClose = snapshot(router);
    const closed = await router.invoke('members.create', { name: '赵六', phone: nextPhone(), referredBy: gone.memberNumber });
    expect(closed).toMatchObject({ ok: false, error: { code: 'MEMBER_CLOSED', details: { field: 'referredBy' } } });
    expect(snapshot(router)).toEqual(afterClose);
  });

  it('names the field of invalid input and creates nothing', async () => {
    const { router } = await counterRouter();
    const before = snapshot(router);
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '', phone: nextPhone() }, 'name'],
      [{ name: '张三', phone: '12' }, 'phone'],
      [{ name: '张三', phone: nextPhone(), email: 'not an email' }, 'email'],
      [{ name: '张三', phone: nextPhone(), referredBy: '100000008' }, 'referredBy'],
      [{ name: '张三', phone: nextPhone(), idDocumentNumber: '12#45' }, 'idDocumentNumber'],
    ];
    for (const [input, field] of cases) {
      expect(await router.call('members.create', input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field } } });
    }
    expect(snapshot(router)).toEqual(before);
  });

  it('refuses registration by an auditor with FORBIDDEN', async () => {
    const { router } = await counterRouter('admin');
    await ok(router, 'staff.add', { username: 'audrey', displayName: 'Audrey', role: 'auditor', passphrase: 'auditor passphrase 2026' });
    await ok(router, 'session.lock', {});
    await ok(router, 'session.unlock', { username: 'audrey', passphrase: 'auditor passphrase 2026' });
    const before = snapshot(router);
    expect(await router.invoke('members.create', { name: '张三', phone: nextPhone() })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(snapshot(router)).toEqual(before);
  });
});

describe('looking a member up', () => {
  it('finds a member by id and by member number typed with spaces', async () => {
    const { router } = await counterRouter();
    const member = await addMember(router);
    expect(await ok(router, 'members.get', { id: member.id })).toEqual(member);
    expect(await ok(router, 'members.get', { memberNumber: '1000 0000 9' })).toEqual(member);
  });

  it('answers MEMBER_NOT_FOUND for an unknown member and INVALID_INPUT for a wrong check digit', async () => {
    const { router } = await counterRouter();
    expect(await router.invoke('members.get', { id: 42 })).toMatchObject({ ok: false, error: { code: 'MEMBER_NOT_FOUND', details: { field: 'id' } } });
    expect(await router.invoke('members.get', { memberNumber: '999999998' })).toMatchObject({ ok: false, error: { code: 'MEMBER_NOT_FOUND' } });
    expect(await router.invoke('members.get', { memberNumber: '100000008' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'memberNumber' } } });
    expect(await router.invoke('members.get', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'id' } } });
  });
});

describe('editing a member', () => {
  it('changes only the given fields, clears with null, and keeps before and after in the history', async () => {
    const { router } = await counterRouter();
    const member = await addMember(router, { name: '张三', email: 'old@example.com', notes: 'VIP' });
    const updated = await ok(router, 'members.update', { id: member.id, name: '张三丰', email: null });
    expect(updated).toMatchObject({ name: '张三丰', email: null, notes: 'VIP', phone: member.phone });
    const history = await ok(router, 'members.history', { id: member.id });
    expect(history.total).toBe(2);
    expect(history.rows[0]).toMatchObject({
      action: 'member.update',
      before: { name: '张三', email: 'old@example.com' },
      after: { name: '张三丰', email: null },
    });
  });

  it('records a changed ID document without its number', async () => {
    const { router } = await counterRouter();
    const member = await addMember(router, { idDocumentNumber: 'E12345678' });
    const updated = await ok(router, 'members.update', { id: member.id, idDocumentNumber: 'G99995678' });
    expect(updated.idDocumentMasked).toBe('••••5678');
    const [latest] = (await ok(router, 'members.history', { id: member.id })).rows;
    expect(latest).toMatchObject({ action: 'member.update', after: { idDocument: '••••5678', idDocumentChanged: true } });
    expect(JSON.stringify(latest)).not.toContain('G9999');
  });

  it('writes nothing when nothing changes', async () => {
    const { router } = await counterRouter();
    const member = await addMember(router, { name: '张三' });
    const before = snapshot(router);
    expect(await ok(router, 'members.update', { id: member.id, name: '张三', phone: member.phone })).toEqual(member);
    expect(snapshot(router)).toEqual(before);
  });

  it("refuses another member's phone with MEMBER_DUPLICATE and changes nothing", async () => {
    const { router } = await counterRouter();
    const first = await addMember(router);
    const second = await addMember(router);
    const before = snapshot(router);
    const answer = await router.invoke('members.update', { id: second.id, phone: first.phone });
    expect(answer).toMatchObject({ ok: false, error: { code: 'MEMBER_DUPLICATE', details: { field: 'phone' } } });
    expect(snapshot(router)).toEqual(before);
  });

  it('refuses a referral that would make a member refer themselves, directly or through others', async () => {
    const { router } = await counterRouter();
    const a = await addMember(router);
    const b = await addMember(router, { referredBy: a.memberNumber });
    const before = snapshot(router);
    for (const [id, referredBy] of [[a.id, b.memberNumber], [a.id, a.memberNumber]] as const) {
      const answer = await router.invoke('members.update', { id, referredBy });
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'referredBy' } } });
    }
    expect(snapshot(router)).toEqual(before);
  });

  it('answers MEMBER_NOT_FOUND for an unknown member', async () => {
    const { router } = await counterRouter();
    const before = snapshot(router);
    expect(await router.invoke('members.update', { id: 7, name: 'x' })).toMatchObject({ ok: false, error: { code: 'MEMBER_NOT_FOUND' } });
    expect(await router.invoke('members.history', { id: 7 })).toMatchObject({ ok: false, error: { code: 'MEMBER_NOT_FOUND' } });
    expect(snapshot(router)).toEqual(before);
  });
});

describe('freezing and closing a member', () => {
  it('freezes with a reason and unfreezes, each in the history', async () => {
    const { router } = await counterRouter();
    const member = await addMember(router);
    expect(await ok(router, 'members.freeze', { id: member.id, reason: 'card reported stolen' })).toMatchObject({ status: 'frozen', statusReason: 'card reported stolen' });
    expect(await ok(router, 'members.unfreeze', { id: member.id })).toMatchObject({ status: 'active', statusReason: null });
    const actions = (await ok(router, 'members.history', { id: member.id })).rows.map((r) => r.action);
    expect(actions).toEqual(['member.unfreeze', 'member.freeze', 'member.create']);
  });

  it('refuses to close a member whose wallet holds money with MEMBER_HAS_BALANCE and changes nothing', async () => {
    const { router } = await counterRouter();
    const member = await addMember(router);
    await depositTo(router, member.id, 1);
    const before = snapshot(router);
    const answer = await router.invoke('members.close', { id: member.id, reason: 'moving abroad' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'MEMBER_HAS_BALANCE', details: { currency: 'CNY', balance: 1 } } });
    expect(snapshot(router)).toEqual(before);
  });

  it('closes an empty member with their wallet accounts, after which nothing reopens or changes them', async () => {
    const { router } = await counterRouter();
    const member = await addMember(router);
    await depositTo(router, member.id, 500);
    await ok(router, 'wallets.withdraw', { memberId: member.id, amount: 500, currency: 'CNY', idempotencyKey: nextKey() });
    expect(await ok(router, 'members.close', { id: member.id, reason: 'moving abroad' })).toMatchObject({ status: 'closed', statusReason: 'moving abroad' });
    const store = router.state.requireStore();
    expect(store.sqlite.prepare(`SELECT closed FROM accounts WHERE owner_type = 'member' AND owner_id = ?`).all(member.id)).toEqual([{ closed: 1 }]);

    const before = snapshot(router);
    expect(await router.invoke('members.update', { id: member.id, name: 'x' })).toMatchObject({ ok: false, error: { code: 'MEMBER_CLOSED' } });
    expect(await router.invoke('members.freeze', { id: member.id, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'MEMBER_CLOSED' } });
    expect(await router.invoke('members.unfreeze', { id: member.id })).toMatchObject({ ok: false, error: { code: 'MEMBER_CLOSED' } });
    const deposit = await router.invoke('wallets.deposit', { memberId: member.id, amount: 100, currency: 'CNY', idempotencyKey: nextKey() });
    expect(deposit).toMatchObject({ ok: false, error: { code: 'MEMBER_CLOSED', details: { field: 'memberId' } } });
    expect(snapshot(router)).toEqual(before);
  });
});

describe('revealing an ID document number', () => {
  it('shows the clear number for a reason and audits the reveal without the number', async () => {
    const { router } = await counterRouter('teller');
    const member = await addMember(router, { idDocumentNumber: 'E12345678' });
    expect(await ok(router, 'members.revealIdDocument', { id: member.id, reason: 'checking the passport at the counter' })).toEqual({ idDocumentNumber: 'E12345678', visibleForSeconds: 30 });
    const [latest] = (await ok(router, 'members.history', { id: member.id })).rows;
    expect(latest).toMatchObject({ action: 'member.revealIdDocument', actor: 'tina', after: { reason: 'checking the passport at the counter', idDocument: '••••5678' } });
    expect(JSON.stringify(latest)).not.toContain('E1234');
  });

  it('still opens numbers sealed before a rekey', async () => {
    const { router } = await counterRouter();
    const member = await addMember(router, { idDocumentNumber: 'G99995678' });
    await jobResult(router, 'keys.rekey', {});
    expect(await ok(router, 'members.revealIdDocument', { id: member.id, reason: 'after rekey' })).toEqual({ idDocumentNumber: 'G99995678', visibleForSeconds: 30 });
    const later = await addMember(router, { idDocumentNumber: 'H11112222' });
    expect(await ok(router, 'members.revealIdDocument', { id: later.id, reason: 'sealed under the new key' })).toEqual({ idDocumentNumber: 'H11112222', visibleForSeconds: 30 });
  });

  it('refuses a reveal without a reason with INVALID_INPUT naming the field, and audits nothing', async () => {
    const { router } = await counterRouter('teller');
    const member = await addMember(router, { idDocumentNumber: 'E12345678' });
    const before = snapshot(router);
    expect(await router.invoke('members.revealIdDocument', { id: member.id, reason: '  ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'reason' } } });
    expect(snapshot(router)).toEqual(before);
  });

  it('answers null for a member without a document, and FORBIDDEN to an auditor', async () => {
    const { router } = await counterRouter();
    const member = await addMember(router);
    expect(await ok(router, 'members.revealIdDocument', { id: member.id, reason: 'x' })).toEqual({ idDocumentNumber: null, visibleForSeconds: 30 });
    await ok(router, 'staff.add', { username: 'audrey', displayName: 'Audrey', role: 'auditor', passphrase: 'auditor passphrase 2026' });
    await ok(router, 'session.lock', {});
    await ok(router, 'session.unlock', { username: 'audrey', passphrase: 'auditor passphrase 2026' });
    const before = snapshot(router);
    expect(await router.invoke('members.revealIdDocument', { id: member.id, reason: 'curious' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(snapshot(router)).toEqual(before);
  });
});
