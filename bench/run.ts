import { certificateBenchmarks } from './certificates.bench.js';
import { competenceBenchmarks } from './competences.bench.js';
import { complianceBenchmarks } from './compliance.bench.js';
import { dispatcherBenchmarks } from './dispatcher.bench.js';
import { formatResults, runBenchmarks } from './harness.js';
import { learningBenchmarks } from './learning.bench.js';
import { peopleImportBenchmarks } from './people-import.bench.js';
import { recordsImportBenchmarks } from './records-import.bench.js';

// `npm run bench [-- --json] [-- words…]`: every benchmark (or those whose name contains one of the
// words), as "name  value  ratio" lines or one JSON array.
const words = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const all = [
  ...dispatcherBenchmarks(),
  ...peopleImportBenchmarks(),
  ...learningBenchmarks(),
  ...complianceBenchmarks(),
  ...competenceBenchmarks(),
  ...recordsImportBenchmarks(),
  ...certificateBenchmarks(),
];
const results = await runBenchmarks(
  words.length ? all.filter((b) => words.some((w) => b.name.includes(w))) : all,
);
if (process.argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
else console.log(formatResults(results));
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
