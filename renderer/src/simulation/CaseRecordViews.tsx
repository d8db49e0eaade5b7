// The simulation's views of what a case file's records say and leave open: the facility and period picker,
// the decisions the records leave open (each outcome's range and the facts that make the
// difference), the figures by year, month and facility, and what the draft names that no case carries.

import { visibleText } from '../../../engine/text-safety';
import { useEffect, useState, type FormEvent } from 'react';
import {
  unknownLengthWhy,
  type CaseChoice,
  type FigureRow,
  type PathSegment,
  type QuickFix,
  type SimulationSummary,
  type VocabularyFinding,
} from '../../../engine/index';
import { OUTCOMES } from '../../../engine/vocabulary';
import { count, hours, share } from '../lib/format';
import { OUTCOME_LABEL } from './Charts';
import type { CasesLoaded } from './protocol';

/**
 * Chooses the cases simulated: one facility among those the file names (with their counts) and the
 * first and last day of the requests. Shown for files whose cases name a facility or are ICE's records.
 */
export function CaseChoicePicker({
  cases,
  onChoose,
  disabled,
}: {
  cases: CasesLoaded;
  onChoose: (choice: CaseChoice) => void;
  disabled?: boolean;
}) {
  const chosen = cases.choice;
  const [from, setFrom] = useState(chosen.from ?? '');
  const [to, setTo] = useState(chosen.to ?? '');
  useEffect(() => {
    setFrom(chosen.from ?? '');
    setTo(chosen.to ?? '');
  }, [chosen.from, chosen.to]);
  if (cases.facilities.length === 0 && cases.records !== 'ice-detainers') return null;
  const all = cases.facilities.reduce((n, f) => n + f.cases, 0);
  const period = cases.period;
  const apply = (e: FormEvent) => {
    e.preventDefault();
    onChoose({ ...chosen, from: from || null, to: to || null });
  };
  const periodChanged = from !== (chosen.from ?? '') || to !== (chosen.to ?? '');
  return (
    <form className="case-choice" aria-label="Cases simulated" onSubmit={apply}>
      {cases.facilities.length > 0 ? (
        <div className="field">
          <label htmlFor="facility">Facility</label>
          <select
            id="facility"
            value={chosen.facility ?? ''}
            disabled={disabled}
            onChange={(e) => onChoose({ ...chosen, facility: e.target.value || null })}
          >
            <option value="">All facilities ({count(all)} detainers)</option>
            {cases.facilities.map((f) => (
              <option key={f.name} value={f.name}>
                {visibleText(f.name)} ({count(f.cases)})
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {period ? (
        <fieldset className="period">
          <legend>Requests dated</legend>
          {(
            [
              ['from', from, setFrom],
              ['to', to, setTo],
            ] as const
          ).map(([label, value, set]) => (
            <label key={label}>
              {label}{' '}
              <input
                type="date"
                value={value}
                min={period.first}
                max={period.last}
                disabled={disabled}
                onChange={(e) => set(e.target.value)}
              />{' '}
            </label>
          ))}
          <button type="submit" disabled={disabled || !periodChanged}>
            Apply dates
          </button>
          {chosen.from || chosen.to ? (
            <button type="button" disabled={disabled} onClick={() => onChoose({ ...chosen, from: null, to: null })}>
              All dates
            </button>
          ) : null}
          <p className="muted">
            The file’s requests run from {period.first} to {period.last}.
          </p>
        </fieldset>
      ) : null}
    </form>
  );
}

/** What the records leave open: each outcome's range, the facts that make the difference, holds of unknown length. */
export function OpenDecisions({ summary }: { summary: SimulationSummary }) {
  const u = summary.unknowns;
  if (!u) return null;
  return (
    <section className="open-decisions" aria-labelledby="open-heading">
      <h3 id="open-heading">What the records leave open</h3>
      {u.undetermined ? (
        <>
          <p>
            <strong data-testid="undetermined">{count(u.undetermined)}</strong> of {count(summary.total)} decisions (
            {share(u.undetermined, summary.total)}) turn on facts these records don’t carry: they cannot be decided from these records. They
            are counted as undecided above, not guessed and not left to anyone; each outcome could be:
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">Outcome</th>
                <th scope="col" className="num">
                  At least
                </th>
                <th scope="col" className="num">
                  At most
                </th>
              </tr>
            </thead>
            <tbody>
              {OUTCOMES.map((o) => (
                <tr key={o} data-testid={`range-${o}`}>
                  <th scope="row" className={`outcome-${o}`}>
                    {OUTCOME_LABEL[o]}
                  </th>
                  <td className="num">{count(u.range[o].atLeast)}</td>
                  <td className="num">{count(u.range[o].atMost)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>What makes the difference (open decisions each fact could change):</p>
          <ul className="open-facts">
            {u.facts.map((f) => (
              <li key={f.fact}>
                {f.label}: {count(f.decisions)}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>The facts these records leave out don’t change any decision of this draft.</p>
      )}
      {u.holdsOfUnknownLength ? (
        <p className="notice warning">
          {count(u.holdsOfUnknownLength)} holds have no known end: {unknownLengthWhy(u)}, so they are not in the hours and cost above.
          Counted at their {u.holdsOfUnsettledLimit ? 'soonest end' : 'limit'} they come to at least {hours(u.holdHoursAtLeast)} hours.
        </p>
      ) : null}
    </section>
  );
}

function FigureTable({ caption, first, rows, open }: { caption: string; first: string; rows: readonly FigureRow[]; open: boolean }) {
  // A column for the requests after release only where some row has one.
  const late = rows.some((f) => f.afterRelease > 0);
  return (
    <table className="figures-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          <th scope="col" className="num">
            Detainers
          </th>
          <th scope="col" className="num">
            Held
          </th>
          <th scope="col" className="num">
            Notify only
          </th>
          <th scope="col" className="num">
            Review
          </th>
          <th scope="col" className="num">
            Decline
          </th>
          {open ? (
            <th scope="col" className="num">
              Undecided
            </th>
          ) : null}
          {late ? (
            <th scope="col" className="num">
              After release
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((f) => (
          <tr key={f.key}>
            <th scope="row">{visibleText(f.key)}</th>
            <td className="num">{count(f.total)}</td>
            <td className="num">
              {open && f.held.atMost !== f.held.atLeast ? `${count(f.held.atLeast)}–${count(f.held.atMost)}` : count(f.held.atLeast)}
            </td>
            {/* The requests that came in time; those after release have a column of their own, so a row adds up to its detainers. */}
            <td className="num">{count(f.inTime.outcomes.notify)}</td>
            {/* The engine counts an open decision under review: here review is a person's decisions only. */}
            <td className="num">{count(f.inTime.outcomes.review - f.inTime.undetermined)}</td>
            <td className="num">{count(f.inTime.outcomes.decline)}</td>
            {open ? <td className="num">{count(f.inTime.undetermined)}</td> : null}
            {late ? <td className="num">{count(f.afterRelease)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Decisions by year (and by month on request) of the request, and by facility when the set names several. */
export function FiguresByPeriod({
  byYear,
  byMonth,
  byFacility,
  open,
}: {
  byYear: readonly FigureRow[];
  byMonth: readonly FigureRow[];
  byFacility: readonly FigureRow[];
  open: boolean;
}) {
  return (
    <section className="figures" aria-labelledby="figures-heading">
      <h3 id="figures-heading">By year, month and facility</h3>
      <FigureTable caption="By year of the request" first="Year" rows={byYear} open={open} />
      <details>
        <summary>
          By month ({count(byMonth.length)} month{byMonth.length === 1 ? '' : 's'})
        </summary>
        <FigureTable caption="By month of the request" first="Month" rows={byMonth} open={open} />
      </details>
      {byFacility.length > 1 ? <FigureTable caption="By facility" first="Facility" rows={byFacility} open={open} /> : null}
    </section>
  );
}

/** What the draft names that no case of the set carries, with the set's own words as quick fixes. */
export function VocabularyWarnings({
  findings,
  onFix,
  onShow,
}: {
  findings: readonly VocabularyFinding[];
  onFix?: (fix: QuickFix) => void;
  onShow?: (path: PathSegment[]) => void;
}) {
  if (!findings.length) return null;
  return (
    <section className="vocabulary notice warning" aria-labelledby="vocabulary-heading">
      <h3 id="vocabulary-heading">The draft and this case set’s words</h3>
      <ul>
        {findings.map((f, i) => (
          <li key={i}>
            {f.message}
            {onShow ? (
              <>
                {' '}
                <button type="button" className="link" onClick={() => onShow(f.path)}>
                  Show in the draft
                </button>
              </>
            ) : null}
            {onFix
              ? f.fixes.map((fix) => (
                  <button key={fix.title} type="button" className="fix" onClick={() => onFix(fix)}>
                    {fix.title}
                  </button>
                ))
              : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
