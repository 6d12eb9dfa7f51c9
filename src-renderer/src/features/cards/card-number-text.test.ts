import { describe, expect, it } from 'vitest';
import { groupCardNumber, printedExpiry } from './card-number-text';

describe('card number text', () => {
  it('groups a 16-digit number in fours', () => {
    expect(groupCardNumber('6225881234567890')).toBe('6225 8812 3456 7890');
  });

  it('groups a masked number the same way, the mask counting as digits', () => {
    expect(groupCardNumber('622588••••••7890')).toBe('6225 88•• •••• 7890');
  });

  it('leaves the short group last for 13- and 19-digit numbers', () => {
    expect(groupCardNumber('4111111111111')).toBe('4111 1111 1111 1');
    expect(groupCardNumber('6221260000000000001')).toBe('6221 2600 0000 0000 001');
  });

  it('ignores the spaces and dashes a typed number carries', () => {
    expect(groupCardNumber('6225-8812 3456 7890')).toBe('6225 8812 3456 7890');
  });

  it('prints a YYYY-MM expiry as MM/YY and leaves anything else alone', () => {
    expect(printedExpiry('2029-03')).toBe('03/29');
    expect(printedExpiry('03/29')).toBe('03/29');
  });
});
