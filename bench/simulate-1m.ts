// Simulation benchmark: 1,000,000 imported cases through a policy with summary, coverage and a
// comparison with the honor-every-detainer baseline, end to end from the CSV file (import included), against the same simulation driven by
// json-rules-engine on a subset (its rate extrapolated). Run with `npm run bench -- simulate`.

import fs from 'node:fs';
import path from 'node:path';
import {
  bookingCaseAt,
  compile,
  HONOR_ALL,
  loadOrdinance,
  OUTCOMES,
  prepareCase,
  simulate,
  type CaseTable,
  type Ordinance,
  type PreparedCase,
  type SimulationResult,
  caseId,
} from '../engine/index';

function preparedAt(t: CaseTable, i: number): PreparedCase {
  const r = prepareCase(bookingCaseAt(t, i), i);
  if (!r.ok) throw new Error(`case ${caseId(t, i)} does not read back`);
  return r.prepared;
}
import { benchCaseFile, importFile } from './case-data';
import { rulesEnginePolicy } from './rules-engine';
import { cpuMs, median } from './timing';

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export interface SimulateBenchOptions {
  /** The policy simulated; default the Connecticut sample ordinance. */
  ordinance?: Ordinance;
  /** The same policy written for json-rules-engine, deciding a prepared case; default a generic translation of the ordinance. */
  peer?: (c: PreparedCase) => Promise<number>;
}

function sampleOrdinance(): Ordinance {
  const file = path.join(process.cwd(), 'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml');
  const loaded = loadOrdinance(fs.readFileSync(file, 'utf8'));
  if (!loaded.ordinance) throw new Error(`${file} does not validate`);
  return loaded.ordinance;
}

export async function simulateBench(options: SimulateBenchOptions = {}): Promise<void> {
  const count = Number(process.env.BENCH_SIM_CASES ?? 1_000_000);
  const ordinance = options.ordinance ?? sampleOrdinance();
  console.log(`\n== simulate: ${fmt(count)} cases, "${ordinance.title}" compared with honoring every detainer ==`);
  const file = benchCaseFile(count);
  const c0 = cpuMs();
  const t0 = performance.now();
  const { table: cases } = importFile(file);
  const importCpu = cpuMs() - c0;
  console.log(`cases imported in ${fmt(performance.now() - t0)} ms (CPU ${fmt(importCpu)} ms)`);

  const scenario = { reimbursementAgreement: false };
  const k0 = cpuMs();
  const policy = compile(ordinance, scenario);
  const baseline = compile(HONOR_ALL, scenario);
  const compileCpu = cpuMs() - k0;
  const run = () => simulate(policy, cases, { compare: { policy: baseline, title: 'honor every detainer' } });
  let result: SimulationResult = run();
  const times: number[] = [];
  for (let pass = 0; pass < 5; pass++) {
    const s0 = cpuMs();
    result = run();
    times.push(cpuMs() - s0);
  }
  const best = median(times);
  const s = result.summary;
  const c = result.comparison!;
  console.log(
    `engine: summary + coverage + comparison   ${fmt(best)} ms (CPU, median of 5 after a warm-up)   ${fmt(cases.length / (best / 1000))} cases/s`,
  );
  const endToEnd = importCpu + compileCpu + best;
  console.log(
    `end to end from the CSV file: import ${fmt(importCpu)} + compile both ${fmt(compileCpu)} + simulate ${fmt(best)} = ${fmt(endToEnd)} ms CPU`,
  );
  console.log(
    `  outcomes ${OUTCOMES.map((o) => `${o} ${fmt(s.outcomes[o])}`).join(', ')}; hold hours ${fmt(s.holdHours, 1)}; cost $${fmt(s.cost.total, 2)}`,
  );
  console.log(`  ${fmt(c.changed)} decisions differ from the baseline; ${result.coverage.unreached.length} provisions reached no case`);
  const mem = process.memoryUsage();
  console.log(`  process memory: heap ${fmt(mem.heapUsed / 1024 / 1024)} MB, RSS ${fmt(mem.rss / 1024 / 1024)} MB`);
  console.log(
    `budget: 1,000,000 cases <= 1 s in memory: ${best <= 1000 ? 'met' : 'NOT met'} (${fmt(best)} ms); <= 3 s from a CSV file: ${endToEnd <= 3000 ? 'met' : 'NOT met'} (${fmt(endToEnd)} ms)`,
  );

  // The same simulation with json-rules-engine deciding, on a subset.
  const peerCount = Math.min(cases.length, Number(process.env.BENCH_PEER_CASES ?? 20_000));
  const generic = rulesEnginePolicy(ordinance, scenario, cases);
  const given = options.peer;
  // A given peer decides prepared cases: make those for the subset beforehand, outside the timing.
  const prepared = given ? Array.from({ length: peerCount }, (_, i) => preparedAt(cases, i)) : [];
  const peer = given ? (i: number) => given(prepared[i]!) : generic;
  const peerBaseline = rulesEnginePolicy(HONOR_ALL, scenario, cases);
  await peer(0);
  const p0 = cpuMs();
  const counts = new Float64Array(4);
  const cells = new Float64Array(16);
  const byProvision = new Float64Array(policy.provisions.length + 1);
  let holdMinutes = 0;
  let disagree = 0;
  for (let i = 0; i < peerCount; i++) {
    const a = await peer(i);
    const b = await peerBaseline(i);
    counts[a & 3]!++;
    cells[((a & 3) << 2) | (b & 3)]!++;
    byProvision[a >> 2]!++;
    if ((a & 3) === 0) holdMinutes += policy.holdEndAt(cases.release[i]!, a >> 2) - cases.release[i]!;
    if (a !== result.codes[i]) disagree++;
  }
  const peerMs = cpuMs() - p0;
  void holdMinutes;
  const peerPerMillion = (peerMs / peerCount) * cases.length;
  console.log(
    `json-rules-engine: the same tallies on ${fmt(peerCount)} cases   ${fmt(peerMs)} ms   ${fmt(peerCount / (peerMs / 1000))} cases/s   (${fmt(peerPerMillion / 1000, 1)} s for ${fmt(cases.length)})`,
  );
  console.log(`ratio engine / json-rules-engine: ${fmt(peerPerMillion / best)}x (simulation alone, CPU time)`);
  console.log(
    `end to end, the same import for both: engine ${fmt(endToEnd)} ms, json-rules-engine ${fmt(importCpu + peerPerMillion)} ms: ${fmt((importCpu + peerPerMillion) / endToEnd, 1)}x`,
  );
  console.log(`agreement on the subset: ${disagree === 0 ? 'all agree' : `${disagree} DISAGREE`}`);
  if (disagree) process.exitCode = 1;
}
