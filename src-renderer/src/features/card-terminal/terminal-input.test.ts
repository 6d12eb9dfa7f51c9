import { describe, expect, it } from 'vitest';
import type { CardProgram } from '../../../../src-shared/contract/cards';
import { authorizeRequest, cardProblems, maskedTypedPan, programOfPan, typedCvv, typedExpiry, typedPan } from './terminal-input';

// The terminal's fields as typed: the number grouped in fours and masked when not being typed,
// the expiry with its slash, the CVV three digits; a request only once every field can be sent,
// the amount read in the currency of the program whose BIN the number starts with.

/** 16 digits under BIN 62258812 that pass the Luhn check. */
const PAN = '6225881217700425';

function program(id: number, bin: string, currency: string): CardProgram {
  return { id, name: `P${id}`, bin, panLength: 16, currency, validityMonths: 36, mode: 'test', defaultLimits: {}, status: 'open', cards: 0, createdAt: '2026-12-01T00:00:00.000Z', createdBy: 'admin' };
}

describe('the card terminal fields', () => {
  it('group the number in fours as typed, drop anything but digits, and stop at 19 digits', () => {
    expect(typedPan('62258812-1770 0425')).toBe('6225 8812 1770 0425');
    expect(typedPan('1234567890123456789012')).toBe('1234 5678 9012 3456 789');
  });

  it('show only the first six and last four digits of a whole number, and a short one as typed', () => {
    expect(maskedTypedPan(typedPan(PAN))).toBe('6225 88•• •••• 0425');
    expect(maskedTypedPan('6225 88')).toBe('6225 88');
  });

  it('put the slash into the expiry and keep the CVV to three digits', () => {
    expect([typedExpiry('1228'), typedExpiry('12/2'), typedExpiry('1')]).toEqual(['12/28', '12/2', '1']);
    expect(typedCvv('12a34')).toBe('123');
  });

  it('name each card field that cannot be sent: too short, failing the check digit, a month 13, two CVV digits', () => {
    expect(cardProblems({ merchant: 'Tea', pan: '6225 8812', expiry: '13/28', cvv: '12', amount: '1' })).toEqual({ pan: 'pan', expiry: 'expiry', cvv: 'cvv' });
    expect(cardProblems({ merchant: 'Tea', pan: typedPan('6225881217700426'), expiry: '12/28', cvv: '123', amount: '1' })).toEqual({ pan: 'panCheck' });
  });

  it('take the currency from the program with the longest BIN the number starts with', () => {
    const programs = [program(1, '622588', 'USD'), program(2, '62258812', 'CNY'), program(3, '411111', 'EUR')];
    expect(programOfPan(programs, typedPan(PAN))?.id).toBe(2);
    expect(programOfPan(programs, '5500 0000')).toBeUndefined();
  });

  it('make a request only when every field can be sent, the amount in minor units', () => {
    const typed = { merchant: ' Tea House ', pan: typedPan(PAN), expiry: '12/28', cvv: '123', amount: '120.50' };
    expect(authorizeRequest(typed, 'CNY')).toEqual({ pan: PAN, expiry: '12/28', cvv: '123', amount: 12_050, merchant: 'Tea House' });
    expect(authorizeRequest({ ...typed, amount: '120.505' }, 'CNY')).toBeNull();
    expect(authorizeRequest({ ...typed, merchant: ' ' }, 'CNY')).toBeNull();
  });
});
