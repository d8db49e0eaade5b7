// `npm run bench`: the engine against a named peer in the same process, printing ratios.
//   evaluate: compiled policy vs json-rules-engine vs a hand-written function, on the same cases.
//   validate: validate + lint from text of a 300-provision ordinance, beside the yaml library's parse.
//   exports: DOCX, HTML, officer guide, bundle, redline and PDF of a 50-section ordinance.
// Other benchmarks register in `benches` below. Run one with `npm run bench -- NAME`.

import { CaseTableBuilder, compile, prepareCase, type CaseTable, type Ordinance, type PreparedCase } from '../engine/index';
import { forEachGeneratedCase } from '../engine/generate';
import { BENCH_ORDINANCE, makeHandWritten } from './policy';
import { makePeer } from './peer';
import { exportBenchmarks } from './exports';
import { importBench } from './import';
import { iceImportBench } from './ice-import';
import { simulateBench } from './simulate-1m';
import { formatTimings, runAnalysisBenchmarks } from './analysis';
import { validateLintBench } from './validate-lint';

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const PEER_CASES = Number(process.env.BENCH_PEER_CASES ?? 50_000);

function fmt(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 0 });
}

/** The generated cases as a table, streamed (never all held as objects); the first `keep` also as prepared cases. */
function generatedTable(n: number, seed: number, keep: number): { table: CaseTable; prepared: PreparedCase[] } {
  const builder = new CaseTableBuilder(n);
  const prepared: PreparedCase[] = [];
  forEachGeneratedCase({ count: n, seed }, (c, i) => {
    const r = prepareCase(c, i);
    if (!r.ok) throw new Error(`generated case ${i} is invalid`);
    builder.add(r.prepared);
    if (i < keep) prepared.push(r.prepared);
  });
  return { table: builder.finish(), prepared };
}

/** Best of `rounds` timed passes (ms) after one warm-up pass. */
function timeBest(rounds: number, pass: () => void): number {
  pass();
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    pass();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

async function evaluateBench(): Promise<void> {
  console.log(`\n== evaluate: ${fmt(CASES)} generated cases, 10-provision policy ==`);
  const t0 = performance.now();
  const { table, prepared: peerCases } = generatedTable(CASES, 2012, PEER_CASES);
  console.log(`generated, checked and put in a case table in ${fmt(performance.now() - t0)} ms`);
  const policy = compile(BENCH_ORDINANCE, { reimbursementAgreement: false });
  const decide = policy.bind(table).decide;
  const hand = makeHandWritten(false, table);
  const engineCodes = new Int32Array(table.length);
  const handCodes = new Int32Array(table.length);
  const engineMs = timeBest(5, () => {
    for (let i = 0; i < table.length; i++) engineCodes[i] = decide(i);
  });
  const handMs = timeBest(5, () => {
    for (let i = 0; i < table.length; i++) handCodes[i] = hand(i);
  });
  let disagree = 0;
  for (let i = 0; i < table.length; i++) if (engineCodes[i] !== handCodes[i]) disagree++;

  const peer = makePeer(false);
  await peer(peerCases[0]!);
  const p0 = performance.now();
  let peerDisagree = 0;
  for (let i = 0; i < peerCases.length; i++) if ((await peer(peerCases[i]!)) !== engineCodes[i]) peerDisagree++;
  const peerMs = performance.now() - p0;

  const engineRate = table.length / (engineMs / 1000);
  const handRate = table.length / (handMs / 1000);
  const peerRate = peerCases.length / (peerMs / 1000);
  console.log(`engine (compiled closures)  ${fmt(engineRate).padStart(12)} cases/s  (${engineMs.toFixed(1)} ms for ${fmt(table.length)})`);
  console.log(`hand-written function       ${fmt(handRate).padStart(12)} cases/s  (${handMs.toFixed(1)} ms)`);
  console.log(`json-rules-engine (peer)    ${fmt(peerRate).padStart(12)} cases/s  (${fmt(peerMs)} ms for ${fmt(peerCases.length)})`);
  console.log(`ratio engine / json-rules-engine: ${(engineRate / peerRate).toFixed(0)}x   (budget >= 400x)`);
  console.log(`ratio hand-written / engine:      ${(handRate / engineRate).toFixed(2)}x  (budget <= 3x)`);
  console.log(`budget >= 10,000,000 cases/s: ${engineRate >= 10_000_000 ? 'met' : 'NOT met'}`);
  console.log(
    `agreement: engine vs hand-written ${disagree === 0 ? 'all agree' : `${disagree} DISAGREE`}; engine vs peer ${peerDisagree === 0 ? 'all agree' : `${peerDisagree} DISAGREE`} on ${fmt(peerCases.length)}`,
  );
  if (disagree || peerDisagree) process.exitCode = 1;
}

export function bigOrdinance(provisions: number): Ordinance {
  const base = BENCH_ORDINANCE.sections[0]!.provisions!;
  const sections = [];
  for (let s = 0; s < provisions / 10; s++) {
    sections.push({ heading: `Part ${s + 1}`, provisions: base.map((p) => ({ ...p, id: `${p.id}-${s + 1}` })) });
  }
  return { ...BENCH_ORDINANCE, title: `Benchmark ordinance (${provisions} provisions)`, sections };
}

/**
 * Validate + lint from text (the budget): parse, schema and semantic checks and the legal lint of a
 * 300-provision ordinance of the samples' own provisions, beside the yaml library's parse.
 */
function validateBench(): void {
  validateLintBench();
}

export const benches: Record<string, () => void | Promise<void>> = {
  evaluate: evaluateBench,
  validate: validateBench,
  exports: () => exportBenchmarks(),
  import: importBench,
  'import-ice': iceImportBench,
  simulate: () => simulateBench({ ordinance: BENCH_ORDINANCE, peer: makePeer(false) }),
  analysis: () => {
    if (!only.includes('validate')) validateLintBench();
    console.log('\n== analysis: lint, decision table, draft difference ==');
    for (const line of formatTimings(runAnalysisBenchmarks())) console.log(line);
  },
};

const only = process.argv.slice(2);
for (const [name, run] of Object.entries(benches)) {
  if (only.length && !only.includes(name)) continue;
  await run();
}
