// Where member screens live. The members route is one registry entry; a member's page is the
// same route with the member's id in the query, so the navigation keeps "Members" selected.

export const MEMBERS_PATH = '/members';
export const TELLER_PATH = '/teller';
export const MEMBER_PARAM = 'member';

export function memberPath(memberId: number): string {
  return `${MEMBERS_PATH}?${MEMBER_PARAM}=${memberId}`;
}

/** The teller counter with this member already picked. */
export function tellerPathFor(memberId: number): string {
  return `${TELLER_PATH}?${MEMBER_PARAM}=${memberId}`;
}

/** The member id in a query string, or null when absent or not a positive whole number. */
export function memberIdFrom(params: URLSearchParams): number | null {
  const value = Number(params.get(MEMBER_PARAM));
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}
