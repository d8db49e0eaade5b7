// Help: the reference of the ordinance format (every field's meaning, from the schema) and About.

import { useEffect, useMemo, useRef, useState } from 'react';
import { schemaReference } from '../form/schema-info';
import { SHORTCUTS } from '../host/shortcuts';

export type HelpTopic = 'reference' | 'about';

export function HelpDialog({ topic, appVersion, onClose }: { topic: HelpTopic; appVersion: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [filter, setFilter] = useState('');
  const entries = useMemo(() => schemaReference(), []);
  useEffect(() => {
    const d = dialog.current!;
    if (!d.open) d.showModal();
    const close = () => onClose();
    d.addEventListener('close', close);
    return () => d.removeEventListener('close', close);
  }, [onClose]);
  const needle = filter.trim().toLowerCase();
  const shown = needle ? entries.filter((e) => `${e.path} ${e.title} ${e.description}`.toLowerCase().includes(needle)) : entries;

  return (
    <dialog ref={dialog} className="help-dialog" aria-labelledby="help-title">
      <div className="dialog-head">
        <h2 id="help-title">{topic === 'reference' ? 'Reference: the ordinance format' : 'About Detainer Policy Studio'}</h2>
        <button type="button" onClick={() => dialog.current?.close()} aria-label="Close">
          Close
        </button>
      </div>
      {topic === 'reference' ? (
        <>
          <div className="field">
            <label htmlFor="reference-filter">Find a field</label>
            <input id="reference-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoFocus />
          </div>
          <dl className="reference">
            {shown.map((e) => (
              <div key={e.path} className={`reference-entry depth-${e.depth}`}>
                <dt>
                  <code>{e.path}</code> — {e.title}
                </dt>
                <dd>
                  {e.description}
                  {e.choices.length ? <span className="choices"> Choices: {e.choices.join(', ')}.</span> : null}
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : (
        <div className="about">
          <p>Version {appVersion}. Draft, check, simulate and export local policies on immigration detainers.</p>
          <p>
            The engine checks every edit against the ordinance schema and the rules a schema can't say; it is the authority for the problems
            shown. Simulations use the same decision function as the command line (<code>detainer-studio simulate</code>).
          </p>
          <h3>Keyboard</h3>
          <table>
            <tbody>
              {SHORTCUTS.map((s) => (
                <tr key={`${s.command}-${s.label}`}>
                  <td>
                    <kbd>{s.label}</kbd>
                  </td>
                  <td>{s.command}</td>
                </tr>
              ))}
              <tr>
                <td>
                  <kbd>F8</kbd>
                </td>
                <td>next problem (in the editor)</td>
              </tr>
              <tr>
                <td>
                  <kbd>Ctrl+Shift+O</kbd>
                </td>
                <td>go to a key (in the editor)</td>
              </tr>
              <tr>
                <td>
                  <kbd>Ctrl+F</kbd> / <kbd>Ctrl+H</kbd>
                </td>
                <td>find / replace (in the editor)</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </dialog>
  );
}
