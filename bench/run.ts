import { certificateBenchmarks } from './certificates.bench.js';
import { complianceBenchmarks } from './compliance.bench.js';
import { dispatcherBenchmarks } from './dispatcher.bench.js';
import { formatResults, runBenchmarks } from './harness.js';
import { learningBenchmarks } from './learning.bench.js';
import { peopleImportBenchmarks } from './people-import.bench.js';
import { recordsImportBenchmarks } from './records-import.bench.js';

// `npm run bench [-- --json]`: every benchmark, as "name  value  ratio" lines or one JSON array.
const results = await runBenchmarks([
  ...dispatcherBenchmarks(),
  ...peopleImportBenchmarks(),
  ...learningBenchmarks(),
  ...complianceBenchmarks(),
  ...recordsImportBenchmarks(),
  ...certificateBenchmarks(),
]);
if (process.argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
else console.log(formatResults(results));
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
