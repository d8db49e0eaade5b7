// The ordinance as it will be exported, updated as you type: the engine's printed text, rendered as
// React elements (every word escaped), the author's wording with the generated reading beside it.

import { useEffect, useState } from 'react';
import type { OrdinanceText, TextClause, TextItem } from '../../../engine/index';
import { emit } from '../lib/app-events';
import '../styles/document-fonts.css';

interface Props {
  text: OrdinanceText | null;
  markdown: string | null;
  /** True while the document has errors and the text shown is the last valid one. */
  stale: boolean;
  errorCount: number;
  version: number;
  onShowProvision: (id: string) => void;
}

function Items({ items, conjunction }: { items: TextItem[]; conjunction: 'and' | 'or' }) {
  return (
    <ol className="clause-items">
      {items.map((item, i) => (
        <li key={i}>
          <span className="item-number">({i + 1})</span> {item.text}
          {item.items ? <Items items={item.items} conjunction={item.conjunction ?? 'and'} /> : null}
          {i < items.length - 1 ? <span className="conjunction">; {conjunction}</span> : null}
        </li>
      ))}
    </ol>
  );
}

function ClauseText({ clause }: { clause: TextClause }) {
  if (clause.term) {
    const at = clause.text.indexOf(`"${clause.term}"`);
    if (at >= 0) {
      return (
        <>
          {clause.text.slice(0, at)}“<dfn>{clause.term}</dfn>”{clause.text.slice(at + clause.term.length + 2)}
        </>
      );
    }
  }
  return <>{clause.text}</>;
}

function Clause({ clause, onShowProvision }: { clause: TextClause; onShowProvision: (id: string) => void }) {
  const body = (
    <>
      {clause.label ? <span className="clause-label">{clause.label}</span> : null} <ClauseText clause={clause} />
      {clause.items ? <Items items={clause.items} conjunction={clause.conjunction ?? 'and'} /> : null}
    </>
  );
  const jump =
    clause.provision && clause.provision !== 'default' ? (
      <button
        type="button"
        className="link jump"
        onClick={() => onShowProvision(clause.provision!)}
        aria-label={`Show provision ${clause.provision} in the YAML`}
      >
        {clause.provision}
      </button>
    ) : null;
  if (clause.authorWording && clause.plainReading) {
    return (
      <div className="clause clause-compare" data-provision={clause.provision}>
        <div className="wording">
          <div className="column-label">Author’s wording {jump}</div>
          <p>{body}</p>
        </div>
        <div className="generated">
          <div className="column-label">Generated plain reading</div>
          <p>{clause.plainReading}</p>
        </div>
      </div>
    );
  }
  return (
    <div className="clause" data-provision={clause.provision}>
      <p>
        {body} {jump}
      </p>
      {clause.plainReading ? <p className="plain-reading">{clause.plainReading}</p> : null}
    </div>
  );
}

export function PreviewView({ text, markdown, stale, errorCount, version, onShowProvision }: Props) {
  const [mode, setMode] = useState<'document' | 'markdown'>('document');
  useEffect(() => {
    emit('preview-rendered', { version, valid: !stale && text !== null });
  }, [text, version, stale]);

  return (
    <div className="preview" role="region" aria-label="Preview of the ordinance text">
      <div className="view-toolbar" role="toolbar" aria-label="Preview options">
        <div role="radiogroup" aria-label="Show as" className="segmented">
          <button type="button" role="radio" aria-checked={mode === 'document'} onClick={() => setMode('document')}>
            As printed
          </button>
          <button type="button" role="radio" aria-checked={mode === 'markdown'} onClick={() => setMode('markdown')}>
            Markdown (as exported)
          </button>
        </div>
      </div>
      {stale ? (
        <p className="notice warning" role="status">
          {text
            ? `The draft has ${errorCount} error${errorCount === 1 ? '' : 's'}: this is the last version without errors. Fix them (see Problems) to update the preview.`
            : `The draft has ${errorCount} error${errorCount === 1 ? '' : 's'}; the text appears once they are fixed (see Problems).`}
        </p>
      ) : null}
      {text && mode === 'markdown' ? (
        <pre className="markdown" tabIndex={0} aria-label="Markdown export">
          {markdown}
        </pre>
      ) : null}
      {text && mode === 'document' ? (
        <article className={`ordinance ${stale ? 'stale' : ''}`} aria-label={text.title} tabIndex={0}>
          <h1>{text.title}</h1>
          {text.subtitle ? <p className="subtitle">{text.subtitle}</p> : null}
          {text.whereas.map((w, i) => (
            <p key={i} className="whereas">
              <strong>WHEREAS</strong>, {w}
              {i < text.whereas.length - 1 ? '; and' : '; now, therefore,'}
            </p>
          ))}
          <p className="enacting">{text.enacting}</p>
          {text.sections.map((s) => (
            <section key={s.number} aria-label={`Section ${s.number}. ${s.heading}`}>
              <h2>
                Section {s.number}. {s.heading}
              </h2>
              {s.intro ? <p className="intro">{s.intro}</p> : null}
              {s.clauses.map((c, i) => (
                <Clause key={i} clause={c} onShowProvision={onShowProvision} />
              ))}
            </section>
          ))}
          <footer className="fingerprint">
            Version {text.version}
            {text.date ? ` · ${text.date}` : ''} · Fingerprint <code>{text.fingerprint}</code>
          </footer>
        </article>
      ) : null}
    </div>
  );
}
