// Save where the browser downloads: the file name asked for in the app (the browser asks for none),
// suggested from the document's name or, for a new one, its title.

import { useEffect, useRef, useState } from 'react';
import { cleanSaveName } from './file-name';

export function SaveNameDialog({ suggested, onChoose }: { suggested: string; onChoose: (name: string | null) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(suggested);
  const answered = useRef(false);
  const answer = (value: string | null) => {
    if (answered.current) return;
    answered.current = true;
    onChoose(value);
  };

  useEffect(() => {
    const d = dialog.current!;
    if (!d.open) d.showModal();
    // The name without its extension is selected: typing replaces it, the ".ordinance.yaml" stays.
    const field = input.current!;
    const stem = suggested.replace(/(\.ordinance)?\.ya?ml$/i, '').length;
    field.focus();
    field.setSelectionRange(0, stem);
    const cancelled = () => answer(null);
    d.addEventListener('close', cancelled);
    return () => d.removeEventListener('close', cancelled);
    // Once, when shown.
  }, []);

  const cleaned = cleanSaveName(name);
  return (
    <dialog ref={dialog} className="help-dialog save-name-dialog" aria-labelledby="save-name-title" aria-describedby="save-name-about">
      <h2 id="save-name-title">Save</h2>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!cleaned) return;
          answer(name);
          dialog.current?.close();
        }}
      >
        <p id="save-name-about" className="muted">
          This browser saves by downloading: the file goes to your downloads folder under this name.
        </p>
        <div className="field">
          <label htmlFor="save-name">File name</label>
          <input
            id="save-name"
            ref={input}
            type="text"
            value={name}
            onChange={(e) => setName(e.target.value)}
            spellCheck={false}
            required
          />
        </div>
        {cleaned && cleaned !== name.trim() ? <p className="muted">Saved as {cleaned}</p> : null}
        <div className="dialog-actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!cleaned}>
            Save
          </button>
        </div>
      </form>
    </dialog>
  );
}
