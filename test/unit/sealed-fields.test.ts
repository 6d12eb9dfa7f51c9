import { createHmac, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/errors';
import { ID_DOCUMENT } from '../../src-main/members/id-document';
import { fingerprinter, knownFingerprints } from '../../src-main/sealed/fingerprint';
import { lastFour, maskLastFour, maskPan } from '../../src-main/sealed/mask';
import { sealedPurpose } from '../../src-main/sealed/purpose';
import { fieldSealer, openField } from '../../src-main/sealed/sealed-field';

// The sealed-fields module on its own: seal/open bound to a row and a purpose, retired master
// keys, keyed fingerprints and the masks screens may show.

const CURRENT = Buffer.alloc(32, 0x11);
const RETIRED = Buffer.alloc(32, 0x22);
const CARD_PAN = sealedPurpose('cards.pan', 'card');
const BANK_CARD_PAN = sealedPurpose('bank-cards.pan', 'bank-card');

function refusal(open: () => unknown): AppError {
  try {
    open();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** The same box with one byte of its ciphertext flipped. */
function tampered(sealed: string): string {
  const box = JSON.parse(sealed) as { ciphertext: string };
  const bytes = Buffer.from(box.ciphertext, 'base64');
  bytes[0] = bytes[0]! ^ 0x01;
  return JSON.stringify({ ...box, ciphertext: bytes.toString('base64') });
}

describe('a sealed field', () => {
  it('opens what it sealed, for the same purpose and row', () => {
    const sealed = fieldSealer(CURRENT, CARD_PAN)(7, '4111111111111111');
    expect(sealed).not.toContain('4111');
    expect(openField([CURRENT], CARD_PAN, 7, sealed)).toBe('4111111111111111');
  });

  it('seals each value with a fresh nonce, so equal values give different boxes', () => {
    const seal = fieldSealer(CURRENT, CARD_PAN);
    expect(seal(7, '4111111111111111')).not.toBe(seal(7, '4111111111111111'));
  });

  it('refuses a box copied onto another row with DATA_DAMAGED naming the row', () => {
    const sealed = fieldSealer(CURRENT, CARD_PAN)(7, '4111111111111111');
    expect(refusal(() => openField([CURRENT], CARD_PAN, 8, sealed))).toMatchObject({ code: 'DATA_DAMAGED', message: expect.stringContaining('card:8') });
  });

  it('refuses a box of another purpose with DATA_DAMAGED, even for the same row id', () => {
    const sealed = fieldSealer(CURRENT, BANK_CARD_PAN)(7, '4111111111111111');
    expect(refusal(() => openField([CURRENT], sealedPurpose('cards.pan', 'bank-card'), 7, sealed)).code).toBe('DATA_DAMAGED');
  });

  it('refuses a changed box with DATA_DAMAGED', () => {
    const sealed = fieldSealer(CURRENT, CARD_PAN)(7, '4111111111111111');
    expect(refusal(() => openField([CURRENT], CARD_PAN, 7, tampered(sealed))).code).toBe('DATA_DAMAGED');
  });

  it('refuses a stored value that is not a box with DATA_DAMAGED', () => {
    expect(refusal(() => openField([CURRENT], CARD_PAN, 7, 'not json')).code).toBe('DATA_DAMAGED');
    expect(refusal(() => openField([CURRENT], CARD_PAN, 7, '{"nonce":"AAAA"}')).code).toBe('DATA_DAMAGED');
  });

  it('opens a box sealed under a master key that a rekey retired', () => {
    const sealed = fieldSealer(RETIRED, CARD_PAN)(7, '4111111111111111');
    expect(openField([CURRENT, RETIRED], CARD_PAN, 7, sealed)).toBe('4111111111111111');
    expect(refusal(() => openField([CURRENT], CARD_PAN, 7, sealed)).code).toBe('DATA_DAMAGED');
  });

  it('stops at the first key that opens the box, reading no further keys', () => {
    const sealed = fieldSealer(CURRENT, CARD_PAN)(7, '4111111111111111');
    function* keys() {
      yield CURRENT;
      throw new Error('the retired keys were read');
    }
    expect(openField(keys(), CARD_PAN, 7, sealed)).toBe('4111111111111111');
  });

  it('refuses a purpose name that is not domain.field', () => {
    expect(() => sealedPurpose('pan', 'card')).toThrow('domain.field');
  });
});

describe('ID documents sealed before the sealed-fields module', () => {
  // Sealed by members/id-document.ts as it was at commit 8bd987e (HKDF info
  // 'paydesk/members/id-document/v1', associated data 'member:<id>'), for member 42.
  const V1_KEY = Buffer.from('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', 'hex');
  const V1_RETIRED_KEY = Buffer.from('ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100', 'hex');
  const V1_SEALED = '{"nonce":"HskuEl2UQ4aoW/n3","ciphertext":"NGG9FRnJHd7/","tag":"ZgU3KwYzpHncZJd/HcFSnw=="}';
  const V1_SEALED_UNDER_RETIRED = '{"nonce":"tq1JogUxx/ltGku/","ciphertext":"A+dsPjAv+rRb","tag":"pwi5C6uOR7VuNG5TkxEpMw=="}';

  it('still open, under the current key and under a retired one', () => {
    expect(openField([V1_KEY], ID_DOCUMENT, 42, V1_SEALED)).toBe('E12345678');
    expect(openField([V1_KEY, V1_RETIRED_KEY], ID_DOCUMENT, 42, V1_SEALED_UNDER_RETIRED)).toBe('G99995678');
  });

  it('stay bound to their member', () => {
    expect(refusal(() => openField([V1_KEY], ID_DOCUMENT, 43, V1_SEALED)).code).toBe('DATA_DAMAGED');
  });
});

describe('a keyed fingerprint', () => {
  it('is HMAC-SHA-256 of the value under the purpose fingerprint key derived from the master key', () => {
    const key = Buffer.from(hkdfSync('sha256', CURRENT, Buffer.alloc(0), 'paydesk/cards/pan/fingerprint/v1', 32));
    const expected = createHmac('sha256', key).update('4111111111111111').digest('hex');
    expect(fingerprinter(CURRENT, CARD_PAN)('4111111111111111')).toBe(expected);
  });

  it('is stable for one value and differs for another', () => {
    const fingerprint = fingerprinter(CURRENT, CARD_PAN);
    expect(fingerprint('4111111111111111')).toBe(fingerprinter(CURRENT, CARD_PAN)('4111111111111111'));
    expect(fingerprint('4111111111111112')).not.toBe(fingerprint('4111111111111111'));
  });

  it('depends on the master key and on the purpose', () => {
    const base = fingerprinter(CURRENT, CARD_PAN)('4111111111111111');
    expect(fingerprinter(RETIRED, CARD_PAN)('4111111111111111')).not.toBe(base);
    expect(fingerprinter(CURRENT, BANK_CARD_PAN)('4111111111111111')).not.toBe(base);
  });

  it('lists the fingerprints a stored row may carry: the current key first, then each retired one', () => {
    expect(knownFingerprints([CURRENT, RETIRED], CARD_PAN, '4111111111111111')).toEqual([
      fingerprinter(CURRENT, CARD_PAN)('4111111111111111'),
      fingerprinter(RETIRED, CARD_PAN)('4111111111111111'),
    ]);
  });
});

describe('masks', () => {
  it('show an ID document or a bank card by its last four', () => {
    expect(lastFour('11010519491231002X')).toBe('002X');
    expect(maskLastFour('002X')).toBe('••••002X');
  });

  it.each([
    ['4111111111111111', '411111••••••1111'],
    ['4222222222222', '422222•••2222'],
    ['6212345678901234567', '621234•••••••••4567'],
  ])('show card number %s as at most its first six and last four digits', (pan, masked) => {
    expect(maskPan(pan)).toBe(masked);
    expect(masked.replace(/•/g, '')).toHaveLength(10);
  });

  it('refuse what is not a 13- to 19-digit card number', () => {
    expect(() => maskPan('411111111111')).toThrow('13 to 19 digits');
    expect(() => maskPan('4111 1111 1111 1111')).toThrow('13 to 19 digits');
  });
});
