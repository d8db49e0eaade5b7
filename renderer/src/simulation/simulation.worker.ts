// The simulation worker: holds the case set (read once) and runs the engine over it for the current
// draft, with a comparison, progress reports and a full explanation of any one case.

import {
  ALL_CASES,
  caseColumnBuffers,
  caseColumns,
  caseSetVocabulary,
  caseSetWarnings,
  caseSetWarningInTheApp,
  caseTable,
  checkBlankCells,
  problemInTheApp,
  slashedDateInTheApp,
  checkCaseSetVocabulary,
  type BlankColumn,
  chooseCases,
  explainCase,
  facilitiesOf,
  formatCaseProblem,
  generatedCaseTable,
  periodOf,
  readCaseContent,
  settledDecidingConvictions,
  simulateDraft,
  type CaseChoice,
  type CaseSetVocabulary,
  type CaseSource as CaseRecords,
  type CaseTable,
  type CompiledPolicy,
  type FacilityCount,
} from '../../../engine/index';
import { caseSetLabel } from '../../../engine/vocabulary';
import { workerScope } from '../lib/worker-scope';
import type { CaseSource, ScenarioSettings, SimulationRequest, SimulationResponse } from './protocol';
import { threadedInflateStream } from './inflate-thread';
import { importCaseFile, importWorkbookFile } from './workbook-file';
import { CaseFileRefused, caseFileOptions, refuseEmpty } from './case-load';

const scope = workerScope<SimulationRequest, SimulationResponse>();
const PROGRESS_EVERY = 50_000;
const MAX_PROBLEMS_SHOWN = 200;

/** The loaded cases in the engine's columnar form: read once, simulated many times. */
let all: CaseTable = caseTable([]);
/** The cases simulated: all of them, or one facility's and period's. */
let table: CaseTable = all;
/** What was read, for the reply to a change of facility or period. */
let loaded: {
  name: string;
  label: string;
  total: number;
  problems: string[];
  problemCount: number;
  records: CaseRecords;
  notes: string[];
  warnings: string[];
  facilities: FacilityCount[];
  period: { first: string; last: string } | null;
  ms: number;
} | null = null;
let choice: CaseChoice = ALL_CASES;
/** The loaded file's yes/no columns empty on some rows (read as the column's default), for the warnings of a simulation. */
let blanks: BlankColumn[] = [];
/** The vocabulary of `table`, counted once per set and choice. */
let vocabulary: CaseSetVocabulary | null = null;
/** The last run: its policy and cases, to say which convictions decided the rows a table shows. */
let lastRun: { run: string; policy: CompiledPolicy; table: CaseTable } | null = null;
let runs = 0;

function reply(id: number): void {
  const columns = caseColumns(table);
  scope.postMessage(
    { kind: 'cases-loaded', id, ...loaded!, count: table.length, columns, choice },
    { transfer: caseColumnBuffers(columns) },
  );
}

async function load(id: number, source: CaseSource): Promise<void> {
  const start = performance.now();
  if (source.kind === 'synthetic') {
    const made = generatedCaseTable({ count: source.count, seed: source.seed });
    all = made.table;
    blanks = [];
    loaded = {
      name: source.name,
      label: source.name,
      total: source.count,
      problems: [],
      problemCount: made.problems,
      records: 'cases',
      notes: [],
      warnings: caseSetWarnings(all).map(caseSetWarningInTheApp),
      facilities: [],
      period: null,
      ms: 0,
    };
  } else {
    // Progress as the file is read: a File's or a workbook's bytes, a text's characters, at most every quarter second.
    const size =
      source.kind === 'workbook' || source.kind === 'file'
        ? source.file.size
        : source.kind === 'bytes'
          ? source.bytes.length
          : source.text.length;
    let shown = performance.now();
    const onProgress = (p: { read: number }) => {
      const now = performance.now();
      if (now - shown < 250) return;
      shown = now;
      scope.postMessage({ kind: 'progress', id, done: Math.min(p.read, size), total: size });
    };
    const { format } = caseFileOptions(source.name);
    // A File (a workbook, or a CSV, JSON or YAML file) is read in slices as it is imported; bytes or text a host read whole are read from memory.
    const set =
      source.kind === 'workbook'
        ? await importWorkbookFile(source.file, { onProgress, inflateStream: threadedInflateStream(source.file) })
        : source.kind === 'file'
          ? await importCaseFile(source.file, { onProgress, format, mapping: source.mapping })
          : readCaseContent(source.kind === 'bytes' ? { bytes: source.bytes } : { text: source.text, format: source.format ?? format }, {
              onProgress,
              ...(source.kind === 'text' && source.mapping ? { mapping: source.mapping } : {}),
            });
    // A file with no case in it is refused (the error names its problems) before anything is
    // replaced: the case set loaded before stays.
    // A CSV the Map columns panel maps (text or a File) has its problems told to be mended there.
    refuseEmpty(source.name, set, source.kind === 'text' || source.kind === 'file' ? problemInTheApp : undefined);
    all = set.table;
    blanks = set.blanks ?? [];
    loaded = {
      name: source.name,
      label: caseSetLabel(source.name),
      total: set.total,
      problemCount: set.problems.length,
      // Said as the app says them: the Map columns panel's way to map, not the command line's.
      // A CSV's date written with slashes is read once the panel is told its order: its problems say where.
      problems: set.problems
        .slice(0, MAX_PROBLEMS_SHOWN)
        .map((p) => formatCaseProblem(source.name, problemInTheApp(p)))
        .map((p) => ((source.kind === 'text' ? (source.format ?? format) : format) === 'csv' ? slashedDateInTheApp(p) : p)),
      ...(set.problems.slice(0, MAX_PROBLEMS_SHOWN).some((p) => p.mend?.kind === 'one-row-per-charge')
        ? { mendRowItems: true as const }
        : {}),
      records: set.source,
      notes: [...mappingNote(source), ...set.notes],
      // In the app's words, as the case panel names the times (the command line names the file's keys).
      warnings: set.warnings.map(caseSetWarningInTheApp),
      facilities: facilitiesOf(all),
      period: periodOf(all),
      ms: 0,
    };
  }
  table = all;
  choice = ALL_CASES;
  vocabulary = null;
  if (source.kind !== 'synthetic' && source.choice) narrow(source.choice);
  loaded.ms = performance.now() - start;
  reply(id);
}

/** Said with the cases a column mapping read: which columns it read and left out. */
function mappingNote(source: CaseSource): string[] {
  const m = source.kind === 'text' || source.kind === 'file' ? source.mapping : undefined;
  if (!m) return [];
  const read = Object.keys(m.columns ?? {}).length;
  const left = m.ignore?.length ?? 0;
  return [
    `Read through a column mapping: ${read} of the file's column${read === 1 ? '' : 's'} mapped to the case columns, ${left} left out` +
      (m.dates ? `, slashed dates read as ${m.dates}` : '') +
      ' (Map columns… shows it; saved, the command line reads it with --mapping FILE).',
  ];
}

/** Narrows the cases to one facility and period, or widens them to all (nulls); a choice that fails leaves them as they were. */
function narrow(wanted: CaseChoice): void {
  const picked = chooseCases(all, wanted);
  if (!picked.ok) throw new Error(picked.problem);
  vocabulary = null;
  table = picked.table;
  choice = { facility: picked.facility ?? (wanted.facility || null), from: wanted.from || null, to: wanted.to || null };
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
  // Named by this worker's start too: a worker started after a cancel never answers for an older one's run.
  const run = `${performance.timeOrigin}:${++runs}`;
  lastRun = { run, policy: sim.policy, table };
  const transfer: Transferable[] = [policy.codes.buffer];
  if (other) transfer.push(other.codes.buffer);
  const holdEndsDiffer = sim.result.holdEndsDiffer ?? null;
  if (holdEndsDiffer) transfer.push(holdEndsDiffer.buffer);
  const afterReleaseCases = sim.result.afterReleaseCases ?? null;
  if (afterReleaseCases) transfer.push(afterReleaseCases.buffer);
  if (policy.oneOf) transfer.push(policy.oneOf.of.buffer);
  if (other?.oneOf) transfer.push(other.oneOf.of.buffer);
  if (policy.undecidedBy) transfer.push(policy.undecidedBy.of.buffer);
  if (other?.undecidedBy) transfer.push(other.undecidedBy.of.buffer);
  scope.postMessage(
    {
      kind: 'simulated',
      id: request.id,
      version: request.version,
      run,
      summary: sim.result.summary,
      coverage: sim.result.coverage,
      comparison: sim.result.comparison ?? null,
      codes: policy.codes,
      otherCodes: other?.codes ?? null,
      holdEndsDiffer,
      afterReleaseCases,
      open:
        policy.possible && policy.dependsOn
          ? {
              possible: policy.possible,
              dependsOn: policy.dependsOn,
              otherPossible: other?.possible ?? null,
              oneOf: policy.oneOf ?? null,
              otherOneOf: other?.oneOf ?? null,
              undecidedBy: policy.undecidedBy ?? null,
              otherUndecidedBy: other?.undecidedBy ?? null,
            }
          : null,
      provisions: policy.provisions.slice(0, -1),
      otherwise: policy.provisions[policy.provisions.length - 1]!,
      otherProvisions: other?.provisions.slice(0, -1) ?? [],
      otherOtherwise: other?.provisions[other.provisions.length - 1] ?? null,
      holdHoursByProvision: policy.holdHoursByProvision,
      holdHoursOneOf: policy.holdHoursOneOf,
      breakdown: sim.result.breakdown,
      vocabulary: [
        ...checkCaseSetVocabulary(request.ordinance, table, (vocabulary ??= caseSetVocabulary(table))),
        // Said as the app says it: in the Map columns panel's Empty cells, not the mapping file's key.
        ...checkBlankCells(request.ordinance, blanks, 'app'),
      ],
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

function deciding(request: Extract<SimulationRequest, { kind: 'deciding' }>): void {
  const r = lastRun?.run === request.run ? lastRun : null;
  const indexes = request.indexes.filter((i) => Number.isInteger(i) && i >= 0 && i < (r?.table.length ?? 0));
  scope.postMessage({
    kind: 'deciding',
    id: request.id,
    run: request.run,
    indexes,
    found: r ? settledDecidingConvictions(r.policy, r.table, indexes) : null,
  });
}

async function handle(request: SimulationRequest): Promise<void> {
  try {
    if (request.kind === 'load-cases') await load(request.id, request.source);
    else if (request.kind === 'select-cases') {
      narrow(request.choice);
      reply(request.id);
    } else if (request.kind === 'simulate') run(request);
    else if (request.kind === 'deciding') deciding(request);
    else explain(request);
  } catch (e) {
    scope.postMessage({
      kind: 'failed',
      id: request.id,
      error: e instanceof Error ? e.message : String(e),
      ...(e instanceof CaseFileRefused && e.mendRowItems ? { mendRowItems: true } : {}),
    });
  }
}

/** Requests run one at a time, in order: a workbook read in slices keeps later requests waiting until its cases are in. */
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event) => {
  const request = event.data;
  queue = queue.then(() => handle(request));
};
