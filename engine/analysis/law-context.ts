// Which law applies to an ordinance: its state and the date whose law counts (the scenario's as-of date,
// the ordinance's own law-as-of date, its effective date, or the law data's date), the federal and
// state authorities in force then, and the state law that takes effect later but is in force now.

import { authority, citationOn, LAW, LAW_VERSION, stateLawAfter, stateLawOn, stateSearch, type Authority } from '../law';
import { effectiveDateOf, type Condition, type Ordinance, type Scenario } from '../model';
import { STATE_NAMES } from '../states';
import { longDate } from '../text-model';

export interface LawContext {
  state: string;
  /** YYYY-MM-DD: the date whose law applies. */
  asOf: string;
  /** Where the date came from, in words ("the effective date", ...). */
  asOfSource: string;
  /** The state's authorities in force on the date that reach the ordinance's level of government. */
  stateLaw: Authority[];
  /**
   * The state's authorities that take effect after the date, up to the data's date: those in force on the
   * data's date and those in force for a while after the date and since ended (replaced or repealed).
   */
  later: Authority[];
  /** The date through which the law data was read. */
  currentTo: string;
}

export function lawContext(o: Ordinance, scenario?: Scenario): LawContext {
  const currentTo = LAW_VERSION.currentTo;
  const [asOf, asOfSource] = scenario?.asOf
    ? [scenario.asOf, "the scenario's as-of date"]
    : o.lawAsOf
      ? [o.lawAsOf, "the ordinance's law-as-of date"]
      : effectiveDateOf(o)
        ? [effectiveDateOf(o)!, 'the effective date']
        : [currentTo, 'the date the law data is current to, as the ordinance has no effective date'];
  const state = o.jurisdiction.state;
  return {
    state,
    asOf,
    asOfSource,
    stateLaw: stateLawOn(state, asOf, o.jurisdiction.level),
    later: stateLawAfter(state, asOf, o.jurisdiction.level).filter((a) => a.effective! <= currentTo),
    currentTo,
  };
}

/** The conditions the state's law reads (its exceptions and the scope of its duties), to make room for in the fact space. */
export function lawConditions(ctx: LawContext): Condition[] {
  const out: Condition[] = [];
  for (const a of [...ctx.stateLaw, ...ctx.later]) {
    if (a.holdAllowedWhen) out.push(a.holdAllowedWhen);
    if (a.holdsRequiredWhen) out.push(a.holdsRequiredWhen);
    if (a.notifyAllowedWhen) out.push(a.notifyAllowedWhen);
    if (a.notifyRequiredWhen) out.push(a.notifyRequiredWhen);
  }
  return out;
}

/**
 * How far the law data went for a state with no law on file, in the words the lint's finding and the Law
 * applied view both print: "searched on December 6, 2026: no enacted state law on detainers found (bills
 * only: ...)" from law/index.yaml's record of the search, or "not researched" when there is none.
 */
export function researchWords(state: string): string {
  const s = stateSearch(state);
  return s ? `searched on ${longDate(s.searched)}: no enacted state law on detainers found (${s.found})` : 'not researched';
}

/** "California", from the postal code, for messages; the code itself when unknown. */
export function stateName(code: string): string {
  return STATE_NAMES[code] ?? code;
}

/** The citation of an authority for the date a finding speaks of. */
export function citeFor(a: Authority, date: string): string {
  return citationOn(a, date);
}

/** A federal authority by id (the ids are part of the data's contract with the lint). */
export function federal(id: string): Authority {
  return authority(id);
}

/** Every federal ruling on holds without probable cause, oldest first. */
export function probableCaseRulings(): Authority[] {
  return ['us-galarza-v-szalczyk', 'us-miranda-olivares', 'us-morales-v-chadbourne'].map(authority);
}

/** Whether a state's law on holds conflicts (any authority in force says holds are uncertain). */
export function holdsUncertain(ctx: LawContext): Authority | undefined {
  return ctx.stateLaw.find((a) => a.holds === 'uncertain');
}

/** The law data's authorities of one state, newest first, for the Law applied view. */
export function allStateLaw(state: string): Authority[] {
  return LAW.filter((a) => a.jurisdiction === state).sort((a, b) => ((a.effective ?? '') < (b.effective ?? '') ? 1 : -1));
}
