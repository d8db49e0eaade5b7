// `npm run bench`: the engine against a named peer in the same process, printing ratios.
//   evaluate: compiled policy and its comparison vs json-rules-engine vs a hand-written function,
//   on the same cases, by CPU time in alternating passes.
//   validate: validate + lint from text of a 300-provision ordinance, beside the yaml library's parse.
//   exports: DOCX, HTML, officer guide, bundle, redline and PDF of a 50-section ordinance.
//   edit: a form edit and a quick fix on the text of a 300-provision draft.
//   startup: the CLI's --help in fresh processes beside node -e 0.
// Other benchmarks register in `benches` below. Run one with `npm run bench -- NAME`.

import { CaseTableBuilder, compile, prepareCase, type CaseTable, type Ordinance, type PreparedCase } from '../engine/index';
import { forEachGeneratedCase } from '../engine/generate';
import { BENCH_ORDINANCE, makeHandWritten, makeHandWrittenComparison } from './policy';
import { makePeer } from './peer';
import { exportBenchmarks } from './exports';
import { importBench } from './import';
import { iceImportBench } from './ice-import';
import { simulateBench } from './simulate-1m';
import { formatTimings, runAnalysisBenchmarks } from './analysis';
import { validateLintBench } from './validate-lint';
import { alternating } from './timing';
import { documentEditBench } from './document-edit';
import { cliStartupBench } from './cli-startup';

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const PEER_CASES = Number(process.env.BENCH_PEER_CASES ?? 20_000);

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

async function evaluateBench(): Promise<void> {
  console.log(
    `\n== evaluate: ${fmt(CASES)} generated cases, 10-provision policy and its comparison (the same draft with a reimbursement agreement) bound to the same cases ==`,
  );
  const t0 = performance.now();
  const { table, prepared: peerCases } = generatedTable(CASES, 2012, PEER_CASES);
  console.log(`generated, checked and put in a case table in ${fmt(performance.now() - t0)} ms`);
  // A real simulate binds two policies to one case table: the draft and what it is compared with.
  const policy = compile(BENCH_ORDINANCE, { reimbursementAgreement: false });
  const comparison = compile(BENCH_ORDINANCE, { reimbursementAgreement: true });
  const decide = policy.bind(table).decide;
  const decideOther = comparison.bind(table).decide;
  // The comparison decided beside the policy: provisions the two share are not tested twice.
  const decideBeside = comparison.bindBeside(table, policy);
  if (!decideBeside) throw new Error('the comparison shares no provision with the policy');
  const hand = makeHandWritten(false, table);
  const handOther = makeHandWritten(true, table);
  const handBeside = makeHandWrittenComparison(table);
  const peer = makePeer(false);
  const peerOther = makePeer(true);
  const n = table.length;
  const engineCodes = new Int32Array(n);
  const engineOther = new Int32Array(n);
  const handCodes = new Int32Array(n);
  const handOtherCodes = new Int32Array(n);
  const peerCodes = new Int32Array(peerCases.length);
  const peerOtherCodes = new Int32Array(peerCases.length);
  const soloCodes = new Int32Array(n);
  const soloOther = new Int32Array(n);
  const handSoloCodes = new Int32Array(n);
  const handSoloOther = new Int32Array(n);
  const ms = await alternating(5, {
    engine: () => {
      for (let i = 0; i < n; i++) {
        const code = decide(i);
        engineCodes[i] = code;
        engineOther[i] = decideBeside(i, code);
      }
    },
    hand: () => {
      for (let i = 0; i < n; i++) {
        const code = hand(i);
        handCodes[i] = code;
        handOtherCodes[i] = handBeside(i, code);
      }
    },
    'engine, each alone': () => {
      for (let i = 0; i < n; i++) {
        soloCodes[i] = decide(i);
        soloOther[i] = decideOther(i);
      }
    },
    'hand, each alone': () => {
      for (let i = 0; i < n; i++) {
        handSoloCodes[i] = hand(i);
        handSoloOther[i] = handOther(i);
      }
    },
    peer: async () => {
      for (let i = 0; i < peerCases.length; i++) {
        peerCodes[i] = await peer(peerCases[i]!);
        peerOtherCodes[i] = await peerOther(peerCases[i]!);
      }
    },
  });
  let disagree = 0;
  for (let i = 0; i < n; i++) {
    if (
      engineCodes[i] !== handCodes[i] ||
      engineOther[i] !== handOtherCodes[i] ||
      soloCodes[i] !== engineCodes[i] ||
      soloOther[i] !== engineOther[i] ||
      handSoloCodes[i] !== engineCodes[i] ||
      handSoloOther[i] !== engineOther[i]
    )
      disagree++;
  }
  let peerDisagree = 0;
  for (let i = 0; i < peerCases.length; i++) if (peerCodes[i] !== engineCodes[i] || peerOtherCodes[i] !== engineOther[i]) peerDisagree++;
  let differ = 0;
  for (let i = 0; i < n; i++) if ((engineCodes[i]! & 3) !== (engineOther[i]! & 3)) differ++;

  // The budget's "cases/s with the comparison bound" is read as cases decided by BOTH policies per
  // second (each case gets the draft's decision and the comparison's, as a simulate with a comparison
  // needs): a decision of one policy is half a case. Decisions/s are printed beside it, never judged.
  const rate = (ms: number, count = n) => count / (ms / 1000);
  const engineRate = rate(ms.engine!);
  const handRate = rate(ms.hand!);
  const soloRate = rate(ms['engine, each alone']!);
  const handSoloRate = rate(ms['hand, each alone']!);
  const peerRate = rate(ms.peer!, peerCases.length);
  console.log(`CPU time, median of 5 alternating passes after a warm-up each; each case decided by both policies`);
  console.log(`budget reading: cases/s = cases given both decisions per second (a decision of one policy is half a case)`);
  const line = (what: string, r: number, t: number, count = n) =>
    console.log(`${what.padEnd(52)} ${fmt(r).padStart(12)} cases/s  (${t.toFixed(1)} ms for ${fmt(count)})`);
  line('engine, comparison decided beside the policy', engineRate, ms.engine!);
  line('hand-written, comparison beside the policy', handRate, ms.hand!);
  line('engine, each policy on its own', soloRate, ms['engine, each alone']!);
  line('hand-written, each policy on its own', handSoloRate, ms['hand, each alone']!);
  line('json-rules-engine (peer), each policy on its own', peerRate, ms.peer!, peerCases.length);
  console.log(`${fmt(differ)} of ${fmt(n)} decisions differ between the policy and its comparison`);
  // The peer decides each policy on its own, so it is compared with the engine doing the same.
  console.log(
    `ratio engine / json-rules-engine: ${(soloRate / peerRate).toFixed(0)}x each alone   (budget >= 400x: ${soloRate / peerRate >= 400 ? 'met' : 'NOT met'})`,
  );
  console.log(
    `ratio hand-written / engine:      ${(handRate / engineRate).toFixed(2)}x beside, ${(handSoloRate / soloRate).toFixed(2)}x each alone  (budget <= 3x: ${handRate / engineRate <= 3 && handSoloRate / soloRate <= 3 ? 'met' : 'NOT met'})`,
  );
  console.log(
    `budget >= 10,000,000 cases/s with the comparison bound: ${engineRate >= 10_000_000 ? 'met' : 'NOT met'} (${fmt(engineRate)} cases/s decided by both = ${fmt(2 * engineRate)} decisions/s; each policy on its own: ${fmt(soloRate)} cases/s)`,
  );
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
  edit: documentEditBench,
  startup: cliStartupBench,
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
