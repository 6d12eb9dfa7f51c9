// Prints the CI's last line, `N passed, N failed`, from vitest's JSON report. Lint, typecheck and
// build run before vitest inside `npm test`; when one of them failed there is no report, and that
// step counts as the one failure.
import { existsSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 0);
const report = 'test-results/vitest.json';
let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed = json.numFailedTests ?? 0;
  if (status !== 0 && failed === 0) failed = 1;
} else if (status !== 0) {
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
