// "Map columns": a records officer's county export, its own column names and codes, read as the case
// columns. Each of their columns with the case column it fills (or left out), beside sample values from
// its first rows; value maps for the codes (their "F" -> felony, "N/A" -> unknown); the order of slashed
// dates; what the mapping still leaves wrong, as the import would say it. Loaded from and saved as the
// YAML file the command line reads with --mapping FILE. Their names and values are shown as text only.

import { Fragment, useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  blankChoices,
  blankOf,
  DATE_ORDERS,
  exportSample,
  guessMapping,
  guessTarget,
  isSlashedDate,
  levelChoices,
  loadColumnMapping,
  mappingIssues,
  mappingTargets,
  mappingYaml,
  mayBeUnknown,
  ourValues,
  readsAsIs,
  requiredColumns,
  rowItemSection,
  sampleValues,
  SLASHED_DATES_CHOICE,
  type BlankMeaning,
  type ColumnMapping,
  type ColumnProblem,
  type DateOrder,
  type ExportSample,
  type MappingTarget,
} from '../../../engine/index';
import type { Host } from '../../../host/contract';
import { caseColumnWords } from '../lib/case-column-words';
import { count } from '../lib/format';
import { emit } from '../lib/app-events';
import { visibleText } from '../../../engine/text-safety';
import { dropLabel, panelProblemItems, type PanelProblem } from './mapping-panel-words';
import type { CaseSource } from './protocol';
import type { MappingDraft } from './simulation-session';

/** Bytes of a file's start read for its header and sample rows. */
const SAMPLE_BYTES = 256 * 1024;
/** Sample values shown beside a column. */
const VALUES_SHOWN = 4;
/** Values listed in a column's value map at most. */
const VALUES_MAPPED = 40;
/** A sample value is shown cut to this length. */
const SHOWN_CHARS = 32;

/** A picker's choice for "not chosen" and "leave out" (no case column starts with a space). */
const NOT_CHOSEN = '';
const LEAVE_OUT = ' leave out';
/** A value map's choice for "as it is" (no entry) and for an empty cell. */
const AS_IT_IS = ' as it is';
const EMPTY_CELL = ' empty';
/** A level value map's choice that offers every level code, not only those the file points to. */
const MORE_LEVELS = ' more levels';

type Mappable = Extract<CaseSource, { kind: 'text' | 'file' }>;

const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);
const cut = (v: string) => (v.length > SHOWN_CHARS ? `${v.slice(0, SHOWN_CHARS)}…` : v);
/** A column name as shown: an empty one said so. */
const shownName = (n: string) => (n === '' ? '(no name)' : visibleText(n));

/** A column name that may wrap after each underscore, dot, dash or slash (CHARGE_1_LEVEL), never inside a word; the full name in its title. */
function WrappedName({ name }: { name: string }) {
  const shown = shownName(name);
  const parts = shown.split(/(?<=[_./-])/);
  return (
    <span className="mapping-name" title={shown}>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          <span>{p}</span>
        </Fragment>
      ))}
    </span>
  );
}

/** Sets a key of a plain map (a column named `__proto__` is a key like any other). */
function withKey<T>(map: Record<string, T> | undefined, key: string, value: T | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(map ?? {}))
    if (k !== key) Object.defineProperty(out, k, { value: map![k], enumerable: true, writable: true, configurable: true });
  if (value !== undefined) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

/** The mapping without its empty parts, as it is saved and read. */
function tidy(m: ColumnMapping): ColumnMapping {
  const out: ColumnMapping = { ...m };
  if (out.values) {
    let values: Record<string, Record<string, string | number | boolean>> = {};
    for (const k of Object.keys(out.values)) if (Object.keys(out.values[k]!).length) values = withKey(values, k, out.values[k]);
    out.values = values;
    if (!Object.keys(values).length) delete out.values;
  }
  if (out.blanks && !Object.keys(out.blanks).length) delete out.blanks;
  if (out.ignore && !out.ignore.length) delete out.ignore;
  if (out.columns && !Object.keys(out.columns).length) delete out.columns;
  return out;
}

/** What their column is read as now: a case column, left out, or not chosen. */
function choiceOf(m: ColumnMapping, name: string): string {
  if (m.ignore?.includes(name)) return LEAVE_OUT;
  if (m.columns && own(m.columns, name)) return m.columns[name]!;
  return NOT_CHOSEN;
}

function choose(m: ColumnMapping, name: string, choice: string): ColumnMapping {
  const ignore = (m.ignore ?? []).filter((n) => n !== name);
  const columns = withKey(m.columns, name, choice === LEAVE_OUT || choice === NOT_CHOSEN ? undefined : choice);
  return tidy({ ...m, columns, ignore: choice === LEAVE_OUT ? [...ignore, name] : ignore });
}

/** The mapping without its entry for their column `name` (one the file lacks): the case column it gave is then not read from it. */
export function dropEntry(m: ColumnMapping, name: string): ColumnMapping {
  return tidy({ ...m, columns: withKey(m.columns, name, undefined) });
}

async function readSample(source: Mappable): Promise<ExportSample | undefined> {
  if (source.kind === 'text') return exportSample(source.text.slice(0, SAMPLE_BYTES), source.text.length <= SAMPLE_BYTES);
  return exportSample(await source.file.slice(0, SAMPLE_BYTES).text(), source.file.size <= SAMPLE_BYTES);
}

/** What a CSV's header (read with the mapping it was given, if any) leaves wrong, as data; none when it reads or has no header. */
export async function headerIssues(source: Mappable): Promise<ColumnProblem[]> {
  const sample = await readSample(source).catch(() => undefined);
  return sample ? mappingIssues(sample.header, source.mapping) : [];
}

interface Props {
  source: Mappable;
  /** The mapping kept for a file (this one's, or another's). */
  draft: MappingDraft | null;
  onDraft: (draft: MappingDraft) => void;
  /** Reads the file with the mapping; whether it was loaded. */
  onRead: (source: Mappable) => Promise<boolean>;
  onClose: () => void;
  host: Host;
  busy: boolean;
  /**
   * Where to open: `row-items` (from a refusal of ids repeated in runs, one row per charge) says how to
   * read each run of rows as one booking and puts the focus on the picker of the file's first charge
   * column (its targets under "Charge of each row"), else its first column not chosen.
   */
  at?: 'row-items';
}

export function ColumnMappingPanel({ source, draft, onDraft, onRead, onClose, host, busy, at }: Props) {
  const id = useId();
  const rowItemsPicker = useRef<HTMLSelectElement>(null);
  const [sample, setSample] = useState<ExportSample | null | 'unreadable'>(null);
  const [fileProblems, setFileProblems] = useState<{ name: string; lines: string[] } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setSample(null);
    readSample(source).then(
      (s) => live && setSample(s ?? 'unreadable'),
      () => live && setSample('unreadable'),
    );
    return () => {
      live = false;
    };
  }, [source]);

  const ready = sample !== null && sample !== 'unreadable';
  useEffect(() => {
    if (at !== 'row-items' || !ready) return;
    rowItemsPicker.current?.scrollIntoView({ block: 'center' });
    rowItemsPicker.current?.focus();
  }, [at, ready]);

  const header = useMemo(() => (sample && sample !== 'unreadable' ? sample.header.map((h) => h.trim()) : []), [sample]);
  const mine = draft?.name === source.name ? draft.mapping : null;
  // The mapping shown: the one kept for this file, the one it was read with, or a first guess from its
  // header (kept, in place of another file's, only once the officer changes it).
  const guess = useMemo(() => (header.length ? guessMapping(header) : null), [header]);
  const mapping: ColumnMapping | null = mine ?? source.mapping ?? guess;

  const set = (m: ColumnMapping) => {
    setSaved(null);
    onDraft({ name: source.name, mapping: tidy(m) });
  };

  const targets = useMemo(() => mappingTargets({}, Object.values(mapping?.columns ?? {})), [mapping]);
  const sections = useMemo(() => {
    const by = new Map<string, MappingTarget[]>();
    for (const t of targets) by.set(t.section, [...(by.get(t.section) ?? []), t]);
    return [...by];
  }, [targets]);
  // Said in the panel's words (its "Reads as" lists), not the mapping file's keys ("columns", "ignore"); a
  // column the mapping does not name yet is "not chosen yet", not "unknown".
  const headerProblems = useMemo(
    () => (mapping && header.length ? panelProblemItems(mappingIssues(header, mapping)) : []),
    [header, mapping],
  );

  if (sample === null)
    return (
      <section className="mapping-panel" aria-label={`Map columns of ${visibleText(source.name)}`}>
        <p role="status">Reading the columns of {visibleText(source.name)}…</p>
      </section>
    );
  if (sample === 'unreadable' || !mapping)
    return (
      <section className="mapping-panel" aria-label={`Map columns of ${visibleText(source.name)}`}>
        <p className="notice error" role="alert">
          {visibleText(source.name)} has no header row to map.
        </p>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </section>
    );

  const rows = sample.rows;
  const seen = new Set<string>();
  const columns = sample.header
    .map((raw, index) => ({ name: raw.trim(), index }))
    .filter((c) => (seen.has(c.name) ? false : (seen.add(c.name), true)));
  const chosen = columns.map((c) => ({ ...c, choice: choiceOf(mapping, c.name), values: sampleValues(sample, c.index) }));
  // Opened at the targets of each row: the first column read as (or mapped to) a numbered charge's, else the first not chosen.
  const numberedCharge = (c: (typeof chosen)[number]) =>
    /^charge\d+\./.test(c.choice === NOT_CHOSEN && readsAsItself(c.name) ? c.name : c.choice);
  const rowItemsAt = (chosen.find(numberedCharge) ?? chosen.find((c) => c.choice === NOT_CHOSEN) ?? chosen[0])?.index;
  // The columns every case needs, each given as the import reads the header (a date of birth gives age).
  const required = requiredColumns(sample.header, mapping);
  const slashed = chosen.filter(
    (c) => c.choice && c.choice !== LEAVE_OUT && /(At|On)$/.test(c.choice) && c.values.some((v) => isSlashedDate(v.value)),
  );
  // A date written with slashes is read only in an order the panel is told (03/04 is March 4 or April 3):
  // the file is not read until it is chosen, or every row with one would be refused.
  const problems: PanelProblem[] =
    slashed.length && !mapping.dates ? [...headerProblems, { text: slashedProblem(slashed.map((c) => c.name)) }] : headerProblems;

  const loadFile = async () => {
    const r = await host.openFile('mapping');
    if (!r.ok) return setFileProblems({ name: 'the mapping file', lines: [r.error] });
    if (!r.value) return;
    const loaded = loadColumnMapping(r.value.text);
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    const said = loaded.diagnostics.map((d) => `${r.value!.name}:${d.line ?? 1}:${d.column ?? 1}: ${d.severity}: ${d.message}`);
    setFileProblems(said.length ? { name: r.value.name, lines: said } : null);
    if (loaded.mapping && !errors.length) {
      set(loaded.mapping);
      emit('mapping-loaded', { name: r.value.name, columns: Object.keys(loaded.mapping.columns ?? {}).length });
    }
  };

  const suggested = `${source.name.replace(/\.csv$/i, '')}.mapping.yaml`;
  const saveFile = async () => {
    const text = mappingYaml(
      mapping,
      `Column mapping for ${source.name}, made in Detainer Policy Studio.\n` +
        `On the command line: detainer-studio simulate POLICY --cases ${source.name} --mapping ${suggested}`,
    );
    const r = await host.exportFile({ suggestedName: suggested, data: text, mimeType: 'text/yaml' });
    if (!r.ok) return setFileProblems({ name: suggested, lines: [r.error] });
    if (!r.value) return;
    setSaved(r.value.downloaded ? `Downloaded ${visibleText(r.value.name)}.` : `Saved ${visibleText(r.value.name)}.`);
    emit('mapping-saved', { name: r.value.name });
  };

  const leaveOutTheRest = () => {
    let m = mapping;
    for (const c of chosen) if (c.choice === NOT_CHOSEN && !readsAsItself(c.name)) m = choose(m, c.name, LEAVE_OUT);
    set(m);
  };

  const read = async () => {
    const { choice: _choice, ...rest } = source;
    void _choice;
    await onRead({ ...rest, mapping });
  };

  return (
    <section className="mapping-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Map the columns of {visibleText(source.name)}</h3>
      <p className="muted">
        Say which case column each of the file’s columns fills, or leave it out; each choice in the lists says what its case column holds.
        Values beside each column are from its first {count(rows.length)} row{rows.length === 1 ? '' : 's'}.
      </p>
      {at === 'row-items' ? (
        <p className="notice" id={`${id}-row-items`}>
          One booking on several rows, one row per charge: in the list of each of the charge’s columns, choose its target under “
          {rowItemSection('charge')}” (<code>charge.level</code>, <code>charge.offense</code>, …). Each run of rows with one id is then read
          as one booking, with the charges of all its rows.
        </p>
      ) : null}
      <div className="mapping-actions" role="group" aria-label="Mapping file">
        <button type="button" onClick={() => void loadFile()}>
          Load a mapping file…
        </button>
        <button type="button" onClick={() => void saveFile()}>
          Save mapping…
        </button>
        <button type="button" onClick={leaveOutTheRest} disabled={!chosen.some((c) => c.choice === NOT_CHOSEN)}>
          Leave out every column not chosen
        </button>
        {saved ? <span role="status">{saved}</span> : null}
      </div>
      {fileProblems ? (
        <div className="notice error" role="alert">
          <p>Problems in {visibleText(fileProblems.name)}:</p>
          <ul>
            {fileProblems.lines.map((l, i) => (
              <li key={i}>{visibleText(l)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="mapping-required" aria-label="Required case columns">
        <strong>Every case needs:</strong>{' '}
        {required.map((t, i) => (
          <span key={t.target}>
            {i > 0 ? '; ' : ''}
            <span className={t.from ? 'given' : 'missing'}>
              <code>{t.target}</code>
              {t.from ? (
                <>
                  {' '}
                  from {shownName(t.from.name)}
                  {t.from.as !== t.target ? (
                    <>
                      {' '}
                      (<code>{t.from.as}</code>)
                    </>
                  ) : null}
                </>
              ) : (
                <>
                  {t.or.length ? (
                    <>
                      {' '}
                      or{' '}
                      {t.or.map((o, j) => (
                        <span key={o}>
                          {j > 0 ? ', ' : ''}
                          <code>{o}</code>
                        </span>
                      ))}
                    </>
                  ) : null}{' '}
                  (no column chosen)
                </>
              )}
            </span>
          </span>
        ))}
      </div>
      <table className="mapping-columns">
        <caption className="visually-hidden">Their columns and the case column each fills</caption>
        <thead>
          <tr>
            <th scope="col">Their column</th>
            <th scope="col">Sample values</th>
            <th scope="col">Reads as</th>
          </tr>
        </thead>
        <tbody>
          {chosen.map((c) => (
            <tr key={c.index} className={c.choice === NOT_CHOSEN && !readsAsItself(c.name) ? 'unchosen' : undefined}>
              <th scope="row">
                <WrappedName name={c.name} />
              </th>
              <td className="mapping-sample">
                {c.values.length === 0 ? (
                  <span className="muted">(empty)</span>
                ) : (
                  c.values.slice(0, VALUES_SHOWN).map((v, i) => (
                    <span key={i}>
                      {i > 0 ? ', ' : ''}
                      <code>{cut(v.value)}</code>
                    </span>
                  ))
                )}
                {c.values.length > VALUES_SHOWN ? <span className="muted">, … ({count(c.values.length)} values)</span> : null}
              </td>
              <td>
                <select
                  aria-label={`Case column for ${shownName(c.name)}`}
                  ref={at === 'row-items' && c.index === rowItemsAt ? rowItemsPicker : undefined}
                  aria-describedby={at === 'row-items' && c.index === rowItemsAt ? `${id}-row-items` : undefined}
                  value={c.choice}
                  onChange={(e) => set(choose(mapping, c.name, e.target.value))}
                >
                  <option value={NOT_CHOSEN}>{readsAsItself(c.name) ? `(read as ${c.name})` : '— choose —'}</option>
                  <option value={LEAVE_OUT}>Leave out</option>
                  {sections.map(([section, ts]) => (
                    <optgroup key={section} label={section}>
                      {ts.map((t) => (
                        <option key={t.target} value={t.target}>
                          {t.target}
                          {t.required ? ' (required)' : ''}
                          {(t.meaning ?? caseColumnWords(t.target)) ? ` — ${t.meaning ?? caseColumnWords(t.target)}` : ''}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ValueMaps columns={chosen} mapping={mapping} onChange={set} />
      <EmptyCells columns={chosen} rows={rows.length} mapping={mapping} onChange={set} />
      <div className="field mapping-dates">
        <label htmlFor={`${id}-dates`}>{SLASHED_DATES_CHOICE}</label>
        <select
          id={`${id}-dates`}
          value={mapping.dates ?? ''}
          onChange={(e) => {
            const { dates: _dates, ...rest } = mapping;
            void _dates;
            set(e.target.value ? { ...rest, dates: e.target.value as DateOrder } : rest);
          }}
          aria-describedby={slashed.length && !mapping.dates ? `${id}-dates-note` : undefined}
        >
          <option value="">not said</option>
          {DATE_ORDERS.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
        {slashed.length && !mapping.dates ? (
          <p id={`${id}-dates-note`} className="notice warning">
            {slashed.map((c) => shownName(c.name)).join(', ')} hold{slashed.length === 1 ? 's' : ''} slashed dates such as{' '}
            <code>{cut(slashed[0]!.values.find((v) => isSlashedDate(v.value))!.value)}</code>: say their order, which the date alone can’t
            tell.
          </p>
        ) : null}
      </div>
      {problems.length ? (
        <div className="notice warning" id={`${id}-problems`}>
          <p>Before the file can be read with this mapping:</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                {p.text}
                {p.drop !== undefined ? (
                  <>
                    {' '}
                    <button type="button" onClick={() => set(dropEntry(mapping, p.drop!))}>
                      {dropLabel(p.drop)}
                    </button>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="muted" id={`${id}-problems`}>
          Every column is mapped or left out. Problems on rows are listed, by row and column, once the file is read.
        </p>
      )}
      <div className="mapping-actions">
        <button
          type="button"
          className="primary"
          disabled={busy || problems.length > 0}
          aria-describedby={`${id}-problems`}
          onClick={() => void read()}
        >
          Read {visibleText(source.name)} with this mapping
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  );
}

/** The problem of slashed dates whose order is not chosen, as the list before reading says it. */
export function slashedProblem(columns: readonly string[]): string {
  const names = columns.map(shownName).join(', ');
  return `${names} ${columns.length === 1 ? 'holds' : 'hold'} dates written with slashes: choose their order at “${SLASHED_DATES_CHOICE}” above.`;
}

/** Whether a column's own name is a case column (read as itself when not chosen otherwise). */
function readsAsItself(name: string): boolean {
  return guessTarget(name) === name;
}

/** The value map the import applies to their column: its own, our column's, or its group field's (`charge.class`). */
function valueMapOf(
  m: ColumnMapping,
  name: string,
  target: string,
): { map: Record<string, string | number | boolean>; key: string | null } {
  const group = /^(charge|conviction|warrant)\d+\.([A-Za-z]+)$/.exec(target);
  const keys = [name, target, ...(group ? [`${group[1]}.${group[2]}`] : [])];
  const key = m.values ? keys.find((k) => own(m.values!, k)) : undefined;
  return key === undefined ? { map: {}, key: null } : { map: m.values![key]!, key };
}

function ValueMaps({
  columns,
  mapping,
  onChange,
}: {
  columns: Array<{ name: string; choice: string; values: Array<{ value: string; count: number }> }>;
  mapping: ColumnMapping;
  onChange: (m: ColumnMapping) => void;
}) {
  // The level maps whose every code is offered ("more levels" chosen), by their column.
  const [everyLevel, setEveryLevel] = useState<ReadonlySet<string>>(new Set());
  const maps = columns
    .map((c) => {
      const target = c.choice === NOT_CHOSEN && readsAsItself(c.name) ? c.name : c.choice;
      if (!target || target === LEAVE_OUT) return null;
      const ours = ourValues(target);
      const { map, key } = valueMapOf(mapping, c.name, target);
      // A coded column lists every value; another only those it would not read (their "N/A" in a date
      // column), as does a level column, whose codes the import reads in many forms (F1, felony 2, M-1).
      const every = ours && !/\.level$/.test(target);
      const listed = c.values.filter((v) => every || !readsAsIs(target, v.value) || own(map, v.value)).slice(0, VALUES_MAPPED);
      for (const k of Object.keys(map)) if (!listed.some((v) => v.value === k)) listed.push({ value: k, count: 0 });
      if (!listed.length) return null;
      return { ...c, target, ours, map, key, listed, unknown: mayBeUnknown(target), level: /\.level$/.test(target) };
    })
    .filter((x) => x !== null);
  if (!maps.length) return null;
  const setValue = (column: string, from: string, to: string) => {
    // Their column's own map, started from the one that applies now (our column's, or every group's:
    // the import reads one map per column, the first of these it finds).
    const shown = maps.find((m) => m.name === column);
    const map = shown?.map ?? {};
    const ours = shown?.ours;
    // A yes/no column's true and false are written as YAML's true and false.
    const yesNo = ours?.includes(true) && (to === 'true' || to === 'false');
    const value = to === AS_IT_IS ? undefined : to === EMPTY_CELL ? '' : yesNo ? to === 'true' : to;
    onChange({ ...mapping, values: withKey(mapping.values, column, withKey(map, from, value)) });
  };
  return (
    <div className="mapping-values">
      <h4>Their values</h4>
      <p className="muted">
        A value left “as it is” is read as written. Values marked “not one of ours” would be reported on every row that has them.
      </p>
      {maps.map((m) => (
        <fieldset key={m.name}>
          <legend>
            <WrappedName name={m.name} /> → <code>{m.target}</code>
            {m.key !== null && m.key !== m.name ? (
              <span className="muted">
                {' '}
                (the map for <code>{m.key}</code>)
              </span>
            ) : null}
          </legend>
          <table>
            <tbody>
              {m.listed.map((v) => {
                const now = own(m.map, v.value) ? m.map[v.value]! : undefined;
                const shown = now === undefined ? AS_IT_IS : now === '' ? EMPTY_CELL : String(now);
                const extra =
                  now !== undefined && now !== '' && !(m.ours ?? []).some((o) => String(o) === String(now)) && String(now) !== 'unknown';
                const odd = now === undefined && !readsAsIs(m.target, v.value);
                // A level's 30 codes: first those this value and the file point to, the rest behind "more levels".
                const levels = m.level
                  ? levelChoices(
                      v.value,
                      m.values.map((x) => x.value),
                      now === undefined ? undefined : String(now),
                    )
                  : null;
                const few = levels !== null && levels.first.length > 0 && !everyLevel.has(m.name);
                return (
                  <tr key={v.value}>
                    <th scope="row">
                      <code>{cut(v.value)}</code>
                      {v.count ? <span className="muted"> ({count(v.count)})</span> : null}
                    </th>
                    <td>
                      <select
                        aria-label={`${shownName(m.name)} value ${cut(v.value)} reads as`}
                        value={shown}
                        onChange={(e) =>
                          e.target.value === MORE_LEVELS
                            ? setEveryLevel((x) => new Set([...x, m.name]))
                            : setValue(m.name, v.value, e.target.value)
                        }
                      >
                        <option value={AS_IT_IS}>as it is</option>
                        {levels && levels.first.length > 0 ? (
                          <>
                            {levels.first.map((o) => (
                              <option key={o} value={o}>
                                {o}
                              </option>
                            ))}
                            {few ? (
                              <option value={MORE_LEVELS}>more levels… ({count(levels.rest.length)} others)</option>
                            ) : (
                              <optgroup label="Other levels">
                                {levels.rest.map((o) => (
                                  <option key={o} value={o}>
                                    {o}
                                  </option>
                                ))}
                              </optgroup>
                            )}
                          </>
                        ) : (
                          (m.ours ?? []).map((o) => (
                            <option key={String(o)} value={String(o)}>
                              {o === true ? 'yes (true)' : o === false ? 'no (false)' : String(o)}
                            </option>
                          ))
                        )}
                        {m.unknown ? <option value="unknown">unknown (the records don’t say)</option> : null}
                        <option value={EMPTY_CELL}>an empty cell</option>
                        {extra ? <option value={String(now)}>{String(now)}</option> : null}
                      </select>
                      {odd ? <span className="badge warning">not one of ours</span> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </fieldset>
      ))}
    </div>
  );
}

/** The picker's value for a column whose empty cells nobody has given a meaning (no entry of its own). */
const NOT_SAID = 'not-said';
/** A blank meaning's words in the picker. */
const blankWords = (v: BlankMeaning) => (v === 'unknown' ? 'unknown (the records don’t say)' : v ? 'yes' : 'no');
/** The picker's value for a meaning. */
const blankValue = (v: BlankMeaning) => (v === 'unknown' ? 'unknown' : v ? 'yes' : 'no');

/**
 * What an empty cell of each yes/no column means (the mapping's `blanks`): only the meanings the import
 * accepts for the column, the one an empty cell reads as without an entry marked, and "not said" while
 * the column has no entry. Any meaning chosen, the default too, is written as the column's entry: an
 * answer the import reads as given (the simulation's blank-cells warning goes) and the saved file keeps.
 * An entry for our column or every group's (`charge.bondPosted`) loaded from a file is shown on their
 * column; a choice made here is their column's own.
 */
function EmptyCells({
  columns,
  rows,
  mapping,
  onChange,
}: {
  columns: Array<{ name: string; index: number; choice: string; values: Array<{ value: string; count: number }> }>;
  rows: number;
  mapping: ColumnMapping;
  onChange: (m: ColumnMapping) => void;
}) {
  const id = useId();
  const yesNo = columns
    .map((c) => {
      const target = c.choice === NOT_CHOSEN && readsAsItself(c.name) ? c.name : c.choice;
      if (!target || target === LEAVE_OUT) return null;
      const choices = blankChoices(target);
      if (!choices) return null;
      const filled = c.values.reduce((n, v) => n + v.count, 0);
      return { ...c, target, choices, entry: blankOf(mapping, c.name, target), empty: rows - filled };
    })
    .filter((x) => x !== null);
  if (!yesNo.length) return null;
  const choose = (name: string, choices: ReadonlyArray<{ value: BlankMeaning; isDefault: boolean }>, to: string) => {
    // "Not said" takes the column's own entry out; any meaning chosen, the default too, is written as
    // the column's entry, so the answer is kept (and saved) and the blank-cells warning is answered.
    if (to === NOT_SAID) return onChange({ ...mapping, blanks: withKey(mapping.blanks, name, undefined) });
    const picked = choices.find((c) => blankValue(c.value) === to);
    if (picked) onChange({ ...mapping, blanks: withKey(mapping.blanks, name, picked.value) });
  };
  return (
    <div className="mapping-blanks">
      <h4 id={`${id}-h`}>Empty cells</h4>
      <p className="muted">
        An empty yes/no cell reads as the column’s default until you say what it means. Where an empty cell means the records don’t say,
        choose unknown: the decisions that turn on it are then open, not guessed; where it does mean the default, choose it, and the
        simulation no longer warns of the column’s empty cells.
      </p>
      <table aria-labelledby={`${id}-h`}>
        <tbody>
          {yesNo.map((c) => {
            const inherited = c.entry !== undefined && c.entry.key !== c.name;
            const byDefault = c.choices.find((x) => x.isDefault)!.value;
            // No entry: not said (read as the default); an entry whose meaning is none of ours: shown as it is.
            const now = c.entry ? c.entry.value : NOT_SAID;
            return (
              <tr key={c.index}>
                <th scope="row">
                  <WrappedName name={c.name} /> → <code>{c.target}</code>
                  <span className="muted">
                    {' '}
                    (empty on {count(c.empty)} of {count(rows)} row{rows === 1 ? '' : 's'})
                  </span>
                </th>
                <td>
                  <select
                    aria-label={`An empty ${shownName(c.name)} cell reads as`}
                    value={now === undefined ? '' : now === NOT_SAID ? NOT_SAID : blankValue(now)}
                    onChange={(e) => choose(c.name, c.choices, e.target.value)}
                  >
                    {now === undefined ? <option value="">{String(mapping.blanks![c.entry!.key])} (not yes, no or unknown)</option> : null}
                    {inherited ? null : <option value={NOT_SAID}>not said (reads as {blankWords(byDefault)})</option>}
                    {c.choices.map((x) => (
                      <option key={blankValue(x.value)} value={blankValue(x.value)}>
                        {blankWords(x.value)}
                        {x.isDefault ? ' (the default)' : ''}
                      </option>
                    ))}
                  </select>
                  {inherited ? (
                    <span className="muted">
                      {' '}
                      (the entry for <code>{c.entry!.key}</code>)
                    </span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
