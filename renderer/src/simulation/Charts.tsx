// Charts of a simulation as inline SVG (no chart library, nothing fetched): outcomes, hold hours by
// provision, cost. Each carries a text summary for screen readers and prints its numbers.

import { OUTCOMES, type Outcome } from '../../../engine/vocabulary';
import { count, hours, money, share } from '../lib/format';

/** Characters of a bar's label that fit left of the bars; longer ones end in "…" (the whole label is the title). */
const LABEL_CHARS = 30;

export const OUTCOME_LABEL: Record<Outcome, string> = { hold: 'Hold', notify: 'Notify only', review: 'Review', decline: 'Decline' };

interface Bar {
  label: string;
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
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}: ${summary}`} preserveAspectRatio="xMinYMin meet">
        {bars.map((b, i) => {
          const y = i * rowHeight + 3;
          const w = (b.value / max) * barArea;
          const ow = b.other !== undefined ? (b.other / max) * barArea : 0;
          return (
            <g key={b.label}>
              <text x={labelWidth - 8} y={y + 13} textAnchor="end" className="chart-label">
                <title>{b.label}</title>
                {b.label.length > LABEL_CHARS ? `${b.label.slice(0, LABEL_CHARS - 1).trimEnd()}…` : b.label}
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

export function OutcomeChart({
  outcomes,
  total,
  other,
  otherLabel,
}: {
  outcomes: Record<Outcome, number>;
  total: number;
  other?: Record<Outcome, number>;
  otherLabel?: string;
}) {
  const summary = OUTCOMES.map((o) => `${OUTCOME_LABEL[o]} ${count(outcomes[o])} (${share(outcomes[o], total)})`).join(', ');
  return (
    <BarChart
      title="Outcomes"
      summary={summary}
      otherLabel={otherLabel}
      bars={OUTCOMES.map((o) => ({
        label: OUTCOME_LABEL[o],
        value: outcomes[o],
        other: other?.[o],
        className: o,
        text: `${count(outcomes[o])} (${share(outcomes[o], total)})`,
        otherText: other ? `${count(other[o])} (${share(other[o], total)})` : undefined,
      }))}
    />
  );
}

export function HoldHoursChart({ rows, unknownLength = 0 }: { rows: Array<{ label: string; hours: number }>; unknownLength?: number }) {
  const shown = rows.filter((r) => r.hours > 0);
  if (shown.length === 0 && unknownLength > 0)
    return (
      <p className="muted">
        No hold hours to chart: the {count(unknownLength)} holds under this draft have no known end (the records give no release time).
      </p>
    );
  if (shown.length === 0) return <p className="muted">No one is held under this draft.</p>;
  return (
    <BarChart
      title="Hold hours by provision"
      summary={shown.map((r) => `${r.label} ${hours(r.hours)} hours`).join(', ')}
      bars={shown.map((r) => ({ label: r.label, value: r.hours, className: 'hold', text: `${hours(r.hours)} h` }))}
    />
  );
}

export function CostChart({
  cost,
  otherCost,
  otherLabel,
}: {
  cost: { total: number; reimbursed: number; unreimbursed: number };
  otherCost?: { total: number; reimbursed: number; unreimbursed: number };
  otherLabel?: string;
}) {
  const bars: Bar[] = [
    {
      label: 'Cost of holds',
      value: cost.total,
      other: otherCost?.total,
      className: 'cost',
      text: money(cost.total),
      otherText: otherCost ? money(otherCost.total) : undefined,
    },
    {
      label: 'Not reimbursed',
      value: cost.unreimbursed,
      other: otherCost?.unreimbursed,
      className: 'cost-unreimbursed',
      text: money(cost.unreimbursed),
      otherText: otherCost ? money(otherCost.unreimbursed) : undefined,
    },
  ];
  return (
    <BarChart
      title="Cost"
      summary={`total ${money(cost.total)}, not reimbursed ${money(cost.unreimbursed)}`}
      bars={bars}
      otherLabel={otherLabel}
    />
  );
}
