// Form controls that commit to the document: text commits on Enter or leaving the field (Escape
// takes the typing back), choices commit at once. Each is labelled and carries the schema's help.

import { useEffect, useId, useState, type KeyboardEvent, type ReactNode } from 'react';

interface Common {
  label: string;
  help?: string;
  /** Shown beside the label, e.g. a citation. */
  hint?: ReactNode;
  className?: string;
}

/**
 * What a choice shows: the document's value, or the one just picked until the document catches up
 * (the edit goes through the editor and the engine, a few milliseconds), so a control never springs
 * back under the pointer.
 */
function usePicked<T>(value: T): [T, (v: T) => void] {
  const key = JSON.stringify(value ?? null);
  const [picked, setPicked] = useState<{ key: string; value: T } | null>(null);
  useEffect(() => setPicked(null), [key]);
  useEffect(() => {
    // If the document never takes the edit (it was refused), show what the document says.
    if (!picked) return;
    const timer = setTimeout(() => setPicked(null), 2000);
    return () => clearTimeout(timer);
  }, [picked]);
  return [picked ? picked.value : value, (v: T) => setPicked({ key, value: v })];
}

function Help({ id, help }: { id: string; help?: string }) {
  return help ? (
    <span id={id} className="field-help">
      {help}
    </span>
  ) : null;
}

export function TextField(
  props: Common & {
    value: string | undefined;
    onCommit: (value: string) => void;
    multiline?: boolean;
    placeholder?: string;
    required?: boolean;
  },
) {
  const id = useId();
  const [draft, setDraft] = useState(props.value ?? '');
  useEffect(() => setDraft(props.value ?? ''), [props.value]);
  const commit = () => {
    const v = draft.trim();
    if (v === (props.value ?? '').trim()) return;
    if (props.required && v === '') {
      setDraft(props.value ?? '');
      return;
    }
    props.onCommit(v);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      setDraft(props.value ?? '');
      (e.target as HTMLElement).blur();
    } else if (e.key === 'Enter' && (!props.multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      commit();
    }
  };
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id}>
        {props.label}
        {props.hint ? <span className="field-hint"> {props.hint}</span> : null}
      </label>
      {props.multiline ? (
        <textarea
          id={id}
          value={draft}
          rows={3}
          placeholder={props.placeholder}
          aria-describedby={props.help ? `${id}-help` : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={onKeyDown}
        />
      ) : (
        <input
          id={id}
          type="text"
          value={draft}
          placeholder={props.placeholder}
          aria-describedby={props.help ? `${id}-help` : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={onKeyDown}
        />
      )}
      <Help id={`${id}-help`} help={props.help} />
    </div>
  );
}

export function NumberField(
  props: Common & {
    value: number | undefined;
    onCommit: (value: number | undefined) => void;
    min?: number;
    max?: number;
    optional?: boolean;
  },
) {
  const id = useId();
  const [draft, setDraft] = useState(props.value === undefined ? '' : String(props.value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(props.value === undefined ? '' : String(props.value));
    setError(null);
  }, [props.value]);
  const commit = () => {
    const t = draft.trim();
    if (t === '') {
      if (props.optional) {
        if (props.value !== undefined) props.onCommit(undefined);
        setError(null);
      } else setError('a number is needed');
      return;
    }
    const n = Number(t);
    if (!Number.isInteger(n)) return setError('a whole number is needed');
    if (props.min !== undefined && n < props.min) return setError(`at least ${props.min}`);
    if (props.max !== undefined && n > props.max) return setError(`at most ${props.max}`);
    setError(null);
    if (n !== props.value) props.onCommit(n);
  };
  return (
    <div className={`field field-number ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        value={draft}
        min={props.min}
        max={props.max}
        aria-invalid={error ? true : undefined}
        aria-describedby={[props.help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape') setDraft(props.value === undefined ? '' : String(props.value));
        }}
      />
      {error ? (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      ) : null}
      <Help id={`${id}-help`} help={props.help} />
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
}

export function SelectField(
  props: Common & { value: string | undefined; choices: Choice[]; onChange: (value: string) => void; emptyLabel?: string },
) {
  const id = useId();
  const [value, pick] = usePicked(props.value);
  const known = props.value === undefined || props.choices.some((c) => c.value === props.value);
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={value ?? ''}
        aria-describedby={props.help ? `${id}-help` : undefined}
        onChange={(e) => {
          pick(e.target.value);
          props.onChange(e.target.value);
        }}
      >
        {props.emptyLabel !== undefined || props.value === undefined ? <option value="">{props.emptyLabel ?? '—'}</option> : null}
        {!known ? <option value={props.value}>{props.value} (not a known value)</option> : null}
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      <Help id={`${id}-help`} help={props.help} />
    </div>
  );
}

/** Yes / no / not a test: for the optional true-false keys of conditions. */
export function TriStateField(
  props: Common & {
    value: unknown;
    onChange: (value: boolean | undefined) => void;
    anyLabel?: string;
    yesLabel?: string;
    noLabel?: string;
  },
) {
  const v = props.value === true ? 'yes' : props.value === false ? 'no' : '';
  return (
    <SelectField
      label={props.label}
      help={props.help}
      className={props.className}
      value={v}
      emptyLabel={props.anyLabel ?? 'Either (not a test)'}
      choices={[
        { value: 'yes', label: props.yesLabel ?? 'Yes' },
        { value: 'no', label: props.noLabel ?? 'No' },
      ]}
      onChange={(x) => props.onChange(x === 'yes' ? true : x === 'no' ? false : undefined)}
    />
  );
}

export function CheckboxGroup(props: Common & { values: readonly unknown[]; choices: Choice[]; onChange: (values: string[]) => void }) {
  const id = useId();
  const [values, pick] = usePicked(props.values.map(String));
  const selected = new Set(values);
  const extra = values.filter((v) => !props.choices.some((c) => c.value === v));
  const all = [...props.choices, ...extra.map((v) => ({ value: v, label: v }))];
  return (
    <fieldset className={`field checkbox-group ${props.className ?? ''}`} aria-describedby={props.help ? `${id}-help` : undefined}>
      <legend>{props.label}</legend>
      <div className="checkbox-row">
        {all.map((c) => (
          <label key={c.value} className="checkbox">
            <input
              type="checkbox"
              checked={selected.has(c.value)}
              onChange={(e) => {
                const next = all.map((x) => x.value).filter((v) => (v === c.value ? e.target.checked : selected.has(v)));
                pick(next);
                props.onChange(next);
              }}
            />
            {c.label}
          </label>
        ))}
      </div>
      <Help id={`${id}-help`} help={props.help} />
    </fieldset>
  );
}

export function CheckboxField(props: Common & { checked: boolean; onChange: (checked: boolean) => void }) {
  const id = useId();
  const [checked, pick] = usePicked(props.checked);
  return (
    <div className={`field field-checkbox ${props.className ?? ''}`}>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={props.help ? `${id}-help` : undefined}
          onChange={(e) => {
            pick(e.target.checked);
            props.onChange(e.target.checked);
          }}
        />
        {props.label}
      </label>
      <Help id={`${id}-help`} help={props.help} />
    </div>
  );
}
