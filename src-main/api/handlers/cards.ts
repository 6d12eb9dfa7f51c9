import type { CallContext, HandlerMap } from '../handler';
import { createProgram, deleteProgram, listPrograms, setProgramStatus, updateProgram } from '../../cards/programs';
import { issueCard } from '../../cards/issue';
import { cardWithEvents, listCards, memberCards } from '../../cards/card-queries';
import { changeCardState, type CardChangeContext } from '../../cards/card-states';
import { replaceCard } from '../../cards/replace';
import { revealCard } from '../../cards/reveal-card';
import { setCardLimits } from '../../cards/card-limits-edit';

type CardChannel =
  | 'cards.programs'
  | 'cards.createProgram'
  | 'cards.updateProgram'
  | 'cards.setProgramStatus'
  | 'cards.deleteProgram'
  | 'cards.list'
  | 'cards.memberCards'
  | 'cards.get'
  | 'cards.issue'
  | 'cards.activate'
  | 'cards.freeze'
  | 'cards.unfreeze'
  | 'cards.cancel'
  | 'cards.replace'
  | 'cards.reveal'
  | 'cards.setLimits';

/** A card changed by the signed-in person: the teller channel, whatever their role. */
function atCounter({ session, now }: CallContext): CardChangeContext {
  return { actor: session.username, channel: 'teller', now };
}

export const cardHandlers: HandlerMap<CardChannel> = {
  'cards.programs': (_input, { store }) => listPrograms(store),
  'cards.createProgram': (input, { store, session, now }) => createProgram(store, session.username, input, now),
  'cards.updateProgram': (input, { store, session, now }) => updateProgram(store, session.username, input.programId, input.program, now),
  'cards.setProgramStatus': (input, { store, session, now }) => setProgramStatus(store, session.username, input.programId, input.status, now),
  'cards.deleteProgram': (input, { store, session, now }) => {
    deleteProgram(store, session.username, input.programId, now);
    return { done: true };
  },
  'cards.list': (input, { store }) => listCards(store, input),
  'cards.memberCards': (input, { store }) => memberCards(store, input.memberId),
  'cards.get': (input, { store }) => cardWithEvents(store, input.cardId),
  'cards.issue': (input, { store, session, now }) => issueCard(store, session.username, input, now),
  'cards.activate': (input, ctx) => changeCardState(ctx.store, atCounter(ctx), input.cardId, 'activate', { note: input.note }),
  'cards.freeze': (input, ctx) => changeCardState(ctx.store, atCounter(ctx), input.cardId, 'freeze', { note: input.note }),
  'cards.unfreeze': (input, ctx) => changeCardState(ctx.store, atCounter(ctx), input.cardId, 'unfreeze', { note: input.note }),
  'cards.cancel': (input, ctx) => changeCardState(ctx.store, atCounter(ctx), input.cardId, 'cancel', { reason: input.reason, note: input.note }),
  'cards.replace': (input, { store, session, now }) => replaceCard(store, session.username, input, now),
  'cards.reveal': (input, { store, session, now }) => revealCard(store, session.username, input.cardId, input.reason, now),
  'cards.setLimits': (input, { store, session, now }) => setCardLimits(store, session.username, input.cardId, input.limits, now),
};
