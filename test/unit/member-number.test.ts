import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMemberNumber, isValidMemberNumber, memberNumberFor, memberNumbersEndingWith, normalizeMemberNumber } from '../../src-shared/member-number';
import { luhnCheckDigit } from '../../src-shared/luhn';

describe('member numbers', () => {
  it('computes the Luhn check digit of the ISO/IEC 7812-1 worked example', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
  });

  it('numbers the first members 100000009, 100000017, …', () => {
    expect(memberNumberFor(1)).toBe('100000009');
    expect(memberNumberFor(2)).toBe('100000017');
    expect(memberNumberFor(90_000_000)).toBe('999999998');
  });

  it('refuses a sequence outside the 8-digit body range', () => {
    expect(() => memberNumberFor(0)).toThrow(RangeError);
    expect(() => memberNumberFor(90_000_001)).toThrow(RangeError);
    expect(() => memberNumberFor(1.5)).toThrow(RangeError);
  });

  it('accepts every generated number and gives each sequence its own number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 90_000_000 }), fc.integer({ min: 1, max: 90_000_000 }), (a, b) => {
        expect(isValidMemberNumber(memberNumberFor(a))).toBe(true);
        expect(memberNumberFor(a) === memberNumberFor(b)).toBe(a === b);
      }),
    );
  });

  it('catches every single mistyped digit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 90_000_000 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (seq, position, delta) => {
        const number = memberNumberFor(seq);
        const changed = (Number(number[position]) + delta) % 10;
        const typo = `${number.slice(0, position)}${changed}${number.slice(position + 1)}`;
        expect(isValidMemberNumber(typo)).toBe(false);
      }),
    );
  });

  it('catches a swap of two different neighbouring digits other than 0 and 9', () => {
    const number = memberNumberFor(12_345);
    const swapped = `${number.slice(0, 5)}${number[6]}${number[5]}${number.slice(7)}`;
    expect(number[5]).not.toBe(number[6]);
    expect(isValidMemberNumber(swapped)).toBe(false);
  });

  it('ignores the spaces and dashes of a typed number and rejects other shapes', () => {
    expect(normalizeMemberNumber('1000 0001-7')).toBe('100000017');
    expect(isValidMemberNumber('1000 0001 7')).toBe(true);
    expect(isValidMemberNumber('10000001')).toBe(false);
    expect(isValidMemberNumber('0000000000')).toBe(false);
    expect(isValidMemberNumber('10000001x')).toBe(false);
  });

  it('groups a number for printing', () => {
    expect(formatMemberNumber('100000017')).toBe('1000 0001 7');
  });

  it('counts out exactly the issued numbers that end with the digits typed, spaces ignored', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3_000 }), fc.integer({ min: 3, max: 9 }), fc.nat(), (issued, length, pick) => {
        const target = memberNumberFor(1 + (pick % issued));
        const ending = target.slice(-length);
        const all = Array.from({ length: issued }, (_, i) => memberNumberFor(i + 1));
        expect(memberNumbersEndingWith(ending, issued, 10_000)).toEqual(all.filter((number) => number.endsWith(ending)));
      }),
    );
    expect(memberNumbersEndingWith('0007 4', 100, 100)).toEqual(['100000074']);
  });

  it('gives up on an ending that would need more than the limit of numbers checked', () => {
    expect(memberNumbersEndingWith('74', 100_000, 2_000)).toBeNull();
    expect(memberNumbersEndingWith('074', 100_000, 2_000)).toHaveLength(100);
    expect(memberNumbersEndingWith('x1', 100, 2_000)).toBeNull();
  });
});
