// Every error, warning and legal finding the engine reports, with its place; choosing one puts the
// cursor there and shows what it means, the authority it rests on (name, citation, how sure), and the
// engine's quick fixes. Below them, the law that applied to the ordinance and why.

import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CheckedDiagnostic, QuickFix } from '../../../engine/index';
import { authority, problemTitle, type Ordinance } from '../../../engine/vocabulary';
import { visibleText } from '../../../engine/text-safety';
import { LawAppliedPanel } from './LawAppliedPanel';
import { problemCounts, problemOrder } from './problem-order';

interface Props {
  diagnostics: readonly CheckedDiagnostic[];
  fileName: string;
  onOpen: (d: CheckedDiagnostic) => void;
  onFix: (d: CheckedDiagnostic, fix: QuickFix) => void;
  onSilence: (d: CheckedDiagnostic, reason: string) => void;
  /** The valid ordinance, for the Law applied section; left out, the section is not shown. */
  ordinance?: Ordinance | null;
  /** The simplest booking case showing a finding, in words (null: it has none); asked for when one is opened. */
  exampleOf?: (d: CheckedDiagnostic) => Promise<{ facts: string[] } | null>;
  /** Undo and redo of the document's one history (a fix chosen here is undone from here, where the keyboard stays). */
  onUndo?: () => void;
  onRedo?: () => void;
}

const ICON: Record<string, string> = { error: '✖', warning: '▲', info: 'ℹ' };
const SEVERITY_WORD: Record<string, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

function sameProblem(a: CheckedDiagnostic, b: CheckedDiagnostic): boolean {
  return a.code === b.code && a.line === b.line && a.column === b.column && a.message === b.message;
}

/** The law/ entry a finding rests on, when it names one. */
function authorityOf(d: CheckedDiagnostic) {
  try {
    return d.authority ? authority(d.authority) : undefined;
  } catch {
    return undefined;
  }
}

export function ProblemsPanel({ diagnostics: found, fileName, onOpen, onFix, onSilence, ordinance, exampleOf, onUndo, onRedo }: Props) {
  const diagnostics = useMemo(() => problemOrder(found), [found]);
  const [chosen, setChosen] = useState<CheckedDiagnostic | null>(null);
  const panel = useRef<HTMLElement>(null);
  // A fix or a silence chosen here takes its controls away with the finding: the keyboard stays in the
  // panel, on the finding now in its place (or the panel itself when none is left).
  const fixedAt = useRef<{ problem: CheckedDiagnostic; index: number } | null>(null);
  useLayoutEffect(() => {
    const pending = fixedAt.current;
    if (!pending || diagnostics.some((d) => sameProblem(d, pending.problem) && !d.suppressed)) return;
    fixedAt.current = null;
    const active = document.activeElement;
    // Only focus that went nowhere (or stayed here) is brought back: someone who went on elsewhere stays there.
    if (active && active !== document.body && !panel.current?.contains(active)) return;
    const rows = panel.current?.querySelectorAll<HTMLElement>('.problem-list > li > button') ?? [];
    (rows[Math.min(pending.index, rows.length - 1)] ?? panel.current)?.focus();
  }, [diagnostics]);
  const [reason, setReason] = useState('');
  const [silencing, setSilencing] = useState(false);
  // The open legal finding's example case, asked for again with each check of the text while it is open.
  const openFinding = chosen ? diagnostics.find((d) => sameProblem(chosen, d) && d.explanation !== undefined) : undefined;
  const [example, setExample] = useState<{ of: CheckedDiagnostic; facts: string[] } | null>(null);
  useEffect(() => {
    if (!openFinding || !exampleOf) return;
    let live = true;
    exampleOf(openFinding).then(
      (e) => live && setExample(e ? { of: openFinding, facts: e.facts } : null),
      () => live && setExample(null),
    );
    return () => {
      live = false;
    };
  }, [openFinding, exampleOf]);
  return (
    <section
      className="problems"
      aria-labelledby="problems-heading"
      ref={panel}
      tabIndex={-1}
      onKeyDown={(e) => {
        // A fix chosen here leaves the keyboard here: Ctrl+Z undoes it (and Ctrl+Y or Ctrl+Shift+Z redoes),
        // as in the form, outside the text box of a reason, which keeps its own.
        const inText = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
        if (inText || !(e.ctrlKey || e.metaKey) || e.altKey) return;
        const key = e.key.toLowerCase();
        if (key === 'z' && !e.shiftKey && onUndo) {
          e.preventDefault();
          onUndo();
        } else if ((key === 'y' || (key === 'z' && e.shiftKey)) && onRedo) {
          e.preventDefault();
          onRedo();
        }
      }}
    >
      <h2 id="problems-heading" className="panel-heading">
        Problems{' '}
        <span className="counts" aria-live="polite">
          {problemCounts(diagnostics)}
        </span>
      </h2>
      {diagnostics.length === 0 ? (
        <p className="muted empty">No problems: the engine accepts this ordinance.</p>
      ) : (
        <ul className="problem-list" aria-label="Problems">
          {diagnostics.map((d, i) => {
            const open = chosen !== null && sameProblem(chosen, d);
            // The lint's findings (they carry an explanation) can be silenced with a reason.
            const canSilence = d.explanation !== undefined && !d.suppressed;
            return (
              <li
                key={i}
                className={`problem ${d.suppressed ? 'suppressed' : d.severity} ${open ? 'open' : ''}`}
                // F6 back from the editor lands on the finding opened last, its fixes one Tab away.
                data-pane-start={open ? '' : undefined}
              >
                <button
                  type="button"
                  aria-expanded={d.explanation || d.fixes?.length ? open : undefined}
                  onClick={() => {
                    setChosen(d);
                    setSilencing(false);
                    onOpen(d);
                  }}
                >
                  <span className="severity" aria-hidden="true">
                    {ICON[d.severity] ?? '•'}
                  </span>
                  <span className="visually-hidden">{`${d.suppressed ? 'Silenced ' : ''}${SEVERITY_WORD[d.severity] ?? d.severity}: `}</span>
                  <span className="problem-title">
                    {problemTitle(d.code)}
                    <span className="visually-hidden">: </span>
                  </span>
                  <span className="message">
                    {visibleText(d.message)}
                    {d.suppressed ? <span className="citation-note"> — silenced: {visibleText(d.suppressed)}</span> : null}
                  </span>
                  <span className="code" title={`Code ${d.code}: the name a lint-ignore comment gives to silence this kind of finding`}>
                    [{d.code}]
                  </span>
                  <span className="where" title={`${fileName}:${d.line}:${d.column}`}>
                    line {d.line}, col {d.column}
                  </span>
                </button>
                {open ? (
                  <div className="problem-detail">
                    {d.explanation ? <p>{d.explanation}</p> : null}
                    {example && example.of === d ? (
                      <p className="citation-note finding-example">
                        <span className="label">For example:</span> {example.facts.join('; ')}
                      </p>
                    ) : null}
                    {d.citation ? (
                      <p className="citation-note">
                        <span className="label">Authority:</span> {authorityOf(d) ? `${authorityOf(d)!.name}: ` : ''}
                        {d.citation}
                        {authorityOf(d) ? ` (${authorityOf(d)!.confidence.replace(/-/g, ' ')})` : ''}
                      </p>
                    ) : null}
                    {d.fixes?.length || canSilence ? (
                      <div className="fixes" role="group" aria-label="Quick fixes">
                        {d.fixes?.map((fix, k) => (
                          <button
                            key={k}
                            type="button"
                            onClick={() => {
                              fixedAt.current = { problem: d, index: i };
                              onFix(d, fix);
                            }}
                          >
                            {fix.title}
                          </button>
                        ))}
                        {canSilence && !silencing ? (
                          <button type="button" onClick={() => setSilencing(true)}>
                            Silence with a reason…
                          </button>
                        ) : null}
                      </div>
                    ) : null}
                    {silencing ? (
                      <form
                        className="silence"
                        onSubmit={(e) => {
                          e.preventDefault();
                          if (!reason.trim()) return;
                          fixedAt.current = { problem: d, index: i };
                          onSilence(d, reason.trim());
                          setReason('');
                          setSilencing(false);
                        }}
                      >
                        <label htmlFor={`silence-${i}`}>Why the drafters accept this finding</label>
                        <input
                          id={`silence-${i}`}
                          type="text"
                          value={reason}
                          onChange={(e) => setReason(e.target.value)}
                          autoFocus
                          required
                        />
                        <button type="submit" disabled={!reason.trim()}>
                          Silence
                        </button>
                        <button type="button" onClick={() => setSilencing(false)}>
                          Cancel
                        </button>
                      </form>
                    ) : null}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {ordinance !== undefined ? (
        <details className="law-applied-section">
          <summary>Law applied</summary>
          <LawAppliedPanel ordinance={ordinance} />
        </details>
      ) : null}
    </section>
  );
}
