import { describe, expect, it } from 'vitest';
import { cardActions } from './card-actions';

describe('the actions a card offers', () => {
  it('offers a teller activation of a new card, and cancel and replace, but no reveal', () => {
    expect(cardActions({ state: 'inactive' }, 'teller')).toEqual(['activate', 'cancel', 'replace']);
  });

  it('offers freeze on an active card and unfreeze on a frozen one', () => {
    expect(cardActions({ state: 'active' }, 'teller')).toEqual(['freeze', 'cancel', 'replace']);
    expect(cardActions({ state: 'frozen' }, 'teller')).toEqual(['unfreeze', 'cancel', 'replace']);
  });

  it('offers an admin the reveal as well', () => {
    expect(cardActions({ state: 'active' }, 'admin')).toEqual(['freeze', 'cancel', 'replace', 'reveal']);
  });

  it('offers nothing on a cancelled card, which is final', () => {
    expect(cardActions({ state: 'cancelled' }, 'admin')).toEqual([]);
  });

  it('offers auditors and finance nothing: they only read', () => {
    expect(cardActions({ state: 'active' }, 'auditor')).toEqual([]);
    expect(cardActions({ state: 'frozen' }, 'finance')).toEqual([]);
  });
});
