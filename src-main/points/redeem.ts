import { AppError } from '../../src-shared/errors';
import type { Redemption, RedeemRequest, ReverseRedemptionRequest, PointsChange } from '../../src-shared/contract/points';
import { minorDigits } from '../../src-shared/money';
import { pointsMemo } from '../../src-shared/system-memo';
import { balanceOf, getTransfer, inLedgerTransaction, systemAccount, writeMovement, writeReversal } from '../ledger';
import { getMemberRow, memberRef } from '../members/member-repo';
import { walletAccountFor, walletMemberOf } from '../members/member-wallets';
import type { Store } from '../store/store';
import { addCredit, spendCredit } from './credit';
import { getLot, giveBackToLots, lineageOf, planTake, takeFromLots } from './lots';
import { savedLoyalty } from './loyalty';
import { findPointsAccountId } from './points-account';
import { assertWholePoints } from './point-amounts';

// Redeeming points for wallet credit at the rate the rules set (default 100 points = 1.00).
// Only whole units are redeemed: 250 points at 100 a unit redeem 200 for 2.00 and keep 50. Two
// linked transfers post it: the points from the member's points account to points redeemed, and
// the money from the loyalty expense (the operator funds it) to the member's wallet. The money is
// redeemed credit: a payment made with it earns no points.

interface Actor {
  username: string;
}

/** The ledger keys of a redemption's two legs, from the caller's idempotency key: a retried confirmation replays them. */
function keys(key: string): { points: string; money: string } {
  return { points: `points:redeem:${key}`, money: `points:redeem:${key}:money` };
}

export function redeemPoints(store: Store, actor: Actor, req: RedeemRequest, now: Date): Redemption {
  return inLedgerTransaction(store, (writer) => {
    const requested = assertWholePoints(req.points, 'points');
    const member = getMemberRow(store, req.memberId, 'memberId');
    if (member.status !== 'active') {
      throw new AppError(member.status === 'closed' ? 'MEMBER_CLOSED' : 'MEMBER_FROZEN', `Member ${member.member_number} is ${member.status}; their points cannot be redeemed.`, { field: 'memberId' });
    }
    const { rules } = savedLoyalty(store);
    const units = Math.floor(requested / rules.pointsPerRedemptionUnit);
    if (units === 0) {
      throw new AppError('POINTS_BELOW_UNIT', `${requested} points is less than one unit (${rules.pointsPerRedemptionUnit} points).`, { field: 'points', unit: rules.pointsPerRedemptionUnit });
    }
    const points = units * rules.pointsPerRedemptionUnit;
    const amount = units * 10 ** minorDigits(req.currency);
    const wallet = walletAccountFor(store, member, req.currency, now);
    const pointsAccount = findPointsAccountId(store, member.id);
    const at = now.toISOString();
    if (pointsAccount === undefined) throw new AppError('POINTS_INSUFFICIENT', 'The member has no points.', { field: 'points', available: 0, points });
    const replayed = writer.byKey(keys(req.idempotencyKey).points);
    const plan = replayed ? lineageOf(store, replayed.id) : planTake(store, member.id, points, at);
    writer.beginLink();
    const pointsLeg = writeMovement(writer, {
      idempotencyKey: keys(req.idempotencyKey).points,
      debitAccountId: pointsAccount,
      creditAccountId: systemAccount(store, 'points_redeemed', 'PTS').id,
      amount: points,
      kind: 'points_redeem',
      memo: pointsMemo({ move: 'redeem', rule: null, detail: req.currency, spendable: null, expires: null }),
      actor: actor.username,
      at: now,
    });
    const moneyLeg = writeMovement(writer, {
      idempotencyKey: keys(req.idempotencyKey).money,
      debitAccountId: systemAccount(store, 'points_expense', req.currency).id,
      creditAccountId: wallet,
      amount,
      kind: 'points_redemption',
      memo: pointsMemo({ move: 'redeem', rule: null, detail: `${points} PTS`, spendable: null, expires: null }),
      actor: actor.username,
      at: now,
    });
    writer.endLink();
    if (!replayed) {
      takeFromLots(store, pointsLeg.id, plan);
      addCredit(store, moneyLeg.id, member.id, req.currency, amount);
    }
    writer.flush();
    return {
      transferIds: [pointsLeg.id, moneyLeg.id],
      member: memberRef(member),
      pointsRequested: requested,
      pointsRedeemed: points,
      pointsKept: requested - points,
      currency: req.currency,
      amount,
      pointsBalanceAfter: balanceOf(store, pointsAccount).posted,
      walletBalanceAfter: balanceOf(store, wallet).posted,
      lineage: plan.map((part) => ({ ...part, expiresAt: getLot(store, part.lotId)?.expires_at ?? null })),
      at: pointsLeg.created_at,
    };
  });
}

/**
 * Undoes a redemption (named by either leg): the points go back to the lots they came from, with
 * their original expiry (a lot already past it expires at the next run), and the money leaves the
 * wallet, as redeemed credit first. Refused when the wallet no longer holds the money.
 */
export function reverseRedemption(store: Store, actor: Actor, req: ReverseRedemptionRequest, now: Date): PointsChange {
  return inLedgerTransaction(store, (writer) => {
    const named = writer.transfer(req.transferId);
    if (!named) throw new AppError('TRANSFER_NOT_FOUND', `Transfer ${req.transferId} does not exist.`, { field: 'transferId' });
    const pointsLegId = named.kind === 'points_redemption' ? named.id - 1 : named.id;
    const pointsLeg = getTransfer(store, pointsLegId);
    const moneyLeg = writer.transfer(pointsLegId + 1);
    if (pointsLeg.kind !== 'points_redeem' || !moneyLeg || moneyLeg.kind !== 'points_redemption' || moneyLeg.link_id !== pointsLeg.linkId) {
      throw new AppError('REVERSAL_NOT_ALLOWED', `Transfer ${req.transferId} is not a points redemption.`, { field: 'transferId' });
    }
    const pointsBack = writeReversal(writer, { transferId: pointsLeg.id, reason: req.reason, idempotencyKey: `points:unredeem:${req.idempotencyKey}`, actor: actor.username, at: now });
    const moneyBack = writeReversal(writer, { transferId: moneyLeg.id, reason: req.reason, idempotencyKey: `points:unredeem:${req.idempotencyKey}:money`, actor: actor.username, at: now });
    const memberId = walletMemberOf(store, pointsLeg.debitAccountId)!;
    if (writer.appended > 0) {
      giveBackToLots(store, pointsBack.id, lineageOf(store, pointsLeg.id));
      writer.flush();
      spendCredit(store, moneyBack.id, memberId, moneyLeg.currency, moneyLeg.amount, balanceOf(store, moneyLeg.credit_account_id).posted);
    }
    return { transferId: pointsBack.id, points: pointsLeg.amount, lot: null, balanceAfter: balanceOf(store, pointsLeg.debitAccountId).posted, tierChanged: null };
  });
}
