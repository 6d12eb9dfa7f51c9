import { describe, expect, it } from 'vitest';
import { fingerprinter, knownFingerprints } from '../../src-main/sealed/fingerprint';
import { masterKeys } from '../../src-main/sealed/master-keys';
import { sealedPurpose } from '../../src-main/sealed/purpose';
import { REVEAL_VISIBLE_SECONDS, revealSealed, type Revelation } from '../../src-main/sealed/reveal';
import { fieldSealer, openField } from '../../src-main/sealed/sealed-field';
import type { Store } from '../../src-main/store/store';
import { jobResult } from '../support/jobs';
import { setUpRouter } from '../support/temp-data';

// The sealed-fields module on a real data folder: the master keys a rekey leaves behind, and the
// generic reveal flow with its audit row.

const CARD_PAN = sealedPurpose('cards.pan', 'card');
const PAN = '4111111111111111';

function auditRows(store: Store) {
  return store.sqlite.prepare('SELECT actor, action, entity_type, entity_id, after_json FROM audit_log ORDER BY id').all() as { actor: string; action: string; entity_type: string; entity_id: string; after_json: string }[];
}

const cardReveal = (store: Store, sealed: string): (() => Revelation<{ pan: string }>) => () => ({
  clear: { pan: openField(masterKeys(store), CARD_PAN, 7, sealed) },
  record: { action: 'card.reveal', entityType: 'card', entityId: '7', masked: { card: '411111••••••1111' } },
});

describe('the master keys of a data folder', () => {
  it('are the current key, then the key a rekey retired, so older boxes and fingerprints still match', async () => {
    const { router } = await setUpRouter();
    const before = router.state.requireStore();
    const oldKey = Buffer.from(before.masterKey);
    const sealed = fieldSealer(before.masterKey, CARD_PAN)(7, PAN);
    const oldFingerprint = fingerprinter(before.masterKey, CARD_PAN)(PAN);
    await jobResult(router, 'keys.rekey', {});
    const after = router.state.requireStore();
    expect(after.masterKey.equals(oldKey)).toBe(false);
    expect([...masterKeys(after)]).toEqual([after.masterKey, oldKey]);
    expect(openField(masterKeys(after), CARD_PAN, 7, sealed)).toBe(PAN);
    expect(knownFingerprints(masterKeys(after), CARD_PAN, PAN)).toEqual([fingerprinter(after.masterKey, CARD_PAN)(PAN), oldFingerprint]);
  });
});

describe('revealing a sealed value', () => {
  it('answers the clear value with how long it may stay on screen, and audits the reason and the mask only', async () => {
    const { router } = await setUpRouter();
    const store = router.state.requireStore();
    const sealed = fieldSealer(store.masterKey, CARD_PAN)(7, PAN);
    const audited = auditRows(store).length;
    const now = new Date('2026-03-01T09:00:00.000Z');
    expect(revealSealed(store, 'admin', 'cardholder on the phone', cardReveal(store, sealed), now)).toEqual({ pan: PAN, visibleForSeconds: REVEAL_VISIBLE_SECONDS });
    expect(REVEAL_VISIBLE_SECONDS).toBe(30);
    const rows = auditRows(store);
    expect(rows).toHaveLength(audited + 1);
    expect(rows.at(-1)).toEqual({ actor: 'admin', action: 'card.reveal', entity_type: 'card', entity_id: '7', after_json: JSON.stringify({ reason: 'cardholder on the phone', card: '411111••••••1111' }) });
    expect(JSON.stringify(rows)).not.toContain('41111111');
  });

  it('refuses a blank reason with INVALID_INPUT naming the field, opening and auditing nothing', async () => {
    const { router } = await setUpRouter();
    const store = router.state.requireStore();
    const audited = auditRows(store).length;
    let opened = false;
    const open = () => {
      opened = true;
      return { clear: { pan: PAN }, record: null };
    };
    expect(() => revealSealed(store, 'admin', '   ', open)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', details: { field: 'reason' } }));
    expect(opened).toBe(false);
    expect(auditRows(store)).toHaveLength(audited);
  });

  it('audits nothing when the row has nothing sealed to show', async () => {
    const { router } = await setUpRouter();
    const store = router.state.requireStore();
    const audited = auditRows(store).length;
    expect(revealSealed(store, 'admin', 'checking', () => ({ clear: { pan: null }, record: null }))).toEqual({ pan: null, visibleForSeconds: 30 });
    expect(auditRows(store)).toHaveLength(audited);
  });

  it('audits nothing when the value does not open (DATA_DAMAGED)', async () => {
    const { router } = await setUpRouter();
    const store = router.state.requireStore();
    const sealedForAnotherRow = fieldSealer(store.masterKey, CARD_PAN)(8, PAN);
    const audited = auditRows(store).length;
    expect(() => revealSealed(store, 'admin', 'checking', cardReveal(store, sealedForAnotherRow))).toThrow(expect.objectContaining({ code: 'DATA_DAMAGED' }));
    expect(auditRows(store)).toHaveLength(audited);
  });
});
