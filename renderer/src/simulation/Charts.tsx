// Charts of a simulation as inline SVG (no chart library, nothing fetched): outcomes, hold hours by
// provision, cost. Each carries a text summary for screen readers and prints its numbers.

import { amountWords, OUTCOMES, type Outcome, type SummaryBounds } from '../../../engine/vocabulary';
import { useLayoutEffect, useRef } from 'react';
import { count, hours, money, share } from '../lib/format';

/** Characters of a bar's label that fit left of the bars; longer ones end in "…" (the whole label is the title). */
const LABEL_CHARS = 30;

/** A bar's label as drawn: its short form where it has one and the label would be cut, cut to LABEL_CHARS either way. */
function drawnLabel(b: Bar): string {
  const words = b.label.length > LABEL_CHARS && b.short ? b.short : b.label;
  return words.length > LABEL_CHARS ? `${words.slice(0, LABEL_CHARS - 1).trimEnd()}…` : words;
}

export const OUTCOME_LABEL: Record<Outcome, string> = { hold: 'Hold', notify: 'Notify only', review: 'Review', decline: 'Decline' };

interface Bar {
  label: string;
  /** The words drawn left of the bar where the label is too long for that room ("§ 2(b) [no heading]"); the label is its title. */
  short?: string;
  value: number;
  /** Second value drawn under the first, for a comparison. */
  other?: number;
  className?: string;
  text: string;
  otherText?: string;
}

function BarChart({ bars, title, summary, otherLabel }: { bars: Bar[]; title: string; summary: string; otherLabel?: string }) {
  const max = Math.max(1, ...bars.map((b) => Math.max(b.value, b.other ?? 0)));
  const labelWidth = 190;
  const valueWidth = 170;
  const width = 620;
  const barArea = width - labelWidth - valueWidth;
  const hasOther = bars.some((b) => b.other !== undefined);
  const rowHeight = hasOther ? 34 : 24;
  const height = bars.length * rowHeight + 6;
  // A label of wide letters can be longer than the room left of the bars even cut to LABEL_CHARS: such a
  // label is drawn narrower to fit, rather than cut off at the chart's left edge.
  const svg = useRef<SVGSVGElement>(null);
  useLayoutEffect(() => {
    const room = labelWidth - 8;
    for (const label of svg.current?.querySelectorAll<SVGTextElement>('text.chart-label') ?? []) {
      label.removeAttribute('textLength');
      label.removeAttribute('lengthAdjust');
      if (label.getComputedTextLength() > room) {
        label.setAttribute('textLength', String(room));
        label.setAttribute('lengthAdjust', 'spacingAndGlyphs');
      }
    }
  }, [bars]);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg ref={svg} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}: ${summary}`} preserveAspectRatio="xMinYMin meet">
        {bars.map((b, i) => {
          const y = i * rowHeight + 3;
          const w = (b.value / max) * barArea;
          const ow = b.other !== undefined ? (b.other / max) * barArea : 0;
          return (
            <g key={b.label}>
              <text x={labelWidth - 8} y={y + 13} textAnchor="end" className="chart-label">
                <title>{b.label}</title>
                {drawnLabel(b)}
              </text>
              <rect
                x={labelWidth}
                y={y + 2}
                width={Math.max(w, b.value > 0 ? 2 : 0)}
                height={hasOther ? 14 : 16}
                className={`bar ${b.className ?? ''}`}
              />
              <text x={labelWidth + Math.max(w, 0) + 6} y={y + 14} className="chart-value">
                {b.text}
              </text>
              {b.other !== undefined ? (
                <>
                  <rect x={labelWidth} y={y + 18} width={Math.max(ow, b.other > 0 ? 2 : 0)} height={10} className="bar other" />
                  <text x={labelWidth + ow + 6} y={y + 27} className="chart-value other">
                    {b.otherText}
                  </text>
                </>
              ) : null}
            </g>
          );
        })}
      </svg>
      {hasOther && otherLabel ? (
        <div className="legend" aria-hidden="true">
          Upper bar: this draft. <span className="swatch other" /> Grey bar: {otherLabel}.
        </div>
      ) : null}
    </figure>
  );
}

/**
 * The bars of the outcome chart: a review that the records leave open is no person's decision, so it
 * has a bar of its own, as the requests that came after the release time have (no outcome is served on them).
 */
type Category = Outcome | 'open' | 'late';
const CATEGORY_LABEL: Record<Category, string> = { ...OUTCOME_LABEL, open: 'Undecided (records)', late: 'Request after release' };

export function OutcomeChart({
  outcomes,
  total,
  open = 0,
  afterRelease = 0,
  other,
  otherOpen = 0,
  otherLabel,
}: {
  /** The decisions on the requests that came in time (`SimulationSummary.inTime`, or every decision when none came after release). */
  outcomes: Record<Outcome, number>;
  total: number;
  /** Decisions the records cannot settle (the engine counts them under review). */
  open?: number;
  /** Requests that came after the release time, the same cases on both sides: a bar of their own. */
  afterRelease?: number;
  other?: Record<Outcome, number>;
  otherOpen?: number;
  otherLabel?: string;
}) {
  const categories: Category[] = [
    ...(open || otherOpen ? (['hold', 'notify', 'review', 'open', 'decline'] as const) : OUTCOMES),
    ...(afterRelease ? (['late'] as const) : []),
  ];
  const of = (o: Record<Outcome, number>, openCount: number, c: Category) =>
    c === 'late' ? afterRelease : c === 'open' ? openCount : c === 'review' ? o.review - openCount : o[c];
  const summary = categories
    .map((c) => `${CATEGORY_LABEL[c]} ${count(of(outcomes, open, c))} (${share(of(outcomes, open, c), total)})`)
    .join(', ');
  return (
    <BarChart
      title="Outcomes"
      summary={summary}
      otherLabel={otherLabel}
      bars={categories.map((c) => {
        const v = of(outcomes, open, c);
        const ov = other ? of(other, otherOpen, c) : undefined;
        return {
          label: CATEGORY_LABEL[c],
          value: v,
          other: ov,
          className: c === 'open' ? 'review' : c === 'late' ? 'after-release' : c,
          text: `${count(v)} (${share(v, total)})`,
          otherText: ov !== undefined ? `${count(ov)} (${share(ov, total)})` : undefined,
        };
      })}
    />
  );
}

export function HoldHoursChart({
  rows,
  unknownLength = 0,
  oneOfHours = 0,
}: {
  rows: Array<{ label: string; short?: string; hours: number }>;
  unknownLength?: number;
  /** Hours of holds the records leave to one of several provisions: a bar of their own, said in a note. */
  oneOfHours?: number;
}) {
  if (oneOfHours > 0) rows = [...rows, { label: ONE_OF_LABEL, hours: oneOfHours }];
  const shown = rows.filter((r) => r.hours > 0);
  if (shown.length === 0 && unknownLength > 0)
    return (
      <p className="muted">
        No hold hours to chart: the {count(unknownLength)} holds under this draft have no known end (the records give no release time).
      </p>
    );
  if (shown.length === 0) return <p className="muted">No one is held under this draft.</p>;
  const chart = (
    <BarChart
      title="Hold hours by provision"
      summary={shown.map((r) => `${r.label} ${hours(r.hours)} hours`).join(', ')}
      bars={shown.map((r) => ({ label: r.label, short: r.short, value: r.hours, className: 'hold', text: `${hours(r.hours)} h` }))}
    />
  );
  if (oneOfHours <= 0) return chart;
  return (
    <div>
      {chart}
      <p className="muted">
        {ONE_OF_LABEL}: holds the records leave to more than one provision, each of which would hold them as long; they are credited to none
        of them.
      </p>
    </div>
  );
}

const ONE_OF_LABEL = 'One of several provisions';

/** The cost of holds, each figure exact or, where holds are uncertain or of unknown length, as a lower bound. */
export function CostChart({ cost, otherCost, otherLabel }: { cost: SummaryBounds; otherCost?: SummaryBounds; otherLabel?: string }) {
  const bars: Bar[] = [
    {
      label: 'Cost of holds',
      value: cost.cost.atLeast,
      other: otherCost?.cost.atLeast,
      className: 'cost',
      text: amountWords(cost.cost, money),
      otherText: otherCost ? amountWords(otherCost.cost, money) : undefined,
    },
    {
      label: 'Not reimbursed',
      value: cost.unreimbursed.atLeast,
      other: otherCost?.unreimbursed.atLeast,
      className: 'cost-unreimbursed',
      text: amountWords(cost.unreimbursed, money),
      otherText: otherCost ? amountWords(otherCost.unreimbursed, money) : undefined,
    },
  ];
  return (
    <BarChart
      title="Cost"
      summary={`total ${amountWords(cost.cost, money)}, not reimbursed ${amountWords(cost.unreimbursed, money)}`}
      bars={bars}
      otherLabel={otherLabel}
    />
  );
}
