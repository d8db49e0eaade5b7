// Comparison of the draft with another draft or with honoring every detainer: how many decisions
// change and which way, what it does to hold hours and cost, and the changed cases themselves.

import { visibleText } from '../../../engine/text-safety';
import { useEffect, useMemo, useState } from 'react';
import {
  afterReleaseMatrixWords,
  comparedAfterReleaseWords,
  comparedDecisions,
  BASELINE_HEADING,
  BASELINE_NAME,
  BASELINE_TITLE_HEADING,
  holdEndsMayDifferSentence,
  mayDifferWords,
  OUTCOMES,
  summaryBounds,
} from '../../../engine/vocabulary';
import { emit } from '../lib/app-events';
import { otherDraftLabel, type ThisDraft } from '../lib/draft-names';
import { count, hours, money, signed } from '../lib/format';
import { comparedAmount } from './committee';
import { CaseTable } from './CaseTable';
import { OUTCOME_LABEL, OutcomeChart } from './Charts';
import { Explanation } from './Explanation';
import { NO_FILTER } from './case-rows';
import type { CaseExplained } from './protocol';
import { SimulationControls, type CaseSetChoice } from './SimulationView';
import type { Simulation } from './use-simulation';

export interface DraftChoice {
  id: string;
  label: string;
}

interface Props {
  sim: Simulation;
  caseSets: CaseSetChoice[];
  onChooseCaseSet: (id: string) => void;
  onOpenCaseFile: () => void;
  drafts: DraftChoice[];
  /** A sample draft ("sample:…"), or "baseline" (honoring every detainer) or "none". */
  onChooseDraft: (id: string) => void;
  onOpenDraftFile: () => void;
  compareError: string | null;
  onShowProvision: (id: string) => void;
  /** This draft's title and version: a draft compared with that has the same is named by its file. */
  draft: ThisDraft;
  /** Why the draft compared is not the text in the editor (it has errors), as the Simulation tab says it. */
  blocked: string | null;
}

const CHANGED_ONLY = { ...NO_FILTER, changedOnly: true };

export function CompareView(props: Props) {
  const { sim } = props;
  const { state } = sim;
  const r = state.result;
  const c = r?.comparison ?? null;
  const [explained, setExplained] = useState<CaseExplained | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const target = state.compare;
  const otherLabel =
    target.kind === 'baseline' ? BASELINE_NAME : target.kind === 'draft' ? visibleText(otherDraftLabel(target, props.draft)) : 'nothing';
  const otherShort = target.kind === 'baseline' ? BASELINE_HEADING : 'Other draft';

  const mine = useMemo(() => (r ? summaryBounds(r.summary) : null), [r]);
  const theirs = useMemo(() => (c ? summaryBounds(c.otherSummary) : null), [c]);
  // The engine counts a decision the records cannot settle under review: the matrix says so.
  const reviewLabel = r?.summary.unknowns || c?.otherSummary.unknowns ? 'Review or undecided' : OUTCOME_LABEL.review;
  const label = (o: (typeof OUTCOMES)[number]) => (o === 'review' ? reviewLabel : OUTCOME_LABEL[o]);

  useEffect(() => {
    if (c) emit('comparison-rendered', { changed: c.changed, other: c.other.title });
  }, [c]);

  const choose = (value: string) => {
    if (value === 'file') props.onOpenDraftFile();
    else if (value && !value.startsWith('current:')) props.onChooseDraft(value);
  };

  return (
    <div className="compare" role="region" aria-label="Comparison">
      <SimulationControls
        sim={sim}
        caseSets={props.caseSets}
        onChooseCaseSet={props.onChooseCaseSet}
        onOpenCaseFile={props.onOpenCaseFile}
      />
      <div className="field compare-target">
        <label htmlFor="compare-with">Compare this draft with</label>
        <select
          id="compare-with"
          value={target.kind === 'draft' ? `current:${target.name}` : target.kind}
          onChange={(e) => choose(e.target.value)}
        >
          <option value="baseline">{BASELINE_TITLE_HEADING}</option>
          <option value="none">Nothing (no comparison)</option>
          {target.kind === 'draft' ? <option value={`current:${target.name}`}>{otherLabel}</option> : null}
          {props.drafts.map((d) => (
            <option key={d.id} value={d.id}>
              {visibleText(d.label)}
            </option>
          ))}
          <option value="file">Another draft from a file…</option>
        </select>
      </div>
      {props.blocked ? (
        <p className="notice warning" role="status">
          {props.blocked}
        </p>
      ) : null}
      {props.compareError ? (
        <p className="notice error" role="alert">
          {visibleText(props.compareError)}
        </p>
      ) : null}
      {!state.cases ? <p className="muted">Choose a case set to compare the two policies on.</p> : null}
      {r && c && mine && theirs ? (
        <>
          <p className="compare-line">
            Of {count(comparedDecisions(r.summary.total, c))} cases{c.afterRelease ? ' whose request came in time' : ''},{' '}
            <strong>{count(c.changed)}</strong> are decided differently under this draft than under {otherLabel}
            {c.holdEndsDiffer
              ? ` (${count(c.holdEndsDiffer)} of them held under both, the holds ending at different times${c.holdEndsDifferByLimit ? `, ${count(c.holdEndsDifferByLimit)} of those by their limits from a release time the records lack` : ''}: counted in the hold row and column below)`
              : ''}
            {mayDifferWords(c)}
            {c.afterRelease ? `; ${comparedAfterReleaseWords(c)}` : ''}.{c.holdEndsMayDiffer ? ` ${holdEndsMayDifferSentence(c)}` : ''} Hold
            hours {comparedAmount(mine.holdHours, theirs.holdHours, hours)}; cost {comparedAmount(mine.cost, theirs.cost, money)}.
            {mine.why.length || theirs.why.length
              ? ` Hours and cost are known only as a lower bound: ${[...mine.why, ...theirs.why.map((w) => `under ${otherLabel}, ${w}`)].join('; ')}.`
              : ''}
          </p>
          <div className="charts">
            <OutcomeChart
              outcomes={r.summary.inTime?.outcomes ?? r.summary.outcomes}
              total={r.summary.total}
              open={mine.open}
              afterRelease={mine.afterRelease}
              other={c.otherSummary.inTime?.outcomes ?? c.otherSummary.outcomes}
              otherOpen={theirs.open}
              otherLabel={otherLabel}
            />
          </div>
          <table className="matrix">
            <caption>Cases by outcome: this draft (rows) against {otherLabel} (columns)</caption>
            <thead>
              <tr>
                <th scope="col">This draft</th>
                {OUTCOMES.map((o) => (
                  <th key={o} scope="col" className="num">
                    {label(o)}
                  </th>
                ))}
                <th scope="col" className="num">
                  Change in count
                </th>
              </tr>
            </thead>
            <tbody>
              {OUTCOMES.map((a) => (
                <tr key={a}>
                  <th scope="row">{label(a)}</th>
                  {OUTCOMES.map((b) => (
                    <td key={b} className={`num ${a === b ? 'same' : c.matrix[a][b] ? 'changed' : ''}`}>
                      {count(c.matrix[a][b])}
                    </td>
                  ))}
                  <td className="num">{signed(c.delta.outcomes[a])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {r.summary.afterRelease ? (
            <p className="muted" data-testid="matrix-after-release">
              {afterReleaseMatrixWords(r.summary)}
            </p>
          ) : null}
          <section aria-labelledby="changed-heading">
            <h3 id="changed-heading">Changed cases</h3>
            {c.changed + c.mayDiffer === 0 ? (
              <p className="muted">
                {c.afterRelease
                  ? 'No case whose request came in time is decided differently (requests after release are counted apart, above).'
                  : 'No case is decided differently.'}
              </p>
            ) : (
              <div className="cases-and-explanation">
                <CaseTable
                  label="Cases decided differently"
                  columns={state.cases!.columns}
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
                  filter={CHANGED_ONLY}
                  selected={selected}
                  onSelect={(i) => {
                    setSelected(i);
                    void sim.explain(i).then(setExplained);
                  }}
                />
                {explained ? (
                  <Explanation
                    explained={explained}
                    otherLabel={otherLabel}
                    onClose={() => setExplained(null)}
                    onShowProvision={props.onShowProvision}
                    provisions={[...r.provisions, r.otherwise]}
                    otherProvisions={r.otherOtherwise ? [...r.otherProvisions, r.otherOtherwise] : []}
                  />
                ) : null}
              </div>
            )}
          </section>
        </>
      ) : r && state.compare.kind === 'none' ? (
        <p className="muted">Choose what to compare with.</p>
      ) : null}
    </div>
  );
}
