// The simulation worker: holds the case set (read once) and runs the engine over it for the current
// draft, with a comparison, progress reports and a full explanation of any one case.

import {
  bookingCaseAt,
  caseTable,
  CaseTableBuilder,
  compile,
  fingerprint,
  formatCaseProblem,
  HONOR_ALL,
  prepareCase,
  readCaseSet,
  simulate,
  type CaseTable,
  type CompiledPolicy,
  type Ordinance,
} from '../../../engine/index';
import { F_JUDICIAL, F_REQ_HOLD, F_REQ_NOTIFY } from '../../../engine/case-table';
import { forEachGeneratedCase } from '../../../engine/generate';
import { workerScope } from '../lib/worker-scope';
import type {
  CaseColumns,
  CaseSource,
  CompareTarget,
  ProvisionRef,
  ScenarioSettings,
  SimulationRequest,
  SimulationResponse,
} from './protocol';

const scope = workerScope<SimulationRequest, SimulationResponse>();
const PROGRESS_EVERY = 50_000;
const MAX_PROBLEMS_SHOWN = 200;

/** The loaded cases in the engine's columnar form: read once, simulated many times. */
let table: CaseTable = caseTable([]);

const F_REQUESTS = F_REQ_HOLD | F_REQ_NOTIFY;

function columnsOf(t: CaseTable): CaseColumns {
  const n = t.length;
  const columns: CaseColumns = {
    ids: t.ids.slice(0, n),
    ages: t.age.slice(0, n),
    requests: new Uint8Array(n),
    convictions: new Uint16Array(n),
    judicialWarrant: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const f = t.flags[i]!;
    columns.requests[i] = f & F_REQUESTS;
    columns.judicialWarrant[i] = f & F_JUDICIAL ? 1 : 0;
    columns.convictions[i] = Math.min(65535, t.convStart[i + 1]! - t.convStart[i]!);
  }
  return columns;
}

function load(id: number, source: CaseSource): void {
  const start = performance.now();
  let problems: string[] = [];
  let problemCount = 0;
  let total: number;
  if (source.kind === 'synthetic') {
    // Built case by case into the table: a million cases are never all held as objects.
    const builder = new CaseTableBuilder(source.count);
    forEachGeneratedCase({ count: source.count, seed: source.seed }, (c, i) => {
      const r = prepareCase(c, i);
      if (r.ok) builder.add(r.prepared);
      else problemCount += r.problems.length;
    });
    total = source.count;
    table = builder.finish();
  } else {
    const set = readCaseSet(source.text, source.format);
    table = set.table;
    total = set.total;
    problemCount = set.problems.length;
    problems = set.problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => formatCaseProblem(source.name, p));
  }
  const columns = columnsOf(table);
  scope.postMessage(
    {
      kind: 'cases-loaded',
      id,
      name: source.name,
      count: table.length,
      total,
      problems,
      problemCount,
      columns,
      ms: performance.now() - start,
    },
    { transfer: [columns.ages.buffer, columns.requests.buffer, columns.convictions.buffer, columns.judicialWarrant.buffer] },
  );
}

function scenarioOf(s: ScenarioSettings) {
  return { reimbursementAgreement: s.reimbursementAgreement, costPerInmateDay: s.costPerInmateDay, holidays: s.holidays };
}

function refs(policy: CompiledPolicy): { provisions: ProvisionRef[]; otherwise: ProvisionRef } {
  return {
    provisions: policy.provisions.map((p) => ({ id: p.id, citation: p.citation, heading: p.heading, outcome: p.outcome })),
    otherwise: { id: 'default', citation: policy.otherwiseCitation, heading: 'Otherwise', outcome: policy.otherwise },
  };
}

function compareTo(
  target: CompareTarget,
  scenario: ScenarioSettings,
): { policy: CompiledPolicy; title: string; fingerprint: string } | null {
  if (target.kind === 'none') return null;
  if (target.kind === 'baseline')
    return {
      policy: compile(HONOR_ALL, scenarioOf(scenario)),
      title: 'honor every detainer (baseline)',
      fingerprint: fingerprint(HONOR_ALL),
    };
  return { policy: compile(target.ordinance, scenarioOf(scenario)), title: target.title, fingerprint: target.fingerprint };
}

function run(request: Extract<SimulationRequest, { kind: 'simulate' }>): void {
  const start = performance.now();
  const policy = compile(request.ordinance as Ordinance, scenarioOf(request.scenario));
  const other = compareTo(request.compare, request.scenario);
  const n = table.length;
  const progress = (done: number) => {
    scope.postMessage({ kind: 'progress', id: request.id, done, total: other ? 2 * n : n });
  };
  const result = simulate(policy, table, {
    compare: other ?? undefined,
    maxChangedCases: 0,
    progressEvery: PROGRESS_EVERY,
    onProgress: n > PROGRESS_EVERY ? (done) => progress(done) : undefined,
  });
  let otherCodes: Int32Array | null = null;
  if (other) {
    otherCodes = new Int32Array(n);
    const decide = other.policy.bind(table).decide;
    for (let i = 0; i < n; i++) {
      otherCodes[i] = decide(i);
      if (n > PROGRESS_EVERY && (i + 1) % PROGRESS_EVERY === 0) progress(n + i + 1);
    }
  }
  const holdMinutes = new Float64Array(policy.provisions.length + 1);
  const codes = result.codes;
  for (let i = 0; i < n; i++) {
    const code = codes[i]!;
    if ((code & 3) !== 0) continue;
    const release = table.release[i]!;
    holdMinutes[code >> 2]! += policy.holdEndAt(release, code >> 2) - release;
  }
  const mine = refs(policy);
  const theirs = other ? refs(other.policy) : null;
  const transfer: Transferable[] = [codes.buffer];
  if (otherCodes) transfer.push(otherCodes.buffer);
  scope.postMessage(
    {
      kind: 'simulated',
      id: request.id,
      version: request.version,
      summary: result.summary,
      coverage: result.coverage,
      comparison: result.comparison ?? null,
      codes,
      otherCodes,
      provisions: mine.provisions,
      otherwise: mine.otherwise,
      otherProvisions: theirs?.provisions ?? [],
      otherOtherwise: theirs?.otherwise ?? null,
      holdHoursByProvision: Array.from(holdMinutes, (m) => Math.round((m / 60) * 100) / 100),
      ms: performance.now() - start,
    },
    { transfer },
  );
}

function explain(request: Extract<SimulationRequest, { kind: 'explain' }>): void {
  const i = request.index;
  if (!Number.isInteger(i) || i < 0 || i >= table.length) {
    scope.postMessage({ kind: 'failed', id: request.id, error: `there is no case number ${request.index + 1} in the loaded set` });
    return;
  }
  const policy = compile(request.ordinance, scenarioOf(request.scenario));
  const other = compareTo(request.compare, request.scenario);
  scope.postMessage({
    kind: 'explained',
    id: request.id,
    index: request.index,
    bookingCase: bookingCaseAt(table, i),
    decision: policy.explain(table, i),
    other: other ? other.policy.explain(table, i) : null,
    otherTitle: other?.title ?? null,
  });
}

scope.onmessage = (event) => {
  const request = event.data;
  try {
    if (request.kind === 'load-cases') load(request.id, request.source);
    else if (request.kind === 'simulate') run(request);
    else explain(request);
  } catch (e) {
    scope.postMessage({ kind: 'failed', id: request.id, error: e instanceof Error ? e.message : String(e) });
  }
};
