// What a simulation's summary lets a reader say for certain. Two kinds of case are not decided by
// the figures: a case the records cannot decide (it turns on a fact they do not carry: "open") and
// a case the policy leaves to a person's finding ("review"), which the person may hold or not. Each
// outcome is then a range, and the hours and cost of holds are known exactly only when every hold is
// certain and its end is known; otherwise they are known as lower bounds. Every face (the app, the command
// line, the impact report) says its figures through these, so none prints a lower bound as a fact.

import { OUTCOMES, type Outcome } from './model';
import type {
  ChangedCase,
  ComparedAfterRelease,
  Coverage,
  HoldLimit,
  OutcomeRange,
  SimulationSummary,
  UnknownFactsSummary,
} from './simulate';

/** A figure known exactly, or only as its least. */
export interface Amount {
  atLeast: number;
  exact: boolean;
}

export interface SummaryBounds {
  total: number;
  /**
   * Cases whose request came after the release time (`SimulationSummary.afterRelease`): no one is held,
   * reported or declined on them, so they are in none of the counts below (`open`, `review`, `range`),
   * which count the requests that came in time. The certain counts and this add up to `total`.
   */
  afterRelease: number;
  /** Decisions the records cannot settle (they turn on facts the records do not carry). */
  open: number;
  /** Settled decisions left to a person's finding: the person may hold the case or not. */
  review: number;
  /** Of them, the ones a finding could end in a hold (the request and the provisions allow one). */
  findingsMayHold: number;
  /** Hold, notify and decline: the decisions that certainly are that outcome, and the most that could be. */
  range: Record<Exclude<Outcome, 'review'>, OutcomeRange>;
  holdHours: Amount;
  /** The cost of holds, and what is not reimbursed of it. */
  cost: Amount;
  unreimbursed: Amount;
  /** Why the hours and cost are not exact (empty when they are): each a clause. */
  why: string[];
  /** Holds whose end the records do not give. */
  unknownLength: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The summary as ranges and least amounts. `reimbursed`: whether a reimbursement agreement is in
 * force (when not given, read from the summary: its cost reimbursed).
 */
export function summaryBounds(s: SimulationSummary, reimbursed = s.cost.reimbursed > 0): SummaryBounds {
  // The requests that came in time: a request after the release time is no outcome's, certain or possible.
  const inTime = s.inTime;
  const cases = inTime ? inTime.cases : s.total;
  const outcomes = inTime ? inTime.outcomes : s.outcomes;
  const u = s.unknowns && inTime ? { ...s.unknowns, undetermined: inTime.undetermined ?? 0, range: inTime.range! } : s.unknowns;
  const open = u?.undetermined ?? 0;
  // The engine counts an open decision under review; the rest of review is a person's finding.
  const review = outcomes.review - open;
  const range = {} as SummaryBounds['range'];
  const certain = outcomes.hold + outcomes.notify + outcomes.decline;
  const f = inTime ? inTime.finalRange : s.finalRange;
  // A person's finding may go either way, and an open decision that may come to a finding too: the
  // engine counts each such case under the outcomes it can come to (without that count, under every one).
  const widen = u ? u.range.review.atMost : review;
  for (const o of ['hold', 'notify', 'decline'] as const) {
    const atLeast = outcomes[o];
    const atMost = f ? f.atMost[o] : (u ? u.range[o].atMost : atLeast) + widen;
    // No more than the cases not certainly another outcome.
    range[o] = { atLeast, atMost: Math.min(cases - (certain - atLeast), atMost) };
  }
  const why: string[] = [];
  const unknownLength = u?.holdsOfUnknownLength ?? 0;
  const unsettledLimit = u?.holdsOfUnsettledLimit ?? 0;
  const noRelease = unknownLength - unsettledLimit;
  if (noRelease > 0)
    why.push(`the records give no release time for ${noRelease === 1 ? 'a hold' : `${noRelease.toLocaleString('en-US')} holds`}`);
  if (unsettledLimit > 0)
    why.push(
      `the records cannot settle which provision’s limit applies to ${unsettledLimit === 1 ? 'a hold' : `${unsettledLimit.toLocaleString('en-US')} holds`}`,
    );
  const mayHold = f ? f.openMayHold : u ? u.range.hold.atMost - u.range.hold.atLeast : 0;
  if (mayHold > 0)
    why.push(`${mayHold.toLocaleString('en-US')} decision${mayHold === 1 ? '' : 's'} the records cannot settle may be holds`);
  const findingsMayHold = f ? f.findingsMayHold : review;
  if (findingsMayHold > 0)
    why.push(`${findingsMayHold.toLocaleString('en-US')} case${findingsMayHold === 1 ? '' : 's'} left to a person’s finding may be held`);
  const exact = why.length === 0;
  const hours = u ? u.holdHoursAtLeast : s.holdHours;
  const cost = u ? round2((hours / 24) * s.cost.perInmateDay) : s.cost.total;
  return {
    total: s.total,
    afterRelease: s.afterRelease?.cases ?? 0,
    open,
    review,
    findingsMayHold,
    range,
    holdHours: { atLeast: hours, exact },
    cost: { atLeast: cost, exact },
    // With a reimbursement agreement every cost is reimbursed, whatever it comes to.
    unreimbursed: reimbursed ? { atLeast: 0, exact: true } : { atLeast: exact ? s.cost.unreimbursed : cost, exact },
    why,
    unknownLength,
  };
}

/** The difference mine − other: its least and most (infinite where the records cannot bound it). */
export function difference(mine: Amount, other: Amount): { low: number; high: number } {
  const low = other.exact ? mine.atLeast - other.atLeast : -Infinity;
  const high = mine.exact ? mine.atLeast - other.atLeast : Infinity;
  return { low: round2(low), high: round2(high) };
}

/** "3" or "3 to 62". */
export function rangeWords(r: OutcomeRange, format: (x: number) => string): string {
  return r.atMost === r.atLeast ? format(r.atLeast) : `${format(r.atLeast)} to ${format(r.atMost)}`;
}

/** "$858" or "at least $858". */
export function amountWords(a: Amount, format: (x: number) => string): string {
  return a.exact ? format(a.atLeast) : `at least ${format(a.atLeast)}`;
}

/**
 * The difference mine − other for a table, in `format`'s unsigned figures: "−$500" or "+$500" when both
 * are known, "up to $500 less" or "at least $500 more" when this side is a least, "at least $500 less"
 * or "up to $500 more" when the other side is, and "unknown" when both are.
 */
export function differenceWords(mine: Amount, other: Amount, format: (x: number) => string): string {
  const d = difference(mine, other);
  if (Number.isFinite(d.low) && Number.isFinite(d.high)) return d.low === 0 ? '±0' : d.low < 0 ? `−${format(-d.low)}` : `+${format(d.low)}`;
  if (Number.isFinite(d.low)) return d.low < 0 ? `up to ${format(-d.low)} less` : `at least ${format(d.low)} more`;
  if (Number.isFinite(d.high)) return d.high < 0 ? `at least ${format(-d.high)} less` : `up to ${format(d.high)} more`;
  return 'unknown';
}

/** The facts open decisions turn on, most first: "convictions beyond those on record, a conviction's date and 3 more". */
export function openFactsWords(s: SimulationSummary, max = 2): string {
  const facts = s.unknowns?.facts ?? [];
  if (facts.length === 0) return 'facts the records do not carry';
  const named = facts.slice(0, max).map((f) => f.label);
  const more = facts.length - named.length;
  if (more > 0) return `${named.join(', ')} and ${more} more fact${more === 1 ? '' : 's'}`;
  return named.length > 1 ? `${named.slice(0, -1).join(', ')} or ${named[named.length - 1]}` : named[0]!;
}

/**
 * What the cases a provision decided got, in words: "7 review", "3 hold; may decide 71 undecided on
 * these records". A provision's own outcome is what it gives when it applies; its cases may get less
 * (what ICE asked for, a finding). A case the records leave undecided is decided by none: it is named
 * under each provision that may decide it, apart from the cases decided.
 */
export function decidedAs(
  e: { outcomes: Record<Outcome, number>; undetermined: number; settledOneOf?: number; mayDecide?: number },
  words: Record<Outcome, string>,
  format: (x: number) => string,
): string {
  const parts: string[] = [];
  for (const o of OUTCOMES) if (e.outcomes[o] > 0) parts.push(`${format(e.outcomes[o])} ${words[o]}`);
  let out = parts.join(', ') || 'none';
  // Records with unknown facts: which provision decides is not always known, even where the outcome is.
  if (e.settledOneOf)
    out += `; ${format(e.settledOneOf)} of the settled ones perhaps by a later provision instead (the records do not show whether this one applies; the outcome is the same)`;
  if (e.mayDecide) out += `; it may be the one to decide ${format(e.mayDecide)} counted under an earlier provision`;
  if (e.undetermined > 0) out += `; may decide ${format(e.undetermined)} undecided on these records`;
  return out;
}

/**
 * How the coverage table's counts add up, where the records leave cases undecided ('' where they
 * leave none): "138 cases: 67 decided, each counted once above; 71 undecided on these records, ...".
 */
export function coverageTotalsWords(c: Pick<Coverage, 'decided' | 'undecided'>, format: (x: number) => string): string {
  if (!c.undecided) return '';
  const total = c.decided + c.undecided;
  return (
    `${format(total)} ${total === 1 ? 'case' : 'cases'}: ${format(c.decided)} decided, each counted once under the provision credited with it; ` +
    `${format(c.undecided)} undecided on these records, counted as decided under no provision and as “may decide” under every provision that may decide ${c.undecided === 1 ? 'it' : 'each'}.`
  );
}

const exactHours = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });

/**
 * What the holds come to against the hours the detainer's form asked for (`SimulationSummary.pastRequest`),
 * as a clause: it says only what the count shows.
 */
export function pastRequestWords(s: SimulationSummary): string {
  const p = s.pastRequest;
  const lengthUnknown = s.unknowns?.holdsOfUnknownLength
    ? s.unknowns.holdsOfUnsettledLimit
      ? ' of the holds whose end the records settle'
      : ' of the holds whose release time the records show'
    : '';
  if (!p) return 'the simulation did not compare the holds with what each detainer asked for.';
  if (p.holds === 0) return `no hold counted here${lengthUnknown} runs past the hours ICE’s form asked for.`;
  return `${p.holds.toLocaleString('en-US')} ${p.holds === 1 ? 'hold' : 'holds'}${lengthUnknown} would run past the hours ICE’s form asked for (up to ${exactHours(p.longestHours)} hours against ${exactHours(p.requestedHours)}): the ordinance’s maximum hold is longer than the detainer’s request, and the hours and cost count the holds as the ordinance allows them.`;
}

/**
 * Why holds have no known end, as a clause: "the records give no release time", or, when the records
 * leave open which provision decides some holds under limits that end apart, that too.
 */
export function unknownLengthWhy(u: Pick<UnknownFactsSummary, 'holdsOfUnknownLength' | 'holdsOfUnsettledLimit'>): string {
  const unsettled = u.holdsOfUnsettledLimit ?? 0;
  const noRelease = u.holdsOfUnknownLength - unsettled;
  const limit = 'the records leave open which provision decides the hold, and those that may end it at different times';
  if (!unsettled) return 'the records give no release time';
  if (!noRelease) return limit;
  return `for ${noRelease.toLocaleString('en-US')} the records give no release time; for ${unsettled.toLocaleString('en-US')} ${limit}`;
}

/** "2 holds ending at a different time, 1 by its limit from a release time the records lack" */
export function holdEndsDifferWords(differ: number, byLimit: number): string {
  const limit = byLimit
    ? `, ${byLimit.toLocaleString('en-US')} by ${byLimit === 1 ? 'its' : 'their'} limit from a release time the records lack`
    : '';
  return `${differ.toLocaleString('en-US')} hold${differ === 1 ? '' : 's'} ending at a different time${limit}`;
}

/**
 * The holds whose ends the records leave open: "Whether 3 cases held under both are held until
 * different times is not known: ..." ('' when there are none). Given a comparison (or its counts),
 * says which of the two reasons holds for how many: no release time under limits that may end
 * together, or a hold more than one provision may decide under limits that end apart.
 */
export function holdEndsMayDifferSentence(
  c: number | { readonly holdEndsMayDiffer: number; readonly holdEndsMayDifferUnsettled?: number },
): string {
  const mayDiffer = typeof c === 'number' ? c : c.holdEndsMayDiffer;
  const unsettled = typeof c === 'number' ? 0 : (c.holdEndsMayDifferUnsettled ?? 0);
  if (!mayDiffer) return '';
  const release = 'the records give no release time, and the two limits end together from some release times and apart from others';
  const limit = 'the records leave open which provision decides the hold, and those that may end it at different times';
  const why = !unsettled
    ? release
    : unsettled === mayDiffer
      ? limit
      : `for ${(mayDiffer - unsettled).toLocaleString('en-US')}, ${release}; for ${unsettled.toLocaleString('en-US')}, ${limit}`;
  return `Whether ${mayDiffer.toLocaleString('en-US')} case${mayDiffer === 1 ? '' : 's'} held under both ${mayDiffer === 1 ? 'is' : 'are'} held until different times is not known: ${why}.`;
}

/**
 * The decisions that may differ, after the count of those that do: " and 212 more may (undecided on
 * these records under one of the two, which could decide them as the other does)"; '' when none.
 */
export function mayDifferWords(c: { readonly mayDiffer: number }): string {
  if (!c.mayDiffer) return '';
  const n = c.mayDiffer;
  return ` and ${n.toLocaleString('en-US')} more may (${n === 1 ? 'it is' : 'they are'} undecided on these records under one of the two, which could decide ${n === 1 ? 'it' : 'them'} as the other does)`;
}

/**
 * The provisions that may decide a settled case, in order, as a council reads them: "§ 3(a)(1)
 * (felony) or, if it does not apply, § 3(c)(2) (removal order)". Every face that names them (explain,
 * the changed cases, the app's reasons) says it so; `name` names one provision (by default its
 * citation and id).
 */
export function decidedByOneOfWords<P extends { provision: string; citation: string }>(
  ps: ReadonlyArray<P>,
  name: (p: P) => string = (p) => `${p.citation} (${p.provision})`,
): string {
  return ps
    .map((p, k) => (k === 0 ? name(p) : `${k === 1 ? 'or, if it does not apply' : 'or, if none of those applies'}, ${name(p)}`))
    .join(' ');
}

/**
 * A decision the records leave open, as a council reads it: "undecided on these records: hold under
 * § 2(a) or § 2(b), or decline under § 2(c)", each outcome it could have with the provisions that
 * would give it, in order (DecisionRef.undecided). None of them is named as the one that decided.
 * `name` names one provision (by default its citation and id), as decidedByOneOfWords does.
 */
export function undecidedWords<P extends { provision: string; citation: string }>(
  by: ReadonlyArray<{ readonly outcome: Outcome; readonly under: ReadonlyArray<P> }>,
  name: (p: P) => string = (p) => `${p.citation} (${p.provision})`,
): string {
  return `undecided on these records: ${sameUnder(by, (p) => p.provision)
    .map((x) => `${x.outcomes.join(' or ')} under ${x.under.map(name).join(' or ')}`)
    .join(', or ')}`;
}

/**
 * The outcomes of an undecided case put together where the same provisions would give them ("hold or
 * notify under § 3(a)(1)", not "hold under § 3(a)(1), or notify under § 3(a)(1)"), in order.
 */
export function sameUnder<O, P>(
  by: ReadonlyArray<{ readonly outcome: O; readonly under: ReadonlyArray<P> }>,
  key: (p: P) => string | number,
): Array<{ outcomes: O[]; under: ReadonlyArray<P> }> {
  const out = new Map<string, { outcomes: O[]; under: ReadonlyArray<P> }>();
  for (const x of by) {
    const k = x.under.map(key).join(' ');
    const g = out.get(k);
    if (g) g.outcomes.push(x.outcome);
    else out.set(k, { outcomes: [x.outcome], under: x.under });
  }
  return [...out.values()];
}

/** "48 hours", "48 hours not counting weekends and holidays". */
export function holdLimitWords(l: HoldLimit): string {
  return `${l.hours.toLocaleString('en-US')} hour${l.hours === 1 ? '' : 's'}${l.excludingWeekendsAndHolidays ? ' not counting weekends and holidays' : ''}`;
}

/**
 * When a changed case's hold ends on one side, as words after its outcome: " until 2012-09-09 16:00",
 * or, when the records give no release time, " until 48 hours after release (release time unknown)";
 * '' when its holds end alike.
 */
export function holdEndWords(c: ChangedCase, side: 'policy' | 'other'): string {
  if (c.holdUntil) return ` until ${c.holdUntil[side].replace('T', ' ')}`;
  if (c.holdLimits) return ` until ${holdLimitWords(c.holdLimits[side])} after release (release time unknown)`;
  return '';
}

/**
 * The cases whose request came after the release time (`SimulationSummary.afterRelease`), as a
 * sentence ('' when there are none): how many, the policy's decisions on them, and that no hours or
 * cost are counted for them.
 */
export function afterReleaseWords(s: SimulationSummary): string {
  const a = s.afterRelease;
  if (!a) return '';
  const n = (x: number) => x.toLocaleString('en-US');
  const decisions = OUTCOMES.filter((o) => a.outcomes[o] > 0)
    .map((o) => `${n(a.outcomes[o])} ${o}`)
    .join(', ');
  const one = a.cases === 1;
  return (
    `${n(a.cases)} ${one ? 'case has' : 'cases have'} ICE’s request dated after the person’s release time (the policy’s ${one ? 'decision' : 'decisions'}: ${decisions}): ` +
    `no one released before the request arrives can be held or reported on it, so ${one ? 'it is' : 'they are'} counted apart from the outcomes, not as held, and the hold hours and cost count none of ${one ? 'it' : 'them'}.`
  );
}

/**
 * Under the table of what each provision decided ('' when no request came after release): that its
 * cases include the requests after release, as each provision decides them, which the outcome counts
 * keep apart.
 */
export function afterReleaseCoverageWords(s: SimulationSummary): string {
  const a = s.afterRelease;
  if (!a) return '';
  const one = a.cases === 1;
  return `The cases each provision decided include the ${a.cases.toLocaleString('en-US')} ${one ? 'request' : 'requests'} that came after release, as it decides ${one ? 'it' : 'them'}, though no one is held or reported on ${one ? 'it' : 'them'}: the outcome counts above keep ${one ? 'it' : 'them'} apart.`;
}

/**
 * Under a table of decisions compared case by case ('' when no request came after release): that it
 * counts the decisions on the requests after release too, which the outcome counts keep apart.
 */
export function afterReleaseMatrixWords(s: SimulationSummary): string {
  const a = s.afterRelease;
  if (!a) return '';
  const one = a.cases === 1;
  return `The table compares each case’s decisions, so it counts the ${one ? 'decision' : 'decisions'} on the ${a.cases.toLocaleString('en-US')} ${one ? 'request' : 'requests'} that came after release too, as each side decides ${one ? 'it' : 'them'}, though no one is held or reported on ${one ? 'it' : 'them'}.`;
}

/**
 * After a comparison's count of decisions ("2 of 2 decisions"): which decisions it counts when some
 * request came after release, ' on requests that came in time' ('' when none did). The changed count,
 * the changed cases and the reasons they differ leave those requests out, as the outcome counts do.
 */
export function comparedInTimeWords(c: { readonly afterRelease?: ComparedAfterRelease }): string {
  return c.afterRelease ? ' on requests that came in time' : '';
}

/**
 * How many decisions a comparison counts: every case less the requests after release (`Comparison.afterRelease`).
 */
export function comparedDecisions(total: number, c: { readonly afterRelease?: ComparedAfterRelease }): number {
  return total - (c.afterRelease?.cases ?? 0);
}

/**
 * A comparison's requests after release, which its changed count leaves out, as a clause ('' when
 * none): "the 1 request that came after release is counted apart (the two decide it differently;
 * no one is held or reported on it)"; "the 3 requests that came after release are counted apart
 * (the two decide 2 of them differently and may decide 1 more differently; no one is held or reported on them)".
 */
export function comparedAfterReleaseWords(c: { readonly afterRelease?: ComparedAfterRelease }): string {
  const p = comparedAfterReleaseParts(c);
  return p ? `${p.apart} (${p.decide}; ${p.noOne})` : '';
}

/**
 * The same clause for a place already inside brackets (the impact report's summary figure), with no
 * brackets of its own: "the 1 request that came after release is counted apart: the two decide it
 * differently, and no one is held or reported on it".
 */
export function comparedAfterReleaseBracketedWords(c: { readonly afterRelease?: ComparedAfterRelease }): string {
  const p = comparedAfterReleaseParts(c);
  return p ? `${p.apart}: ${p.decide}, and ${p.noOne}` : '';
}

function comparedAfterReleaseParts(c: {
  readonly afterRelease?: ComparedAfterRelease;
}): { apart: string; decide: string; noOne: string } | undefined {
  const a = c.afterRelease;
  if (!a) return undefined;
  const n = (x: number) => x.toLocaleString('en-US');
  const one = a.cases === 1;
  const it = one ? 'it' : 'them';
  const may = a.mayDiffer ? ` and may decide ${one ? 'it' : `${n(a.mayDiffer)} ${a.changed ? 'more' : `of ${it}`}`} differently` : '';
  const decide = one
    ? a.changed
      ? 'the two decide it differently'
      : a.mayDiffer
        ? `the two${may.replace(' and', '')}`
        : 'the two decide it alike'
    : a.changed
      ? `the two decide ${a.changed === a.cases ? 'each of them' : `${n(a.changed)} of them`} differently${may}`
      : a.mayDiffer
        ? `the two${may.replace(' and', '')}`
        : 'the two decide each of them alike';
  return {
    apart: `the ${n(a.cases)} ${one ? 'request that came after release is' : 'requests that came after release are'} counted apart`,
    decide,
    noOne: `no one is held or reported on ${it}`,
  };
}
