// The domain types: the ordinance document, booking cases, scenarios and decisions.

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
  excludeTimeIncarcerated?: boolean;
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
  | 'arsonOffenderRegistry';

export const RECORD_KEYS: readonly RecordKey[] = [
  'gangDatabase',
  'terroristWatchlistMatch',
  'finalRemovalOrder',
  'priorRemovalReentry',
  'sexOffenderRegistry',
  'arsonOffenderRegistry',
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
}

/** The federal maximum (8 CFR 287.7(d)): the hold of the baseline and of an `otherwise: hold`. */
export const FEDERAL_MAX_HOLD: MaxHold = { hours: 48, excludingWeekendsAndHolidays: true };

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

export interface Ordinance {
  $schema?: string;
  title: string;
  shortTitle?: string;
  documentNumber?: string;
  jurisdiction: { name: string; state: string; level?: 'city' | 'town' | 'county' | 'state' };
  legislativeBody?: string;
  agency?: string;
  sponsor?: string;
  status?: 'draft' | 'introduced' | 'committee' | 'adopted' | 'enacted' | 'executive-order' | 'repealed';
  version?: string;
  effectiveDate?: string;
  source?: string;
  juvenileAdjudications?: 'excluded' | 'counted';
  findings?: Finding[];
  definitions?: Definition[];
  sections: Section[];
  otherwise: Outcome;
  suppress?: Suppression[];
}

// ---- Booking cases (the contract of design.md) ----

export interface ChargeRecord {
  offense?: string;
  class: OffenseClass;
  degree?: number;
  categories?: string[];
  bondPosted?: boolean;
  bondable?: boolean;
  probableCauseFinding?: boolean;
}

export interface ConvictionRecord {
  offense?: string;
  class: OffenseClass;
  degree?: number;
  categories?: string[];
  convictedOn: string;
  releasedOn?: string;
  incarceratedDays?: number;
  current?: boolean;
  juvenile?: boolean;
}

export interface WarrantRecord {
  kind: 'criminal' | 'civil';
  jurisdiction?: WarrantJurisdiction;
  felony?: boolean;
}

export interface BookingCase {
  id: string;
  age: number;
  bookedAt: string;
  eligibleForReleaseAt: string;
  detainer: {
    requests: Array<'hold' | 'notify'>;
    issuedAt?: string;
    judicialWarrant?: boolean;
    administrativeWarrant?: boolean;
  };
  currentCharges?: ChargeRecord[];
  convictions?: ConvictionRecord[];
  warrants?: WarrantRecord[];
  records?: Partial<Record<RecordKey, boolean>>;
}

export interface Scenario {
  name?: string;
  reimbursementAgreement?: boolean;
  costPerInmateDay?: number;
  holidays?: 'us-federal' | 'none' | string[];
  asOf?: string;
}

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
}

export interface Decision {
  id: string;
  outcome: Outcome;
  /** For a hold: when it ends (local time, ISO 8601); null otherwise. */
  holdUntil: string | null;
  provision: string;
  citation: string;
  reasons: Reason[];
}
