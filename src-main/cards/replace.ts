import { AppError } from '../../src-shared/errors';
import type { IssuedCard, ReplaceCardRequest } from '../../src-shared/contract/cards';
import { getMemberRow } from '../members/member-repo';
import type { Store } from '../store/store';
import { assertMayReceive } from '../wallets/teller-operations';
import type { CardRow } from './card-rows';
import { assertCardChange, getCardRow, writeCardChange } from './card-states';
import { answerAgain, findCardByIssueKey, issuedCard, writeCard } from './issue';
import { getProgramRow, parseLimits } from './programs';

// Replacing a card (lost, stolen, damaged…): the old card is cancelled with the reason and a new
// one is issued under the same program, for the same member and wallet, with the old card's
// holder name and limits. The two are linked both ways (new.replaces_id, old.replaced_by_id) and
// both changes are audited (card.issue for the new card, card.replace for the old). The new card
// starts inactive and its number, expiry and CVV are shown once, as an issue's are.
// - A closed program still replaces: closing stops new cards, and a replacement carries on a card
//   the member already holds.
// - A frozen member's card can be replaced (a stolen card should not wait for an unfreeze); the
//   new card cannot be activated until the member is active again. A closed member's cannot:
//   their wallet is closed (MEMBER_CLOSED).

/** A retried replacement: the same card and reason, else IDEMPOTENCY_CONFLICT naming the field. */
function replayReplacement(store: Store, actor: string, made: CardRow, req: ReplaceCardRequest, now: Date): IssuedCard {
  if (made.replaces_id !== req.cardId) {
    throw new AppError('IDEMPOTENCY_CONFLICT', `Key ${req.idempotencyKey} already made card ${made.id} for another request.`, { field: 'cardId' });
  }
  if (getCardRow(store, req.cardId).cancel_reason !== req.reason) {
    throw new AppError('IDEMPOTENCY_CONFLICT', `Key ${req.idempotencyKey} replaced card ${req.cardId} for another reason.`, { field: 'reason' });
  }
  return answerAgain(store, actor, made, 'replacement retried', now);
}

/** Cancels the card with the reason and issues its replacement, inactive, in one immediate transaction. */
export function replaceCard(store: Store, actor: string, req: ReplaceCardRequest, now: Date): IssuedCard {
  return store.sqlite
    .transaction(() => {
      const made = findCardByIssueKey(store, req.idempotencyKey);
      if (made) return replayReplacement(store, actor, made, req, now);
      const old = getCardRow(store, req.cardId);
      assertCardChange(store, old, 'replace');
      const member = getMemberRow(store, old.member_id);
      assertMayReceive(member, 'cardId');
      const program = getProgramRow(store, old.program_id);
      const ctx = { actor, now, issueKey: req.idempotencyKey, replacesId: old.id };
      const { row, pan } = writeCard(store, ctx, { member, program, holderName: old.holder_name, limits: parseLimits(old.limits) });
      writeCardChange(store, { actor, channel: 'teller', now }, old, 'replace', { reason: req.reason, note: req.note }, { replaced_by_id: row.id });
      return issuedCard(store, row, pan);
    })
    .immediate();
}
