// The simulation as a council committee reads it: the result in one sentence, the figures with what
// "notify only" and a weekend hold's hours mean, why decisions differ from the compared policy
// (provision by provision, with the fact a person must supply), charts, coverage, and every case with
// its most serious conviction and charge, any one explained in a panel beside the table. Prints as it
// shows (Ctrl+P), without the controls.

import { useEffect, useMemo, useReducer, useState } from 'react';
import {
  amountWords,
  caseId,
  changedDecisionGroups,
  holdEndsDifferWords,
  holdEndsMayDifferSentence,
  mayDifferWords,
  OUTCOMES,
  pastRequestWords,
  afterReleaseWords,
  comparedAfterReleaseWords,
  comparedInTimeWords,
  afterReleaseCoverageWords,
  rangeWords,
  summaryBounds,
  coverageTotalsWords,
  decidedAs,
  DEFAULT_COST_PER_INMATE_DAY,
  provisionName,
  provisionShortName,
  provisionShortTitle,
  provisionTitle,
  readsAgreement,
  BASELINE_HEADING,
  BASELINE_NAME,
  BASELINE_TITLE,
  type Ordinance,
  type Outcome,
} from '../../../engine/vocabulary';
import { visibleText } from '../../../engine/text-safety';
import { emit } from '../lib/app-events';
import { count, hours, milliseconds, money, share } from '../lib/format';
import { CaseTable } from './CaseTable';
import { CostChart, HoldHoursChart, OUTCOME_LABEL, OutcomeChart } from './Charts';
import { changeReason, comparedAmount, headline, weekendArithmetic } from './committee';
import { Explanation } from './Explanation';
import { DecidingConvictions } from './deciding';
import { deciderCounts, NO_FILTER, outcomeFilterCounts, UNDECIDED_FILTER, type RowFilter } from './case-rows';
import type { CaseExplained, CaseSource } from './protocol';
import type { SimulationStatus } from './simulation-session';
import { CaseChoicePicker, FiguresByPeriod, OpenDecisions, VocabularyWarnings } from './CaseRecordViews';
import { rowItemSection, type ColumnProblem, type PathSegment, type QuickFix } from '../../../engine/index';
import type { Simulation } from './use-simulation';
import { LIVE_LIMIT, mappable } from './use-simulation';
import { ColumnMappingPanel, headerIssues } from './ColumnMappingPanel';
import { refusedHeaderText } from './mapping-panel-words';
import { unreachedWords } from './unreached';
import type { Host } from '../../../host/contract';

/** The loaded case set as the picker names it: how many cases, then which set. */
const loadedCaseSet = (c: { label: string; count: number }) => `${count(c.count)} case${c.count === 1 ? '' : 's'}: ${c.label}`;
const capitalized = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** What a provision's cases got, as the coverage table says it: "7 review", "3 held; may decide 71 undecided on these records". */
const GOT_WORDS: Record<Outcome, string> = { hold: 'held', notify: 'notify only', review: 'review', decline: 'declined' };

export interface CaseSetChoice {
  id: string;
  label: string;
}

interface Props {
  sim: Simulation;
  caseSets: CaseSetChoice[];
  onChooseCaseSet: (id: string) => void;
  onOpenCaseFile: () => void;
  draftVersion: number;
  /** Why the draft can't be simulated now (errors), if so. */
  blocked: string | null;
  onShowProvision: (id: string) => void;
  /** Applies a quick fix to the draft (the vocabulary check's: the case set's own words). */
  onFix?: (fix: QuickFix) => void;
  /** Shows a place in the draft. */
  onShowPath?: (path: PathSegment[]) => void;
  /** The draft simulated (its last version without errors), for the words of the reasons. */
  ordinance: Ordinance | null;
  /** For the Map columns panel's mapping files. */
  host: Host;
  /** Reads a case file with a column mapping (as Open a case file does); whether it was loaded. */
  onReadMapped: (source: CaseSource) => Promise<boolean>;
}

export function SimulationControls({
  sim,
  caseSets,
  onChooseCaseSet,
  onOpenCaseFile,
  onMapColumns,
  onMapRowItems,
  agreementRead = true,
  refusalSaid,
}: Pick<Props, 'sim' | 'caseSets' | 'onChooseCaseSet' | 'onOpenCaseFile'> & {
  /**
   * The refusal in other words than the import's: a header's, said briefly, the Map columns panel giving
   * each of its problems.
   */
  refusalSaid?: string;
  /**
   * Whether a provision of the drafts simulated turns on a written reimbursement agreement. Where none
   * does, the box is left out (it could change no decision), unless it is ticked: it is then shown with
   * that said, so the reimbursed cost it counts is never hidden.
   */
  agreementRead?: boolean;
  /** Opens the Map columns panel, where there is a CSV to map. */
  onMapColumns?: () => void;
  /** Opens it at the targets of each row ("Charge of each row"), for a file refused for ids repeated in runs. */
  onMapRowItems?: () => void;
}) {
  const { state } = sim;
  const running = state.status.kind === 'running';
  const [cost, setCost] = useState(String(state.scenario.costPerInmateDay));
  useEffect(() => setCost(String(state.scenario.costPerInmateDay)), [state.scenario.costPerInmateDay]);
  const commitCost = () => {
    const n = Number(cost);
    if (Number.isFinite(n) && n >= 0 && n !== state.scenario.costPerInmateDay)
      sim.update({ scenario: { ...state.scenario, costPerInmateDay: n } });
    else setCost(String(state.scenario.costPerInmateDay));
  };
  return (
    <div className="sim-controls" role="group" aria-label="Case set and scenario">
      <div className="field">
        <label htmlFor="case-set">Case set</label>
        <div className="inline">
          {/* The count first: where the pane is narrow (1024 px) the picker cuts its text at the end, and the
              file's name can spare its tail better than the count; the whole of it is in the tooltip. */}
          <select
            id="case-set"
            value=""
            title={state.cases ? loadedCaseSet(state.cases) : undefined}
            onChange={(e) => e.target.value && onChooseCaseSet(e.target.value)}
          >
            <option value="">{state.cases ? loadedCaseSet(state.cases) : 'Choose a case set…'}</option>
            {caseSets.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
          <button type="button" onClick={onOpenCaseFile}>
            Open a case file…
          </button>
          {onMapColumns ? (
            <button type="button" onClick={onMapColumns}>
              Map columns…
            </button>
          ) : null}
        </div>
      </div>
      {state.cases ? <CaseChoicePicker cases={state.cases} onChoose={(c) => void sim.chooseCases(c)} disabled={running} /> : null}
      {agreementRead || state.scenario.reimbursementAgreement ? (
        <div className="agreement">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={state.scenario.reimbursementAgreement}
              aria-describedby={agreementRead ? undefined : 'agreement-not-read'}
              onChange={(e) => sim.update({ scenario: { ...state.scenario, reimbursementAgreement: e.target.checked } })}
            />
            Written reimbursement agreement in force
          </label>
          {agreementRead ? null : (
            <p id="agreement-not-read" className="field-note">
              No provision of this draft turns on it: it changes no decision, only counts the cost of holds as reimbursed.
            </p>
          )}
        </div>
      ) : null}
      <div className="field field-number">
        <label htmlFor="cost-per-day">Cost per inmate-day ($)</label>
        <input
          id="cost-per-day"
          type="number"
          min={0}
          step={1}
          value={cost}
          onChange={(e) => setCost(e.target.value)}
          onBlur={commitCost}
          onKeyDown={(e) => e.key === 'Enter' && commitCost()}
          aria-describedby={state.scenario.costPerInmateDay === DEFAULT_COST_PER_INMATE_DAY ? 'cost-per-day-source' : undefined}
        />
        {/* The costs shown are this figure times the days held: say whose it is until the jail's own is put in. */}
        {state.scenario.costPerInmateDay === DEFAULT_COST_PER_INMATE_DAY ? (
          <span id="cost-per-day-source" className="field-help">
            Cook County’s figure (2011): put in your jail’s own
          </span>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="holidays">Holidays</label>
        <select
          id="holidays"
          value={state.scenario.holidays}
          onChange={(e) => sim.update({ scenario: { ...state.scenario, holidays: e.target.value === 'none' ? 'none' : 'us-federal' } })}
        >
          <option value="us-federal">U.S. federal holidays</option>
          <option value="none">None</option>
        </select>
      </div>
      <div className="run">
        {running ? (
          <button type="button" className="danger" onClick={sim.cancel}>
            Cancel
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => void sim.run()} disabled={!state.cases} aria-keyshortcuts="F5">
            Run simulation
          </button>
        )}
        <label className="checkbox" title={`Case sets up to ${count(LIVE_LIMIT)} cases can re-run on every change`}>
          <input
            type="checkbox"
            checked={state.live}
            disabled={!!state.cases && state.cases.count > LIVE_LIMIT}
            onChange={(e) => sim.update({ live: e.target.checked })}
          />
          Re-run as I type
        </label>
      </div>
      {state.status.kind === 'running' ? (
        <div className="progress">
          <progress
            max={Math.max(1, state.status.total)}
            value={state.status.done}
            aria-label="Simulation progress"
            aria-valuetext={`${share(state.status.done, Math.max(1, state.status.total))} done`}
          />
          <span>{share(state.status.done, Math.max(1, state.status.total))}</span>
        </div>
      ) : null}
      {state.status.kind === 'loading' ? (
        <p role="status">
          Reading {visibleText(state.status.name)}…
          {state.status.total ? (
            <>
              {' '}
              <progress max={state.status.total} value={state.status.done} aria-label={`Reading ${state.status.name}`} />{' '}
              {share(state.status.done ?? 0, state.status.total)}
            </>
          ) : null}
        </p>
      ) : null}
      {state.status.kind === 'error' ? (
        <div className="notice error" role="alert">
          <p style={{ whiteSpace: 'pre-line' }}>
            {visibleText(refusalSaid ? `${refusalSaid}${state.status.still ? `\n${state.status.still}` : ''}` : state.status.message)}
          </p>
          {onMapRowItems && state.status.mendRowItems ? <MapRowItemsButton onClick={onMapRowItems} /> : null}
        </div>
      ) : null}
    </div>
  );
}

export function SimulationView(props: Props) {
  const { sim, draftVersion, blocked, onShowProvision, onFix, onShowPath, ordinance } = props;
  const { state } = sim;
  const r = state.result;
  const [filter, setFilter] = useState<RowFilter>(NO_FILTER);
  const [explained, setExplained] = useState<CaseExplained | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [explainError, setExplainError] = useState<string | null>(null);

  // The Map columns panel: opened by a CSV refused (its header lacks the case columns...), or by its button.
  const source = sim.caseSource();
  const mapSource = mappable(state.refused) ? state.refused : mappable(source) ? source : null;
  const [mapping, setMapping] = useState(false);
  // Where the panel opens: at the targets of each row when asked from a refusal of ids repeated in runs.
  const [mapAt, setMapAt] = useState<'row-items' | undefined>(undefined);
  const openMapping = (at?: 'row-items') => {
    setMapAt(at);
    setMapping(true);
  };
  // What the refused file's header leaves wrong (none: it was refused for its rows, or is not a CSV):
  // the panel opens for it, and the refusal above says it briefly, the panel giving each problem.
  // (Its status kept: another error said after it, the refusal is no longer what the box shows.)
  const [refusedHeader, setRefusedHeader] = useState<{ source: CaseSource; status: SimulationStatus; problems: ColumnProblem[] } | null>(
    null,
  );
  useEffect(() => {
    const refused = state.refused;
    const status = state.status;
    setRefusedHeader(null);
    if (!mappable(refused)) return;
    let live = true;
    void headerIssues(refused).then((problems) => {
      if (!live || !problems.length) return;
      setRefusedHeader({ source: refused, status, problems });
      openMapping();
    });
    return () => {
      live = false;
    };
  }, [state.refused]);
  const readMapped = async (s: CaseSource) => {
    const loaded = await props.onReadMapped(s);
    if (loaded) setMapping(false);
    return loaded;
  };

  useEffect(() => {
    if (r) emit('simulation-rendered', { version: r.version, total: r.summary.total, outcomes: { ...r.summary.outcomes } });
  }, [r]);
  useEffect(() => setFilter(NO_FILTER), [state.cases]);

  // Which conviction decided each case in view: asked of the worker for the rows shown, per run.
  const [arrivals, decidingArrived] = useReducer((n: number) => n + 1, 0);
  const [decidingStore] = useState(() => new DecidingConvictions((indexes) => sim.decidingConvictions(indexes), decidingArrived));
  const run = r?.run ?? null;
  decidingStore.setRun(run);
  // A new object when answers arrive or the run changes, so the table shows them.
  const deciding = useMemo(
    () => ({ run, arrivals, of: (i: number) => decidingStore.of(i), want: (indexes: number[]) => decidingStore.want(indexes) }),
    [decidingStore, run, arrivals],
  );

  const allProvisions = useMemo(() => (r ? [...r.provisions, r.otherwise] : []), [r]);
  const otherProvisions = useMemo(() => (r?.otherOtherwise ? [...r.otherProvisions, r.otherOtherwise] : []), [r]);
  const provisionLabels = useMemo(() => allProvisions.map(provisionName), [allProvisions]);

  const otherLabel =
    state.compare.kind === 'baseline'
      ? BASELINE_NAME
      : state.compare.kind === 'draft'
        ? `${state.compare.title} (${state.compare.name})`
        : undefined;
  const otherInSentence =
    state.compare.kind === 'baseline'
      ? 'if every detainer had been honored'
      : state.compare.kind === 'draft'
        ? `under “${state.compare.title}”`
        : '';
  const otherShort = state.compare.kind === 'baseline' ? BASELINE_HEADING : 'Other draft';
  // Where the comparison is first named: the baseline with what it does, as the CLI names it.
  const otherTitle = state.compare.kind === 'baseline' ? BASELINE_TITLE : otherLabel;

  const reasons = useMemo(() => {
    if (!r?.otherCodes || !otherLabel) return [];
    const mine = r.open
      ? {
          possible: r.open.possible,
          dependsOn: r.open.dependsOn,
          ...(r.open.oneOf ? { oneOf: r.open.oneOf } : {}),
          ...(r.open.undecidedBy ? { undecidedBy: r.open.undecidedBy } : {}),
        }
      : {};
    const theirs = {
      ...(r.open?.otherPossible ? { possible: r.open.otherPossible } : {}),
      ...(r.open?.otherOneOf ? { oneOf: r.open.otherOneOf } : {}),
      ...(r.open?.otherUndecidedBy ? { undecidedBy: r.open.otherUndecidedBy } : {}),
    };
    // The requests after release are in no reason, as the comparison's count leaves them out.
    return changedDecisionGroups(r.codes, r.otherCodes, mine, theirs, r.holdEndsDiffer ?? undefined, r.afterReleaseCases ?? undefined).map(
      (g) => changeReason(g, allProvisions, otherProvisions, otherLabel, ordinance),
    );
  }, [r, allProvisions, otherProvisions, otherLabel, ordinance]);

  const open = async (index: number) => {
    setSelected(index);
    setExplainError(null);
    try {
      setExplained(await sim.explain(index));
    } catch (e) {
      setExplainError((e as Error).message);
    }
  };

  const stale = r !== null && state.resultVersion !== draftVersion;
  const sentence = r
    ? headline({
        summary: r.summary,
        other: r.comparison ? { label: otherInSentence, summary: r.comparison.otherSummary } : undefined,
      })
    : '';
  const bounds = useMemo(() => (r ? summaryBounds(r.summary) : null), [r]);
  const otherBounds = useMemo(() => (r?.comparison ? summaryBounds(r.comparison.otherSummary) : undefined), [r]);
  const filterCounts = useMemo(() => (r ? outcomeFilterCounts(r.codes, r.open?.possible) : null), [r]);
  // The cases each provision may decide besides those it surely decides: the Decided-by filter shows both, and says so.
  const mayDecide = useMemo(
    () =>
      r?.open && (r.open.oneOf || r.open.undecidedBy)
        ? deciderCounts(r.codes, { oneOf: r.open.oneOf, undecidedBy: r.open.undecidedBy }, r.provisions.length + 1)
        : null,
    [r],
  );
  const otherOpen = otherBounds?.open ?? 0;
  const weekends = weekendArithmetic(ordinance, state.scenario.holidays);

  return (
    <div className="simulation committee" role="region" aria-label="What this draft would do">
      <div className="no-print">
        <SimulationControls
          sim={sim}
          caseSets={props.caseSets}
          onChooseCaseSet={props.onChooseCaseSet}
          onOpenCaseFile={props.onOpenCaseFile}
          onMapColumns={mapSource ? () => openMapping() : undefined}
          onMapRowItems={mapSource ? () => openMapping('row-items') : undefined}
          refusalSaid={
            // Said briefly whenever the file's refusal is what the box shows, the panel open below or not.
            refusedHeader && mapSource === refusedHeader.source && state.status === refusedHeader.status
              ? refusedHeaderText(refusedHeader.source.name, refusedHeader.problems, mapping)
              : undefined
          }
          agreementRead={
            !ordinance || readsAgreement(ordinance) || (state.compare.kind === 'draft' && readsAgreement(state.compare.ordinance))
          }
        />
      </div>
      {mapping && mapSource ? (
        <ColumnMappingPanel
          source={mapSource}
          draft={state.mappingDraft}
          onDraft={sim.setMappingDraft}
          onRead={readMapped}
          onClose={() => setMapping(false)}
          host={props.host}
          busy={state.status.kind === 'loading' || state.status.kind === 'running'}
          at={mapAt}
        />
      ) : null}
      {blocked ? (
        <p className="notice warning" role="status">
          {blocked}
        </p>
      ) : null}
      {state.cases && state.cases.problemCount > 0 ? (
        <details className="notice warning">
          <summary>
            {count(state.cases.problemCount)} problem{state.cases.problemCount === 1 ? '' : 's'} in {state.cases.label}:{' '}
            {count(state.cases.total - state.cases.count)} record
            {state.cases.total - state.cases.count === 1 ? '' : 's'} left out
          </summary>
          <ul className="case-problems">
            {state.cases.problems.map((p, i) => (
              <li key={i}>{visibleText(p)}</li>
            ))}
          </ul>
          {mapSource && state.cases.mendRowItems ? <MapRowItemsButton onClick={() => openMapping('row-items')} /> : null}
        </details>
      ) : null}
      {state.cases?.warnings?.length ? (
        <ul className="notice warning case-warnings" data-testid="case-warnings">
          {state.cases.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      ) : null}
      {state.cases && state.cases.notes.length > 0 ? (
        <details className="notice">
          <summary>
            {state.cases.records === 'ice-detainers' ? 'ICE detainer records: ' : ''}
            {count(state.cases.notes.length)} note{state.cases.notes.length === 1 ? '' : 's'} on what the file leaves out
          </summary>
          <ul className="case-notes">
            {state.cases.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {!state.cases ? <p className="muted">Choose a case set to see what this draft would do.</p> : null}
      {r && state.cases ? (
        <>
          {stale ? (
            <p className="notice warning no-print" role="status">
              These results are for an earlier version of the draft.{' '}
              <button type="button" className="link" onClick={() => void sim.run()}>
                Run again
              </button>
            </p>
          ) : null}
          <h2 className="print-only">
            {ordinance?.title ?? 'This draft'}: what it would do to {count(r.summary.total)} booking cases from {state.cases.label}
          </h2>
          <p className="headline" data-testid="headline">
            {sentence}
          </p>
          {r.vocabulary.length ? (
            <p className="notice warning" data-testid="headline-reserve">
              Read these figures with the {r.vocabulary.length === 1 ? 'warning' : `${count(r.vocabulary.length)} warnings`} below on the
              draft and this case set’s words: the set may not carry every fact the draft tests.
            </p>
          ) : null}
          <section className="summary" aria-label="Summary">
            <div className="stat-row">
              <div className="stat">
                <span className="stat-value">{count(r.summary.total)}</span>
                <span className="stat-label">cases</span>
              </div>
              {OUTCOMES.map((o) => {
                // Review counts a person's decisions only: a case the records cannot settle has a figure of its own,
                // as a request after release has (the cards count the requests that came in time, and add up to the cases).
                const shown = o === 'review' ? bounds!.review : bounds!.range[o].atLeast;
                const range = o === 'review' ? null : bounds!.range[o];
                return (
                  <div key={o} className={`stat outcome-${o}`}>
                    <span className="stat-value" data-testid={`count-${o}`}>
                      {count(shown)}
                    </span>
                    <span className="stat-label">
                      {OUTCOME_LABEL[o]} ({share(shown, r.summary.total)})
                    </span>
                    {range && range.atMost !== range.atLeast ? (
                      <span className="stat-range stat-label" data-testid={`range-of-${o}`}>
                        certain; up to {count(range.atMost)}
                      </span>
                    ) : o === 'review' && shown > 0 ? (
                      <span className="stat-range stat-label">a person’s decision</span>
                    ) : null}
                  </div>
                );
              })}
              {bounds!.open ? (
                <div className="stat outcome-review">
                  <span className="stat-value" data-testid="count-open">
                    {count(bounds!.open)}
                  </span>
                  <span className="stat-label">Undecided ({share(bounds!.open, r.summary.total)})</span>
                  <span className="stat-range stat-label">the records lack a fact they turn on</span>
                </div>
              ) : null}
              {bounds!.afterRelease ? (
                <div className="stat outcome-after-release">
                  <span className="stat-value" data-testid="count-after-release">
                    {count(bounds!.afterRelease)}
                  </span>
                  <span className="stat-label">Request after release ({share(bounds!.afterRelease, r.summary.total)})</span>
                  <span className="stat-range stat-label">no one held or reported</span>
                </div>
              ) : null}
              <div className="stat">
                <span className="stat-value" data-testid="hold-hours">
                  {amountWords(bounds!.holdHours, hours)}
                </span>
                <span className="stat-label">hours held past release</span>
                {r.summary.unknowns?.holdsOfUnknownLength ? (
                  <span className="stat-range stat-label">
                    {count(r.summary.unknowns.holdsOfUnknownLength)} of unknown length counted at their{' '}
                    {r.summary.unknowns.holdsOfUnsettledLimit ? 'soonest end' : 'limit'}
                  </span>
                ) : null}
              </div>
              <div className="stat">
                <span className="stat-value" data-testid="hold-cost">
                  {amountWords(bounds!.cost, money)}
                </span>
                <span className="stat-label">
                  cost at {money(r.summary.cost.perInmateDay)}/day{r.summary.cost.reimbursed ? ', reimbursed' : ''}
                </span>
              </div>
            </div>
            {bounds!.why.length ? (
              <p className="muted" data-testid="why-not-exact">
                Hours and cost are known only as a lower bound: {bounds!.why.join('; ')}.
              </p>
            ) : null}
            <dl className="figure-notes">
              {bounds!.range.notify.atLeast > 0 ? (
                <>
                  <dt>Notify only</dt>
                  <dd>
                    The jail tells ICE when the person will be released and holds no one past that time: no hold hours or cost are counted{' '}
                    {bounds!.range.notify.atLeast === 1 ? 'for this one' : `for these ${count(bounds!.range.notify.atLeast)}`}.
                  </dd>
                </>
              ) : null}
              {bounds!.review > 0 ? (
                <>
                  <dt>Review</dt>
                  <dd>
                    The draft leaves these {count(bounds!.review)} cases to a person’s judgment (for example an officer’s finding of risk),
                    which no record can supply. The person may hold them or not: no hold is counted for them, so the holds, hours and cost
                    may be higher than the certain figures.
                  </dd>
                </>
              ) : null}
              {bounds!.open > 0 ? (
                <>
                  <dt>Undecided</dt>
                  <dd>
                    These {count(bounds!.open)} cases cannot be decided from these records: they turn on facts the records do not carry (see
                    “What the records leave open”). No one has decided them and they are not guessed: each outcome’s range counts them.
                  </dd>
                </>
              ) : null}
              {r.summary.afterRelease ? (
                <>
                  <dt>Request after release</dt>
                  <dd data-testid="after-release">{afterReleaseWords(r.summary)}</dd>
                </>
              ) : null}
              <dt>Hours held</dt>
              <dd>
                From the time each person would otherwise have been released to the end of the hold the provision allows, on the clock.{' '}
                {weekends ?? ''}
                {r.summary.pastRequest?.holds ? ` ${capitalized(pastRequestWords(r.summary))}` : ''}
              </dd>
            </dl>
            {r.comparison ? (
              <p className="compare-line">
                Compared with {otherTitle}: {count(r.comparison.changed)} decision{r.comparison.changed === 1 ? '' : 's'}
                {comparedInTimeWords(r.comparison)}
                {r.comparison.changed === 1 ? ' differs' : ' differ'}
                {r.comparison.holdEndsDiffer
                  ? ` (of them ${holdEndsDifferWords(r.comparison.holdEndsDiffer, r.comparison.holdEndsDifferByLimit)})`
                  : ''}
                {mayDifferWords(r.comparison)}
                {r.comparison.afterRelease ? `; ${comparedAfterReleaseWords(r.comparison)}` : ''}; held{' '}
                {rangeWords(bounds!.range.hold, count)} against {rangeWords(otherBounds!.range.hold, count)}; hold hours{' '}
                {comparedAmount(bounds!.holdHours, otherBounds!.holdHours, hours)}, cost{' '}
                {comparedAmount(bounds!.cost, otherBounds!.cost, money)}.
                {r.comparison.holdEndsMayDiffer ? ` ${holdEndsMayDifferSentence(r.comparison)}` : ''}
              </p>
            ) : null}
            <p className="muted timing no-print">Simulated in {milliseconds(r.ms)}.</p>
          </section>
          <VocabularyWarnings findings={r.vocabulary} onFix={onFix} onShow={onShowPath} />
          <OpenDecisions summary={r.summary} />
          <FiguresByPeriod
            byYear={r.breakdown.byYear}
            byMonth={r.breakdown.byMonth}
            byFacility={state.cases.choice.facility ? [] : r.breakdown.byFacility}
            open={r.summary.unknowns !== undefined}
          />
          {reasons.length ? (
            <section className="change-reasons" aria-labelledby="reasons-heading">
              <h3 id="reasons-heading">
                Why {count((r.comparison?.changed ?? 0) + (r.comparison?.mayDiffer ?? 0))} decisions differ
                {r.comparison?.mayDiffer ? ' or may differ' : ''} from {otherLabel}
                {r.comparison ? comparedInTimeWords(r.comparison) : ''}
              </h3>
              {r.comparison?.afterRelease ? (
                <p className="muted" data-testid="reasons-after-release">
                  {capitalized(comparedAfterReleaseWords(r.comparison))}.
                </p>
              ) : null}
              <ul>
                {reasons.map((x) => (
                  <li key={`${x.example}`}>
                    <strong>{x.change}</strong>: {x.because}{' '}
                    <button type="button" className="link no-print" onClick={() => void open(x.example)}>
                      Explain one of them (case {caseId(state.cases!.columns, x.example)})
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <div className="charts">
            <OutcomeChart
              outcomes={r.summary.inTime?.outcomes ?? r.summary.outcomes}
              total={r.summary.total}
              open={bounds!.open}
              afterRelease={bounds!.afterRelease}
              other={r.comparison ? (r.comparison.otherSummary.inTime?.outcomes ?? r.comparison.otherSummary.outcomes) : undefined}
              otherOpen={otherOpen}
              otherLabel={otherLabel}
            />
            <HoldHoursChart
              rows={r.holdHoursByProvision.map((h, i) => {
                const p = allProvisions[i]!;
                return { label: provisionName(p), short: provisionShortName(p), hours: h };
              })}
              oneOfHours={r.holdHoursOneOf}
              unknownLength={r.summary.unknowns?.holdsOfUnknownLength}
            />
            <CostChart cost={bounds!} otherCost={otherBounds} otherLabel={otherLabel} />
          </div>
          <section className="coverage" aria-labelledby="coverage-heading">
            <h3 id="coverage-heading">Coverage: which provision decided how many cases</h3>
            <p className="muted">
              A provision gives its outcome when it applies; its cases may get less: no more than ICE asked for, and a referral where it
              asks a person for a finding. A case the records leave undecided is decided by no provision: it is counted as “may decide”
              under each provision that may decide it.
            </p>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Section</th>
                    <th scope="col">Provision</th>
                    <th scope="col">The provision gives</th>
                    <th scope="col" className="num">
                      Cases decided
                    </th>
                    <th scope="col">What those cases got</th>
                  </tr>
                </thead>
                <tbody>
                  {r.coverage.provisions.map((p, i) => (
                    <tr key={p.id} className={p.decided === 0 && !p.mayDecide && !p.undetermined ? 'unreached' : ''}>
                      <td>{p.citation}</td>
                      <td>
                        <button
                          type="button"
                          className="link"
                          title={provisionTitle(r.provisions[i] ?? p)}
                          onClick={() => onShowProvision(p.id)}
                        >
                          {provisionShortTitle(r.provisions[i] ?? p)}
                        </button>{' '}
                        {p.decided === 0 && !p.mayDecide && !p.undetermined ? (
                          <span className="badge warning">no case reached it</span>
                        ) : null}
                      </td>
                      <td>{OUTCOME_LABEL[p.outcome]}</td>
                      <td className="num">
                        {count(p.decided)} ({share(p.decided, r.summary.total)})
                      </td>
                      <td>{decidedAs(p, GOT_WORDS, count)}</td>
                    </tr>
                  ))}
                  <tr>
                    <td>{r.coverage.otherwise.citation}</td>
                    <td>Otherwise</td>
                    <td>{OUTCOME_LABEL[r.coverage.otherwise.outcome]}</td>
                    <td className="num">
                      {count(r.coverage.otherwise.decided)} ({share(r.coverage.otherwise.decided, r.summary.total)})
                    </td>
                    <td>{decidedAs(r.coverage.otherwise, GOT_WORDS, count)}</td>
                  </tr>
                </tbody>
              </table>
            </div>
            {r.coverage.undecided ? <p data-testid="coverage-totals">{coverageTotalsWords(r.coverage, count)}</p> : null}
            {r.summary.afterRelease ? <p data-testid="coverage-after-release">{afterReleaseCoverageWords(r.summary)}</p> : null}
            {r.coverage.unreached.length ? (
              <p className="notice warning" data-testid="coverage-unreached">
                {unreachedWords(r.coverage.unreached, r.provisions, ordinance, state.scenario.reimbursementAgreement)}
              </p>
            ) : null}
          </section>
          <section className="cases" aria-labelledby="cases-heading">
            <h3 id="cases-heading">Cases</h3>
            <div className="filters" role="group" aria-label="Filter cases">
              <div className="field">
                <label htmlFor="filter-outcome">Outcome</label>
                <select
                  id="filter-outcome"
                  value={filter.outcome}
                  onChange={(e) => setFilter({ ...filter, outcome: Number(e.target.value) })}
                >
                  <option value={-1}>Any outcome ({count(r.codes.length)})</option>
                  {OUTCOMES.map((o, k) => (
                    <option key={o} value={k}>
                      {OUTCOME_LABEL[o]} ({count(filterCounts![k]!)})
                    </option>
                  ))}
                  {/* Kept while chosen, so the select never shows a choice it does not list. */}
                  {filterCounts![UNDECIDED_FILTER]! > 0 || filter.outcome === UNDECIDED_FILTER ? (
                    <option value={UNDECIDED_FILTER}>Undecided (records) ({count(filterCounts![UNDECIDED_FILTER]!)})</option>
                  ) : null}
                </select>
              </div>
              <div className="field">
                <label htmlFor="filter-provision">Decided by</label>
                <select
                  id="filter-provision"
                  value={filter.provision}
                  onChange={(e) => setFilter({ ...filter, provision: Number(e.target.value) })}
                >
                  <option value={-1}>Any provision</option>
                  {provisionLabels.map((l, k) => (
                    <option key={k} value={k}>
                      {l}
                      {mayDecide?.mayDecide[k]
                        ? ` (decides ${count(mayDecide.decides[k]!)}, may decide ${count(mayDecide.mayDecide[k]!)} more)`
                        : ''}
                    </option>
                  ))}
                </select>
              </div>
              {filter.provision >= 0 && mayDecide?.mayDecide[filter.provision] ? (
                <p className="filter-note" role="status">
                  {mayDecide.decides[filter.provision]
                    ? `Shows the ${count(mayDecide.decides[filter.provision]!)} cases ${provisionLabels[filter.provision]} decides and the ${count(mayDecide.mayDecide[filter.provision]!)} more it may decide`
                    : `Shows the ${count(mayDecide.mayDecide[filter.provision]!)} cases ${provisionLabels[filter.provision]} may decide (it surely decides none)`}
                  : these records do not show whether it applies to those, and Decided by names each provision that may.
                </p>
              ) : null}
              {r.otherCodes ? (
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={filter.changedOnly}
                    onChange={(e) => setFilter({ ...filter, changedOnly: e.target.checked })}
                  />
                  Only cases decided differently under {otherLabel}
                </label>
              ) : null}
              <div className="field">
                <label htmlFor="filter-id">Case id contains</label>
                <input
                  id="filter-id"
                  type="search"
                  value={filter.search}
                  onChange={(e) => setFilter({ ...filter, search: e.target.value })}
                />
              </div>
            </div>
            <div className="cases-and-explanation">
              <CaseTable
                label="Cases and their decisions"
                columns={state.cases.columns}
                codes={r.codes}
                otherCodes={r.otherCodes}
                provisions={r.provisions}
                otherwise={r.otherwise}
                otherProvisions={r.otherProvisions}
                otherOtherwise={r.otherOtherwise}
                otherLabel={otherShort}
                possible={r.open?.possible}
                otherPossible={r.open?.otherPossible}
                oneOf={r.open?.oneOf}
                otherOneOf={r.open?.otherOneOf}
                undecidedBy={r.open?.undecidedBy}
                otherUndecidedBy={r.open?.otherUndecidedBy}
                holdEndsDiffer={r.holdEndsDiffer ?? null}
                countedApart={r.afterReleaseCases ?? null}
                filter={filter}
                selected={selected}
                onSelect={(i) => void open(i)}
                deciding={deciding}
              />
              {explainError ? (
                <p className="notice error" role="alert">
                  {explainError}
                </p>
              ) : null}
              {explained ? (
                <Explanation
                  explained={explained}
                  otherLabel={otherLabel}
                  onClose={() => setExplained(null)}
                  onShowProvision={onShowProvision}
                  provisions={allProvisions}
                  otherProvisions={otherProvisions}
                />
              ) : null}
            </div>
          </section>
        </>
      ) : null}
    </div>
  );
}

/** The way from a refusal of ids repeated in runs (one row per charge) to the panel's targets of each row. */
function MapRowItemsButton({ onClick }: { onClick: () => void }) {
  return (
    <p>
      <button type="button" onClick={onClick}>
        Map columns: {rowItemSection('charge')}…
      </button>
    </p>
  );
}
