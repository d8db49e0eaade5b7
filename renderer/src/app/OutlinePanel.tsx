// The outline of the ordinance: findings, definitions, sections and their provisions with the
// citations they print under; choosing one shows it in the editor or the form.

import { visibleText } from '../../../engine/text-safety';
import type { OutlineEntry } from '../analysis/protocol';

interface Props {
  entries: readonly OutlineEntry[];
  onOpen: (entry: OutlineEntry) => void;
}

export function OutlinePanel({ entries, onOpen }: Props) {
  return (
    <nav className="outline" aria-labelledby="outline-heading">
      <h2 id="outline-heading" className="panel-heading">
        Outline
      </h2>
      {entries.length === 0 ? <p className="muted empty">Nothing to outline yet.</p> : null}
      <ul>
        {entries.map((e, i) => (
          <li key={i} className={`outline-${e.kind} depth-${e.depth}`}>
            <button type="button" onClick={() => onOpen(e)} title={`Line ${e.line}`}>
              {e.citation ? <span className="citation">{visibleText(e.citation)}</span> : null}
              <span className="label">{visibleText(e.label)}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
