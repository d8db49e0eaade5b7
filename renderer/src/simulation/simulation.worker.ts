// The simulation worker: holds the case set (read once) and runs the engine over it for the current
// draft, with a comparison, progress reports and a full explanation of any one case.

import {
  caseColumnBuffers,
  caseColumns,
  caseTable,
  explainCase,
  formatCaseProblem,
  generatedCaseTable,
  readCaseSet,
  simulateDraft,
  type CaseTable,
} from '../../../engine/index';
import { workerScope } from '../lib/worker-scope';
import type { CaseSource, ScenarioSettings, SimulationRequest, SimulationResponse } from './protocol';

const scope = workerScope<SimulationRequest, SimulationResponse>();
const PROGRESS_EVERY = 50_000;
const MAX_PROBLEMS_SHOWN = 200;

/** The loaded cases in the engine's columnar form: read once, simulated many times. */
let table: CaseTable = caseTable([]);

function load(id: number, source: CaseSource): void {
  const start = performance.now();
  let problems: string[] = [];
  let problemCount: number;
  let total: number;
  if (source.kind === 'synthetic') {
    ({ table, problems: problemCount } = generatedCaseTable({ count: source.count, seed: source.seed }));
    total = source.count;
  } else {
    const set = readCaseSet(source.text, source.format);
    table = set.table;
    total = set.total;
    problemCount = set.problems.length;
    problems = set.problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => formatCaseProblem(source.name, p));
  }
  const columns = caseColumns(table);
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
    { transfer: caseColumnBuffers(columns) },
  );
}

function scenarioOf(s: ScenarioSettings) {
  return { reimbursementAgreement: s.reimbursementAgreement, costPerInmateDay: s.costPerInmateDay, holidays: s.holidays };
}

function run(request: Extract<SimulationRequest, { kind: 'simulate' }>): void {
  const start = performance.now();
  const n = table.length;
  const sim = simulateDraft({
    ordinance: request.ordinance,
    scenario: scenarioOf(request.scenario),
    cases: table,
    compare: request.compare,
    maxChangedCases: 0,
    progressEvery: PROGRESS_EVERY,
    onProgress: n > PROGRESS_EVERY ? (done, total) => void scope.postMessage({ kind: 'progress', id: request.id, done, total }) : undefined,
  });
  const { policy, other } = sim.sides;
  const transfer: Transferable[] = [policy.codes.buffer];
  if (other) transfer.push(other.codes.buffer);
  scope.postMessage(
    {
      kind: 'simulated',
      id: request.id,
      version: request.version,
      summary: sim.result.summary,
      coverage: sim.result.coverage,
      comparison: sim.result.comparison ?? null,
      codes: policy.codes,
      otherCodes: other?.codes ?? null,
      provisions: policy.provisions.slice(0, -1),
      otherwise: policy.provisions[policy.provisions.length - 1]!,
      otherProvisions: other?.provisions.slice(0, -1) ?? [],
      otherOtherwise: other?.provisions[other.provisions.length - 1] ?? null,
      holdHoursByProvision: policy.holdHoursByProvision,
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
  const explained = explainCase({
    ordinance: request.ordinance,
    scenario: scenarioOf(request.scenario),
    compare: request.compare,
    cases: table,
    index: i,
  });
  scope.postMessage({ kind: 'explained', id: request.id, index: request.index, ...explained });
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
