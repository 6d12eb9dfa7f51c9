import type { TFunction } from 'i18next';
import type { PointRule, PointsHistoryRow } from '../../../../src-shared/contract/points';
import { formatMemberNumber, isValidMemberNumber } from '../../../../src-shared/member-number';

// How one movement of points reads in the history: what moved it and which lots it touched.

/** The move in words, with the rule for an earning: "Earned · Payment". */
export function moveText(row: PointsHistoryRow, t: TFunction): string {
  // A manual addition is stored as an earning by the adjustment rule; it reads as the counterpart of "Adjusted down".
  if (row.move === 'earn' && row.rule === 'adjustment') return t('points:move.adjust_up');
  const move = t(`points:move.${row.move}`);
  return row.rule ? t('points:history.moveWithRule', { move, rule: t(`points:rule.${row.rule}`) }) : move;
}

/** "into lot #4 (250)" for an earning, "from lots #12 (40), #15 (20)" for points taken, "back to lots #12 (40)" for points given back; null when no lot is named. */
export function lineageText(row: PointsHistoryRow, t: TFunction, language: string): string | null {
  if (row.lineage.length === 0) return null;
  const count = new Intl.NumberFormat(language);
  // The lineage is signed as the move is; the words say the direction, so each part is shown as a size.
  const lots = row.lineage.map((part) => t('points:history.lot', { id: part.lotId, points: count.format(Math.abs(part.points)) })).join(t('points:history.lotSeparator'));
  const direction = row.move === 'earn' ? 'points:history.intoLots' : row.points < 0 ? 'points:history.fromLots' : 'points:history.toLots';
  return t(direction, { lots, count: row.lineage.length });
}

/** What a lot or a move came from as people read it: a referral names the referred member by their number, grouped as everywhere else. */
export function sourceText(rule: PointRule | null, source: string | null): string | null {
  if (source !== null && rule === 'referral' && isValidMemberNumber(source)) return formatMemberNumber(source);
  return source;
}
