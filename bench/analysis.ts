// Benchmarks of the analysis against its budgets: lint of a 300-provision ordinance under 10 ms;
// decision table and draft difference of a 20-provision ordinance under 1 s. Prints min and median.

import { stringify } from 'yaml';
import { checkDocument, decisionTable, diffDrafts, lintOrdinance } from '../engine/analysis/index';
import { clearAnalysisCaches } from '../engine/analysis/facts';
import type { Ordinance } from '../engine/index';
import { largeOrdinance } from './large-ordinance';

interface Timing {
  name: string;
  budgetMs: number;
  min: number;
  median: number;
  runs: number;
}

function measure(name: string, budgetMs: number, runs: number, f: () => void, before?: () => void): Timing {
  const times: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    before?.();
    const t0 = performance.now();
    f();
    const t = performance.now() - t0;
    if (i >= 3) times.push(t);
  }
  times.sort((a, b) => a - b);
  return { name, budgetMs, min: times[0]!, median: times[Math.floor(times.length / 2)]!, runs };
}

function changedOne(o: Ordinance): Ordinance {
  const c = structuredClone(o);
  const p = c.sections[0]!.provisions![3]!;
  p.outcome = p.outcome === 'decline' ? 'notify' : 'decline';
  delete p.maxHold;
  return c;
}

export function runAnalysisBenchmarks(): Timing[] {
  const large = largeOrdinance(300, 7);
  const largeText = stringify(large, { lineWidth: 0 });
  const twenty = largeOrdinance(20, 3);
  const twentyB = changedOne(twenty);
  const out: Timing[] = [];
  out.push(
    measure(
      'lint, 300 provisions, cold (no caches), no examples',
      10,
      30,
      () => lintOrdinance(large, { examples: false }),
      clearAnalysisCaches,
    ),
  );
  out.push(measure('lint, 300 provisions, warm caches, no examples', 10, 30, () => lintOrdinance(large, { examples: false })));
  out.push(measure('lint, 300 provisions, cold, with example cases', 10, 30, () => lintOrdinance(large), clearAnalysisCaches));
  out.push(measure('validate + lint from YAML text, 300 provisions, cold', 10, 30, () => checkDocument(largeText), clearAnalysisCaches));
  out.push(measure('decision table, 20 provisions, cold', 1000, 10, () => decisionTable(twenty), clearAnalysisCaches));
  out.push(
    measure('draft difference, 20 provisions (one changed), cold', 1000, 10, () => diffDrafts(twenty, twentyB), clearAnalysisCaches),
  );
  return out;
}

if (process.argv[1] && /bench-analysis\.mjs$/.test(process.argv[1])) {
  const results = runAnalysisBenchmarks();
  const width = Math.max(...results.map((r) => r.name.length));
  for (const r of results) {
    const verdict = r.median <= r.budgetMs ? 'within budget' : 'OVER BUDGET';
    process.stdout.write(
      `${r.name.padEnd(width)}  min ${r.min.toFixed(1).padStart(7)} ms  median ${r.median.toFixed(1).padStart(7)} ms  budget ${r.budgetMs} ms  ${verdict}\n`,
    );
  }
}
