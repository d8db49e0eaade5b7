// The officer guide: one or two pages in plain language for the booking desk, derived from the
// compiled policy (never written by hand): the facts to gather in the order an officer meets them,
// a checklist that decides exactly as the policy does, the maximum hold and how to count it, what
// to do on each outcome, and the fingerprint of the policy it was made from.

import { shortFingerprint } from '../canonical';
import { compile, type CompiledPolicy, type CompiledProvision } from '../compile';
import {
  effectiveDateOf,
  FEDERAL_MAX_HOLD,
  OUTCOMES,
  type Condition,
  type MaxHold,
  type Ordinance,
  type Outcome,
  type ProvisionType,
  type Scenario,
} from '../model';
import { longDate, ordinanceText } from '../text-model';
import { civilFromDays, dayOfWeek, daysFromCivil, holdEnd, MINUTES_PER_DAY, parseDate } from '../time';
import {
  agencyName,
  conditionWords,
  detainerTerm,
  dutyWhere,
  iceNoticeDuty,
  joinWords,
  leafWords,
  withDetainerTerm,
  type IceNoticeDuty,
} from '../wording';
import { decisionTable } from '../analysis/table';
import { FALSE_NODE } from '../analysis/bdd';
import { FactSpace } from '../analysis/facts';
import { SymbolicPolicy } from '../analysis/policy';
import { SANS, SANS_DOCUMENT_FACES } from './fonts';
import { lawApplied, type AppliedAuthority, type LawApplied } from '../law-applied';
import { unverifiedDateMark } from '../law';
import { escapeHtml, htmlDocument } from './html';
import { readsAgreement } from '../agreement';
import { marginFooter } from './ordinance-html';
import { versionFacts } from './text-blocks';
import { LAW_NOTES_CSS, lawNotes, lawNotesHtml, namedWithCitation, type LawNote } from './law-notes';

export { namedWithCitation } from './law-notes';

/** One line of the checklist, possibly a group of lines ("all of these" / "any one of these"). */
export interface GuideCheck {
  text: string;
  items?: GuideCheck[];
  conjunction?: 'and' | 'or';
  /** Set on a finding a person must make (discretion), naming who makes it. */
  decidedBy?: string;
}

export interface GuideProvisionCheck {
  provision: string;
  citation: string;
  heading?: string;
  /** Null when the provision applies to every detainer that reaches it. */
  check: GuideCheck | null;
}

export interface GuideStep {
  number: number;
  outcome: Outcome;
  maxHold?: MaxHold;
  /** What the step lets the officer do, e.g. "Hold for up to 24 hours after release". */
  action: string;
  /** Provisions of the step: any one that applies decides the step. */
  checks: GuideProvisionCheck[];
  /** The numbers of the law notes (OfficerGuide.lawNotes) on the step's provisions. */
  lawNotes?: number[];
}

/** A law note of the guide (engine/export/law-notes.ts). */
export type GuideLawNote = LawNote;

export interface HoldExample {
  release: string;
  end: string;
  note: string;
}

export interface HoldRule {
  limit: MaxHold;
  words: string;
  citations: string[];
  examples: HoldExample[];
}

export interface OutcomeInstruction {
  outcome: Outcome;
  name: string;
  todo: string[];
}

export interface OfficerGuide {
  title: string;
  policyTitle: string;
  subtitle: string;
  agency: string;
  version: string;
  date: string;
  fingerprint: string;
  /** The facts the checklist uses, in the order an officer meets them. */
  facts: string[];
  /** The detainer as the policy's printed text names it (detainerTerm): "ICE detainer", "civil immigration detainer". */
  detainer: string;
  /** How the detainer's request limits every outcome. */
  request: string[];
  steps: GuideStep[];
  /**
   * The last step, "otherwise": null when no case reaches it (the ordinance prints no otherwise clause,
   * or the steps above surely decide every detainer whatever the findings), so the guide prints no
   * step and no section the ordinance does not have.
   */
  otherwise: { outcome: Outcome; citation: string; action: string } | null;
  /** Present when the policy allows holds. */
  /**
   * `counting` and `calendar` are present only when some hold does not count weekends and holidays;
   * `clock` only when some hold counts every hour and the jurisdiction's time zone changes its clocks.
   */
  holds: { start: string; counting?: string; calendar?: string; clock?: string; rules: HoldRule[] } | null;
  outcomes: OutcomeInstruction[];
  /** Standing duties the policy imposes (notices, access, inquiries), in its own words. */
  duties: Array<{ citation: string; text: string }>;
  /**
   * The provisions of kind `other`, in the ordinance's words: the policy's logic does not read them, so
   * the guide cannot tell which bind an officer and prints each, saying so.
   */
  others: Array<{ citation: string; text: string }>;
  /** The provisions the guide leaves out, with why (reports, training, severability, the effective date): none directs an officer on a detainer. */
  leftOut: Array<{ citation: string; what: string }>;
  /** The complete decision table, printed as an appendix after the guide's own pages. */
  table: GuideTable | null;
  /** The law the policy was checked against: the date, and each state and federal authority by name and citation. */
  law: { asOf: string; summary: string; state: string[]; federal: string[] };
  /** What that law says about the steps (legal findings, silenced or not), printed at the top and at each step. */
  lawNotes: LawNote[];
}

/** The decision table as the appendix prints it; `rows` is empty when it is too long to print. */
export interface GuideTable {
  columns: string[];
  rows: Array<{ facts: string[]; outcome: string; citation: string; provision: string }>;
  rowCount: number;
  totalCombinations: number;
  complete: boolean;
  defaultCombinations: number;
  /** False when the ordinance prints no otherwise clause (an unconditional provision decides the rest). */
  otherwisePrinted: boolean;
  /** Where the policy reads the agreement and the scenario says whether one is in force: what it says. */
  agreement?: boolean;
}

/** Longer tables are left to the CSV export: a booking desk reads a page, not a ledger. */
const MAX_PRINTED_ROWS = 60;

/**
 * Without a scenario that says whether a reimbursement agreement is in force, the agreement is a column
 * of the table, as it is a fact the guide asks for.
 */
function guideTable(o: Ordinance, scenario: Scenario | undefined, policy: CompiledPolicy): GuideTable | null {
  const t = decisionTable(o, { ...(scenario ? { scenario } : {}), maxRows: MAX_PRINTED_ROWS + 1 });
  if (!t.exact) return null;
  const printable = t.rows.length <= MAX_PRINTED_ROWS;
  return {
    columns: t.columns.map((c) => c.label),
    rows: printable
      ? t.rows.map((r) => ({
          facts: t.columns.map((c) => r.facts[c.key] ?? 'any'),
          // A request for nothing is declined whatever the finding: no finding decides that row.
          outcome: r.byDiscretion && r.outcome !== 'decline' ? `${r.outcome} (a finding decides)` : r.outcome,
          citation: r.citation,
          provision: r.provision,
        }))
      : [],
    rowCount: t.rows.length,
    totalCombinations: t.totalCombinations,
    complete: t.complete,
    defaultCombinations: t.defaultCombinations,
    otherwisePrinted: otherwisePrinted(policy),
    ...(scenario?.reimbursementAgreement !== undefined && readsAgreement(o) ? { agreement: scenario.reimbursementAgreement } : {}),
  };
}

/** Whether the ordinance prints an otherwise clause (none when an unconditional provision decides every case it reaches). */
function otherwisePrinted(policy: CompiledPolicy): boolean {
  return policy.layout.sections.some((s) => s.clauses.some((c) => c.kind === 'otherwise'));
}

/**
 * Whether a detainer can reach the otherwise clause: the ordinance prints one (an unconditional
 * provision leaves none), and some combination of facts is surely decided by no provision, a provision
 * that turns on a finding letting the case pass when the finding is no. Where the facts cannot be
 * analysed exactly, it is taken to be reachable.
 */
function otherwiseReached(o: Ordinance, policy: CompiledPolicy, scenario: Scenario | undefined): boolean {
  if (!otherwisePrinted(policy)) return false;
  const space = new FactSpace([o], {
    realOffensesOnly: true,
    ...(scenario ? { reimbursementAgreement: scenario.reimbursementAgreement ?? false } : {}),
  });
  if (!space.exact) return true;
  return new SymbolicPolicy(space, 0, o, policy.layout).reachesDefaultAfterFindings !== FALSE_NODE;
}

// ---- the order an officer meets the facts ----

/** Rank of a fact by when an officer has it: the detainer form, the booking record, checks, history, judgment. */
function factRank(c: Condition): number {
  if ('all' in c) return Math.min(...c.all.map(factRank));
  if ('any' in c) return Math.min(...c.any.map(factRank));
  if ('not' in c) return factRank(c.not);
  if ('requested' in c || 'judicialWarrant' in c || 'administrativeWarrant' in c) return 0;
  if ('reimbursementAgreement' in c) return 1;
  if ('age' in c) return 2;
  if ('charge' in c) return 3;
  if ('warrant' in c) return 4;
  if ('record' in c) return 5;
  if ('conviction' in c) return 6;
  return 7; // discretion: a judgment, made last
}

function decapitalize(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const DECIDERS: Record<string, string> = {
  // Printed inside parentheses ('(a finding you, the officer, must make, in writing)'): no parentheses of its own.
  officer: 'you, the officer,',
  supervisor: 'a supervisor',
  sheriff: 'the sheriff',
  chief: 'the chief',
  warden: 'the warden',
  director: 'the director',
};

/**
 * A condition as checklist lines, negations pushed to the leaves. "And" and "or" give the same answer
 * in any order (also with a finding still open), so the lines are sorted into the order facts arrive.
 */
function guideCheck(c: Condition, negated: boolean, term: string): GuideCheck {
  if ('not' in c) return guideCheck(c.not, !negated, term);
  if ('all' in c || 'any' in c) {
    const isAll = 'all' in c;
    const list = isAll ? c.all : c.any;
    if (list.length === 1) return guideCheck(list[0]!, negated, term);
    const conjunction = isAll !== negated ? 'and' : 'or';
    const sorted = list.map((x, i) => ({ x, i, r: factRank(x) })).sort((a, b) => a.r - b.r || a.i - b.i);
    return {
      text: conjunction === 'and' ? 'All of these are true:' : 'At least one of these is true:',
      conjunction,
      items: sorted.map((s) => guideCheck(s.x, negated, term)),
    };
  }
  // In the ordinance's words: its defined term for the detainer, as the ordinance's own conditions print it.
  const words = capitalize(withDetainerTerm('discretion' in c ? conditionWords(c, negated) : leafWords(c, negated), term));
  if ('discretion' in c) return { text: words, decidedBy: DECIDERS[c.discretion.by ?? 'officer'] ?? `the ${c.discretion.by}` };
  return { text: words };
}

function sameEffect(a: CompiledProvision, b: CompiledProvision): boolean {
  return (
    a.outcome === b.outcome &&
    (a.outcome !== 'hold' ||
      ((a.maxHold?.hours ?? FEDERAL_MAX_HOLD.hours) === (b.maxHold?.hours ?? FEDERAL_MAX_HOLD.hours) &&
        (a.maxHold?.excludingWeekendsAndHolidays ?? a.maxHold === undefined) ===
          (b.maxHold?.excludingWeekendsAndHolidays ?? b.maxHold === undefined)))
  );
}

/** The hold limit a provision allows (a hold without one gets the federal maximum, 8 CFR 287.7(d)). */
function limitOf(p: CompiledProvision): MaxHold {
  return p.maxHold ?? FEDERAL_MAX_HOLD;
}

function limitWords(h: MaxHold): string {
  return `${h.hours} hours${h.excludingWeekendsAndHolidays ? ', not counting Saturdays, Sundays and holidays' : ''}`;
}

function actionOf(outcome: Outcome, maxHold: MaxHold | undefined, notice?: IceNoticeDuty): string {
  switch (outcome) {
    case 'hold': {
      const h = maxHold ?? FEDERAL_MAX_HOLD;
      return `Hold for up to ${h.hours} hours past release time${h.excludingWeekendsAndHolidays ? ' (Saturdays, Sundays and holidays not counted)' : ''}`;
    }
    case 'notify':
      return notice?.decision
        ? `Notify ICE only: tell ICE the release time and the decision (${dutyWhere(notice)}), and do not hold`
        : 'Notify ICE only: tell ICE the release time, and do not hold';
    case 'review':
      return 'Refer for review: a supervisor decides in writing';
    case 'decline':
      // What a notice provision requires is given on a decline too: the guide never forbids it.
      if (!notice) return 'Decline: release on time, without holding, delaying or notifying ICE';
      return notice.releaseTime
        ? `Decline: release on time, without holding or delaying; tell ICE only what ${dutyWhere(notice)} requires`
        : `Decline: release on time, without holding or delaying; tell ICE the decision (${dutyWhere(notice)}), not the time of release`;
  }
}

/** What to tell ICE on a decline: nothing, or what the ordinance's notice provisions require. */
function declineNoticeTodo(notice: IceNoticeDuty | undefined): string {
  if (!notice) return 'Do not tell ICE the time of release.';
  const where = dutyWhere(notice);
  if (!notice.releaseTime) return `Tell ICE the decision, as ${where} requires, but not the time of release.`;
  return `Tell ICE only what ${where} requires: ${notice.decision ? 'the decision and the time of release' : 'the time of release'}.`;
}

/**
 * Groups the provisions into steps. Neighbours with the same effect form one step, and a step lists its
 * provisions in the order the policy reads them, never sorted: the first that applies is the provision
 * that decides, and its section is the one the officer writes in the booking file, as the engine cites it.
 */
function stepsOf(policy: CompiledPolicy, notice: IceNoticeDuty | undefined, term: string): GuideStep[] {
  const provisions = policy.provisions;
  const whenOf = (p: CompiledProvision) => policy.layout.detainerProvisions[p.index]!.provision.when;
  const groups: CompiledProvision[][] = [];
  for (const p of provisions) {
    const last = groups[groups.length - 1];
    if (last && sameEffect(last[0]!, p)) last.push(p);
    else groups.push([p]);
  }
  return groups.map((group, g) => {
    const first = group[0]!;
    const maxHold = first.outcome === 'hold' ? limitOf(first) : undefined;
    return {
      number: g + 2,
      outcome: first.outcome,
      ...(maxHold ? { maxHold } : {}),
      action: actionOf(first.outcome, maxHold, notice),
      checks: group.map((p) => {
        const w = whenOf(p);
        return {
          provision: p.id,
          citation: p.citation,
          ...(p.heading ? { heading: p.heading } : {}),
          check: w ? guideCheck(w, false, term) : null,
        };
      }),
    };
  });
}

// ---- facts to gather ----

function collectLeaves(c: Condition | undefined, out: Condition[]): void {
  if (!c) return;
  if ('all' in c) c.all.forEach((x) => collectLeaves(x, out));
  else if ('any' in c) c.any.forEach((x) => collectLeaves(x, out));
  else if ('not' in c) collectLeaves(c.not, out);
  else out.push(c);
}

const RECORD_NAMES: Record<string, string> = {
  gangDatabase: 'the gang database',
  terroristWatchlistMatch: 'the federal terrorist screening database',
  finalRemovalOrder: 'whether a final order of removal exists',
  priorRemovalReentry: 'prior removal and re-entry',
  sexOffenderRegistry: 'the sex offender registry',
  arsonOffenderRegistry: 'the arson offender registry',
  securityRiskGroup: "the Department of Correction's Security Risk Group designations",
};

function joinList(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function factsOf(o: Ordinance, policy: CompiledPolicy): string[] {
  const leaves: Condition[] = [];
  for (const lp of policy.layout.detainerProvisions) collectLeaves(lp.provision.when, leaves);
  const has = (k: string) => leaves.some((c) => k in c);
  const convictions = leaves.flatMap((c) => ('conviction' in c ? [c.conviction] : []));
  // Look-back windows count back from the request's date (the default) or the current arrest's.
  const fromRequest = convictions.some((t) => t.within && t.within.of !== 'arrest');
  const fromArrest = convictions.some((t) => t.within?.of === 'arrest');
  const form: string[] = ['what it asks for (hold, notice of release, or both)', ...(fromRequest ? ['its date'] : [])];
  const warrants = [
    ...(has('judicialWarrant') ? ['a warrant signed by a judge or magistrate'] : []),
    ...(has('administrativeWarrant') ? ['an ICE administrative warrant (form I-200 or I-205)'] : []),
  ];
  if (warrants.length === 1) form.push(`whether ${warrants[0]} is attached`);
  else if (warrants.length) form.push(`which of these is attached: ${warrants.join('; ')}`);
  // The request the conditions read, by the printed text's term, and the paper it comes on (ICE's form).
  const facts = [`The ${detainerTerm(o)} (the form ICE sends): ${joinList(form)}.`];
  if (policy.provisions.some((p) => p.outcome === 'hold'))
    facts.push('The time the person would otherwise be released (bail posted, charges dropped, sentence served).');
  if (has('reimbursementAgreement'))
    facts.push('Whether a written agreement is in force under which the federal government reimburses the costs (ask a supervisor).');
  const booking: string[] = [];
  if (fromArrest) booking.push('the date of the current arrest');
  if (has('age')) booking.push('date of birth (age)');
  if (has('charge')) {
    const charges = leaves.flatMap((c) => ('charge' in c ? [c.charge] : []));
    booking.push(
      `current charges, and for each whether bond was posted or may be set${charges.some((t) => t.probableCauseFinding !== undefined) ? ' and whether a judge has found probable cause' : ''}`,
    );
  }
  if (booking.length) facts.push(`The booking record: ${joinList(booking)}.`);
  if (has('warrant')) facts.push('The warrant check: outstanding criminal or civil warrants, and the court that issued each.');
  const records = [
    ...new Set(
      leaves.filter((c) => 'record' in c).map((c) => RECORD_NAMES[(c as { record: string }).record] ?? (c as { record: string }).record),
    ),
  ];
  if (records.length) facts.push(`Database checks: ${joinList(records)}.`);
  if (has('conviction')) {
    const excl = convictions.some((t) => t.within?.excludeTimeIncarcerated);
    const current = convictions.some((t) => t.current !== undefined);
    facts.push(
      `Criminal history: each conviction with its class, date of conviction and date of release${excl ? ', and time spent incarcerated' : ''}${current ? ', and whether the person is in custody now on that conviction' : ''}${o.juvenileAdjudications === 'counted' ? '' : '; juvenile adjudications do not count unless a step says so'}.`,
    );
  }
  const deciders = [
    ...new Set(
      leaves
        .filter((c) => 'discretion' in c)
        .map((c) => DECIDERS[(c as { discretion: { by?: string } }).discretion.by ?? 'officer'] ?? 'the decision-maker'),
    ),
  ];
  if (deciders.length) facts.push(`A finding that only ${joinList(deciders)} can make, recorded in writing with the reasons.`);
  return facts;
}

// ---- holds ----

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function whenWords(minutes: number): string {
  const days = Math.floor(minutes / MINUTES_PER_DAY);
  const { y, m, d } = civilFromDays(days);
  const rest = minutes - days * MINUTES_PER_DAY;
  const h = Math.floor(rest / 60);
  const mi = rest % 60;
  const clock =
    h === 0 && mi === 0
      ? 'midnight'
      : h === 12 && mi === 0
        ? 'noon'
        : `${((h + 11) % 12) + 1}:${String(mi).padStart(2, '0')} ${h < 12 ? 'a.m.' : 'p.m.'}`;
  return `${WEEKDAYS[dayOfWeek(days)]}, ${MONTHS[m - 1]} ${d}, ${y}, ${clock}`;
}

/** A holiday's name within a sentence: "the Birthday of Martin Luther King, Jr.", as the ordinance's definition lists it. */
function holidayInSentence(name: string): string {
  return name.startsWith('Birthday') ? `the ${name}` : name;
}

/** Worked examples from the policy's own dates and calendar: an ordinary weekend, and a holiday weekend. */
function holdExamples(policy: CompiledPolicy, limit: MaxHold, fromDay: number): HoldExample[] {
  const cal = policy.calendar;
  const examples: HoldExample[] = [];
  const releaseAt = (day: number) => day * MINUTES_PER_DAY + 16 * 60;
  let friday = fromDay;
  while (dayOfWeek(friday) !== 5 || cal.isHoliday(friday) || cal.isHoliday(friday + 3)) friday++;
  const end = holdEnd(releaseAt(friday), limit.hours, limit.excludingWeekendsAndHolidays === true, cal);
  examples.push({
    release: whenWords(releaseAt(friday)),
    end: whenWords(end),
    note: limit.excludingWeekendsAndHolidays ? 'Saturday and Sunday are not counted.' : 'Every hour counts, weekends included.',
  });
  if (limit.excludingWeekendsAndHolidays) {
    for (let day = fromDay; day < fromDay + 400; day++) {
      const name = cal.holidayName(day);
      if (name && dayOfWeek(day) === 1 && !cal.isHoliday(day - 3)) {
        const start = releaseAt(day - 3);
        examples.push({
          release: whenWords(start),
          end: whenWords(holdEnd(start, limit.hours, true, cal)),
          note: `Saturday, Sunday and ${name === 'holiday' ? 'the holiday' : holidayInSentence(name)} (Monday) are not counted.`,
        });
        break;
      }
    }
  }
  return examples;
}

function holdsOf(policy: CompiledPolicy, o: Ordinance, scenario: Scenario, otherwise: OfficerGuide['otherwise']): OfficerGuide['holds'] {
  // The provisions that hold, and the otherwise clause where it holds and some case reaches it.
  const holders = [
    ...policy.provisions.filter((p) => p.outcome === 'hold').map((p) => ({ limit: limitOf(p), citation: p.citation })),
    ...(otherwise?.outcome === 'hold' ? [{ limit: policy.otherwiseHold, citation: otherwise.citation }] : []),
  ];
  if (holders.length === 0) return null;
  const byLimit = new Map<string, { limit: MaxHold; citations: string[] }>();
  for (const p of holders) {
    const limit = p.limit;
    const key = `${limit.hours}:${limit.excludingWeekendsAndHolidays === true}`;
    const entry = byLimit.get(key) ?? { limit, citations: [] };
    entry.citations.push(p.citation);
    byLimit.set(key, entry);
  }
  const ref = parseDate(scenario.asOf ?? effectiveDateOf(o) ?? '');
  const fromDay = Number.isNaN(ref) ? daysFromCivil(2025, 1, 1) : ref;
  // The ordinance's own holidays when it names them, as the compiled policy counts them.
  const holidays = o.holidays ?? policy.scenario.holidays;
  const calendar =
    holidays === 'none'
      ? 'No holidays are skipped (this calendar has none); weekends still are where the limit says so.'
      : Array.isArray(holidays) && holidays.length
        ? `Holidays are the observed U.S. federal holidays and also ${joinList(holidays.map((d) => longDate(d)))}.`
        : 'Holidays are the observed U.S. federal holidays (a holiday on a Saturday is observed on the Friday before, on a Sunday the Monday after).';
  // The rule for skipping days, and which days are holidays, only where some hold skips them.
  const skips = [...byLimit.values()].some(({ limit }) => limit.excludingWeekendsAndHolidays === true);
  // Hours are hours that pass: where the clocks change (always on a Sunday), a hold counting every
  // hour ends an hour off the wall clock's count, as the engine works it out in the jurisdiction's zone.
  const everyHour = [...byLimit.values()].some(({ limit }) => limit.excludingWeekendsAndHolidays !== true);
  const clock =
    everyHour && policy.zone?.dst
      ? `Hours are hours that pass (${policy.zone.label} time): if the clocks go forward during a hold (spring), it ends one hour later on the clock; if they go back (fall), one hour earlier.`
      : undefined;
  return {
    start: withDetainerTerm(
      'Start the clock at the time the person would otherwise be released, not at booking and not when the detainer arrived.',
      detainerTerm(o),
    ),
    ...(skips
      ? {
          counting:
            'Where the limit does not count Saturdays, Sundays and holidays, the clock stops at midnight when such a day begins and starts again at midnight when it ends; only hours on working days count.',
          calendar,
        }
      : {}),
    ...(clock ? { clock } : {}),
    rules: [...byLimit.values()].map(({ limit, citations }) => ({
      limit,
      words: limitWords(limit),
      citations,
      examples: holdExamples(policy, limit, fromDay),
    })),
  };
}

// ---- outcomes and duties ----

function outcomesOf(
  otherwise: OfficerGuide['otherwise'],
  steps: GuideStep[],
  notice: IceNoticeDuty | undefined,
  term: string,
): OutcomeInstruction[] {
  const used = new Set<Outcome>([...steps.map((s) => s.outcome), ...(otherwise ? [otherwise.outcome] : [])]);
  // A hold on a notice-only request becomes notify, and a request for nothing is declined.
  if (used.has('hold')) used.add('notify');
  used.add('decline');
  const all: Record<Outcome, OutcomeInstruction> = {
    hold: {
      outcome: 'hold',
      name: 'Hold',
      todo: [
        'Keep the person no longer than the step allows, counted from the time they would otherwise be released.',
        'Write the step and its section number in the booking file, with the time the hold ends.',
        'If ICE has not taken custody when the hold ends, release the person.',
      ],
    },
    notify: {
      outcome: 'notify',
      name: 'Notify ICE only',
      todo: [
        notice?.decision
          ? `Tell ICE the time the person will be released, and the decision, as ${dutyWhere(notice)} requires.`
          : 'Tell ICE the time the person will be released.',
        'Do not keep the person past that time.',
      ],
    },
    review: {
      outcome: 'review',
      name: 'Refer for review',
      todo: [
        // The ordinance's term for the detainer, as its review clause and the guide's checks say it.
        withDetainerTerm('Refer the detainer to a supervisor, who decides in writing whether to honor it.', term),
        'Write the referral and the section number in the booking file.',
      ],
    },
    decline: {
      outcome: 'decline',
      name: 'Decline',
      todo: [
        'Release the person when they would otherwise be released.',
        withDetainerTerm('Do not hold the person or delay the release because of the detainer.', term),
        declineNoticeTodo(notice),
      ],
    },
  };
  return OUTCOMES.filter((o) => used.has(o)).map((o) => all[o]);
}

const DUTY_TYPES = new Set<ProvisionType>(['ice-access', 'status-inquiry', 'notice-to-person', 'notice-to-ice']);

/** The kinds of provision that give an officer no instruction on a detainer, by what each is (the guide says so, naming them). */
const NOT_AN_OFFICERS: Partial<Record<ProvisionType, string>> = {
  report: 'a report',
  training: 'training',
  severability: 'severability',
  'effective-date': 'the effective date',
};

/** The guide's standing duties, the provisions of kind `other` and the provisions it leaves out, each in the ordinance's order. */
function nonDetainerProvisions(o: Ordinance, policy: CompiledPolicy): Pick<OfficerGuide, 'duties' | 'others' | 'leftOut'> {
  const text = ordinanceText(o);
  const clauses = new Map(text.sections.flatMap((s) => s.clauses.filter((c) => c.provision).map((c) => [c.provision!, c.text])));
  const out: Pick<OfficerGuide, 'duties' | 'others' | 'leftOut'> = { duties: [], others: [], leftOut: [] };
  for (const s of policy.layout.sections) {
    for (const lp of s.provisions) {
      const type = lp.provision.type ?? 'detainer';
      const words = clauses.get(lp.provision.id);
      const what = NOT_AN_OFFICERS[type];
      if (what) out.leftOut.push({ citation: lp.citation, what });
      else if (!words) continue;
      else if (DUTY_TYPES.has(type)) out.duties.push({ citation: lp.citation, text: words });
      else if (type === 'other') out.others.push({ citation: lp.citation, text: words });
    }
  }
  return out;
}

/** The sentence that names the provisions the guide leaves out: "Not printed here, as none directs an officer on a detainer: § 4(b) (severability) and § 5 (the effective date)." */
function leftOutWords(leftOut: OfficerGuide['leftOut']): string {
  const one = leftOut.length === 1;
  return `Not printed here, as ${one ? 'it does not direct' : 'none directs'} an officer on a detainer: ${joinWords(
    leftOut.map((p) => `${p.citation} (${p.what})`),
    'and',
  )}.`;
}

/** The officer guide's content, derived from the compiled policy under a scenario (holiday calendar, agreement). */
export function officerGuide(o: Ordinance, given?: Scenario): OfficerGuide {
  const scenario = given ?? {};
  const policy = compile(o, scenario);
  const text = ordinanceText(o);
  const notice = iceNoticeDuty(o, policy.layout.citationOf);
  const term = detainerTerm(o);
  const steps = stepsOf(policy, notice, term);
  // A scenario that does not say whether an agreement is in force leaves it a fact to ask about (the CLI's
  // default, {}), not an agreement known to be absent: the steps, the otherwise step and the table agree.
  const agreementKnown = given?.reimbursementAgreement !== undefined ? given : undefined;
  const otherwise = otherwiseReached(o, policy, agreementKnown)
    ? {
        outcome: policy.otherwise,
        citation: policy.otherwiseCitation,
        action: actionOf(policy.otherwise, policy.otherwise === 'hold' ? policy.otherwiseHold : undefined, notice),
      }
    : null;
  const agency = agencyName(o);
  const law = lawApplied(o, given);
  const lawNotes = guideLawNotes(o, scenario, steps, otherwise, law.asOf);
  return {
    title: 'Officer guide: civil immigration detainers',
    policyTitle: o.title,
    subtitle: text.subtitle,
    agency,
    version: text.version,
    date: text.date,
    fingerprint: text.fingerprint,
    facts: factsOf(o, policy),
    detainer: term,
    request: [
      'Never do more than the detainer asks: if the step allows a hold but the detainer asks only for notice of release, notify ICE only.',
      'If the detainer asks for neither a hold nor notice, decline.',
    ].map((line) => withDetainerTerm(line, term)),
    steps,
    otherwise,
    holds: holdsOf(policy, o, scenario, otherwise),
    outcomes: outcomesOf(otherwise, steps, notice, term),
    ...nonDetainerProvisions(o, policy),
    table: guideTable(o, agreementKnown, policy),
    law: lawOf(law, lawNotes),
    lawNotes,
  };
}

/** The law notes on the provisions the steps apply (and the otherwise clause, when a case reaches it), each set on its steps. */
function guideLawNotes(
  o: Ordinance,
  scenario: Scenario,
  steps: GuideStep[],
  otherwise: OfficerGuide['otherwise'],
  asOf: string,
): LawNote[] {
  const places = steps.flatMap((s) => s.checks.map((c) => ({ provision: c.provision, citation: c.citation })));
  if (otherwise) places.push({ provision: 'default', citation: otherwise.citation });
  const notes = lawNotes(o, scenario, places, asOf);
  for (const s of steps) {
    const numbers = notes.filter((n) => s.checks.some((c) => n.provisions.includes(c.provision))).map((n) => n.number);
    if (numbers.length) s.lawNotes = numbers;
  }
  return notes;
}

/** The authorities the policy was checked against, by name and citation: one line in the header, the list in the appendix. */
function lawOf(law: LawApplied, notes: LawNote[]): OfficerGuide['law'] {
  // A date the law data could not verify is printed as the lint prints it ("July 1, 2019 (a date not
  // verified)"), and for law in force only by that date the date is given too ("since ...").
  const date = (a: AppliedAuthority) =>
    !a.effective
      ? ''
      : a.status === 'later'
        ? `, from ${longDate(a.effective)}${unverifiedDateMark(a)}`
        : a.effectiveUnverified
          ? `, since ${longDate(a.effective)}${unverifiedDateMark(a)}`
          : '';
  const line = (a: AppliedAuthority) =>
    `${a.kind === 'case' ? a.citation : namedWithCitation(a.name, a.citation)}${date(a)}${a.ends && a.ends < law.currentTo ? `${a.status === 'later' ? ' to' : ', until'} ${longDate(a.ends)}` : ''}${a.confidence === 'verified-primary' ? '' : ` [${a.confidenceWords}]`}`;
  // Law that took effect after the date is checked too (it applies to the policy now): said where the
  // date is, so a 2014 policy's list of authorities "from May 21, 2019" does not read as law of 2014.
  // A legal finding whose authority took effect after the date is law of after the date too.
  const since =
    [...law.stateLaw, ...law.federal].some((a) => a.status === 'later') || notes.some((n) => n.authority?.after)
      ? `, and as the law has stood since, through ${longDate(law.currentTo)} (an authority marked "from" took effect after ${longDate(law.asOf)})`
      : '';
  return {
    asOf: `${law.stateName}, as of ${longDate(law.asOf)} (${law.asOfSource})${since}`,
    summary: `Checked against ${law.stateName ? `the law of ${law.stateName} and federal law` : 'federal law'} as of ${longDate(law.asOf)} (${law.asOfSource})${since ? `, and as it has stood since` : ''}; the authorities are listed at the end of the appendix.`,
    state: law.stateLaw.map(line),
    federal: law.federal.map(line),
  };
}

// ---- HTML ----

const GUIDE_CSS = `${LAW_NOTES_CSS}
html { font-family: ${SANS}; font-size: 10.5pt; line-height: 1.35; }
body { max-width: 48rem; }
.doc-header { border-bottom: 2px solid #111; padding-bottom: .4rem; margin-bottom: .6rem; }
.doc-header h1 { font-size: 1.35rem; margin: 0 0 .15rem; }
.doc-header p { margin: 0; }
h2 { font-size: 1.02rem; margin: .8rem 0 .3rem; border-bottom: 1px solid #bbb; }
h3 { font-size: .95rem; margin: .5rem 0 .15rem; }
.step { border: 1px solid #bbb; border-radius: 4px; padding: .3rem .5rem .35rem; margin: 0 0 .4rem; break-inside: avoid; page-break-inside: avoid; }
.step h3 { margin: 0 0 .15rem; }
.step .when { margin: 0 0 .15rem; font-size: .92rem; }
ul.checks { list-style: none; margin: 0; padding: 0; }
ul.checks ul.checks { margin-left: 1.4rem; }
ul.checks li { position: relative; padding-left: 1.4rem; margin: .08rem 0; }
ul.checks li::before { content: ""; position: absolute; left: .1rem; top: .22em; width: .72em; height: .72em; border: 1.2px solid #111; }
ul.checks li.group::before { border-style: dashed; }
/* At the size of the text around it: a smaller run ends its word in a PDF's text ("(§ 3(b)) ."). */
.cite { color: #444; white-space: nowrap; }
.decider { font-weight: bold; }
.outcome-tag { display: inline-block; font-weight: bold; padding: 0 .3rem; border: 1px solid #111; border-radius: 3px; }
ol.facts, ul.plain { margin: .1rem 0 .3rem; padding-left: 1.3rem; }
ol.facts li, ul.plain li { margin: .05rem 0; }
table.outcomes td:first-child { white-space: nowrap; font-weight: bold; }
table.examples td, table.outcomes td { font-size: .9rem; }
.doc-footer { margin-top: .8rem; font-size: .8rem; }
table.decision-table { border-collapse: collapse; font-size: .8rem; }
table.decision-table th, table.decision-table td { border: 1px solid #bbb; padding: .1rem .25rem; vertical-align: top; }
table.decision-table td.section { white-space: nowrap; }
/* A heading stays with its table, and a short table is never split from its caption or across pages. */
table.examples, table.outcomes { break-inside: avoid; page-break-inside: avoid; }
caption { break-after: avoid; page-break-after: avoid; }
.appendix { break-before: page; page-break-before: always; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
ul.law { font-size: .9rem; }
p.step-law { margin: .2rem 0 0; padding: 0 .3rem; border-left: 3px solid #111; font-size: .88rem; }
/* On paper the page margins carry the footer's facts (version, effective date, fingerprint) on every page, as the ordinance's do. */
@media print { html { font-size: 9.3pt; } h2 { margin-top: .55rem; } .doc-footer { display: none; } }
`;

function checkHtml(c: GuideCheck): string {
  const decider = c.decidedBy ? ` <span class="decider">(a finding ${escapeHtml(c.decidedBy)} must make, in writing)</span>` : '';
  if (!c.items) return `<li>${escapeHtml(c.text)}${decider}</li>`;
  return `<li class="group">${escapeHtml(c.text)}<ul class="checks">${c.items.map(checkHtml).join('')}</ul></li>`;
}

/**
 * One provision of a step. Under a lead that says to go down the provisions in order (the first that
 * applies gives the section), a provision's own lines say that their order does not matter: the engine
 * reads "all of these" and "any one of these" as a whole (the same outcome and section in any order, a
 * finding still open included), and the guide sorts them into the order the facts arrive, not the order
 * the ordinance lists them; the lines of a nested group too, and the note says so where there is one.
 */
function provisionCheckHtml(p: GuideProvisionCheck, detainer: string, ordered: boolean): string {
  const cite = ` <span class="cite">(${escapeHtml(p.citation)}${p.heading ? `, ${escapeHtml(p.heading)}` : ''})</span>`;
  if (!p.check) return `<li>Every ${escapeHtml(detainer)} that reaches this step${cite}</li>`;
  const c = p.check;
  const decider = c.decidedBy ? ` <span class="decider">(a finding ${escapeHtml(c.decidedBy)} must make, in writing)</span>` : '';
  if (!c.items) return `<li>${escapeHtml(c.text)}${decider}${cite}</li>`;
  // The lines of a nested group are read as a whole too (sorted as the provision's own are): said once, here,
  // so that no list under the ordered one is left to look ordered.
  const nested = c.items.some((i) => i.items);
  const text = ordered ? `${c.text.replace(/:$/, '')} (check these${nested ? ', and the lines under them,' : ''} in any order):` : c.text;
  return `<li class="group">${escapeHtml(text)}${cite}<ul class="checks">${c.items.map(checkHtml).join('')}</ul></li>`;
}

/** The law notes on a step, in one short paragraph: each finding whole is at the top of the guide. */
function stepLawNotesHtml(s: GuideStep, notes: LawNote[]): string {
  const on = notes.filter((n) => s.lawNotes?.includes(n.number));
  if (!on.length) return '';
  const silenced = on.every((n) => n.silenced) ? ", each silenced by the policy's author" : '';
  const item = (n: LawNote) =>
    `${n.number}. ${escapeHtml(n.title)}${n.authority ? `: ${escapeHtml(n.authority.name)}${n.authority.date ? `, ${escapeHtml(n.authority.date)}` : ''}` : ''}${n.silenced && !silenced ? ", silenced by the policy's author" : ''}`;
  return `<p class="step-law"><strong>The law on this step</strong> (${on.length === 1 ? 'the note' : 'notes'} at the top of this guide${silenced}): ${on.map(item).join('; ')}.</p>`;
}

function stepHtml(s: GuideStep, detainer: string, notes: LawNote[] = []): string {
  const lead =
    s.checks.length > 1
      ? 'If any one of these applies (go down them in this order; the first that applies gives the section to write down):'
      : 'If this applies:';
  return [
    `<section class="step" aria-labelledby="step-${s.number}">`,
    `<h3 id="step-${s.number}">Step ${s.number}. ${escapeHtml(s.action)}</h3>`,
    `<p class="when">${lead}</p>`,
    `<ul class="checks">${s.checks.map((c) => provisionCheckHtml(c, detainer, s.checks.length > 1)).join('')}</ul>`,
    stepLawNotesHtml(s, notes),
    '</section>',
  ].join('');
}

export function officerGuideBodyHtml(g: OfficerGuide): string {
  const short = shortFingerprint(g.fingerprint);
  const out: string[] = [];
  out.push(
    '<header class="doc-header">',
    `<h1>${escapeHtml(g.title)}</h1>`,
    `<p><strong>${escapeHtml(g.policyTitle)}</strong></p>`,
    g.subtitle ? `<p>${escapeHtml(g.subtitle)}</p>` : '',
    `<p>Policy fingerprint <span class="fingerprint">${short}</span>. Made from the policy itself; check the fingerprint against the enacted text.</p>`,
    `<p>${escapeHtml(g.law.summary)}</p>`,
    '</header>',
    '<main>',
    lawNotesHtml(g.lawNotes, 'g-law-notes', "What the law it was checked against says about this policy's steps"),
  );
  out.push('<section aria-labelledby="g-facts"><h2 id="g-facts">Gather these facts, in this order</h2>');
  out.push(`<ol class="facts">${g.facts.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ol></section>`);

  out.push('<section aria-labelledby="g-decide"><h2 id="g-decide">Decide: go down the steps and stop at the first that applies</h2>');
  out.push(
    `<section class="step" aria-labelledby="step-1"><h3 id="step-1">Step 1. Read what the ${escapeHtml(g.detainer)} asks for</h3><ul class="plain">${g.request.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul></section>`,
  );
  for (const s of g.steps) out.push(stepHtml(s, g.detainer, g.lawNotes));
  const last = g.steps.length + 2;
  if (g.otherwise)
    out.push(
      `<section class="step" aria-labelledby="step-${last}"><h3 id="step-${last}">Step ${last}. Otherwise, ${escapeHtml(decapitalize(g.otherwise.action))}</h3><p class="when">If no step above applies <span class="cite">(${escapeHtml(g.otherwise.citation)})</span>.</p></section>`,
    );
  out.push('</section>');

  if (g.holds) {
    out.push('<section aria-labelledby="g-hold"><h2 id="g-hold">The maximum hold and how to count it</h2>');
    out.push('<ul class="plain">');
    for (const r of g.holds.rules) {
      out.push(
        `<li><strong>At most ${escapeHtml(r.words)}</strong>, counted from release time <span class="cite">(${escapeHtml(r.citations.join(', '))})</span>.</li>`,
      );
    }
    out.push(
      [g.holds.start, g.holds.counting, g.holds.calendar, g.holds.clock]
        .filter((x): x is string => x !== undefined)
        .map((x) => `<li>${escapeHtml(x)}</li>`)
        .join('') + '</ul>',
    );
    const rows = g.holds.rules.flatMap((r) => r.examples.map((e) => ({ r, e })));
    if (rows.length) {
      out.push(
        '<table class="examples"><caption>Worked examples</caption><thead><tr><th scope="col">Limit</th><th scope="col">Would be released</th><th scope="col">Hold must end by</th><th scope="col">Why</th></tr></thead><tbody>',
      );
      for (const { r, e } of rows)
        out.push(
          `<tr><td>${escapeHtml(`${r.limit.hours} hours`)}</td><td>${escapeHtml(e.release)}</td><td>${escapeHtml(e.end)}</td><td>${escapeHtml(e.note)}</td></tr>`,
        );
      out.push('</tbody></table>');
    }
    out.push('</section>');
  }

  out.push('<section aria-labelledby="g-outcomes"><h2 id="g-outcomes">What to do on each outcome</h2>');
  out.push('<table class="outcomes"><thead><tr><th scope="col">Outcome</th><th scope="col">What to do</th></tr></thead><tbody>');
  for (const o of g.outcomes) out.push(`<tr><td>${escapeHtml(o.name)}</td><td>${o.todo.map(escapeHtml).join(' ')}</td></tr>`);
  out.push('</tbody></table></section>');

  if (g.duties.length) {
    out.push('<section aria-labelledby="g-duties"><h2 id="g-duties">In every case</h2><ul class="plain">');
    for (const d of g.duties) out.push(`<li>${escapeHtml(d.text)} <span class="cite">(${escapeHtml(d.citation)})</span></li>`);
    out.push('</ul></section>');
  }
  if (g.others.length) {
    out.push('<section aria-labelledby="g-others"><h2 id="g-others">The ordinance\'s other provisions</h2>');
    out.push(
      `<p>The steps above do not apply these provisions, and this guide cannot tell which of them directs you: each is printed in the ordinance's words. Follow any that applies to what you do.</p><ul class="plain">`,
    );
    for (const d of g.others) out.push(`<li>${escapeHtml(d.text)} <span class="cite">(${escapeHtml(d.citation)})</span></li>`);
    out.push('</ul></section>');
  }
  if (g.leftOut.length) out.push(`<p class="left-out">${escapeHtml(leftOutWords(g.leftOut))}</p>`);
  out.push(appendixHtml(g));
  out.push('</main>');
  out.push(
    `<footer class="doc-footer"><p>${escapeHtml(g.policyTitle)} · ${versionFacts(g).map(escapeHtml).join(' · ')} · Fingerprint <span class="fingerprint">${escapeHtml(g.fingerprint)}</span></p></footer>`,
  );
  return out.filter(Boolean).join('\n');
}

/**
 * The appendix, on pages of its own after the guide proper: the complete decision table (when the
 * policy has an exact one), then the law the policy was checked against, for the supervisor or lawyer
 * who checks the guide rather than the officer who follows it.
 */
function appendixHtml(g: OfficerGuide): string {
  const out: string[] = ['<section class="appendix">'];
  if (g.table) out.push(...tableHtml(g.table));
  out.push(
    '<h2 id="g-law">Appendix: the law this policy was checked against</h2>',
    `<p>${escapeHtml(g.law.asOf)}.</p>`,
    `<ul class="plain law">${[
      ...(g.law.state.length ? g.law.state : ['No state statute or ruling on detainers was found for this state.']),
      `Federal: ${g.law.federal.join('; ')}`,
    ]
      .map((l) => `<li>${escapeHtml(l)}</li>`)
      .join('')}</ul>`,
    '</section>',
  );
  return out.join('\n');
}

function tableHtml(t: GuideTable): string[] {
  const out: string[] = ['<h2 id="g-table">Appendix: the complete decision table</h2>'];
  const under =
    t.agreement === undefined ? '' : `With ${t.agreement ? 'a' : 'no'} written reimbursement agreement in force, as the scenario says: `;
  const rows = t.rowCount === 1 ? 'this one row covers' : `these ${t.rowCount} rows cover`;
  const coverage = t.complete
    ? `${under}${under ? rows : rows.charAt(0).toUpperCase() + rows.slice(1)} all ${t.totalCombinations} combinations of the facts the policy reads, each exactly once${t.otherwisePrinted ? `; the otherwise clause decides ${t.defaultCombinations}` : ''}. "any" means the outcome does not depend on that fact in that row.`
    : `The rows do not cover every combination of the facts the policy reads; check the policy.`;
  out.push(`<p>${escapeHtml(coverage)}</p>`);
  if (t.rows.length === 0) {
    out.push(
      `<p>The table has more than ${MAX_PRINTED_ROWS} rows; it is exported whole as CSV (<code>detainer-studio decision-table</code>).</p>`,
    );
    return out;
  }
  out.push('<table class="decision-table"><thead><tr>');
  for (const c of [...t.columns, 'Outcome', 'Section']) out.push(`<th scope="col">${escapeHtml(c)}</th>`);
  out.push('</tr></thead><tbody>');
  for (const r of t.rows) {
    out.push(
      `<tr>${r.facts.map((f) => `<td>${escapeHtml(f)}</td>`).join('')}<td>${escapeHtml(r.outcome)}</td><td class="section">${escapeHtml(r.citation)}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  return out;
}

export function renderOfficerGuideHtml(o: Ordinance, scenario?: Scenario): string {
  const g = officerGuide(o, scenario);
  return htmlDocument({
    title: `${g.title}: ${g.policyTitle}`,
    description: `Officer guide for ${g.policyTitle}, fingerprint ${g.fingerprint}`,
    css: GUIDE_CSS,
    faces: SANS_DOCUMENT_FACES,
    margins: {
      footer: marginFooter(g, 'Officer guide'),
    },
    body: officerGuideBodyHtml(g),
  });
}
