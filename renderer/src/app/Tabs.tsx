// Accessible tabs: a tablist whose arrow keys move between tabs, each tab naming the panel it shows.

import { useRef, type KeyboardEvent } from 'react';

export interface TabSpec<K extends string> {
  key: K;
  label: string;
  /** Shown after the label, e.g. a count of problems. */
  badge?: string;
  shortcut?: string;
}

export function Tabs<K extends string>({
  label,
  tabs,
  active,
  onChange,
  idPrefix,
}: {
  label: string;
  tabs: TabSpec<K>[];
  active: K;
  onChange: (k: K) => void;
  idPrefix: string;
}) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const onKeyDown = (e: KeyboardEvent, i: number) => {
    const next =
      e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const k = (next + tabs.length) % tabs.length;
    refs.current[k]?.focus();
    onChange(tabs[k]!.key);
  };
  return (
    <div role="tablist" aria-label={label} className="tabs">
      {tabs.map((t, i) => (
        <button
          key={t.key}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${t.key}`}
          aria-selected={t.key === active}
          aria-controls={`${idPrefix}-panel`}
          aria-keyshortcuts={t.shortcut}
          tabIndex={t.key === active ? 0 : -1}
          title={t.shortcut ? `${t.label} (${t.shortcut})` : t.label}
          onClick={() => onChange(t.key)}
          onKeyDown={(e) => onKeyDown(e, i)}
        >
          {t.label}
          {t.badge ? <span className="tab-badge">{t.badge}</span> : null}
        </button>
      ))}
    </div>
  );
}
