// The domain types: the ordinance document, booking cases, scenarios and decisions.

import { detainerFormOn, federalWith } from './law';

const FEDERAL_HOLD_LIMIT = federalWith('holdLimit').holdLimit!;

export type Outcome = 'hold' | 'notify' | 'review' | 'decline';
export const OUTCOMES: readonly Outcome[] = ['hold', 'notify', 'review', 'decline'];

export type OffenseClass = 'felony' | 'misdemeanor' | 'infraction';

export interface OffenseFilter {
  classes?: OffenseClass[];
  degrees?: number[];
  categories?: string[];
}

export interface Definition {
  term: string;
  meaning: string;
  covers?: OffenseFilter[];
}

export interface Finding {
  id?: string;
  text: string;
  aims?: 'serious-offenders' | 'public-trust' | 'cost' | 'liability' | 'other';
  source?: string;
}

export interface LookBackWindow {
  years: number;
  of?: 'request' | 'arrest';
  measuredFrom?: 'conviction' | 'release' | 'later-of-conviction-and-release';
  /** Time incarcerated left out of the window: `this-conviction`, or `this-and-later` (also written `true`). */
  excludeTimeIncarcerated?: boolean | 'this-conviction' | 'this-and-later';
}

export interface ConvictionTest extends OffenseFilter {
  term?: string;
  within?: LookBackWindow;
  atLeast?: number;
  current?: boolean;
  includeJuvenile?: boolean;
}

export interface ChargeTest extends OffenseFilter {
  term?: string;
  bondPosted?: boolean;
  bondable?: boolean;
  probableCauseFinding?: boolean;
}

export type WarrantJurisdiction = 'state' | 'federal' | 'other-state' | 'local';

export interface WarrantTest {
  kind?: 'criminal' | 'civil';
  jurisdictions?: WarrantJurisdiction[];
  felony?: boolean;
}

export type RecordKey =
  | 'gangDatabase'
  | 'terroristWatchlistMatch'
  | 'finalRemovalOrder'
  | 'priorRemovalReentry'
  | 'sexOffenderRegistry'
  | 'arsonOffenderRegistry'
  | 'securityRiskGroup';

export const RECORD_KEYS: readonly RecordKey[] = [
  'gangDatabase',
  'terroristWatchlistMatch',
  'finalRemovalOrder',
  'priorRemovalReentry',
  'sexOffenderRegistry',
  'arsonOffenderRegistry',
  'securityRiskGroup',
];

export interface DiscretionTest {
  by?: 'officer' | 'supervisor' | 'sheriff' | 'chief' | 'warden' | 'director';
  finding: string;
}

/** A condition is an object with exactly one of these keys. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { judicialWarrant: boolean }
  | { administrativeWarrant: boolean }
  | { requested: 'hold' | 'notify' }
  | { reimbursementAgreement: boolean }
  | { age: { atLeast?: number; under?: number } }
  | { conviction: ConvictionTest }
  | { charge: ChargeTest }
  | { warrant: WarrantTest }
  | { record: RecordKey }
  | { discretion: DiscretionTest };

export type ProvisionType =
  | 'detainer'
  | 'ice-access'
  | 'status-inquiry'
  | 'notice-to-person'
  | 'notice-to-ice'
  | 'report'
  | 'training'
  | 'severability'
  | 'effective-date'
  | 'other';

/** The fields that belong to each provision type (beyond id, type, heading and text). */
export const PROVISION_TYPE_FIELDS: Record<ProvisionType, readonly string[]> = {
  detainer: ['when', 'outcome', 'maxHold'],
  'ice-access': ['interviews', 'facilities'],
  'status-inquiry': ['inquiries'],
  'notice-to-person': ['notices'],
  'notice-to-ice': ['notices'],
  report: ['reportTo', 'every', 'contents'],
  training: [],
  severability: [],
  'effective-date': ['date'],
  other: [],
};

export interface MaxHold {
  hours: number;
  excludingWeekendsAndHolidays?: boolean;
  /**
   * Not in the ordinance schema: the hold the detainer's own form asks for (the honor-all baseline);
   * `hours` and `excludingWeekendsAndHolidays` then give the regulation's cap, for words.
   */
  asRequested?: boolean;
}

/**
 * The date the ordinance takes effect (YYYY-MM-DD), the one date every face uses: the printed text (its
 * subtitle, effective-date section and holiday list), the legal checks, the officer guide, the policy
 * bundle and the impact report. The first dated effective-date provision decides, as the schema says
 * ("unless a provision of type `effective-date` says otherwise"), since its words are what the text
 * prints as "This ordinance takes effect on ..."; without one, the document's `effectiveDate`.
 * Validation warns where the two disagree (ordinance.ts, `effective-dates-disagree`).
 */
export function effectiveDateOf(o: Pick<Ordinance, 'sections' | 'effectiveDate'>): string | undefined {
  for (const s of o.sections ?? []) for (const p of s.provisions ?? []) if (p.type === 'effective-date' && p.date) return p.date;
  return o.effectiveDate;
}

/** The federal maximum (8 CFR 287.7(d), from law/): the hold of an `otherwise: hold`. */
export const FEDERAL_MAX_HOLD: MaxHold = {
  hours: FEDERAL_HOLD_LIMIT.hours,
  excludingWeekendsAndHolidays: FEDERAL_HOLD_LIMIT.excludingWeekendsAndHolidays,
};

/**
 * The maximum hold of the otherwise clause, for an `otherwise: hold`: its `otherwiseMaxHold`, or the
 * federal maximum. The logic (compile), the words (text-model), the lint, the officer guide, the decision
 * table and the bundle all read it here, so what the text says is what the logic does.
 */
export function otherwiseHoldOf(o: Pick<Ordinance, 'otherwiseMaxHold'>): MaxHold {
  return o.otherwiseMaxHold ?? FEDERAL_MAX_HOLD;
}

const NEWEST_FORM = detainerFormOn('9999-12-31').detainerForm!;

/**
 * The hold the detainer form now in use asks for (from law/: the I-247A's 48 hours after release,
 * weekends included): the hold a new draft's provision starts with, so it asks for no more than ICE does.
 */
export const REQUESTED_HOLD: MaxHold = {
  hours: NEWEST_FORM.holdHours!,
  excludingWeekendsAndHolidays: NEWEST_FORM.excludingWeekendsAndHolidays === true,
};

export interface Provision {
  id: string;
  type?: ProvisionType;
  heading?: string;
  when?: Condition;
  outcome?: Outcome;
  maxHold?: MaxHold;
  text?: string;
  interviews?: 'allowed' | 'with-consent' | 'with-criminal-warrant' | 'never';
  facilities?: 'allowed' | 'with-criminal-warrant' | 'never';
  inquiries?: 'prohibited' | 'permitted' | 'only-when-required-by-law';
  notices?: Array<'copy-of-detainer' | 'decision' | 'release-date'>;
  reportTo?: string;
  every?: 'month' | 'quarter' | 'half-year' | 'year';
  contents?: Array<'received' | 'honored' | 'declined' | 'reasons' | 'costs' | 'reimbursements'>;
  date?: string;
}

export interface Section {
  id?: string;
  heading: string;
  text?: string;
  provisions?: Provision[];
}

export interface Suppression {
  code: string;
  provision?: string;
  reason: string;
}

/** A closing clause's setting: true for the standard words, false to leave it out, or the author's own words. */
export type StandardClauseSetting = boolean | string;

export type EnactingForm = 'city-council' | 'county-board' | 'state-legislature' | 'executive-order';

export interface Signature {
  /** Signs as presiding officer, attests (clerk), approves (executive), or signs an order. */
  role: 'presiding' | 'attest' | 'approve' | 'sign';
  title: string;
  name?: string;
  date?: string;
}

/** The passage record printed after the text: date, vote and signatures (blanks where not yet known). */
export interface Passage {
  passedOn?: string;
  votes?: { inFavor?: number; opposed?: number; abstaining?: number; absent?: number };
  signatures?: Signature[];
}

export interface Ordinance {
  $schema?: string;
  title: string;
  shortTitle?: string;
  documentNumber?: string;
  jurisdiction: {
    name: string;
    state: string;
    level?: 'city' | 'town' | 'county' | 'state';
    /** IANA name of the jurisdiction's time zone (one of time.TIME_ZONES), e.g. America/New_York. */
    timeZone?: string;
  };
  legislativeBody?: string;
  agency?: string;
  sponsor?: string;
  status?: 'draft' | 'introduced' | 'committee' | 'adopted' | 'enacted' | 'executive-order' | 'repealed';
  version?: string;
  effectiveDate?: string;
  source?: string;
  juvenileAdjudications?: 'excluded' | 'counted';
  /** The date whose law the legal lint applies (YYYY-MM-DD); default the effective date. */
  lawAsOf?: string;
  /** Whether the agency holds a section 287(g) agreement with ICE, and of which model. */
  agreement287g?: 'none' | 'jail-enforcement' | 'warrant-service-officer' | 'task-force';
  /** The holidays a hold excluding holidays skips: U.S. federal (default), none, or federal plus these dates. */
  holidays?: 'us-federal' | 'none' | string[];
  findings?: Finding[];
  definitions?: Definition[];
  sections: Section[];
  otherwise: Outcome;
  /** With `otherwise: hold`: the otherwise clause's maximum hold (default FEDERAL_MAX_HOLD); see otherwiseHoldOf. */
  otherwiseMaxHold?: MaxHold;
  suppress?: Suppression[];
  /** Co-sponsors, printed with `sponsor` in the sponsor line. */
  sponsors?: string[];
  /** The form of the enacting clause; by default from the status and the level of government. */
  enactingForm?: EnactingForm;
  /** Adjacent detainer provisions with the same outcome print as one list of grounds unless separate. */
  detainerGrounds?: 'one-list' | 'separate-subsections';
  standardClauses?: Partial<Record<'savings' | 'noPrivateRightOfAction' | 'conflictWithLaw' | 'severability', StandardClauseSetting>>;
  passage?: Passage;
  /** Print the generated plain readings in an annex after the signatures, marked as not part of the enacted text (drafts and enacted measures alike). */
  plainReadingAnnex?: boolean;
}

// ---- Booking cases (the contract of design.md) ----

export interface ChargeRecord {
  offense?: string;
  /** Required unless `unknown` lists it. */
  class?: OffenseClass;
  degree?: number;
  categories?: string[];
  bondPosted?: boolean;
  bondable?: boolean;
  probableCauseFinding?: boolean;
  /** Facts of this charge the records don't carry. */
  unknown?: ChargeUnknown[];
  /** With `unknown: [class]`: the classes it may be (any, when not given). */
  classes?: OffenseClass[];
}

/**
 * What a yes/no fact of a case reads as when the case does not give it (a key left out of a JSON case,
 * an empty cell): yes for a charge's `bondable` (a charge is bondable unless the records say
 * otherwise), no for every other (`bondPosted`, `judicialWarrant`, a records check, ...). The one
 * place this default is written: the checker, the column mapping panel and its warnings read it here.
 */
export function yesNoDefault(fact: string): boolean {
  return fact === 'bondable';
}

export type ChargeUnknown = 'class' | 'bondPosted' | 'bondable' | 'probableCauseFinding';
export const CHARGE_UNKNOWNS: readonly ChargeUnknown[] = ['class', 'bondPosted', 'bondable', 'probableCauseFinding'];

export interface ConvictionRecord {
  offense?: string;
  /** Required unless `unknown` lists it. */
  class?: OffenseClass;
  degree?: number;
  categories?: string[];
  /** Required unless `unknown` lists it. */
  convictedOn?: string;
  releasedOn?: string;
  incarceratedDays?: number;
  current?: boolean;
  juvenile?: boolean;
  /** Facts of this conviction the records don't carry. */
  unknown?: ConvictionUnknown[];
  /** With `unknown: [class]`: the classes it may be (any, when not given). */
  classes?: OffenseClass[];
  /**
   * Where the record of this conviction comes from (a column or flag of the source data). Convictions
   * from different sources may be one and the same, so a count of convictions takes no more than the
   * largest count from any one source as certain.
   */
  source?: string;
}

/** `releasedOn`: release from the sentence and the days incarcerated; `current`: whether it is the conviction for the current custody. */
export type ConvictionUnknown = 'class' | 'convictedOn' | 'releasedOn' | 'current';
export const CONVICTION_UNKNOWNS: readonly ConvictionUnknown[] = ['class', 'convictedOn', 'releasedOn', 'current'];

export interface WarrantRecord {
  kind: 'criminal' | 'civil';
  jurisdiction?: WarrantJurisdiction;
  felony?: boolean;
}

/**
 * Facts a booking case may leave unknown because its records don't carry them (ICE's released
 * detainer records have no booking or release times, no warrants, no pending charges' details...).
 * `currentCharges`, `convictions` and `warrants`: there may be more than those listed.
 */
export type UnknownFact =
  | 'bookedAt'
  | 'eligibleForReleaseAt'
  | 'judicialWarrant'
  | 'administrativeWarrant'
  | 'requests'
  | 'currentCharges'
  | 'convictions'
  | 'warrants'
  | `records.${RecordKey}`;

export const UNKNOWN_FACTS: readonly UnknownFact[] = [
  'bookedAt',
  'eligibleForReleaseAt',
  'judicialWarrant',
  'administrativeWarrant',
  'requests',
  'currentCharges',
  'convictions',
  'warrants',
  ...RECORD_KEYS.map((k) => `records.${k}` as const),
];

export interface BookingCase {
  id: string;
  age: number;
  /** When age is known only as a range (from a birth year): `age` is the least it may be, this the most. */
  ageAtMost?: number;
  /** Required unless `unknown` lists it. */
  bookedAt?: string;
  /** Required unless `unknown` lists it. */
  eligibleForReleaseAt?: string;
  /** The jail or facility that received the detainer. */
  facility?: string;
  detainer: {
    requests: Array<'hold' | 'notify'>;
    issuedAt?: string;
    judicialWarrant?: boolean;
    administrativeWarrant?: boolean;
    /** The form the detainer came on; when absent, the form in use on the request's date. */
    form?: 'I-247' | 'I-247D' | 'I-247N' | 'I-247A';
  };
  currentCharges?: ChargeRecord[];
  convictions?: ConvictionRecord[];
  warrants?: WarrantRecord[];
  records?: Partial<Record<RecordKey, boolean>>;
  /** Facts the case's records don't carry: decisions that turn on them are reported as open, not guessed. */
  unknown?: UnknownFact[];
}

export interface Scenario {
  name?: string;
  reimbursementAgreement?: boolean;
  costPerInmateDay?: number;
  holidays?: 'us-federal' | 'none' | string[];
  asOf?: string;
}

/**
 * The cost per inmate-day a scenario that names none is costed at: Cook County's, about $143 (county
 * officials, 2011; samples/scenarios/cook-county-fy2012.scenario.yaml).
 */
export const DEFAULT_COST_PER_INMATE_DAY = 143;

/** A scenario with every default filled in. */
export interface ResolvedScenario {
  name: string;
  reimbursementAgreement: boolean;
  costPerInmateDay: number;
  holidays: 'us-federal' | 'none' | string[];
  asOf: string | null;
}

// ---- Decisions ----

/** One condition's value on a case, with the facts it read. */
export interface Reason {
  /** Provision id the condition belongs to ("default" for the otherwise clause). */
  provision: string;
  citation: string;
  /** The condition as read aloud, e.g. "the person is under 18". */
  condition: string;
  value: boolean | 'unknown';
  /** Facts of the case the condition used, e.g. "age 17". */
  facts: string[];
  /** Depth in the condition tree (0 for the provision itself). */
  depth: number;
  /**
   * Set on a reason that belongs to the decision, not to one provision's test (a hold's limit), when
   * the records leave open which provision decides it (Decision.decidedByOneOf): each that may.
   * `provision` and `citation` are then the first of them.
   */
  decidedByOneOf?: Array<{ provision: string; citation: string }>;
}

export interface Decision {
  id: string;
  /** An open decision (see `undetermined`) is `review`: a person must find the missing fact. */
  outcome: Outcome;
  /**
   * For a hold: when it ends (local time, ISO 8601); null otherwise, and null for a hold whose end the
   * records leave open (no release time, or provisions that may decide it end it at different times).
   */
  holdUntil: string | null;
  provision: string;
  citation: string;
  reasons: Reason[];
  /**
   * Set when the outcome is settled but the records leave open which provision decides it: the test
   * of the first that may (`provision`, `citation`) is unknown, and a later one surely applies with the
   * same outcome. Each provision that may decide it, in order ('default' for the otherwise clause); no
   * one of them decided it. A hold's `holdUntil` is then null when their limits end at different times.
   */
  decidedByOneOf?: Array<{ provision: string; citation: string }>;
  /**
   * Set when the outcome depends on facts the case leaves unknown: the outcomes it may have, and those
   * facts (`dependsOn`: each may change the outcome or how long a hold may last). `outcome` is then
   * review (the mark of "undecided"), and `provision` and `citation` name only the first provision that
   * may apply, kept so the keys stay the same: none of them decided it. `whichProvisionOnly`, when
   * present, lists facts the provisions read, also unknown, that may change only which provision
   * decides the case, not its outcome or a hold's limit.
   */
  undetermined?: { possible: Outcome[]; dependsOn: string[]; whichProvisionOnly?: string[] };
  /**
   * With `undetermined`: each outcome the case could have, in the order of OUTCOMES, with the
   * provisions that would give it, in order ('default' for the otherwise clause), as a changed case's
   * side names them (DecisionRef.undecided). None of them decided it.
   */
  undecided?: Array<{ outcome: Outcome; under: Array<{ provision: string; citation: string }> }>;
  /**
   * Set when ICE's request came after the release time the records give (local times, as the case
   * gives them): the person was released before the request arrived, so no one is held or reported on
   * it. `outcome` stays what the policy says to the request, and a hold's `holdUntil` the end the policy
   * allows counted from the release (the contract's), though no hold is served: the simulation counts
   * the case apart, not as held, with no hold hours or cost, and the explanations say no one is held.
   */
  requestAfterRelease?: { requestedAt: string; releaseAt: string };
}
