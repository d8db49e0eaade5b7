// Every error and warning the engine found, with its place; choosing one puts the cursor there.

import type { Diagnostic } from '../../../engine/index';

interface Props {
  diagnostics: readonly Diagnostic[];
  fileName: string;
  onOpen: (d: Diagnostic) => void;
}

const ICON: Record<string, string> = { error: '✖', warning: '▲', info: 'ℹ' };

export function ProblemsPanel({ diagnostics, fileName, onOpen }: Props) {
  const errors = diagnostics.filter((d) => d.severity === 'error' && !d.suppressed).length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning' && !d.suppressed).length;
  return (
    <section className="problems" aria-labelledby="problems-heading">
      <h2 id="problems-heading" className="panel-heading">
        Problems{' '}
        <span className="counts" aria-live="polite">
          {errors} error{errors === 1 ? '' : 's'}, {warnings} warning{warnings === 1 ? '' : 's'}
        </span>
      </h2>
      {diagnostics.length === 0 ? (
        <p className="muted empty">No problems: the engine accepts this ordinance.</p>
      ) : (
        <ul className="problem-list" aria-label="Problems">
          {diagnostics.map((d, i) => (
            <li key={i} className={`problem ${d.suppressed ? 'suppressed' : d.severity}`}>
              <button
                type="button"
                onClick={() => onOpen(d)}
                aria-label={`${d.suppressed ? 'silenced ' : ''}${d.severity} at line ${d.line}, column ${d.column}: ${d.message}`}
              >
                <span className="severity" aria-hidden="true">
                  {ICON[d.severity] ?? '•'}
                </span>
                <span className="message">
                  {d.message}
                  {d.citation ? <span className="citation-note"> ({d.citation})</span> : null}
                  {d.suppressed ? <span className="citation-note"> — silenced: {d.suppressed}</span> : null}
                </span>
                <span className="code">[{d.code}]</span>
                <span className="where" title={`${fileName}:${d.line}:${d.column}`}>
                  line {d.line}, col {d.column}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
