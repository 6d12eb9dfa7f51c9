import { describe, expect, it } from 'vitest';
import { summarizeChange } from './summarize-change';

describe('summarizeChange', () => {
  it('lists only the fields that changed, as before → after', () => {
    expect(summarizeChange({ username: 'tina', status: 'active' }, { username: 'tina', status: 'disabled' })).toBe('status: active → disabled');
  });

  it('lists every recorded field when there is only an after (a creation)', () => {
    expect(summarizeChange(null, { username: 'tina', role: 'teller' })).toBe('username: tina; role: teller');
  });

  it('lists every recorded field when there is only a before (a removal)', () => {
    expect(summarizeChange({ path: '/b/1.pdbk' }, null)).toBe('path: /b/1.pdbk');
  });

  it('is empty when nothing was recorded', () => {
    expect(summarizeChange(null, null)).toBe('');
  });

  it('shows nested values as JSON and missing ones as a dash', () => {
    expect(summarizeChange({ limits: { day: 1 } }, { limits: { day: 2 }, note: 'x' })).toBe('limits: {"day":1} → {"day":2}; note: — → x');
  });
});
