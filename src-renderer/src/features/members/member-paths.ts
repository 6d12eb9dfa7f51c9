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

/** A member's page opened from the list: the list's view stays in the query for the way back. */
export function memberPathFromList(listParams: URLSearchParams, memberId: number): string {
  const params = new URLSearchParams(listParams);
  params.set(MEMBER_PARAM, String(memberId));
  return `${MEMBERS_PATH}?${params.toString()}`;
}

/** The list as it was when this member was opened from it (or the plain list). */
export function membersListPathFrom(memberParams: URLSearchParams): string {
  const params = new URLSearchParams(memberParams);
  params.delete(MEMBER_PARAM);
  const query = params.toString();
  return query ? `${MEMBERS_PATH}?${query}` : MEMBERS_PATH;
}
