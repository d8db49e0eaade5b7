// Reading the policy documents a command names (ordinance, scenario, column mapping, bundle), with
// located errors: kept apart from cli/context.ts, whose case-file loading brings the importers, the
// workbook reader and the inflating threads, so that `validate` loads only what it checks with.

import { formatDiagnostic, loadScenario, type Diagnostic, type Scenario } from '../engine/check';
import { UsageError } from './args';
import { Reported, type Output } from './output';
import { FileError, readText } from '../host/files.node';

/**
 * Largest policy document the command line reads (ordinance, scenario, column mapping, bundle): real
 * ordinances are tens of kilobytes, so anything near this is refused before it is read, not parsed.
 */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

export function readOrReport(io: Output, file: string): string {
  try {
    return readText(file, MAX_DOCUMENT_BYTES);
  } catch (e) {
    if (e instanceof FileError) {
      io.err(`${file}: error: ${e.message}\n`);
      throw new Reported(2);
    }
    throw e;
  }
}

/** Like readOrReport, for commands that go on to the next file: null when this one can't be read (already reported). */
export function readOrSkip(io: Output, file: string): string | null {
  try {
    return readOrReport(io, file);
  } catch (e) {
    if (e instanceof Reported) return null;
    throw e;
  }
}

export function printDiagnostics(io: Output, file: string, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) io.err(formatDiagnostic(file, d) + '\n');
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

export function reimbursementOverride(value: string | undefined, scenario: Scenario): Scenario {
  if (value === undefined) return scenario;
  const v = value.toLowerCase();
  if (v === 'yes' || v === 'true') return { ...scenario, reimbursementAgreement: true };
  if (v === 'no' || v === 'false') return { ...scenario, reimbursementAgreement: false };
  throw new UsageError('--reimbursement must be yes or no');
}
