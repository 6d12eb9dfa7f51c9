import { describe, expect, it } from 'vitest';
import {
  DEFAULT_JOURNAL_VIEW, NO_JOURNAL_FILTERS, hasFilterProblem, journalFilterProblems, journalPathForAccount, journalQueryFrom, journalViewFrom, withJournalView,
} from './journal-view';

describe('the journal view in the URL', () => {
  it('reads back every filter and the page it wrote', () => {
    const view = { account: '1000-CNY', member: '1000 0000 9', kind: 'fee', actor: 'tina', from: '2026-03-01', to: '2026-03-31', currency: 'CNY', minAmount: '1,000', maxAmount: '2000.50', page: 2, pageSize: 25 };
    const params = withJournalView(new URLSearchParams(), view);
    expect(params.toString()).toBe('account=1000-CNY&member=1000+0000+9&kind=fee&actor=tina&from=2026-03-01&to=2026-03-31&currency=CNY&min=1%2C000&max=2000.50&page=3&size=25');
    expect(journalViewFrom(params)).toEqual(view);
  });

  it('leaves defaults out of the URL and keeps the open transfer', () => {
    expect(withJournalView(new URLSearchParams('transfer=7&kind=fee'), DEFAULT_JOURNAL_VIEW).toString()).toBe('transfer=7');
  });

  it('falls back to the first page and the default size for what it cannot read', () => {
    expect(journalViewFrom(new URLSearchParams('page=-2&size=1000&kind=fee'))).toEqual({ ...DEFAULT_JOURNAL_VIEW, kind: 'fee' });
  });

  it('opens one account\'s journal from the chart of accounts', () => {
    expect(journalPathForAccount('2100-100000009-CNY')).toBe('/ledger/journal?account=2100-100000009-CNY');
  });
});

describe('the journal filters before they are sent', () => {
  it('sends amounts only with the currency that reads them, and days as the instants that bound them', () => {
    expect(journalQueryFrom({ ...NO_JOURNAL_FILTERS, minAmount: '5' })).toEqual({});
    const query = journalQueryFrom({ ...NO_JOURNAL_FILTERS, currency: 'CNY', minAmount: ' 5 ', member: '100000009', from: '2026-03-01' });
    expect(query).toEqual({ currency: 'CNY', minAmount: '5', memberNumber: '100000009', from: new Date('2026-03-01T00:00:00').toISOString() });
  });

  it('holds back a largest amount below the smallest, an amount that does not read, a To day before From and a member number still being typed', () => {
    const base = { ...NO_JOURNAL_FILTERS, currency: 'CNY' };
    expect(journalFilterProblems({ ...base, minAmount: '50', maxAmount: '20' })).toMatchObject({ amountsReversed: true });
    expect(journalFilterProblems({ ...base, minAmount: '1.005' })).toMatchObject({ minAmount: 'too_many_decimals' });
    expect(journalFilterProblems({ ...NO_JOURNAL_FILTERS, from: '2026-03-02', to: '2026-03-01' })).toMatchObject({ daysReversed: true });
    expect(journalFilterProblems({ ...NO_JOURNAL_FILTERS, member: '1000 0000' })).toMatchObject({ memberNumber: true });
    expect(journalFilterProblems({ ...NO_JOURNAL_FILTERS, member: '1000 0000 9' })).toMatchObject({ memberNumber: false });
    expect(hasFilterProblem(journalFilterProblems({ ...base, minAmount: '20', maxAmount: '50' }))).toBe(false);
  });
});
