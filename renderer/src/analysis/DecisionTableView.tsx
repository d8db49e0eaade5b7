// The decision table of the draft: every combination of the facts it reads, grouped into the ranges
// its conditions distinguish, with the outcome and the deciding provision; whether the rows cover
// every combination; filters; the CSV the CLI writes; a row's facts in full and its provision in the
// editor. Rows are virtualized: a 22-provision draft has about 2,000.

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { maxHoldWords, OUTCOMES, type Outcome } from '../../../engine/vocabulary';
import type { DecisionTable, DecisionTableRow } from '../../../engine/index';
import type { Host } from '../../../host/contract';
import { emit } from '../lib/app-events';
import { showingTheText, SidePanel } from '../lib/SidePanel';
import { count, milliseconds } from '../lib/format';
import { OUTCOME_LABEL } from '../simulation/Charts';
import { CaseFacts } from '../simulation/Explanation';
import type { ReimbursementChoice } from './protocol';
import {
  completenessLine,
  exportBaseName,
  filterRows,
  gridWidths,
  NO_TABLE_FILTER,
  provisionChoices,
  reimbursementLine,
  rowFacts,
  rowProvisionName,
  type ProvisionHeads,
  type TableFilter,
} from './table-rows';
import type { DraftAnalysis } from './use-draft-analysis';
import { WorkStatusLine } from './WorkStatusLine';

const ROW_HEIGHT = 28;
const HEADER_HEIGHT = 66;
const OVERSCAN = 8;
const GRID_HEIGHT = 420;
const HOLD_WIDTH = 200;
const COMBINATIONS_WIDTH = 118;

const REIMBURSEMENT_CHOICES: Array<{ value: ReimbursementChoice; label: string }> = [
  { value: 'either', label: 'Either way (varied)' },
  { value: 'yes', label: 'In force' },
  { value: 'no', label: 'Not in force' },
];

/** Whether the analysis takes a reimbursement agreement as in force, not in force, or varies it. */
export function ReimbursementField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: ReimbursementChoice;
  onChange: (value: ReimbursementChoice) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>Reimbursement agreement</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as ReimbursementChoice)}>
        {REIMBURSEMENT_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface Props {
  analysis: DraftAnalysis;
  /** The editor's version when the draft has no errors, else -1. */
  draftVersion: number;
  /** Why the table is of an earlier version (the draft has errors), if so. */
  blocked: string | null;
  documentName: string;
  host: Host;
  onShowProvision: (id: string) => void;
}

export function DecisionTableView({ analysis, draftVersion, blocked, documentName, host, onShowProvision }: Props) {
  const { table: state, show, cancel, refresh, setTableReimbursement } = analysis;
  const done = state.result;
  const table = done?.table ?? null;
  const [filter, setFilter] = useState<TableFilter>(NO_TABLE_FILTER);
  const [selected, setSelected] = useState<number | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    show('table');
    return () => show(null);
  }, [show]);

  const choices = useMemo(() => (done ? provisionChoices(done.table.rows, done.provisions) : []), [done]);
  const shown = useMemo(() => (table ? filterRows(table.rows, filter) : []), [table, filter]);

  // A filter that no longer matches anything in a new table is dropped rather than left hiding every row.
  useEffect(() => {
    setFilter((f) => (f.provision !== null && !choices.some((c) => c.id === f.provision) ? { ...f, provision: null } : f));
    setSelected(null);
  }, [choices]);

  useEffect(() => {
    if (done)
      emit('decision-table-rendered', {
        version: done.version,
        rows: done.table.rows.length,
        columns: done.table.columns.length,
        complete: done.table.complete,
        reimbursement: done.reimbursement,
      });
  }, [done]);

  const save = async () => {
    if (!done) return;
    const name = `${exportBaseName(documentName)}.decision-table.csv`;
    const r = await host.exportFile({ suggestedName: name, data: done.csv, mimeType: 'text/csv' });
    if (!r.ok) setSaved(`Could not save the table: ${r.error}`);
    else if (r.value) {
      setSaved(`Saved ${r.value.name}.`);
      emit('decision-table-saved', { name: r.value.name, version: done.version });
    }
  };

  const completeness = table ? completenessLine(table) : '';
  const stale = done !== null && draftVersion >= 0 && done.version !== draftVersion;
  const row = selected !== null && table ? table.rows[selected] : undefined;

  return (
    <div className="analysis-view" role="region" aria-label="Decision table">
      <div className="sim-controls" role="group" aria-label="Decision table settings">
        <ReimbursementField id="table-reimbursement" value={state.reimbursement} onChange={setTableReimbursement} />
        <button type="button" onClick={() => void save()} disabled={!done}>
          Save as CSV…
        </button>
        {saved ? (
          <span className="muted" role="status">
            {saved}
          </span>
        ) : null}
      </div>
      {blocked ? (
        <p className="notice warning" role="status">
          {blocked}
        </p>
      ) : null}
      <WorkStatusLine status={state.status} what="the decision table" onCancel={cancel} onAgain={refresh} />
      {/* While the table is worked out, the status line above says so (with Cancel) once it takes a moment. */}
      {!done && draftVersion < 0 && state.status.kind !== 'error' && state.status.kind !== 'cancelled' ? (
        <p className="muted">The table appears once the draft has no errors.</p>
      ) : null}
      {done && table ? (
        <>
          <p className={`completeness ${table.complete ? 'complete' : 'incomplete'}`} data-testid="completeness">
            <strong>{completeness.slice(0, completeness.indexOf(':') + 1)}</strong>
            {completeness.slice(completeness.indexOf(':') + 1)}
            {table.mismatches.length ? (
              <span className="notice error" role="alert">
                {' '}
                {table.mismatches.length} rows disagree with the engine: this is a bug in the analysis, please report it.
              </span>
            ) : null}
          </p>
          <p className="muted timing">
            Of “{table.title}”. {reimbursementLine(table, done.reimbursement)} Worked out in {milliseconds(done.ms)}
            {stale ? '; updating for the latest edit…' : '.'}
          </p>
          <div className="filters" role="group" aria-label="Filter the rows">
            <div className="field">
              <label htmlFor="table-outcome">Outcome</label>
              <select
                id="table-outcome"
                value={filter.outcome ?? ''}
                onChange={(e) => setFilter((f) => ({ ...f, outcome: (e.target.value || null) as Outcome | null }))}
              >
                <option value="">Every outcome</option>
                {OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {OUTCOME_LABEL[o]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="table-provision">Deciding provision</label>
              <select
                id="table-provision"
                value={filter.provision ?? ''}
                onChange={(e) => setFilter((f) => ({ ...f, provision: e.target.value || null }))}
              >
                <option value="">Every provision</option>
                {choices.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label} ({count(c.rows)} row{c.rows === 1 ? '' : 's'})
                  </option>
                ))}
              </select>
            </div>
          </div>
          <DecisionGrid
            table={table}
            provisions={done.provisions}
            rows={shown}
            selected={selected}
            onSelect={setSelected}
            onShowProvision={onShowProvision}
          />
          {row ? (
            <RowDetails
              table={table}
              row={row}
              index={selected!}
              provisions={done.provisions}
              onShowProvision={onShowProvision}
              onClose={() => setSelected(null)}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function outcomeWords(r: DecisionTableRow): string {
  // A discretionary finding sends the case to review, unless ICE asked for less than that.
  const given = r.byDiscretion ? 'review' : r.allowed;
  if (given !== r.outcome) return `${OUTCOME_LABEL[r.outcome]} (the provision gives ${given}; ICE asked for less)`;
  return r.byDiscretion ? `${OUTCOME_LABEL[r.outcome]} (a person's finding decides)` : OUTCOME_LABEL[r.outcome];
}

function DecisionGrid({
  table,
  provisions,
  rows,
  selected,
  onSelect,
  onShowProvision,
}: {
  table: DecisionTable;
  provisions: ProvisionHeads;
  /** Indices into table.rows, as filtered. */
  rows: number[];
  selected: number | null;
  onSelect: (row: number) => void;
  onShowProvision: (id: string) => void;
}) {
  const [scrollTop, setScrollTop] = useState(0);
  const [active, setActive] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);
  const id = useId();
  useEffect(() => setActive((a) => Math.min(a, Math.max(0, rows.length - 1))), [rows]);

  const hasHold = useMemo(() => table.rows.some((r) => r.maxHold), [table]);
  // The grid's width, measured: the pinned columns narrow in a narrow pane (see gridWidths).
  const [pane, setPane] = useState(0);
  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setPane(el.clientWidth));
    observer.observe(el);
    setPane(el.clientWidth);
    return () => observer.disconnect();
  }, []);
  const w = gridWidths(pane);
  // The outcome and its provision come first and stay in view while the facts scroll sideways: the
  // pane is narrower than a table of twenty facts.
  const widths = [w.outcome, w.provision, ...(hasHold ? [HOLD_WIDTH] : []), ...table.columns.map(() => w.fact), COMBINATIONS_WIDTH];
  const template = widths.map((w) => `${w}px`).join(' ');
  const width = widths.reduce((a, b) => a + b, 0);
  const bodyHeight = GRID_HEIGHT - HEADER_HEIGHT;

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + bodyHeight) / ROW_HEIGHT) + OVERSCAN);

  const move = (r: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, r));
    setActive(next);
    const el = scroller.current;
    if (!el) return;
    const top = next * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + bodyHeight) el.scrollTop = top + ROW_HEIGHT - bodyHeight;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(bodyHeight / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      Enter: () => rows.length && onSelect(rows[active]!),
      ' ': () => rows.length && onSelect(rows[active]!),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  const colCount = widths.length;
  return (
    <div className="decision-table">
      <div
        role="grid"
        aria-label="Decision table rows"
        aria-rowcount={rows.length + 1}
        aria-colcount={colCount}
        aria-activedescendant={rows.length ? `${id}-row-${active}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        className="grid dt-grid"
        ref={scroller}
        style={{ height: GRID_HEIGHT }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <div role="row" aria-rowindex={1} className="row header" style={{ gridTemplateColumns: template, width, height: HEADER_HEIGHT }}>
          <div role="columnheader" className="cell pin" style={{ left: 0 }}>
            Outcome
          </div>
          <div role="columnheader" className="cell pin pin-last" style={{ left: w.outcome }}>
            Decided by
          </div>
          {hasHold ? (
            <div role="columnheader" className="cell">
              Maximum hold
            </div>
          ) : null}
          {table.columns.map((c) => (
            <div key={c.key} role="columnheader" className="cell" title={c.reading}>
              <span className="clamp">{c.label}</span>
            </div>
          ))}
          <div role="columnheader" className="cell num" title="How many combinations of the facts the row stands for">
            Combinations
          </div>
        </div>
        <div role="rowgroup" className="rows" style={{ height: rows.length * ROW_HEIGHT, width }}>
          {Array.from({ length: Math.max(0, last - first) }, (_, k) => {
            const r = first + k;
            const index = rows[r]!;
            const row = table.rows[index]!;
            return (
              <div
                key={index}
                id={`${id}-row-${r}`}
                role="row"
                aria-rowindex={r + 2}
                aria-selected={selected === index}
                className={`row ${r === active ? 'active' : ''} ${selected === index ? 'selected' : ''}`}
                style={{ top: r * ROW_HEIGHT, height: ROW_HEIGHT, gridTemplateColumns: template, width }}
                onClick={() => {
                  setActive(r);
                  onSelect(index);
                }}
              >
                <div role="gridcell" className={`cell pin outcome-${row.outcome}`} style={{ left: 0 }} title={outcomeWords(row)}>
                  {OUTCOME_LABEL[row.outcome]}
                  {row.byDiscretion && row.outcome === 'review' ? ' (finding)' : ''}
                </div>
                <div role="gridcell" className="cell pin pin-last" style={{ left: w.outcome }}>
                  <button
                    type="button"
                    className="link"
                    tabIndex={-1}
                    title={`Show ${rowProvisionName(row, provisions)} in the editor`}
                    onClick={(e) => {
                      e.stopPropagation();
                      onShowProvision(row.provision);
                    }}
                  >
                    {rowProvisionName(row, provisions)}
                  </button>
                </div>
                {hasHold ? (
                  <div role="gridcell" className="cell">
                    {row.maxHold ? maxHoldWords(row.maxHold).replace(/,$/, '') : ''}
                  </div>
                ) : null}
                {table.columns.map((c) => {
                  const value = row.facts[c.key] ?? 'any';
                  return (
                    <div key={c.key} role="gridcell" className={`cell ${value === 'any' ? 'any' : ''}`} title={`${c.label}: ${value}`}>
                      {value}
                    </div>
                  );
                })}
                <div role="gridcell" className="cell num">
                  {count(row.combinations)}
                </div>
              </div>
            );
          })}
        </div>
      </div>
      <p className="table-foot" aria-live="polite">
        {count(rows.length)} of {count(table.rows.length)} rows shown. Arrow keys move; Enter shows a row’s facts in full; a provision opens
        it in the editor.
      </p>
    </div>
  );
}

function RowDetails({
  table,
  row,
  index,
  provisions,
  onShowProvision,
  onClose,
}: {
  table: DecisionTable;
  row: DecisionTableRow;
  index: number;
  provisions: ProvisionHeads;
  onShowProvision: (id: string) => void;
  onClose: () => void;
}) {
  const { fixed, open } = rowFacts(table.columns, row);
  return (
    <SidePanel
      label={`Row ${index + 1} of the decision table`}
      title={
        <>
          Row {index + 1}: <span className={`outcome-${row.outcome}`}>{outcomeWords(row)}</span>
        </>
      }
      openKey={index}
      onClose={onClose}
      closeLabel="Close the row"
    >
      <p>
        Decided by <strong>{rowProvisionName(row, provisions)}</strong>
        {row.maxHold ? <>, holding for at most {maxHoldWords(row.maxHold).replace(/,$/, '')}</> : null}.{' '}
        <button type="button" className="link" onClick={() => showingTheText(onShowProvision, onClose)(row.provision)}>
          Show {row.citation} in the editor
        </button>
      </p>
      <h3>When</h3>
      {fixed.length ? (
        <dl className="case-facts">
          {fixed.map(({ column, value }) => (
            <div key={column.key} className="fact-pair">
              <dt>{column.reading}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>Always: the outcome does not depend on any fact the draft reads.</p>
      )}
      {open.length ? <p className="muted">Whatever the rest: {open.map((c) => c.label).join('; ')}.</p> : null}
      <p className="muted">This row stands for {count(row.combinations)} combinations of the facts.</p>
      <details>
        <summary>An example booking case of this row</summary>
        {row.exampleReimbursementAgreement !== undefined ? (
          <p>With the reimbursement agreement {row.exampleReimbursementAgreement ? 'in force' : 'not in force'}.</p>
        ) : null}
        <CaseFacts c={row.example} />
      </details>
    </SidePanel>
  );
}
