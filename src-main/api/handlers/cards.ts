import type { HandlerMap } from '../handler';
import { createProgram, deleteProgram, listPrograms, setProgramStatus, updateProgram } from '../../cards/programs';
import { issueCard } from '../../cards/issue';
import { cardWithEvents, listCards, memberCards } from '../../cards/card-queries';
import { AppError } from '../../../src-shared/errors';

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

// TEMPORARY while the lifecycle is being written this session: replaced before commit.
const notYet = (channel: string) => () => {
  throw new AppError('INTERNAL', `${channel} is not built yet.`);
};

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
  'cards.activate': notYet('cards.activate'),
  'cards.freeze': notYet('cards.freeze'),
  'cards.unfreeze': notYet('cards.unfreeze'),
  'cards.cancel': notYet('cards.cancel'),
  'cards.replace': notYet('cards.replace'),
  'cards.reveal': notYet('cards.reveal'),
  'cards.setLimits': notYet('cards.setLimits'),
};
