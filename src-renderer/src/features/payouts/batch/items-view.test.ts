import { describe, expect, it } from 'vitest';
import { DEFAULT_ITEMS_VIEW, isFiltered, itemsViewFrom, withItemsView } from './items-view';

describe('the batch page view in the URL', () => {
  it('reads back the tab, every filter and the page it wrote', () => {
    const view = { tab: 'timeline' as const, status: 'PAID' as const, verdict: 'warning' as const, code: 'POSSIBLE_DUPLICATE' as const, page: 2, pageSize: 500 };
    const params = withItemsView(new URLSearchParams(), view);
    expect(params.toString()).toBe('tab=timeline&status=PAID&verdict=warning&code=POSSIBLE_DUPLICATE&page=3&size=500');
    expect(itemsViewFrom(params)).toEqual(view);
  });

  it('leaves defaults out of the URL and keeps other parameters', () => {
    expect(withItemsView(new URLSearchParams('other=1&status=PAID'), DEFAULT_ITEMS_VIEW).toString()).toBe('other=1');
  });

  it('falls back to the defaults for what it cannot read', () => {
    expect(itemsViewFrom(new URLSearchParams('tab=money&status=paid&verdict=bad&code=NOPE&page=-1&size=7'))).toEqual(DEFAULT_ITEMS_VIEW);
  });

  it('counts the tab and the page as no filter', () => {
    expect(isFiltered({ ...DEFAULT_ITEMS_VIEW, tab: 'timeline', page: 4 })).toBe(false);
    expect(isFiltered({ ...DEFAULT_ITEMS_VIEW, code: 'FORMULA_TEXT' })).toBe(true);
  });
});
