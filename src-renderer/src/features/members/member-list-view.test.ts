import { describe, expect, it } from 'vitest';
import { DEFAULT_MEMBER_LIST_VIEW, memberListViewFrom, withMemberListView } from './member-list-view';
import { memberPathFromList, membersListPathFrom } from './member-paths';

describe('the members list view in the URL', () => {
  it('reads back every choice it wrote: search, status, tier, sort, direction, page and page size', () => {
    const view = { query: '王 芳', status: 'frozen', tier: 'gold', sort: 'name', direction: 'desc', page: 3, pageSize: 25 } as const;
    const params = withMemberListView(new URLSearchParams(), view);
    expect(params.toString()).toBe('q=%E7%8E%8B+%E8%8A%B3&status=frozen&tier=gold&sort=name&dir=desc&page=4&size=25');
    expect(memberListViewFrom(params)).toEqual(view);
  });

  it('keeps a sort by wallet balance', () => {
    expect(memberListViewFrom(new URLSearchParams('sort=balance&dir=desc'))).toEqual({ ...DEFAULT_MEMBER_LIST_VIEW, sort: 'balance', direction: 'desc' });
  });

  it('leaves defaults out of the URL and keeps the open member', () => {
    const params = withMemberListView(new URLSearchParams('member=7&page=5'), DEFAULT_MEMBER_LIST_VIEW);
    expect(params.toString()).toBe('member=7');
  });

  it('falls back to the default for each value it cannot read, and keeps the rest', () => {
    const params = new URLSearchParams('status=lost&tier=Gold!&sort=mood&dir=up&page=-2&size=1000&q=Li');
    expect(memberListViewFrom(params)).toEqual({ ...DEFAULT_MEMBER_LIST_VIEW, query: 'Li' });
    expect(memberListViewFrom(new URLSearchParams('page=1.5'))).toEqual(DEFAULT_MEMBER_LIST_VIEW);
  });

  it('opens a member with the list view kept for the way back, and goes back to exactly that list', () => {
    const list = new URLSearchParams('status=frozen&sort=name&page=2');
    const memberPage = memberPathFromList(list, 42);
    expect(memberPage).toBe('/members?status=frozen&sort=name&page=2&member=42');
    expect(membersListPathFrom(new URLSearchParams(memberPage.split('?')[1]))).toBe('/members?status=frozen&sort=name&page=2');
    expect(membersListPathFrom(new URLSearchParams('member=42'))).toBe('/members');
  });
});
