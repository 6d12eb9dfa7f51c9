import { describe, expect, it } from 'vitest';
import { checkTypedPan } from './bank-card-input';

describe('the card number typed in the Link dialog', () => {
  it('says nothing while fewer than 13 digits are typed', () => {
    expect(checkTypedPan('').state).toBe('typing');
    expect(checkTypedPan('4111 1111').state).toBe('typing');
  });

  it('accepts a number whose check digit holds, with spaces or dashes, and names its network', () => {
    expect(checkTypedPan('4111 1111 1111 1111')).toEqual({ state: 'valid', brand: 'visa' });
    expect(checkTypedPan('4111-1111-1111-1111')).toEqual({ state: 'valid', brand: 'visa' });
    expect(checkTypedPan('5555555555554444')).toEqual({ state: 'valid', brand: 'mastercard' });
  });

  it('flags a wrong check digit as soon as the number could be whole', () => {
    expect(checkTypedPan('4111111111111112').state).toBe('checkDigit');
  });

  it('flags letters and more than 19 digits', () => {
    expect(checkTypedPan('4111 abcd').state).toBe('format');
    expect(checkTypedPan('41111111111111111111').state).toBe('format');
  });
});
