// What every command gets: output streams and helpers to load documents with located errors.

import {
  caseFormatOf,
  compile,
  fingerprint,
  formatCaseProblem,
  formatDiagnostic,
  loadOrdinance,
  loadScenario,
  readCaseSet,
  type CaseSet,
  type CompiledPolicy,
  type Diagnostic,
  type Ordinance,
  type Scenario,
} from '../engine/index';
import { UsageError } from './args';
import { FileError, readText } from '../host/files.node';

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const stdio: Output = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

// A reader that stops early (`| head`) closes the pipe: stop quietly instead of printing a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

/** A failure already reported to the user, carrying the exit code. */
export class Reported extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

export function readOrReport(io: Output, file: string): string {
  try {
    return readText(file);
  } catch (e) {
    if (e instanceof FileError) {
      io.err(`${file}: error: ${e.message}\n`);
      throw new Reported(2);
    }
    throw e;
  }
}

function printDiagnostics(io: Output, file: string, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) io.err(formatDiagnostic(file, d) + '\n');
}

export interface LoadedPolicy {
  file: string;
  ordinance: Ordinance;
  fingerprint: string;
}

/** Loads an ordinance or reports its errors (exit 1). Warnings are not printed here. */
export function loadPolicyOrReport(io: Output, file: string): LoadedPolicy {
  const text = readOrReport(io, file);
  const loaded = loadOrdinance(text);
  if (!loaded.ordinance) {
    printDiagnostics(
      io,
      file,
      loaded.diagnostics.filter((d) => d.severity === 'error'),
    );
    throw new Reported(1);
  }
  return { file, ordinance: loaded.ordinance, fingerprint: fingerprint(loaded.ordinance) };
}

export function loadScenarioOrReport(io: Output, file: string | undefined): Scenario {
  if (!file) return {};
  const text = readOrReport(io, file);
  const { scenario, diagnostics } = loadScenario(text);
  if (!scenario) {
    printDiagnostics(
      io,
      file,
      diagnostics.filter((d) => d.severity === 'error'),
    );
    throw new Reported(1);
  }
  return scenario;
}

/** Loads a case set. Bad records are reported one per line; unless `skipBad`, any bad record fails (exit 1). */
export function loadCasesOrReport(io: Output, file: string, skipBad: boolean): CaseSet {
  const text = readOrReport(io, file);
  const set = readCaseSet(text, caseFormatOf(file));
  if (set.problems.length > 0) {
    const shown = set.problems.slice(0, 200);
    for (const p of shown) io.err(formatCaseProblem(file, p) + '\n');
    if (set.problems.length > shown.length) io.err(`${file}: ... and ${set.problems.length - shown.length} more problems\n`);
    const bad = new Set(set.problems.map((p) => p.index)).size;
    const fileLevel = set.problems.some((p) => p.index < 0);
    if (!skipBad || fileLevel || set.cases.length === 0) {
      if (!fileLevel)
        io.err(
          `${file}: ${bad} of ${set.total} cases have problems; fix them, or pass --skip-bad to simulate the ${set.cases.length} good ones\n`,
        );
      throw new Reported(1);
    }
    io.err(`${file}: warning: skipping ${bad} bad cases of ${set.total}; simulating ${set.cases.length}\n`);
  }
  return set;
}

export function compileOrReport(policy: LoadedPolicy, scenario: Scenario): CompiledPolicy {
  return compile(policy.ordinance, scenario);
}

export function reimbursementOverride(value: string | undefined, scenario: Scenario): Scenario {
  if (value === undefined) return scenario;
  const v = value.toLowerCase();
  if (v === 'yes' || v === 'true') return { ...scenario, reimbursementAgreement: true };
  if (v === 'no' || v === 'false') return { ...scenario, reimbursementAgreement: false };
  throw new UsageError('--reimbursement must be yes or no');
}
