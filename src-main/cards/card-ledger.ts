import { sha256Hex } from '../store/crypto';

// The wallet movements behind a card authorization (issue 10):
// - authorize: a hold (pending transfer): debit the member's wallet, credit merchant settlement,
//              in the card's currency, expiring after the hold days setting; kind 'payment',
//              since a card payment is a payment (its points and redeemed credit follow the
//              counter's rules), cause `card-auth:<authorization id>`
// - capture:   a post of all or part of the hold; a part releases the rest
// - void:      a void of the hold, releasing all of it
// - expiry:    a void with the key `hold-expiry:<hold id>`, the key the ledger's own expiry run
//              uses, so whichever runs first voids it and the other finds it done

/** The ledger key space's maximum (ledger/rules.ts) less the longest prefix. */
const MAX_PLAIN_KEY = 180;

/** The ledger key of a card step, derived from the caller's key; a long key is digested to fit. */
export function cardLedgerKey(step: 'auth' | 'capture' | 'void', key: string): string {
  return `card:${step}:${key.length <= MAX_PLAIN_KEY ? key : sha256Hex(key)}`;
}

export function holdExpiryKey(holdId: number): string {
  return `hold-expiry:${holdId}`;
}

export function authorizationCause(authorizationId: number): string {
  return `card-auth:${authorizationId}`;
}
