// The table of cases and their decisions, virtualized (only the rows in view exist), sortable by
// column and filtered by the caller; arrow keys move, Enter explains the case. The decision's columns
// (outcome, deciding provision and conviction, the comparison) come right after the case, before its
// facts, so a pane as narrow as the app's at 1280 pixels shows them without scrolling sideways.

import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { caseId, decidedByOneOfWords, OUTCOMES, provisionName, provisionShortName } from '../../../engine/vocabulary';
import { count } from '../lib/format';
import { OUTCOME_LABEL } from './Charts';
import { convictionWords, isUndecided, longestIds, offenseWords, selectRows, type RowFilter, type SortKey } from './case-rows';
import { decidedByOneOfCell, decidingCell, undecidedCell } from './deciding';
import type { DecidersOneOf, UndecidedBy } from '../../../engine/index';
import type { CaseColumns, ProvisionRef, SettledDecidingConvictions } from './protocol';

const ROW_HEIGHT = 28;
const OVERSCAN = 8;
const HEADER_HEIGHT = 30;

export interface CaseTableProps {
  label: string;
  columns: CaseColumns;
  codes: Int32Array;
  otherCodes: Int32Array | null;
  provisions: ProvisionRef[];
  otherwise: ProvisionRef;
  otherProvisions: ProvisionRef[];
  otherOtherwise: ProvisionRef | null;
  otherLabel?: string;
  /** When the records leave facts unknown: the outcomes each case may get (bits); more than one and it is undecided. */
  possible?: Uint8Array | null;
  otherPossible?: Uint8Array | null;
  /**
   * Of the settled cases, those more than one provision may decide, with which (the simulation's):
   * their Decided-by cell names each from the start, never the first alone. The same for the compared policy.
   */
  oneOf?: DecidersOneOf | null;
  otherOneOf?: DecidersOneOf | null;
  /**
   * Of the undecided cases, the outcomes each could have and the provisions that would give each (the
   * simulation's): their Decided-by cell names those provisions, never the first that may apply alone.
   * The same for the compared policy.
   */
  undecidedBy?: UndecidedBy | null;
  otherUndecidedBy?: UndecidedBy | null;
  /** Per case, 1 where both hold and the holds end at different times. */
  holdEndsDiffer?: Uint8Array | null;
  /** The cases a comparison counts apart (ICE's request came after release): never among the changed cases. */
  countedApart?: Int32Array | null;
  filter: RowFilter;
  selected: number | null;
  onSelect: (caseIndex: number) => void;
  height?: number;
  /**
   * The conviction that decided each case, found for the rows in view: `of` what is known (undefined
   * while asked, null when it can't be known), `want` asks for the rows shown. Without it the column is left out.
   */
  deciding?: { of: (caseIndex: number) => SettledDecidingConvictions | null | undefined; want: (caseIndexes: number[]) => void };
}

const REQUEST_WORDS = ['nothing', 'hold', 'notice', 'hold + notice'];

/**
 * A decision the records cannot settle: its code says review, but no one has been asked to decide it.
 * The column is narrow: "Undecided" shows, the rest of the words are read out and in the tooltip.
 */
const UNDECIDED = (
  <>
    Undecided<span className="visually-hidden"> (records)</span>
  </>
);
const UNDECIDED_TITLE =
  'Undecided (records): these records cannot settle the decision; it turns on facts they do not carry. Explain shows which';

export function CaseTable(props: CaseTableProps) {
  const { columns, codes, otherCodes, provisions, otherwise, filter } = props;
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'id', descending: false });
  const [scrollTop, setScrollTop] = useState(0);
  const [active, setActive] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);
  const height = props.height ?? 320;

  const possible = props.possible ?? null;
  const endsDiffer = props.holdEndsDiffer ?? null;
  const oneOfSets = props.oneOf ?? null;
  const undecidedSets = props.undecidedBy ?? null;
  // Filtered and sorted by Decided by as its cells read: each provision that may decide a case, not the first alone.
  const deciders = useMemo(
    () => (oneOfSets || undecidedSets ? { oneOf: oneOfSets, undecidedBy: undecidedSets } : null),
    [oneOfSets, undecidedSets],
  );
  const countedApart = props.countedApart ?? null;
  const apart = useMemo(() => {
    if (!countedApart?.length) return null;
    const mask = new Uint8Array(codes.length);
    for (const i of countedApart) if (i < mask.length) mask[i] = 1;
    return mask;
  }, [countedApart, codes.length]);
  const rows = useMemo(
    () => selectRows(columns, codes, otherCodes, filter, sort, possible, endsDiffer, deciders, apart),
    [columns, codes, otherCodes, filter, sort, possible, endsDiffer, deciders, apart],
  );
  useEffect(() => setActive((a) => Math.min(a, Math.max(0, rows.length - 1))), [rows]);
  // The id column is as wide as the widest id, measured in the table's own font: an id is never cut.
  const [idWidth, setIdWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const grid = scroller.current;
    const context = grid ? document.createElement('canvas').getContext('2d') : null;
    if (!grid || !context) return;
    context.font = getComputedStyle(grid).font;
    const widest = Math.max(0, ...longestIds(columns).map((id) => context.measureText(id).width));
    // The cell's padding (8px a side) and a pixel or two for rounding.
    setIdWidth(Math.ceil(widest) + 20);
  }, [columns]);

  const refOf = (list: ProvisionRef[], last: ProvisionRef | null, index: number) => list[index] ?? last;
  // The provisions that may decide case i's settled outcome, where more than one may: none of them is the one.
  const oneOfAt = (sets: DecidersOneOf | null | undefined, list: ProvisionRef[], last: ProvisionRef | null, i: number) => {
    const k = sets ? sets.of[i]! : 0;
    if (!k) return undefined;
    return sets!.sets[k - 1]!.map((x) => {
      const q = refOf(list, last, x);
      return { provision: q?.id ?? '?', citation: q?.citation ?? '?' };
    });
  };
  // An undecided case's outcomes, each with the provisions that would give it: none decided it.
  const undecidedAt = (sets: UndecidedBy | null | undefined, list: ProvisionRef[], last: ProvisionRef | null, i: number) => {
    const k = sets ? sets.of[i]! : 0;
    if (!k) return undefined;
    return sets!.sets[k - 1]!.map((x) => ({
      outcome: OUTCOMES[x.outcome]!,
      under: x.provisions.map((j) => {
        const q = refOf(list, last, j);
        return { provision: q?.id ?? '?', citation: q?.citation ?? '?' };
      }),
    }));
  };
  // A provision of the compared policy as every face names it (its citation and heading, or what it does), never by id.
  const otherNamed = (x: { provision: string; citation: string }) => {
    const ref = x.provision === 'default' ? props.otherOtherwise : props.otherProvisions.find((q) => q.id === x.provision);
    return ref ? provisionName(ref) : x.citation;
  };
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);

  // The rows in view (and those just around them) ask which conviction decided them.
  const deciding = props.deciding;
  useEffect(() => {
    if (deciding) deciding.want(Array.from(rows.subarray(first, last)));
  }, [deciding, rows, first, last]);

  const scrollToRow = (r: number) => {
    const el = scroller.current;
    if (!el) return;
    // Row r's top within the scrolled content; the sticky header row covers the first ROW_HEIGHT.
    const top = r * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + height - HEADER_HEIGHT) el.scrollTop = top + ROW_HEIGHT - (height - HEADER_HEIGHT);
  };

  const move = (r: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, r));
    setActive(next);
    scrollToRow(next);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      Enter: () => rows.length && props.onSelect(rows[active]!),
      ' ': () => rows.length && props.onSelect(rows[active]!),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  const header = (key: SortKey, text: string) => {
    const on = sort.key === key;
    return (
      <div role="columnheader" className={`cell col-${key}`} aria-sort={on ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
        <button type="button" onClick={() => setSort({ key, descending: on ? !sort.descending : false })}>
          {text}
          {on ? (sort.descending ? ' ▼' : ' ▲') : ''}
        </button>
      </div>
    );
  };

  const tableId = useMemo(() => `cases-${Math.random().toString(36).slice(2, 8)}`, []);
  const activeCase = rows[active];

  return (
    <div className="case-table">
      <div
        role="grid"
        aria-label={props.label}
        aria-rowcount={rows.length + 1}
        aria-colcount={(otherCodes ? 8 : 7) + (deciding ? 1 : 0)}
        aria-activedescendant={activeCase !== undefined ? `${tableId}-row-${active}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        className={`grid ${otherCodes ? 'with-other' : ''} ${deciding ? 'with-deciding' : ''}`}
        ref={scroller}
        style={{ height, ...(idWidth ? ({ '--id-col': `${idWidth}px` } as CSSProperties) : {}) }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <div role="row" aria-rowindex={1} className="row header">
          {header('id', 'Case')}
          {header('outcome', 'Outcome')}
          {header('provision', 'Decided by')}
          {deciding ? (
            <div
              role="columnheader"
              className="cell col-deciding"
              title="The conviction that satisfied the conviction test of the provision that decided the case, with the year of conviction; — where that provision read no conviction (a warrant, the otherwise clause...): its tooltip says why; not settled where the records cannot settle the decision: nothing decided it."
            >
              Deciding conviction
            </div>
          ) : null}
          {otherCodes ? header('other', props.otherLabel ?? 'Compared') : null}
          {header('age', 'Age')}
          <div role="columnheader" className="cell col-requests">
            ICE asked for
          </div>
          <div
            role="columnheader"
            className="cell col-conviction"
            title={`The most serious prior conviction, by class then degree, and how many others there are: not necessarily the one that decided the case${deciding ? ' (Deciding conviction shows that one)' : ' (Explain shows which did)'}. A juvenile or youthful-offender adjudication is not a conviction.`}
          >
            Most serious conviction
          </div>
          <div role="columnheader" className="cell col-charge" title="The most serious pending charge">
            Charged with
          </div>
        </div>
        <div role="rowgroup" className="rows" style={{ height: rows.length * ROW_HEIGHT }}>
          {Array.from({ length: Math.max(0, last - first) }, (_, k) => {
            const r = first + k;
            const i = rows[r]!;
            const code = codes[i]!;
            const p = refOf(provisions, otherwise, code >> 2)!;
            const oc = otherCodes ? otherCodes[i]! : null;
            const op = oc !== null ? refOf(props.otherProvisions, props.otherOtherwise, oc >> 2) : null;
            const outcome = OUTCOMES[code & 3]!;
            const found = deciding?.of(i);
            const decider = deciding ? { ...decidingCell(found), open: Boolean(found?.undetermined) } : null;
            // Named from the simulation's lists when it has them, so no single provision shows before the worker answers.
            const mineOneOf = oneOfAt(props.oneOf, provisions, otherwise, i);
            const mineUndecided = undecidedAt(props.undecidedBy, provisions, otherwise, i);
            const oneOf = mineUndecided
              ? undecidedCell(mineUndecided)
              : decidedByOneOfCell(mineOneOf ? { decidedByOneOf: mineOneOf } : found);
            const otherOneOf = oc !== null ? oneOfAt(props.otherOneOf, props.otherProvisions, props.otherOtherwise, i) : undefined;
            const otherUndecided =
              oc !== null ? undecidedAt(props.otherUndecidedBy, props.otherProvisions, props.otherOtherwise, i) : undefined;
            const otherUndecidedCell = otherUndecided ? undecidedCell(otherUndecided) : null;
            return (
              <div
                key={r}
                id={`${tableId}-row-${r}`}
                role="row"
                aria-rowindex={r + 2}
                aria-selected={props.selected === i}
                className={`row ${r === active ? 'active' : ''} ${props.selected === i ? 'selected' : ''}`}
                style={{ top: r * ROW_HEIGHT, height: ROW_HEIGHT }}
                onClick={() => {
                  setActive(r);
                  props.onSelect(i);
                }}
              >
                <div role="gridcell" className="cell col-id" title={caseId(columns, i)}>
                  {caseId(columns, i)}
                </div>
                {isUndecided(props.possible, i) ? (
                  <div role="gridcell" className={`cell col-outcome outcome-${outcome}`} title={UNDECIDED_TITLE}>
                    {UNDECIDED}
                  </div>
                ) : (
                  <div role="gridcell" className={`cell col-outcome outcome-${outcome}`}>
                    {OUTCOME_LABEL[outcome]}
                  </div>
                )}
                {oneOf ? (
                  <div role="gridcell" className="cell col-provision one-of" title={oneOf.title}>
                    {oneOf.text}
                  </div>
                ) : (
                  <div role="gridcell" className="cell col-provision" title={provisionName(p)}>
                    {provisionShortName(p)}
                  </div>
                )}
                {decider ? (
                  <div
                    role="gridcell"
                    className={`cell col-deciding${decider.open ? ' open' : decider.text === '—' ? ' none' : ''}`}
                    title={decider.title}
                  >
                    {decider.text}
                  </div>
                ) : null}
                {oc !== null ? (
                  <div
                    role="gridcell"
                    className={`cell col-other outcome-${OUTCOMES[oc & 3]}`}
                    title={
                      isUndecided(props.otherPossible, i)
                        ? otherUndecidedCell
                          ? otherUndecidedCell.title
                          : UNDECIDED_TITLE
                        : otherOneOf
                          ? `Under ${decidedByOneOfWords(otherOneOf, otherNamed)}: these records do not show which`
                          : op
                            ? provisionName(op)
                            : undefined
                    }
                  >
                    {isUndecided(props.otherPossible, i) ? UNDECIDED : OUTCOME_LABEL[OUTCOMES[oc & 3]!]}
                    {endsDiffer?.[i] ? ', ending at another time' : ''}
                    {op && props.otherProvisions.length > 2
                      ? ` (${otherOneOf ? otherOneOf.map((x) => x.citation).join(' or ') : otherUndecidedCell ? otherUndecidedCell.text : op.citation})`
                      : ''}
                  </div>
                ) : null}
                <div role="gridcell" className="cell col-age">
                  {columns.ages[i]}
                </div>
                <div role="gridcell" className="cell col-requests">
                  {REQUEST_WORDS[columns.requests[i]!]}
                </div>
                <div role="gridcell" className="cell col-conviction">
                  {convictionWords(columns, i)}
                </div>
                <div role="gridcell" className="cell col-charge">
                  {offenseWords(columns.offenses, columns.chargeOffense[i]!, columns.chargeClass[i]!)}
                </div>
              </div>
            );
          })}
        </div>
      </div>
      <p className="table-foot" aria-live="polite">
        {count(rows.length)} of {count(codes.length)} cases shown. Use the arrow keys and Enter to explain a case.
      </p>
    </div>
  );
}
