import type { HandlerMap } from '../handler';
import { memberLots, pointsSummary, tierStatus } from '../../points/point-queries';
import { monthlyPoints, pointsHistory } from '../../points/point-history';
import { redeemPoints, reverseRedemption } from '../../points/redeem';
import { adjustPoints, recordReferral, recordReview } from '../../points/records';
import { savedLoyalty } from '../../points/loyalty';
import { setTierFloor } from '../../points/tier-floor';
import { updateLoyaltyRules } from '../../points/rules-update';

type PointsChannel =
  | 'points.summary'
  | 'points.lots'
  | 'points.history'
  | 'points.monthly'
  | 'points.redeem'
  | 'points.reverseRedemption'
  | 'points.recordReferral'
  | 'points.recordReview'
  | 'points.adjust'
  | 'points.setTierFloor'
  | 'points.rules'
  | 'points.updateRules';

export const pointsHandlers: HandlerMap<PointsChannel> = {
  'points.summary': (input, { store, now }) => pointsSummary(store, input.memberId, now),
  'points.lots': (input, { store, now }) => memberLots(store, input.memberId, now),
  'points.history': (input, { store }) => pointsHistory(store, input.memberId, input.offset, input.limit),
  'points.monthly': (input, { store, now }) => monthlyPoints(store, input.memberId, input.months, now),
  'points.redeem': (input, { store, session, now }) => redeemPoints(store, session, input, now),
  'points.reverseRedemption': (input, { store, session, now }) => reverseRedemption(store, session, input, now),
  'points.recordReferral': (input, { store, session, now }) => recordReferral(store, session.username, input, now),
  'points.recordReview': (input, { store, session, now }) => recordReview(store, session.username, input, now),
  'points.adjust': (input, { store, session, now }) => adjustPoints(store, session.username, input, now),
  'points.setTierFloor': (input, { store, session, now }) => {
    setTierFloor(store, session.username, input, now);
    return tierStatus(store, input.memberId, savedLoyalty(store).rules, now);
  },
  'points.rules': (_input, { store }) => savedLoyalty(store),
  'points.updateRules': (input, { store, session, now }) => updateLoyaltyRules(store, session.username, input.rules, now),
};
