// Prints the one closing line CI reads, "tests: N passed, N failed", from Vitest's JSON
// reports, and exits non-zero when anything failed, a report is missing, or no test ran.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let missing = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    missing += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed +=
    (report.numFailedTests ?? 0) +
    (report.numTotalTestSuites > 0 && report.success === false && report.numFailedTests === 0
      ? 1
      : 0);
}
if (missing > 0) console.log(`${missing} test run(s) did not report (an earlier step failed).`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || missing > 0 || passed === 0 ? 1 : 0);
