// A policy document checked from its text, for a face that does nothing else with it (the command
// line's `validate`): the validator and the legal lint, a scenario read, the diagnostics' one-line form.
// engine/index.ts has the same and every use case beside it (the case importers, the workbook reader
// and its inflate library, the simulation); a command that only checks loads about a fifth less code
// through this entry, and none of those.

export { checkDocument, type CheckedDiagnostic, type DocumentCheck } from './analysis/index';
export { formatDiagnostic, type Diagnostic } from './diagnostics';
export type { Scenario } from './model';
export { loadScenario } from './scenario';
