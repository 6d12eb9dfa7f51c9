import type { HandlerMap } from '../handler';
import { closeMember, createMember, freezeMember, getMember, revealIdDocument, unfreezeMember, updateMember } from '../../members/member-service';
import { exportMembers, searchMembers } from '../../members/member-search';
import { memberHistory } from '../../members/member-history';

type MemberChannel =
  | 'members.search'
  | 'members.export'
  | 'members.get'
  | 'members.create'
  | 'members.update'
  | 'members.freeze'
  | 'members.unfreeze'
  | 'members.close'
  | 'members.revealIdDocument'
  | 'members.history';

export const memberHandlers: HandlerMap<MemberChannel> = {
  'members.search': (input, { store }) => searchMembers(store, input),
  'members.export': (input, { store }) => exportMembers(store, input),
  'members.get': (input, { store }) => getMember(store, input),
  'members.create': (input, { store, session, now }) => createMember(store, session.username, input, now),
  'members.update': (input, { store, session, now }) => updateMember(store, session.username, input, now),
  'members.freeze': (input, { store, session, now }) => freezeMember(store, session.username, input.id, input.reason, now),
  'members.unfreeze': (input, { store, session, now }) => unfreezeMember(store, session.username, input.id, input.reason, now),
  'members.close': (input, { store, session, now }) => closeMember(store, session.username, input.id, input.reason, now),
  'members.revealIdDocument': (input, { store, session, now }) => revealIdDocument(store, session.username, input.id, input.reason, now),
  'members.history': (input, { store }) => memberHistory(store, input.id, input.offset, input.limit),
};
