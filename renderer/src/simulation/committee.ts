// The simulation in a council committee's words: the result in one plain sentence, the changed
// decisions each with the reason they changed (which provision, and the fact a person must supply),
// and how the hours of a hold that leaves out weekends and holidays add up on the clock. Plain
// functions over the engine's figures, tested in Node.

import type { ChangeGroup, Condition, Ordinance, Outcome, Provision } from '../../../engine/index';
import { dayOfWeek, daysFromCivil, formatDateTime, holdEnd, HolidayCalendar } from '../../../engine/vocabulary';
import { count, hours, money, moneyShort } from '../lib/format';

/** What an outcome does to the person, as the end of "would be …". */
export const OUTCOME_DONE: Record<Outcome, string> = {
  hold: 'held',
  notify: 'reported to ICE at release, without a hold',
  review: 'left to a person’s decision',
  decline: 'declined',
};

export interface HeadlineFigures {
  total: number;
  outcomes: Record<Outcome, number>;
  holdHours: number;
  cost: { total: number; reimbursed: number };
  /** The compared policy: "honoring every detainer", or a draft's title in quotes. */
  other?: { label: string; held: number; costDelta: number };
}

/**
 * "Under this draft the jail would have held 58 of 10,000 detainers instead of 8,401, saving $3.8M."
 * followed by what happens to the others.
 */
export function headline(f: HeadlineFigures): string {
  const held = `${count(f.outcomes.hold)} of ${count(f.total)} detainer${f.total === 1 ? '' : 's'}`;
  let first: string;
  if (f.other) {
    const against =
      f.other.held === f.outcomes.hold ? `, as many as ${f.other.label}` : ` instead of ${count(f.other.held)} ${f.other.label}`;
    const d = f.other.costDelta;
    const cost = d < 0 ? `, saving ${moneyShort(-d)}` : d > 0 ? `, at ${moneyShort(d)} more` : ', at the same cost';
    first = `Under this draft the jail would have held ${held}${against}${cost}.`;
  } else {
    first = `Under this draft the jail would have held ${held}, for ${hours(f.holdHours)} hours past release at a cost of ${moneyShort(f.cost.total)}.`;
  }
  const rest: string[] = [];
  if (f.outcomes.notify) rest.push(`report ${count(f.outcomes.notify)} to ICE at release without holding them`);
  if (f.outcomes.review) rest.push(`leave ${count(f.outcomes.review)} to a person’s decision`);
  rest.push(`decline ${f.outcomes.decline ? count(f.outcomes.decline) : 'none'}`);
  const second = `It would ${rest.length > 1 ? `${rest.slice(0, -1).join(', ')} and ${rest[rest.length - 1]}` : rest[0]}.`;
  const reimbursed = f.cost.reimbursed > 0 ? ` ICE would reimburse ${money(f.cost.reimbursed)} of the cost.` : '';
  return `${first} ${second}${reimbursed}`;
}

/** A provision as the reasons name it. */
export interface NamedProvision {
  id: string;
  citation: string;
  heading?: string;
}

function named(p: NamedProvision): string {
  return p.id === 'default' ? `the otherwise clause (${p.citation})` : `${p.citation}${p.heading ? ` (${p.heading})` : ''}`;
}

function provisionById(o: Ordinance | null, id: string): Provision | undefined {
  for (const s of o?.sections ?? []) for (const p of s.provisions ?? []) if (p.id === id) return p;
  return undefined;
}

/** The discretionary findings a condition asks of a person: "the officer finds that …". */
function findingsIn(c: Condition | undefined, out: string[] = []): string[] {
  if (!c || typeof c !== 'object') return out;
  const node = c as Record<string, unknown>;
  const d = node.discretion as { by?: string; finding?: string } | undefined;
  if (d?.finding) out.push(`${d.by ? `the ${d.by}` : 'a person'} finds that ${d.finding}`);
  for (const k of ['all', 'any'] as const) for (const child of (node[k] as Condition[] | undefined) ?? []) findingsIn(child, out);
  if (node.not) findingsIn(node.not as Condition, out);
  return out;
}

export interface ChangeReason {
  count: number;
  /** "4,837 would be left to a person’s decision instead of held" */
  change: string;
  /** Why: the provision that decides them now, the one that did, and the fact a person must supply. */
  because: string;
  example: number;
}

/** One changed-decision group of the engine in words. */
export function changeReason(
  g: ChangeGroup,
  mine: readonly NamedProvision[],
  theirs: readonly NamedProvision[],
  otherLabel: string,
  ordinance: Ordinance | null,
): ChangeReason {
  const p = mine[g.provision] ?? { id: '?', citation: '?' };
  const q = theirs[g.otherProvision] ?? { id: '?', citation: '?' };
  const change = `${count(g.count)} would be ${OUTCOME_DONE[g.outcome]} instead of ${OUTCOME_DONE[g.otherOutcome]}`;
  const under = q.id === 'default' ? `${otherLabel} decides them by its otherwise clause` : `${otherLabel} applies ${named(q)}`;
  let because: string;
  if (p.id === 'default') {
    const grounds = (ordinance?.sections ?? [])
      .flatMap((s) => s.provisions ?? [])
      .filter((x) => (x.type ?? 'detainer') === 'detainer' && x.outcome !== g.outcome)
      .map((x) => x.heading ?? x.id);
    because = `none of this draft’s grounds${grounds.length ? ` (${grounds.slice(0, 4).join('; ')}${grounds.length > 4 ? '; …' : ''})` : ''} applies to them, so its otherwise clause (${p.citation}) decides; ${under}.`;
  } else if (g.outcome === 'review') {
    const findings = findingsIn(provisionById(ordinance, p.id)?.when);
    const fact = findings.length ? `: it holds only if ${findings.join(' or ')}, a fact no record gives` : '';
    because = `${named(p)} leaves them to a person${fact}; ${under}.`;
  } else {
    because = `${named(p)} decides them; ${under}.`;
  }
  return { count: g.count, change, because, example: g.example };
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * How a hold that leaves out weekends and holidays adds up on the clock, for the longest such hold of
 * the draft, worked out by the engine for a person due for release on a Friday at 5 pm.
 */
export function weekendArithmetic(ordinance: Ordinance | null, holidays: 'us-federal' | 'none'): string | null {
  const holds = (ordinance?.sections ?? [])
    .flatMap((s) => s.provisions ?? [])
    .filter((p) => p.outcome === 'hold' && p.maxHold?.excludingWeekendsAndHolidays)
    .map((p) => p.maxHold!.hours);
  if (holds.length === 0) return null;
  const hoursHeld = Math.max(...holds);
  // Friday 1 June 2012, 5 pm: a plain week, no holiday near.
  const day = daysFromCivil(2012, 6, 1);
  const start = day * 1440 + 17 * 60;
  const end = holdEnd(start, hoursHeld, true, HolidayCalendar.fromSetting(holidays));
  const endDay = Math.floor(end / 1440);
  const clock = (end - start) / 60;
  const time = formatDateTime(end).slice(11);
  return (
    `A ${hoursHeld}-hour hold that leaves out Saturdays, Sundays${holidays === 'us-federal' ? ' and holidays' : ''} counts only the hours of working days: ` +
    `for a person due for release on a Friday at 17:00 it ends on ${WEEKDAYS[dayOfWeek(endDay)]} at ${time}, ` +
    `${hours(clock)} hours on the clock. The hours shown here are hours on the clock.`
  );
}
