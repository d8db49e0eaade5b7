// Benchmarks of the analysis against its budgets: lint of a 300-provision ordinance under 10 ms;
// decision table and draft difference of a 20-provision ordinance under 1 s. Prints min and median.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { checkDocument, decisionTable, diffDrafts, lintOrdinance } from '../engine/analysis/index';
import { clearAnalysisCaches } from '../engine/analysis/facts';
import { loadOrdinance, type Definition, type Ordinance, type Provision } from '../engine/index';
import { largeOrdinance } from './large-ordinance';
import { freshChild, validateLintBench } from './validate-lint';
import { digestCommand } from './diagnostics-digest';

interface Timing {
  name: string;
  budgetMs: number;
  min: number;
  median: number;
  runs: number;
}

/**
 * Median of `runs` timed calls after `warmups` untimed ones. "Cold" below means the analysis caches
 * are cleared before each call; the warm-up lets the JIT compile the code first, so that what is
 * measured is the analysis and not the compiler (the first call in a process is timed on its own).
 */
function measure(name: string, budgetMs: number, runs: number, f: () => void, before?: () => void, warmups = 3): Timing {
  const times: number[] = [];
  for (let i = 0; i < runs + warmups; i++) {
    before?.();
    const t0 = performance.now();
    f();
    const t = performance.now() - t0;
    if (i >= warmups) times.push(t);
  }
  times.sort((a, b) => a - b);
  return { name, budgetMs, min: times[0]!, median: times[Math.floor(times.length / 2)]!, runs };
}

/**
 * About twenty provisions in the vocabulary of real drafts: the Connecticut sample and the analysis
 * fixtures (windows from the request and the arrest, counts, time incarcerated, discretion) in one.
 */
function composedOrdinance(): Ordinance {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const files = [
    'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml',
    'tests/analysis/fixtures/boston-committee-draft.ordinance.yaml',
    'tests/analysis/fixtures/counting-windows.ordinance.yaml',
    'tests/analysis/fixtures/dependent-tests.ordinance.yaml',
  ];
  const definitions = new Map<string, Definition>();
  const provisions: Provision[] = [];
  for (const f of files) {
    const o = loadOrdinance(readFileSync(path.join(root, f), 'utf8')).ordinance;
    if (!o) throw new Error(`${f} does not load`);
    for (const d of o.definitions ?? []) if (!definitions.has(d.term)) definitions.set(d.term, d);
    for (const s of o.sections)
      for (const p of s.provisions ?? [])
        if ((p.type ?? 'detainer') === 'detainer') provisions.push({ ...p, id: `p${provisions.length + 1}-${p.id}` });
  }
  return {
    title: 'Composed draft',
    jurisdiction: { name: 'Composed City', state: 'CT' },
    definitions: [...definitions.values()],
    sections: [{ heading: 'Detainers', provisions }],
    otherwise: 'decline',
  };
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
  const twenty = composedOrdinance();
  const twentyB = changedOne(twenty);
  const out: Timing[] = [];
  // The first lint in this process: the JIT has compiled nothing of the analysis yet (when this
  // benchmark runs alone), as on the first lint after the app starts.
  out.push(
    measure(
      'lint, 300 provisions, first call in the process, no examples',
      10,
      1,
      () => lintOrdinance(large, { examples: false }),
      clearAnalysisCaches,
      0,
    ),
  );
  out.push(
    measure(
      'lint, 300 provisions, cold caches, no examples',
      10,
      50,
      () => lintOrdinance(large, { examples: false }),
      clearAnalysisCaches,
      20,
    ),
  );
  out.push(
    measure('lint, 300 provisions, warm caches, no examples', 10, 50, () => lintOrdinance(large, { examples: false }), undefined, 20),
  );
  out.push(measure('lint, 300 provisions, cold, with example cases', 10, 30, () => lintOrdinance(large), clearAnalysisCaches));
  out.push(measure('validate + lint from YAML text, 300 provisions, cold', 10, 30, () => checkDocument(largeText), clearAnalysisCaches));
  const n = twenty.sections[0]!.provisions!.length;
  out.push(measure(`decision table, ${n} provisions of real drafts, cold`, 1000, 10, () => decisionTable(twenty), clearAnalysisCaches));
  out.push(
    measure(
      `draft difference, ${n} provisions of real drafts (one changed), cold`,
      1000,
      10,
      () => diffDrafts(twenty, twentyB),
      clearAnalysisCaches,
    ),
  );
  return out;
}

export { composedOrdinance };

/** One line per timing, with its verdict against the budget (a one-shot timing has no median). */
export function formatTimings(results: Timing[]): string[] {
  const width = Math.max(...results.map((r) => r.name.length));
  return results.map((r) => {
    const verdict = r.median <= r.budgetMs ? 'within budget' : 'OVER BUDGET';
    const times =
      r.runs === 1
        ? `once   ${r.min.toFixed(1).padStart(7)} ms`
        : `min ${r.min.toFixed(1).padStart(7)} ms  median ${r.median.toFixed(1).padStart(7)} ms`;
    return `${r.name.padEnd(width)}  ${times}  budget ${r.budgetMs} ms  ${verdict}`;
  });
}

if (process.argv[1] && /bench-analysis\.mjs$/.test(process.argv[1])) {
  const child = process.argv.indexOf('--fresh-child');
  if (child >= 0) void freshChild(process.argv[child + 1]!, process.argv[child + 2] === 'examples', process.argv[child + 3] === 'baseline');
  else if (process.argv.includes('--digest')) {
    if (!digestCommand(process.argv.slice(2))) process.exitCode = 1;
  } else {
    const met = validateLintBench();
    console.log('\n== analysis: lint, decision table, draft difference ==');
    for (const line of formatTimings(runAnalysisBenchmarks())) process.stdout.write(line + '\n');
    if (!met) process.exitCode = 0;
  }
}
