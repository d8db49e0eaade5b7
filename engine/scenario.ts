// Loading a simulation scenario (YAML or JSON), located like every other document.

import { sortDiagnostics, type Diagnostic } from './diagnostics';
import * as validators from './generated/validators.js';
import type { Scenario } from './model';
import { schemaDiagnostics } from './schema-diagnostics';
import { parseSource } from './source';
import { parseDate } from './time';

export function loadScenario(text: string): { scenario: Scenario | undefined; diagnostics: Diagnostic[] } {
  const source = parseSource(text, 'scenario');
  const diagnostics = [...source.diagnostics];
  if (source.value === undefined || diagnostics.some((d) => d.severity === 'error')) return { scenario: undefined, diagnostics };
  diagnostics.push(...schemaDiagnostics(source, validators.scenarioValidator));
  const s = source.value as Scenario;
  if (diagnostics.every((d) => d.severity !== 'error')) {
    const dates: Array<[string, Array<string | number>]> = Array.isArray(s.holidays) ? s.holidays.map((d, i) => [d, ['holidays', i]]) : [];
    if (s.asOf) dates.push([s.asOf, ['asOf']]);
    for (const [d, path] of dates) {
      if (Number.isNaN(parseDate(d)))
        diagnostics.push({
          severity: 'error',
          code: 'bad-date',
          message: `"${d}" is not a real date`,
          path: [...path],
          ...source.locate(path),
        });
    }
  }
  const ok = diagnostics.every((d) => d.severity !== 'error');
  return { scenario: ok ? s : undefined, diagnostics: sortDiagnostics(diagnostics) };
}
