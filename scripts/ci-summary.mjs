// Prints "N passed, N failed" from the JSON reports in a folder (Vitest's and Playwright's
// json reporters).
// A test file that fails before any test runs (a missing ../shared, an import error)
// counts as one failure, so it can never read as a pass.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
for (const name of readdirSync(dir)) {
  try {
    const report = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    if (report.stats && 'expected' in report.stats) {
      // Playwright: a flaky test passed on retry; errors outside tests (a web server that never
      // started) count as one failure.
      passed += report.stats.expected + report.stats.flaky;
      failed += report.stats.unexpected + ((report.errors ?? []).length > 0 ? 1 : 0);
      continue;
    }
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    for (const file of report.testResults ?? []) {
      if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failed += 1;
    }
  } catch {
    failed += 1; // an unreadable report is a failure, not a silent zero
  }
}
if (passed + failed === 0) failed = 1; // no report at all: the test command never ran
console.log(`${passed} passed, ${failed} failed`);
