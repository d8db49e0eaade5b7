// The simulation in a council committee's words: the result in one plain sentence, the changed
// decisions each with the reason they changed (which provision, and the fact a person must supply),
// and how the hours of a hold that leaves out weekends and holidays add up on the clock. Plain
// functions over the engine's figures, tested in Node.

import type { ChangeGroup, Condition, Ordinance, Outcome, OutcomeRange, Provision, SimulationSummary } from '../../../engine/index';
import {
  amountWords,
  baselineRuleWords,
  dayOfWeek,
  daysFromCivil,
  decidedByOneOfWords,
  sameUnder,
  dependsOnKeys,
  dependsOnLabel,
  difference,
  differenceWords,
  formatDateTime,
  holdEnd,
  HolidayCalendar,
  isBaselineRule,
  openFactsWords,
  otherwiseHoldOf,
  provisionName,
  rangeWords,
  summaryBounds,
  type Amount,
  type SummaryBounds,
} from '../../../engine/vocabulary';
import { count, hours, money, moneyShort } from '../lib/format';

/** What an outcome does to the person, as the end of "would be …". */
export const OUTCOME_DONE: Record<Outcome, string> = {
  hold: 'held',
  notify: 'reported to ICE at release, without a hold',
  review: 'left to a person’s decision',
  decline: 'declined',
};

/** The summaries a headline reads: this draft's, and the compared policy's with how to name it in a sentence. */
export interface HeadlineFigures {
  summary: SimulationSummary;
  /** The compared policy as the end of "the jail would have held 15 …": "if every detainer had been honored", or "under “Title”". */
  other?: { label: string; summary: SimulationSummary };
}

const joinAnd = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}` : (xs[0] ?? ''));

/** The cost of one policy beside another's, as the end of "would have held …": only what the figures show. */
function costAgainst(mine: Amount, other: Amount, why: string[]): string {
  const d = difference(mine, other);
  const because = why.length ? ` (${why.join('; ')})` : '';
  if (Number.isFinite(d.low) && Number.isFinite(d.high))
    return d.low < 0 ? `, saving ${moneyShort(-d.low)}` : d.low > 0 ? `, at ${moneyShort(d.low)} more` : ', at the same cost';
  // Only this side's cost is known exactly: the other's is a least, so the saving is too.
  if (Number.isFinite(d.high))
    return d.high < 0 ? `, saving at least ${moneyShort(-d.high)}${because}` : `; the difference in cost is not known${because}`;
  // Only the other side's is known: this side's is a least, so the saving is a most.
  if (Number.isFinite(d.low))
    return d.low < 0
      ? `, saving up to ${moneyShort(-d.low)}${because}`
      : d.low > 0
        ? `, at least ${moneyShort(d.low)} more${because}`
        : `, at no lower cost${because}`;
  return `; the difference in cost cannot be worked out from these records${because.replace(/^ \((.*)\)$/, ', as $1')}`;
}

/** Why a comparison's cost is not exact: no release times above all, else each side's reasons. */
function whyNotExact(mine: SummaryBounds, other: SummaryBounds, label: string): string[] {
  if (mine.unknownLength || other.unknownLength) return ['they give no release times'];
  return [...mine.why, ...other.why.map((w) => `${label}, ${w}`)];
}

/**
 * "Of these 10,000 detainers, the jail would have held 58 under this draft and 8,401 if every detainer
 * had been honored, saving $3.8M." followed by what happens to the others: what the draft holds, then
 * what the compared policy holds, each said for none, one or many. Every count a case's finding or a
 * missing fact leaves open is a range, every cost they leave open a least or a most, and the undecided
 * cases are named as such.
 */
export function headline(f: HeadlineFigures): string {
  const s = f.summary;
  const b = summaryBounds(s);
  const of = s.total === 1 ? 'Of the one detainer' : `Of these ${count(s.total)} detainers`;
  // "none", "8", "up to 8", "64 to 134"
  const some = (r: OutcomeRange) =>
    r.atLeast === r.atMost ? (r.atLeast ? count(r.atLeast) : 'none') : r.atLeast ? rangeWords(r, count) : `up to ${count(r.atMost)}`;
  // Held and reported are what is served: the bounds count no request that came after the release time.
  const h = b.range.hold;
  let first: string;
  if (f.other) {
    const ob = summaryBounds(f.other.summary);
    const oh = ob.range.hold;
    const cost = costAgainst(b.cost, ob.cost, whyNotExact(b, ob, f.other.label));
    const same = h.atLeast === h.atMost && oh.atLeast === oh.atMost && h.atLeast === oh.atLeast;
    first = !same
      ? `${of}, the jail would have held ${some(h)} under this draft and ${some(oh)} ${f.other.label}${cost}.`
      : h.atLeast === 0
        ? `${of}, the jail would have held none, under this draft or ${f.other.label}${cost}.`
        : `${of}, the jail would have held ${some(h)} under this draft, the same number as ${f.other.label}${cost}.`;
  } else {
    const because = b.why.length ? ` (${b.why.join('; ')})` : '';
    first = `${of}, the jail would have held ${some(h)} under this draft, for ${amountWords(b.holdHours, hours)} hours past release at a cost of ${amountWords(b.cost, moneyShort)}${because}.`;
  }
  const rest: string[] = [];
  const notify = b.range.notify;
  // Only where a notice could be given: by the engine's count of what each finding can come to when it
  // has one, else where the records could give one (a person's finding is then said apart).
  // (Of the requests that came in time, as the bounds count them.)
  const finalRange = s.inTime ? s.inTime.finalRange : s.finalRange;
  const unknownRange = s.inTime ? s.inTime.range : s.unknowns?.range;
  if (notify.atLeast || (finalRange ? notify.atMost : (unknownRange?.notify.atMost ?? 0)) > 0)
    rest.push(`report ${some(notify)} to ICE at release without holding ${notify.atMost === 1 ? 'the person' : 'them'}`);
  if (b.review) rest.push(`leave ${count(b.review)} to a person’s decision (${findingWords(b.review, b.findingsMayHold)})`);
  rest.push(`decline ${some(b.range.decline)}`);
  const parts = [first, `Under this draft it would ${joinAnd(rest)}.`];
  if (s.afterRelease) parts.push(afterReleaseHeadline(s, f.other));
  if (b.open)
    parts.push(
      `${count(b.open)} cannot be decided from these records: ${b.open === 1 ? 'it turns' : 'they turn'} on ${openFactsWords(s)}.`,
    );
  if (s.cost.reimbursed > 0)
    parts.push(`ICE would reimburse ${b.cost.exact ? money(s.cost.reimbursed) : `at least ${money(b.cost.atLeast)}`} of the cost.`);
  return parts.join(' ');
}

/**
 * The requests that came after the release time, for the headline: how many, and the holds and
 * notices the draft (and the compared policy) would give on them that are not served.
 */
function afterReleaseHeadline(s: SimulationSummary, other: HeadlineFigures['other']): string {
  const a = s.afterRelease!;
  // "hold 21 and report 6", "hold or report none"
  const one = a.cases === 1;
  const given = (x: SimulationSummary) => {
    const o = x.afterRelease?.outcomes;
    if (one) return o?.hold ? 'hold it' : o?.notify ? 'report it' : 'neither hold nor report it';
    const parts: string[] = [];
    if (o?.hold) parts.push(`hold ${count(o.hold)}`);
    if (o?.notify) parts.push(`report ${count(o.notify)}`);
    return parts.length ? `${joinAnd(parts)} of them` : 'hold or report none of them';
  };
  const them = one ? 'it' : 'them';
  return (
    `${one ? 'One request' : `${count(a.cases)} requests`} came after the person’s release time, so no one is held or reported on ${them}: ` +
    `the holds, reports, declines, hours and cost above count none of ${them} (this draft would ${given(s)}${other ? `, and ${given(other.summary)} ${other.label}` : ''}).`
  );
}

/** Whether the cases left to a person's finding could be held: "each may be held or not", "30 of them may be held". */
function findingWords(review: number, mayHold: number): string {
  if (mayHold >= review) return review === 1 ? 'it may be held or not' : 'each may be held or not';
  if (mayHold === 0) return review === 1 ? 'it cannot be held' : 'none of them can be held';
  return `${count(mayHold)} of them may be held`;
}

/** The summary's hours or cost beside the compared policy's, for the line under the figures: "−$500", "up to $500 less", "unknown". */
export function comparedAmount(mine: Amount, other: Amount, format: (x: number) => string): string {
  return differenceWords(mine, other, format);
}

/** A provision as the reasons name it. */
export interface NamedProvision {
  id: string;
  citation: string;
  heading?: string;
  outcome?: Outcome;
}

function named(p: NamedProvision): string {
  return p.id === 'default' ? `the otherwise clause (${p.citation})` : `${p.citation}${p.heading ? ` (${p.heading})` : ''}`;
}

/** The provisions (indexes into `list`) that may decide a settled outcome, as explain says them, each named as the reasons name it. */
function oneOfWords(list: readonly NamedProvision[], deciders: readonly number[]): string {
  const ps = deciders.map((k) => {
    const x = list[k] ?? { id: '?', citation: '?' };
    return { provision: x.id, citation: x.citation, words: named(x) };
  });
  return decidedByOneOfWords(ps, (x) => x.words);
}

/**
 * What an open group could come to, each outcome under the provisions that would give it, as the
 * reasons name them: "held under § 2(a) (Felony) or § 2(b) (Warrant), or declined under the otherwise clause (§ 2(c))".
 */
function undecidedList(list: readonly NamedProvision[], by: NonNullable<ChangeGroup['undecided']>): string {
  return sameUnder(
    by.map((x) => ({ outcome: x.outcome, under: x.provisions })),
    (k) => k,
  )
    .map((x) => {
      const ps = x.under.map((k) => list[k] ?? { id: '?', citation: '?' });
      // The baseline's rules are named as its own, not as sections of a draft.
      const under = ps.every(isBaselineRule)
        ? `by its own rule (${ps.map((p) => baselineRuleWords(p.citation)).join(' or ')})`
        : `under ${ps.length > 2 ? manyProvisions(list, x.under) : ps.map(named).join(' or ')}`;
      const done = x.outcomes.map((o) => OUTCOME_DONE[o]).join(' or ');
      return `${done}${done.includes(',') ? ',' : ''} ${under}`;
    })
    .join(', or ');
}

/**
 * Three or more provisions (indexes into `list`, in order), shortly: by citation alone, a run of three
 * or more that follow one another in the policy as "the 5 provisions from § 3(a)(1) to § 3(c)(1)" (each
 * provision between them is in it), the otherwise clause by name: "any of the 5 provisions from § 3(a)(1)
 * to § 3(c)(1), § 3(d)(2) or the otherwise clause (§ 3(e))".
 */
function manyProvisions(list: readonly NamedProvision[], indexes: readonly number[]): string {
  const cite = (k: number) => {
    const p = list[k] ?? { id: '?', citation: '?' };
    return p.id === 'default' ? named(p) : p.citation;
  };
  const parts: string[] = [];
  for (let j = 0; j < indexes.length;) {
    let end = j;
    // A run: each index one after the last, none of them the otherwise clause.
    while (end + 1 < indexes.length && indexes[end + 1] === indexes[end]! + 1 && list[indexes[end + 1]!]?.id !== 'default') end++;
    if (list[indexes[j]!]?.id === 'default') end = j;
    if (end - j >= 2) parts.push(`the ${end - j + 1} provisions from ${cite(indexes[j]!)} to ${cite(indexes[end]!)}`);
    else for (let k = j; k <= end; k++) parts.push(cite(indexes[k]!));
    j = end + 1;
  }
  return `any of ${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}` : parts[0]}`;
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
  /** "4,837 would be left to a person’s decision instead of held", "58 cannot be decided from these records, instead of being held" */
  change: string;
  /** Why: the provision that decides them now, the one that did, and the fact a person must supply or the records lack. */
  because: string;
  example: number;
}

/** The facts of a dependsOn mask in words: "a and b", "a, b and 2 more facts". */
function factsWords(mask: number): string {
  const labels = dependsOnKeys(mask).map((k) => dependsOnLabel(k));
  if (labels.length === 0) return 'facts these records do not carry';
  if (labels.length > 3) return `${labels.slice(0, 2).join(', ')} and ${labels.length - 2} more facts`;
  return joinAnd(labels);
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
  // A settled outcome the records leave open which provision gives: each that may, none as the one.
  const pWords = g.deciders ? oneOfWords(mine, g.deciders) : named(p);
  const n = count(g.count);
  // An open decision's outcome is review only as the engine's mark of "not settled": it is no one's decision.
  const change = g.holdEnds
    ? `${n} would be held until a different time than under ${otherLabel}`
    : g.open
      ? `${n} cannot be decided from these records, instead of being ${OUTCOME_DONE[g.otherOutcome]}`
      : g.otherOpen
        ? `${n} would be ${OUTCOME_DONE[g.outcome]}, where under ${otherLabel} the records cannot decide them`
        : `${n} would be ${OUTCOME_DONE[g.outcome]} instead of ${OUTCOME_DONE[g.otherOutcome]}`;
  const under = g.otherOpen
    ? `under ${otherLabel} they turn on a fact the records do not give${g.otherUndecided ? ` (they could be ${undecidedList(theirs, g.otherUndecided)})` : ''}`
    : g.otherDeciders
      ? `${otherLabel} applies ${oneOfWords(theirs, g.otherDeciders)} (these records do not show which)`
      : isBaselineRule(q)
        ? `${otherLabel} decides them by its own rule (${baselineRuleWords(q.citation)})`
        : q.id === 'default'
          ? `${otherLabel} decides them by its otherwise clause`
          : `${otherLabel} applies ${named(q)}`;
  let because: string;
  if (g.holdEnds) {
    because = `${pWords}${g.deciders ? ' (these records do not show which)' : ''} holds them, and ${under}, but the two holds end at different times (their lengths, the days they leave out or the clock they are counted on differ); Explain gives each hold’s end, or, where the records give no release time, its limit after release.`;
  } else if (g.open && g.undecided) {
    // No provision decided them: each outcome they could have, under the provisions that would give it.
    because = `they turn on ${factsWords(g.dependsOn)}, which these records do not give: they could be ${undecidedList(mine, g.undecided)}; ${under}.`;
  } else if (g.open) {
    because = `whether ${named(p)} decides them turns on ${factsWords(g.dependsOn)}, which these records do not give; ${under}.`;
  } else if (g.deciders) {
    because = `${pWords} decides them: these records do not show which, and the outcome is the same either way; ${under}.`;
  } else if (p.id === 'default') {
    // The draft's detainer provisions that give another outcome, each by its name (never its id).
    const grounds = mine.filter((x) => x.id !== 'default' && x.outcome !== undefined && x.outcome !== g.outcome).map(provisionName);
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
  // The otherwise clause's hold too (its otherwiseMaxHold, or the federal maximum, which leaves them out).
  if (ordinance?.otherwise === 'hold' && otherwiseHoldOf(ordinance).excludingWeekendsAndHolidays)
    holds.push(otherwiseHoldOf(ordinance).hours);
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
