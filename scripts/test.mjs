// `npm test`: every vitest project, then one plain summary line taken from
// vitest's JSON report, so a run that executed no test is visible at a glance.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const report = join(process.cwd(), '.vitest-report.json');
rmSync(report, { force: true });
const vitest = join(process.cwd(), 'node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(
  process.execPath,
  [
    vitest,
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);

let summary = '0 passed, 0 failed';
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  summary =
    `${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : '');
  if (r.numTotalTests === 0) console.log('No test ran.');
} catch {
  console.log('vitest wrote no report (it failed before running tests).');
}
console.log(summary);
writeFileSync(join(process.cwd(), '.vitest-summary.txt'), summary + '\n');
process.exit(run.status ?? 1);
