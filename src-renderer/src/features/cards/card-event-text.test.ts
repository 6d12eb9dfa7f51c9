import { describe, expect, it } from 'vitest';
import { cardEventKind } from './card-event-text';

describe('a card event in words', () => {
  it('names the issue, and a replacement’s issue apart', () => {
    expect(cardEventKind({ fromState: null, toState: 'inactive', reason: 'issued' })).toBe('issued');
    expect(cardEventKind({ fromState: null, toState: 'inactive', reason: 'replacement' })).toBe('issuedReplacement');
  });

  it('names each move between states', () => {
    expect(cardEventKind({ fromState: 'inactive', toState: 'active', reason: null })).toBe('activated');
    expect(cardEventKind({ fromState: 'active', toState: 'frozen', reason: null })).toBe('frozen');
    expect(cardEventKind({ fromState: 'frozen', toState: 'active', reason: null })).toBe('unfrozen');
    expect(cardEventKind({ fromState: 'frozen', toState: 'cancelled', reason: 'stolen' })).toBe('cancelled');
  });
});
