// The ordinance as it will be exported, updated as you type: the engine's printed text, rendered as
// React elements (every word escaped); beside the author's own wording of a provision, the generated
// reading the exported text leaves out, so a drafter can compare the two.

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

function Items({ items }: { items: TextItem[] }) {
  return (
    <ol className="clause-items">
      {items.map((item, i) => (
        <li key={i}>
          <span className="item-number">{item.label}</span> {item.text}
          {item.items ? <Items items={item.items} /> : null}
        </li>
      ))}
    </ol>
  );
}

/** A definition's text with its term set apart, in the quotes the exports print (the text model's own). */
function ClauseText({ clause }: { clause: TextClause }) {
  if (clause.term) {
    const at = clause.text.indexOf(`"${clause.term}"`);
    if (at >= 0) {
      return (
        <>
          {clause.text.slice(0, at + 1)}
          <dfn>{clause.term}</dfn>
          {clause.text.slice(at + clause.term.length + 1)}
        </>
      );
    }
  }
  return <>{clause.text}</>;
}

function Clause({
  clause,
  citations,
  onShowProvision,
}: {
  clause: TextClause;
  /** Each provision's printed citation, by id: what a jump to the YAML is labelled with, never the id. */
  citations: OrdinanceText['provisions'];
  onShowProvision: (id: string) => void;
}) {
  const body = (
    <>
      {clause.label ? <span className="clause-label">{clause.label}</span> : null} <ClauseText clause={clause} />
    </>
  );
  const rest = (
    <>
      {clause.items ? <Items items={clause.items} /> : null}
      {clause.after ? <p className="clause-after">{clause.after}</p> : null}
    </>
  );
  const ids = clause.provisions ?? (clause.provision && clause.provision !== 'default' ? [clause.provision] : []);
  const jump = ids.map((id) => {
    const citation = Object.hasOwn(citations, id) ? citations[id]!.citation : null;
    return (
      <button
        key={id}
        type="button"
        className="link jump"
        onClick={() => onShowProvision(id)}
        aria-label={citation ? `Show ${citation} in the YAML` : 'Show this provision in the YAML'}
      >
        {citation ?? 'YAML'}
      </button>
    );
  });
  if (clause.authorWording && clause.plainReading) {
    return (
      <div className="clause clause-compare" data-provision={clause.provision}>
        <div className="wording">
          <div className="column-label">Author’s wording {jump}</div>
          <p>{body}</p>
        </div>
        <div className="generated">
          <div className="column-label">Generated plain reading (not printed)</div>
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
      {rest}
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
          <p className="number">{text.number}</p>
          {text.subtitle ? <p className="subtitle">{text.subtitle}</p> : null}
          {text.sponsors ? <p className="sponsors">{text.sponsors}</p> : null}
          {text.whereas.map((w, i) => (
            <p key={i} className="whereas">
              {w}
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
                <Clause key={i} clause={c} citations={text.provisions} onShowProvision={onShowProvision} />
              ))}
            </section>
          ))}
          <section className="passage" aria-label="Passage and signatures">
            {text.passage.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
            {text.signatures.map((sig, i) => (
              <div key={i} className="signature">
                <p>{sig.lead}</p>
                <p>{sig.signer}</p>
                {sig.date ? <p>{sig.date}</p> : null}
              </div>
            ))}
          </section>
          {text.annex.length ? (
            <section className="annex" aria-label="Annex: generated plain readings">
              <h2>Annex: generated plain readings (not part of the text)</h2>
              {text.annex.map((a, i) => (
                <p key={i}>
                  <em>
                    {a.citation} {a.lead}:
                  </em>{' '}
                  {a.text}
                </p>
              ))}
            </section>
          ) : null}
          <footer className="fingerprint">
            Version {text.version}
            {text.date ? ` · ${text.date}` : ''} · Fingerprint <code>{text.fingerprint}</code>
          </footer>
        </article>
      ) : null}
    </div>
  );
}
