// Benchmarks, run by `npm run bench` (never by the tests): each group prints its figures and budget.

import { exportBenchmarks } from './exports';

await exportBenchmarks();
