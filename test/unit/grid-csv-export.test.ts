import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The DataGrid toolbar's "Download as CSV" writes formatted amounts into Paydesk.csv (issue 8),
// so no screen may offer it: every grid that shows its toolbar turns that button off and the
// screen exports through the one CSV writer (src-renderer/src/ui/csv/).

const SOURCE = fileURLToPath(new URL('../../src-renderer/src/', import.meta.url));

function screenFiles(): string[] {
  return readdirSync(SOURCE, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.tsx'));
}

describe('grid CSV export', () => {
  it('every grid with a toolbar turns off its built-in CSV export', () => {
    const withToolbar = screenFiles().filter((file) => readFileSync(join(SOURCE, file), 'utf8').includes('showToolbar'));
    expect(withToolbar.length).toBeGreaterThan(0);
    const offeringBuiltInCsv = withToolbar.filter((file) => {
      const source = readFileSync(join(SOURCE, file), 'utf8');
      return source.split('showToolbar').length !== source.split('toolbar: TOOLBAR_WITHOUT_BUILT_IN_CSV').length;
    });
    expect(offeringBuiltInCsv).toEqual([]);
  });
});
