import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawPan, randomDigits } from '../../src-main/cards/card-numbers';
import { isLuhnValid } from '../../src-shared/luhn';

// Card numbers drawn from the CSPRNG (issue 10): a million of them are Luhn-valid, unique under
// the issuing rule, and their digits after the BIN are uniform, each position on its own and
// adjacent pairs together. randomDigits keeps a byte only below 250, so each digit has exactly 25
// of the 256 byte values: no modulo bias, which fed bytes show without any chance involved.

const DRAWS = 1_000_000;
const BIN = '424242';
/** The longest card (ISO/IEC 7812): 12 random digits after a 6-digit BIN, so duplicates are rare. */
const LENGTH = 19;
const RANDOM_DIGITS = LENGTH - BIN.length - 1;

/**
 * Upper critical values of χ² at α = 10⁻⁶ (scipy.stats.chi2.isf(1e-6, df)). Fifteen statistics
 * are tested per run, so a sound generator fails one with probability near 1.5·10⁻⁵; a
 * modulo-biased one (`byte % 10`) scores about 375 per position over a million digits (see the randomDigits tests).
 */
const CHI2_CRITICAL = { df9: 44.81, df99: 180.79 };

/** Pearson's χ² of `counts` against equal expected frequencies. */
function chiSquare(counts: ArrayLike<number>): number {
  const values = Array.from(counts);
  const expected = values.reduce((a, b) => a + b, 0) / values.length;
  return values.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
}

/** A random source that hands out `bytes` in order, as randomBytes would hand out fresh ones. */
function fedBytes(bytes: number[]): (size: number) => Buffer {
  let next = 0;
  return (size) => {
    if (next + size > bytes.length) throw new Error('fedBytes: ran out of bytes');
    next += size;
    return Buffer.from(bytes.slice(next - size, next));
  };
}

/**
 * The CSPRNG read in 64 KiB blocks: the same bytes randomBytes gives, without a million small
 * calls (each costs microseconds of OpenSSL overhead). drawPan's default source is the property test's.
 */
function pooledRandomBytes(): (size: number) => Buffer {
  let pool = randomBytes(65_536);
  let next = 0;
  return (size) => {
    if (next + size > pool.length) {
      pool = randomBytes(65_536);
      next = 0;
    }
    next += size;
    return pool.subarray(next - size, next);
  };
}

/** Every byte value 0–255 in turn, `cycles` times. */
function everyByte(cycles: number): number[] {
  return Array.from({ length: 256 * cycles }, (_, i) => i % 256);
}

describe('a million drawn card numbers', () => {
  /** Digit counts: per position after the BIN (the check digit last), and adjacent random pairs pooled. */
  const perPosition = Array.from({ length: RANDOM_DIGITS + 1 }, () => new Float64Array(10));
  const adjacentPairs = new Float64Array(100);
  const bodies = new Set<number>();
  let redrawn = 0;
  const invalid: string[] = [];

  beforeAll(() => {
    const random = pooledRandomBytes();
    while (bodies.size < DRAWS) {
      const pan = drawPan(BIN, LENGTH, random);
      if (pan.length !== LENGTH || !pan.startsWith(BIN) || !isLuhnValid(pan)) invalid.push(pan);
      // The issuing rule: a number already issued (matched by its fingerprint) is drawn again.
      const body = Number(pan.slice(BIN.length, -1));
      if (bodies.has(body)) {
        redrawn += 1;
        continue;
      }
      bodies.add(body);
      for (let position = 0; position <= RANDOM_DIGITS; position++) {
        const digit = pan.charCodeAt(BIN.length + position) - 48;
        perPosition[position]![digit]! += 1;
        if (position > 0 && position < RANDOM_DIGITS) adjacentPairs[(pan.charCodeAt(BIN.length + position - 1) - 48) * 10 + digit]! += 1;
      }
    }
  }, 60_000);

  it('are all Luhn-valid numbers of the program\'s BIN and length', () => {
    expect(invalid).toEqual([]);
  });

  it('are unique under the issuing rule, and duplicate draws are as rare as chance allows', () => {
    expect(bodies.size).toBe(DRAWS);
    // n²/2N = 10¹²/(2·10¹²): 0.5 duplicate draws expected; 9 or more has probability 3·10⁻⁹ (Poisson).
    expect(redrawn).toBeLessThanOrEqual(8);
  });

  it('have each digit after the BIN uniform over 0–9 at every position, the check digit included', () => {
    const statistics = perPosition.map((counts) => Number(chiSquare(counts).toFixed(2)));
    expect(statistics.filter((chi2) => chi2 > CHI2_CRITICAL.df9)).toEqual([]);
    expect(chiSquare(perPosition.reduce((pooled, counts) => pooled.map((n, digit) => n + counts[digit]!), new Float64Array(10)))).toBeLessThan(CHI2_CRITICAL.df9);
  });

  it('have adjacent random digits independent: the 100 pairs uniform', () => {
    expect(chiSquare(adjacentPairs)).toBeLessThan(CHI2_CRITICAL.df99);
  });
});

describe('randomDigits', () => {
  it('keeps bytes below 250 and draws again for 250–255, so 249 gives 9 and 250 and 255 give nothing', () => {
    const source = fedBytes([255, 250, 249, 251, 0, 252, 10, 253, 254, 99, 250, 250, 250]);
    expect(randomDigits(4, source)).toBe('9009');
  });

  it('gives every digit exactly as often when fed every byte value alike', () => {
    const digits = randomDigits(250 * 40, fedBytes([...everyByte(40), ...everyByte(1)]));
    const counts = new Array<number>(10).fill(0);
    for (const digit of digits) counts[Number(digit)]! += 1;
    expect(counts).toEqual(new Array(10).fill(1000));
  });

  it('is what the χ² check tells apart from `byte % 10`, whose modulo bias it flags', () => {
    const bytes = everyByte(4_000);
    const biased = new Array<number>(10).fill(0);
    for (const byte of bytes) biased[byte % 10]! += 1;
    expect(chiSquare(biased)).toBeGreaterThan(CHI2_CRITICAL.df9);

    const fair = new Array<number>(10).fill(0);
    for (const digit of randomDigits(250 * 4_000, fedBytes([...bytes, ...everyByte(1)]))) fair[Number(digit)]! += 1;
    expect(chiSquare(fair)).toBe(0);
  });

  it('draws numbers of any BIN of 6–8 digits and any allowed length, always Luhn-valid', () => {
    const shape = fc.integer({ min: 6, max: 8 }).chain((binLength) =>
      fc.record({ bin: fc.stringMatching(new RegExp(`^\\d{${binLength}}$`)), length: fc.integer({ min: Math.max(13, binLength + 4), max: 19 }) }),
    );
    fc.assert(
      fc.property(shape, ({ bin, length }) => {
        const pan = drawPan(bin, length);
        expect(pan).toHaveLength(length);
        expect(pan.startsWith(bin)).toBe(true);
        expect(isLuhnValid(pan)).toBe(true);
      }),
    );
  });
});
