// What created a lot (the earning rule) and what a points movement was. Kept apart from the
// contract so that the system memo, which every journal reader parses, needs nothing else.

export const POINT_RULES = ['payment', 'referral', 'review', 'adjustment'] as const;
export type PointRule = (typeof POINT_RULES)[number];

export const POINT_MOVES = ['earn', 'redeem', 'redeem_reversal', 'expire', 'clawback', 'adjust_down'] as const;
export type PointMove = (typeof POINT_MOVES)[number];
