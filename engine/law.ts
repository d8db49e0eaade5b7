// The law as data: every statute, regulation, ruling and federal form the legal lint, the hold
// arithmetic and the Law applied view rely on, compiled at build time from law/*.yaml (see
// law/README.md). No legal fact (a citation, a date, the 48 hours) lives anywhere else.

import type { Severity } from './diagnostics';
import { LAW_AUTHORITIES, LAW_MANIFEST, LAW_SEARCHES } from './generated/law.js';
import type { Condition } from './model';

export type Confidence = 'verified-primary' | 'verified-secondary' | 'uncertain';
export type DetainerFormName = 'I-247' | 'I-247D' | 'I-247N' | 'I-247A';

export interface CitationPeriod {
  cite: string;
  from?: string;
  to?: string;
  note?: string;
}

export interface LawSource {
  url: string;
  kind: 'primary' | 'secondary';
  quote: string;
  note?: string;
}

export interface HolidayRule {
  name: string;
  month: number;
  day?: number;
  weekday?: number;
  nth?: number;
  fromYear?: number;
  untilYear?: number;
  /**
   * YYYY-MM-DD: the day the law making it a holiday took effect, where that was within its first year
   * (Juneteenth: June 17, 2021). It is a holiday in force from that day; an observed day before it is not one.
   */
  inForceFrom?: string;
}

export interface NthWeekday {
  month: number;
  weekday: number;
  nth: number;
  hour: number;
}

export interface Authority {
  id: string;
  /** `US` or a state's postal code. */
  jurisdiction: string;
  kind: 'statute' | 'regulation' | 'case' | 'form' | 'executive-order' | 'guidance';
  name: string;
  citations: CitationPeriod[];
  reporter?: string;
  court?: string;
  /** YYYY-MM-DD; absent when not verified (then in force on every date). */
  effective?: string;
  /** The effective date was not verified in a primary source: findings say so and are at most warnings. */
  effectiveUnverified?: true;
  ends?: string;
  supersededBy?: string;
  binding?: 'binding' | 'persuasive';
  requires: string;
  /** The levels of government it reaches, where the source limits it (every level when absent). */
  binds?: Array<'city' | 'town' | 'county' | 'state'>;
  holds?: 'required' | 'barred' | 'uncertain' | 'not-addressed';
  holdAllowedWhen?: Condition;
  holdAllowedOutsideBar?: boolean;
  holdsRequiredWhen?: Condition;
  /** YYYY-MM-DD: the duty reaches only offenses committed on or after this day (the case record has no offense date, so findings say it in words). */
  offensesCommittedFrom?: string;
  notification?: 'required' | 'barred' | 'limited' | 'not-addressed';
  /** For required notification: the cases the duty to notify reaches (every detainer asking for notice when absent). */
  notifyRequiredWhen?: Condition;
  notifyAllowedWhen?: Condition;
  forbidsJudicialWarrantRequirement?: boolean;
  infoOnly?: boolean;
  barsLimitsOnEnforcement?: boolean;
  agreement287g?: 'required' | 'barred' | 'governor-only';
  requiredOf287g?: 'county' | 'all';
  /** Whom the duty to enter a 287(g) agreement binds, in the words of the source read (findings name it). */
  dutyHolder287g?: string;
  overridden287g?: boolean;
  holdLimit?: { hours: number; excludingWeekendsAndHolidays: boolean; holidays?: 'federal' | 'unspecified' };
  detainerForm?: {
    form: DetainerFormName;
    asks: Array<'hold' | 'notify'>;
    holdHours?: number;
    excludingWeekendsAndHolidays?: boolean;
    usedFrom?: string;
    usedUntil?: string;
  };
  holding?: string;
  facts?: string;
  penalty?: string;
  exceptions?: string[];
  holidayRules?: HolidayRule[];
  daylightSaving?: Array<{ fromYear: number; untilYear?: number; start: NthWeekday; end: NthWeekday }>;
  timeZones?: Array<{ name: string; label: string; standardOffsetMinutes: number; noDst?: boolean }>;
  zoneStates?: Array<{ zone: string; section: string; states: string[]; partly?: string[] }>;
  confidence: Confidence;
  stateLawsRows?: string[];
  sources: LawSource[];
  notes?: string[];
  /** The data file it came from, relative to the project root. */
  file: string;
}

/** Every authority, federal first, then by state. */
export const LAW: readonly Authority[] = LAW_AUTHORITIES as Authority[];
/** The data's version and the date through which its sources were read. */
export const LAW_VERSION: { version: string; currentTo: string } = LAW_MANIFEST;

/**
 * A search for a state's law on detainers that found none in force to encode (law/index.yaml's
 * `searches`): when, what was looked for, and what turned up instead (bills, pending cases).
 */
export interface StateSearch {
  state: string;
  /** YYYY-MM-DD */
  searched: string;
  lookedFor: string;
  /** What was found, as the finding prints it in parentheses ("bills only: ..."). */
  found: string;
  sources: { url: string; quote: string; note?: string }[];
  notes?: string[];
}

/** Every search that found no state law to encode, one per state. */
export const LAW_SEARCHED: readonly StateSearch[] = LAW_SEARCHES as StateSearch[];

/** The search recorded for a state with no law on file, or undefined when it was not researched. */
export function stateSearch(state: string): StateSearch | undefined {
  return LAW_SEARCHED.find((s) => s.state === state);
}

const BY_ID = new Map(LAW.map((a) => [a.id, a]));

/** The authority with this id; a missing id is a bug in the code that names it. */
export function authority(id: string): Authority {
  const a = BY_ID.get(id);
  if (!a) throw new Error(`no authority "${id}" in law/`);
  return a;
}

/** An authority cited as its whole section: its last citation without the subsection (8 CFR 287.7(d) -> 8 CFR 287.7). */
export function sectionCitation(id: string): string {
  return authority(id)
    .citations.at(-1)!
    .cite.replace(/\([a-z0-9]+\)$/, '');
}

/** Whether an authority is in force on a date (YYYY-MM-DD). */
export function inForce(a: Authority, date: string): boolean {
  return (a.effective === undefined || a.effective <= date) && (a.ends === undefined || date <= a.ends);
}

/** The citation to print for a date: every citation of the authority in force then, joined. */
export function citationOn(a: Authority, date: string): string {
  const now = a.citations.filter((c) => (c.from === undefined || c.from <= date) && (c.to === undefined || date <= c.to));
  const list = now.length ? now : [a.citations[a.citations.length - 1]!];
  return list.map((c) => c.cite).join('; ');
}

/** Whether an authority reaches a level of government (every level unless its `binds` limits it). */
export function bindsLevel(a: Authority, level?: string): boolean {
  return level === undefined || a.binds === undefined || (a.binds as string[]).includes(level);
}

/** The authorities of a state (its statutes and its courts' rulings), in force on a date; with a level, those that reach it. */
export function stateLawOn(state: string, date: string, level?: string): Authority[] {
  return LAW.filter((a) => a.jurisdiction === state && inForce(a, date) && bindsLevel(a, level));
}

/** The authorities of a state that take effect after a date (law the ordinance will meet later); with a level, those that reach it. */
export function stateLawAfter(state: string, date: string, level?: string): Authority[] {
  return LAW.filter((a) => a.jurisdiction === state && a.effective !== undefined && a.effective > date && bindsLevel(a, level));
}

/**
 * The most a finding under this authority can be: an error only for law read in a primary source. For an
 * ordinance dated (`asOf`) within a year after an effective date the data could not verify, the finding
 * rests on that date, so it is at most a warning.
 */
export function severityOf(a: Authority, asOf?: string): Severity {
  if (a.confidence === 'uncertain') return 'info';
  if (a.confidence === 'verified-secondary' || a.binding === 'persuasive') return 'warning';
  if (a.effectiveUnverified && a.effective && asOf !== undefined && asOf < yearAfter(a.effective)) return 'warning';
  return 'error';
}

/** The same day a year later (YYYY-MM-DD). */
function yearAfter(date: string): string {
  return `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
}

/**
 * The words after an effective date the law data could not verify, the same wherever a date is printed
 * (the lint's findings, the officer guide, the Law applied view): " (a date not verified)", or nothing.
 */
export function unverifiedDateMark(a: { effectiveUnverified?: true }): string {
  return a.effectiveUnverified ? ' (a date not verified)' : '';
}

/** How sure the project is, in words for a lawyer. */
export function confidenceWords(a: Authority): string {
  const how =
    a.confidence === 'verified-primary'
      ? 'read in a primary source'
      : a.confidence === 'verified-secondary'
        ? 'read only in secondary sources; not yet confirmed in the text'
        : 'uncertain: sources conflict or the text was not read';
  const date = a.effectiveUnverified ? `${how}; its effective date is not verified` : how;
  return a.binding === 'persuasive' ? `${date}; persuasive, not binding` : date;
}

/** The detainer form of this name. */
export function detainerFormAuthority(form: DetainerFormName): Authority {
  const a = LAW.find((x) => x.detainerForm?.form === form);
  if (!a) throw new Error(`no detainer form ${form} in law/`);
  return a;
}

/** The form in use for a hold request issued on a date (YYYY-MM-DD) when the case does not name it. */
export function detainerFormOn(date: string): Authority {
  const current = LAW.filter((a) => a.detainerForm?.usedFrom !== undefined && a.detainerForm.usedFrom <= date);
  current.sort((a, b) => (a.detainerForm!.usedFrom! < b.detainerForm!.usedFrom! ? 1 : -1));
  return current[0] ?? detainerFormAuthority('I-247');
}

/** The one authority with a given field, e.g. the holiday statute. */
export function federalWith(field: 'holidayRules' | 'daylightSaving' | 'holdLimit' | 'zoneStates'): Authority {
  const a = LAW.find((x) => x.jurisdiction === 'US' && x[field] !== undefined);
  if (!a) throw new Error(`no federal authority with ${field} in law/`);
  return a;
}
