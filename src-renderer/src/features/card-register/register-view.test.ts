import { describe, expect, it } from 'vitest';
import { DEFAULT_REGISTER_VIEW, registerViewFrom, withRegisterView } from './register-view';

// The register's view lives in the URL: what is written reads back the same, defaults stay out,
// and a value that cannot be read falls back to its default.

describe('the cards register view in the URL', () => {
  it('reads back what it writes, leaving defaults out and other parameters alone', () => {
    const view = { query: '0425', programId: '2', state: 'frozen' as const, page: 1, pageSize: 25 };
    const params = withRegisterView(new URLSearchParams('other=1'), view);
    expect(params.toString()).toBe('other=1&q=0425&program=2&state=frozen&page=2&size=25');
    expect(registerViewFrom(params)).toEqual(view);
    expect(withRegisterView(new URLSearchParams(), DEFAULT_REGISTER_VIEW).toString()).toBe('');
  });

  it('falls back to the defaults for a state, program, page or size it cannot read', () => {
    expect(registerViewFrom(new URLSearchParams('state=lost&program=x&page=-3&size=7'))).toEqual(DEFAULT_REGISTER_VIEW);
  });
});
