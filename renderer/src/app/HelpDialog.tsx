// Help: the reference of the ordinance format (every field's meaning, from the schema), the keyboard
// (every command's keys in the host in use, from the command table) and About.

import { useEffect, useMemo, useRef, useState } from 'react';
import type { HostKind } from '../../../host/commands';
import { schemaReference } from '../form/schema-info';
import { IN_PLACE_KEYS, keyboardHelp, type KeyboardLine } from './keyboard-help';

export type HelpTopic = 'reference' | 'keyboard' | 'about';

const TITLES: Record<HelpTopic, string> = {
  reference: 'Reference: the ordinance format',
  keyboard: 'Keyboard',
  about: 'About Detainer Policy Studio',
};

function KeyTable({ lines, caption }: { lines: readonly KeyboardLine[]; caption: string }) {
  return (
    <table className="key-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Keys</th>
          <th scope="col">Command</th>
          <th scope="col">What it does</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.label}>
            <td>
              {l.keys.map((k, i) => (
                <span key={k}>
                  {i ? ' or ' : ''}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </td>
            <th scope="row">{l.label}</th>
            <td>{l.does}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function HelpDialog({
  topic,
  appVersion,
  host,
  platform,
  onClose,
}: {
  topic: HelpTopic;
  appVersion: string;
  host: HostKind;
  platform: string;
  onClose: () => void;
}) {
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
        <h2 id="help-title">{TITLES[topic]}</h2>
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
      ) : topic === 'keyboard' ? (
        <div className="keyboard-help">
          <p>
            Press <kbd>F6</kbd> to move between the toolbar, the editor or form, the problems and the view beside them. In the YAML editor,
            Tab types an indent: press <kbd>Ctrl+M</kbd> to make Tab move on instead, or <kbd>F6</kbd> to leave.
          </p>
          <KeyTable lines={keyboardHelp(host, platform)} caption="Commands (also in the menus)" />
          <KeyTable lines={IN_PLACE_KEYS} caption="In the editor and the views" />
        </div>
      ) : (
        <div className="about">
          <p>Version {appVersion}. Draft, check, simulate and export local policies on immigration detainers.</p>
          <p>
            The engine checks every edit against the ordinance schema and the rules a schema can't say; it is the authority for the problems
            shown. Simulations use the same decision function as the command line (<code>detainer-studio simulate</code>).
          </p>
          <p>Help › Keyboard lists every key the app answers to.</p>
        </div>
      )}
    </dialog>
  );
}
