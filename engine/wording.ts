// The plain reading of conditions and provisions: the words the ordinance prints and the words
// explanations use, generated from the structure so the two can't drift apart.

import { FEDERAL_MAX_HOLD } from './model';
import type {
  ChargeTest,
  Condition,
  ConvictionTest,
  DiscretionTest,
  EnactingForm,
  LookBackWindow,
  MaxHold,
  OffenseFilter,
  Ordinance,
  Outcome,
  RecordKey,
  WarrantTest,
} from './model';

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];

export function numberWord(n: number): string {
  return n < NUMBER_WORDS.length ? NUMBER_WORDS[n]! : String(n);
}

export function joinWords(words: readonly string[], conj: 'and' | 'or'): string {
  if (words.length <= 1) return words.join('');
  if (words.length === 2) return `${words[0]} ${conj} ${words[1]}`;
  return `${words.slice(0, -1).join(', ')}, ${conj} ${words[words.length - 1]}`;
}

/** "a felony", "an infraction". */
export function article(phrase: string): string {
  return /^[aeiou]/i.test(phrase) && !/^(one|uni|eu)/i.test(phrase) ? `an ${phrase}` : `a ${phrase}`;
}

const CLASS_PLURALS: Record<string, string> = { felony: 'felonies', misdemeanor: 'misdemeanors', infraction: 'infractions' };

/** "a first- or second-degree felony in the category violent", without the article when `plural`. */
export function offenseFilterWords(f: OffenseFilter, plural = false): string {
  const degrees = f.degrees?.length
    ? joinWords(
        f.degrees.map((d, i, all) => (i < all.length - 1 ? `${ORDINALS[d] ?? d}-` : `${ORDINALS[d] ?? d}-degree`)),
        'or',
      ) + ' '
    : '';
  const classes = f.classes?.length
    ? joinWords(
        f.classes.map((c) => (plural ? CLASS_PLURALS[c]! : c)),
        'or',
      )
    : plural
      ? 'offenses'
      : 'offense';
  const cats = f.categories?.length
    ? ` in the ${f.categories.length > 1 ? 'categories' : 'category'} ${joinWords(
        f.categories.map((c) => c.replace(/-/g, ' ')),
        'or',
      )}`
    : '';
  const words = `${degrees}${classes}${cats}`;
  return plural ? words : article(words);
}

function pluralTerm(term: string): string {
  if (/(s|x|ch|sh)$/i.test(term)) return `${term}es`;
  if (/[^aeiou]y$/i.test(term)) return `${term.slice(0, -1)}ies`;
  return `${term}s`;
}

/** What a conviction or charge test names: a defined term, an inline filter, or both. */
function offenseWords(t: { term?: string } & OffenseFilter, count: number): string {
  const plural = count > 1;
  const inline: OffenseFilter = { classes: t.classes, degrees: t.degrees, categories: t.categories };
  const hasInline = Boolean(inline.classes?.length || inline.degrees?.length || inline.categories?.length);
  if (t.term) {
    const base = plural ? pluralTerm(t.term) : article(t.term);
    return hasInline ? `${base} that ${plural ? 'are' : 'is'} also ${offenseFilterWords(inline, plural)}` : base;
  }
  if (hasInline) return offenseFilterWords(inline, plural);
  return plural ? 'offenses' : 'an offense';
}

/**
 * A citation's parts, "§ 2(a)" or "§ 2(a)(3)": the section, the subsection letter, and a ground
 * number (null for another form).
 */
function citationParts(c: string): RegExpExecArray | null {
  return /^§ (\d+)(?:\(([a-z])\))?(?:\((\d+)\))?$/.exec(c);
}

/**
 * Citations of subsections listed one at a time, with runs of one section's subsections shortened
 * ("§ 2(a) through (f)"): the list of a longer prefix is made without reading the earlier citations again.
 */
export class CitationRuns {
  private readonly citations: string[] = [];
  private readonly parsed: Array<RegExpExecArray | null> = [];
  /** Maximal runs of consecutive subsections (or grounds): the first and last index of each. */
  private readonly runs: Array<[first: number, last: number]> = [];

  push(citation: string): void {
    const at = this.citations.length;
    this.citations.push(citation);
    this.parsed.push(citationParts(citation));
    const run = this.runs[this.runs.length - 1];
    if (run && consecutive(this.parsed[run[1]]!, this.parsed[at]!)) run[1] = at;
    else this.runs.push([at, at]);
  }

  list(conj: 'and' | 'or' = 'and'): string {
    const groups: string[] = [];
    for (const [i, j] of this.runs) {
      if (j - i >= 2) {
        const last = this.parsed[j]!;
        groups.push(`${this.citations[i]} through (${last[3] ?? last[2]})`);
      } else for (let k = i; k <= j; k++) groups.push(this.citations[k]!);
    }
    return joinWords(groups, conj);
  }
}

/** Whether citation b is the subsection (or ground) right after a. */
function consecutive(a: RegExpExecArray | null, b: RegExpExecArray | null): boolean {
  if (!a || !b || a[1] !== b[1]) return false;
  if (a[3] === undefined && b[3] === undefined) return Boolean(a[2] && b[2]) && b[2]!.charCodeAt(0) === a[2]!.charCodeAt(0) + 1;
  return a[2] === b[2] && a[3] !== undefined && b[3] !== undefined && Number(b[3]) === Number(a[3]) + 1;
}

/** Citations of subsections, with runs of one section's subsections shortened: "§ 2(a) through (f)". */
export function citationList(citations: readonly string[], conj: 'and' | 'or' = 'and'): string {
  const runs = new CitationRuns();
  for (const c of citations) runs.push(c);
  return runs.list(conj);
}

/**
 * Words earlier versions used for a condition, so that the readings they wrote into policy bundles can
 * still be checked (bundles keep these words: see BUNDLE_EDITIONS). The default, no member set, is
 * today's wording; never use another for anything a user reads as the ordinance.
 */
export interface EarlierWording {
  /** ', counting from release from the sentence' without '(from the conviction where no release is recorded)'. */
  releaseWindowWithoutNoRelease?: boolean;
  /** 'no criminal charge is pending against the person, on which bond has been posted' (the "on which" after a comma). */
  negatedChargeFlagsAfter?: boolean;
  /** 'the person is in custody on a conviction for X' without the test's look-back window or count. */
  currentWithoutWindow?: boolean;
  /**
   * 'the detainer' and 'the date of the detainer request' (today's readings name the detainer as the printed
   * text does, by the ordinance's term or the "civil immigration detainer" the text defines: see inOrdinanceTerms).
   */
  bareDetainer?: boolean;
  /**
   * The detainer named by the first defined term with the word "detainer" in it, else "civil immigration
   * detainer" (today's readings take the term whose definition defines the detainer: definedDetainerTerm).
   */
  detainerTermByWord?: boolean;
}

const TODAY: EarlierWording = {};

export function windowWords(w: LookBackWindow, wording: EarlierWording = TODAY): string {
  const anchor = w.of === 'arrest' ? 'the current arrest' : 'the date of the detainer request';
  const measured =
    w.measuredFrom === 'release'
      ? // As the engine: a conviction with no release recorded is measured from the conviction.
        wording.releaseWindowWithoutNoRelease
        ? ', counting from release from the sentence'
        : ', counting from release from the sentence (from the conviction where no release is recorded)'
      : w.measuredFrom === 'later-of-conviction-and-release'
        ? ', counting from the conviction or the release from the sentence, whichever is later'
        : '';
  // The engine extends the window by the days incarcerated on the conviction (and, unless the
  // ordinance says this conviction only, on every conviction dated after it: not one the same day, and
  // not a juvenile adjudication unless the test counts those as convictions, as § 1 says); a window
  // from release never counts the conviction's own time, which ends at that release.
  const excl =
    w.excludeTimeIncarcerated === 'this-conviction'
      ? ', not counting any time the person spent incarcerated on that conviction'
      : w.excludeTimeIncarcerated
        ? ', not counting any time the person spent incarcerated on that conviction or on any later conviction'
        : '';
  return `within the ${numberWord(w.years)} years before ${anchor}${measured}${excl}`;
}

export function convictionWords(t: ConvictionTest, negated = false, wording: EarlierWording = TODAY): string {
  const count = t.atLeast ?? 1;
  const what = offenseWords(t, count);
  const juvenile =
    t.includeJuvenile === true
      ? ' (counting juvenile adjudications)'
      : t.includeJuvenile === false
        ? ' (not counting juvenile adjudications)'
        : '';
  const window = t.within ? ` ${windowWords(t.within, wording)}` : '';
  if (t.current === true) {
    if (wording.currentWithoutWindow)
      return negated
        ? `the person is not in custody on a conviction for ${what}${juvenile}`
        : `the person is in custody on a conviction for ${what}${juvenile}`;
    // The count and the window the logic reads, said as for any conviction.
    const on = count > 1 ? `${numberWord(count)} or more convictions for ${what}` : `a conviction for ${what}`;
    const convicted = t.within ? `, convicted${window}` : '';
    return `the person is ${negated ? 'not ' : ''}in custody on ${on}${convicted}${juvenile}`;
  }
  const also = t.current === false ? ', not counting the conviction for the current custody,' : '';
  const quantity = count > 1 ? `${numberWord(count)} or more ` : '';
  const body = count > 1 ? `${quantity}${what}` : what;
  return negated
    ? `the person has not been convicted${also} of ${body}${window}${juvenile}`
    : `the person has been convicted${also} of ${body}${window}${juvenile}`;
}

export function chargeWords(t: ChargeTest, negated = false, wording: EarlierWording = TODAY): string {
  const flags: string[] = [];
  if (t.bondPosted === false) flags.push('on which bond has not been posted');
  if (t.bondPosted === true) flags.push('on which bond has been posted');
  if (t.bondable === false) flags.push('on which the person may not be released on bond');
  if (t.bondable === true) flags.push('on which the person may be released on bond');
  if (t.probableCauseFinding === true) flags.push('on which a magistrate has found probable cause');
  if (t.probableCauseFinding === false) flags.push('on which no probable-cause finding has been made');
  const hasFilter = Boolean(t.term || t.classes?.length || t.degrees?.length || t.categories?.length);
  const charge = hasFilter ? `charge of ${offenseWords(t, 1)}` : 'criminal charge';
  // Negated, the "on which" clauses stand inside the subject: "no criminal charge on which bond has
  // been posted is pending against the person". After a comma ("no criminal charge is pending against
  // the person, on which ...") the sentence would first say that no charge at all is pending.
  if (negated && wording.negatedChargeFlagsAfter)
    return `no ${charge} is pending against the person${flags.length ? `, ${joinWords(flags, 'and')}` : ''}`;
  if (negated) return `no ${charge}${flags.length ? ` ${joinWords(flags, 'and')}` : ''} is pending against the person`;
  return `a ${charge} is pending against the person${flags.length ? `, ${joinWords(flags, 'and')}` : ''}`;
}

const JURISDICTION_WORDS: Record<string, string> = {
  state: 'a court of this state',
  federal: 'a federal court',
  'other-state': 'a court of another state',
  local: 'a local court',
};

export function warrantWords(t: WarrantTest, negated = false): string {
  const kind = t.kind === 'criminal' ? 'criminal ' : t.kind === 'civil' ? 'civil ' : '';
  const felony = t.felony === true ? ' for a felony' : t.felony === false ? ' for an offense other than a felony' : '';
  const by = t.jurisdictions?.length
    ? ` issued by ${joinWords(
        t.jurisdictions.map((j) => JURISDICTION_WORDS[j] ?? j),
        'or',
      )}`
    : '';
  return negated
    ? `the person is not the subject of any outstanding ${kind}warrant${by}${felony}`
    : `the person is the subject of an outstanding ${kind}warrant${by}${felony}`;
}

/** Short labels for the facts an explanation lists. */
export const RECORD_LABELS: Record<RecordKey, string> = {
  gangDatabase: 'listed in a gang database',
  terroristWatchlistMatch: 'possible match in the terrorist screening database',
  finalRemovalOrder: 'final order of removal',
  priorRemovalReentry: 'prior removal and illegal re-entry',
  sexOffenderRegistry: 'registered sex offender',
  arsonOffenderRegistry: 'registered arson offender',
  securityRiskGroup: 'designated in a Security Risk Group by the Department of Correction',
};

const RECORD_WORDS: Record<RecordKey, [string, string]> = {
  gangDatabase: ['the person is listed in a gang database', 'the person is not listed in any gang database'],
  terroristWatchlistMatch: [
    'the person is a possible match in the federal terrorist screening database',
    'the person is not a possible match in the federal terrorist screening database',
  ],
  finalRemovalOrder: ['the person is subject to a final order of removal', 'the person is not subject to a final order of removal'],
  priorRemovalReentry: [
    'the person was previously removed from the United States and has illegally re-entered',
    'the person has not been removed from the United States and illegally re-entered',
  ],
  sexOffenderRegistry: ['the person is registered as a sex offender', 'the person is not registered as a sex offender'],
  arsonOffenderRegistry: ['the person is registered as an arson offender', 'the person is not registered as an arson offender'],
  securityRiskGroup: [
    'the person is designated a Security Risk Group member or Security Risk Group Safety Threat member by the Department of Correction',
    'the person is not designated a Security Risk Group member or Security Risk Group Safety Threat member by the Department of Correction',
  ],
};

export function discretionWords(t: DiscretionTest, negated = false): string {
  const who = t.by ? `the ${t.by}` : 'the officer';
  return negated ? `${who} does not find that ${t.finding}` : `${who} finds that ${t.finding}`;
}

export function ageWords(a: { atLeast?: number; under?: number }, negated = false): string {
  if (a.atLeast !== undefined && a.under !== undefined) {
    return negated
      ? `the person is under ${a.atLeast} or at least ${a.under} years of age`
      : `the person is at least ${a.atLeast} and under ${a.under} years of age`;
  }
  if (a.atLeast !== undefined)
    return negated ? `the person is under ${a.atLeast} years of age` : `the person is ${a.atLeast} years of age or older`;
  if (a.under !== undefined)
    return negated ? `the person is ${a.under} years of age or older` : `the person is under ${a.under} years of age`;
  return 'the person is of any age';
}

/** The reading of a single-key condition that is not a combination. */
export function leafWords(cond: Condition, negated = false, wording: EarlierWording = TODAY): string {
  if ('judicialWarrant' in cond) {
    const yes = cond.judicialWarrant !== negated;
    return yes ? 'the detainer is supported by a judicial warrant' : 'the detainer is not supported by a judicial warrant';
  }
  if ('administrativeWarrant' in cond) {
    const yes = cond.administrativeWarrant !== negated;
    return yes
      ? 'an ICE administrative warrant (form I-200 or I-205) accompanies the detainer'
      : 'no ICE administrative warrant accompanies the detainer';
  }
  if ('requested' in cond) {
    const what = cond.requested === 'hold' ? 'that the person be held beyond the time of release' : 'notice of the time of release';
    return negated ? `the detainer does not request ${what}` : `the detainer requests ${what}`;
  }
  if ('reimbursementAgreement' in cond) {
    const yes = cond.reimbursementAgreement !== negated;
    return yes
      ? 'a written agreement is in force under which the federal government reimburses all costs of complying with detainers'
      : 'no written agreement is in force under which the federal government reimburses all costs of complying with detainers';
  }
  if ('age' in cond) return ageWords(cond.age, negated);
  if ('conviction' in cond) return convictionWords(cond.conviction, negated, wording);
  if ('charge' in cond) return chargeWords(cond.charge, negated, wording);
  if ('warrant' in cond) return warrantWords(cond.warrant, negated);
  if ('record' in cond) return (RECORD_WORDS[cond.record] ?? [cond.record, `not ${cond.record}`])[negated ? 1 : 0];
  if ('discretion' in cond) return discretionWords(cond.discretion, negated);
  return negated ? 'the condition is not met' : 'the condition is met';
}

export function isCombination(cond: Condition): cond is { all: Condition[] } | { any: Condition[] } | { not: Condition } {
  return 'all' in cond || 'any' in cond || 'not' in cond;
}

/** True when a condition reads as several clauses joined by "and" or "or". */
function isMulti(c: Condition): boolean {
  if ('not' in c) return isMulti(c.not);
  if ('all' in c) return c.all.length > 1 || (c.all.length === 1 && isMulti(c.all[0]!));
  if ('any' in c) return c.any.length > 1 || (c.any.length === 1 && isMulti(c.any[0]!));
  return false;
}

/** A one-line reading of any condition, with parentheses-free phrasing where possible. */
export function conditionWords(cond: Condition, negated = false, wording: EarlierWording = TODAY): string {
  if ('not' in cond) return conditionWords(cond.not, !negated, wording);
  if ('all' in cond || 'any' in cond) {
    const isAll = 'all' in cond;
    const items = isAll ? cond.all : cond.any;
    if (items.length === 1) return conditionWords(items[0]!, negated, wording);
    // De Morgan keeps negations on the leaves, where they read naturally.
    const conj = isAll !== negated ? 'and' : 'or';
    const parts = items.map((c) => (isMulti(c) ? `(${conditionWords(c, negated, wording)})` : conditionWords(c, negated, wording)));
    if (conj === 'and') return joinWords(parts, 'and');
    return `${conj === 'or' && items.length > 2 ? 'any of: ' : ''}${joinWords(parts, 'or')}`;
  }
  return leafWords(cond, negated, wording);
}

/** The form of the enacting clause: as the document says, else from its status and level of government. */
export function enactingFormOf(o: Ordinance): EnactingForm {
  if (o.enactingForm) return o.enactingForm;
  if (o.status === 'executive-order') return 'executive-order';
  const level = o.jurisdiction?.level;
  return level === 'state' ? 'state-legislature' : level === 'county' ? 'county-board' : 'city-council';
}

/** What the measure calls itself: an act (state legislature), an order (executive order) or an ordinance. */
export function documentNoun(o: Ordinance): string {
  const form = enactingFormOf(o);
  return form === 'executive-order' ? 'order' : form === 'state-legislature' ? 'act' : 'ordinance';
}

/** "the City of Boston", "King County": names of the form "X of Y" take the article. */
export function jurisdictionWithArticle(name: string): string {
  return /^(city|town|county|state|commonwealth|village|borough|township|parish|district|municipality) of /i.test(name)
    ? `the ${name}`
    : name;
}

/**
 * The agency the text says acts on detainers: the ordinance's agency, else the usual one of its level
 * (as bodyOf names the usual legislative body): a county's jail is its sheriff's, a city's or town's
 * lockup its police department's; a state, or a jurisdiction of no stated level, "the law enforcement agency".
 */
export function agencyName(o: Pick<Ordinance, 'agency' | 'jurisdiction'>): string {
  return o.agency?.trim() || defaultAgencyOf(o.jurisdiction?.level);
}

/** The agency a jurisdiction of this level usually names, when the ordinance names none (see `agencyName`). */
export function defaultAgencyOf(level: Ordinance['jurisdiction']['level']): string {
  return level === 'county'
    ? "the Sheriff's Office"
    : level === 'city' || level === 'town'
      ? 'the Police Department'
      : 'the law enforcement agency';
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function maxHoldWords(h: MaxHold): string {
  return `${h.hours} hours${h.excludingWeekendsAndHolidays ? ', excluding Saturdays, Sundays and holidays,' : ''}`;
}

/** The words the operative text uses: the detainer as the ordinance defines it, the agency, ICE. */
export interface TextTerms {
  /** The ordinance's own defined term for the detainer, e.g. "civil immigration detainer". */
  detainer: string;
  agency: string;
  /** What the measure calls itself: "ordinance", "act" or "order". */
  noun: string;
  /** What the ordinance's notice-to-ice provisions require ICE to be told of every detainer, when anything. */
  iceNotice?: IceNoticeDuty;
}

/**
 * The notice to ICE that the ordinance's notice-to-ice provisions require whatever the outcome: of the
 * decision, of the time of release, or both, and the citations of the provisions that require it. A
 * decline's words must never forbid what these require.
 */
export interface IceNoticeDuty {
  decision: boolean;
  releaseTime: boolean;
  /** Where the duty is, as printed: "§ 4". */
  citations: string[];
}

/** The notice duty of an ordinance's notice-to-ice provisions (undefined when they require none of a decision or a release time). */
export function iceNoticeDuty(o: Ordinance, citationOf: ReadonlyMap<string, string>): IceNoticeDuty | undefined {
  let decision = false;
  let releaseTime = false;
  const citations: string[] = [];
  for (const s of o.sections ?? []) {
    for (const p of s.provisions ?? []) {
      if (p.type !== 'notice-to-ice') continue;
      const d = p.notices?.includes('decision') ?? false;
      const r = p.notices?.includes('release-date') ?? false;
      if (!d && !r) continue;
      decision ||= d;
      releaseTime ||= r;
      const cite = citationOf.get(p.id);
      if (cite && !citations.includes(cite)) citations.push(cite);
    }
  }
  return decision || releaseTime ? { decision, releaseTime, citations } : undefined;
}

/** "§ 4" or "§ 4 and § 5": where a notice duty is (every laid-out provision has a citation). */
export function dutyWhere(d: IceNoticeDuty): string {
  return d.citations.length ? citationList(d.citations) : 'this law';
}

/**
 * What a definition's meaning is, before the words that qualify it: "a detainer request" of "a detainer
 * request issued pursuant to 8 CFR 287.7", "a request" of "a request by U.S. Immigration and Customs
 * Enforcement that ...".
 */
function definedThing(meaning: string): string {
  const at =
    /\s(?:by|of|from|under|that|which|who|issued|made|sent|lodged|served|placed|filed|given|signed|asking|asks|seeking|to|for|pursuant|in|on|as|with|and|or)\b|[,;:(]/i.exec(
      meaning,
    );
  return (at ? meaning.slice(0, at.index) : meaning).trim();
}

/** Who makes a detainer, or the law and form it is made under: ICE, DHS, federal immigration officials, 8 CFR 287.7, Form I-247. */
const IMMIGRATION_AUTHORITY = /\b(?:ICE|Immigration and Customs Enforcement|Homeland Security|DHS|immigration)\b|\b287\.7\b|\bI-247/i;
const ASKS_HOLD = /\b(?:hold|held|detain|maintain custody|keep custody|custody)\b/i;
const ASKS_NOTICE = /\b(?:notify|notifies|notified|notification|notice|advise)\b/i;
const DETAINER_LAW = /\b287\.7\b|\bI-247/i;
/** Terms that are never the request itself, whatever their meaning says: "detainer policy", "administrative warrant". */
const NOT_THE_REQUEST = /\b(?:polic(?:y|ies)|warrants?|agreements?|officers?|officials?|enforcement|agency|agencies|form)\b/i;

/**
 * Whether a definition defines the detainer, by what its meaning says (not by the word "detainer" in
 * the term): it is a request or a detainer ("a request by ...", "a detainer issued ...", "a detainer
 * request ...", "a Form I-247"), made by an immigration authority or under the detainer regulation or form (ICE, DHS,
 * federal immigration officials, 8 CFR 287.7, Form I-247), that asks for a hold or for notice (or is
 * made under that regulation or form). An offense term (one with `covers`) never is. What it asks for,
 * when it is: 2 a hold and notice, 1 one of them.
 */
function detainerDefinition(d: { term: string; meaning: string; covers?: unknown }): 0 | 1 | 2 {
  if (d.covers !== undefined || NOT_THE_REQUEST.test(d.term)) return 0;
  const meaning = d.meaning.trim();
  if (!/(?:\brequests?|\bdetainers?|\bI-247[A-Z]?)$/i.test(definedThing(meaning))) return 0;
  if (!IMMIGRATION_AUTHORITY.test(meaning) && !IMMIGRATION_AUTHORITY.test(d.term)) return 0;
  const hold = ASKS_HOLD.test(meaning);
  const notice = ASKS_NOTICE.test(meaning);
  if (hold && notice) return 2;
  return hold || notice || DETAINER_LAW.test(meaning) ? 1 : 0;
}

/**
 * Whether a definition's meaning may name the detainer in the generated words (it defines the detainer:
 * definedDetainerTerm), so that what keeps generated words apart from the drafters' text keeps it.
 */
export function definesDetainer(d: { term: string; meaning: string; covers?: unknown }): boolean {
  return detainerDefinition(d) !== 0;
}

/**
 * The term an ordinance's own definitions give the detainer, if any: the first definition whose meaning
 * defines the detainer (detainerDefinition), preferring one that speaks of both a hold and notice over
 * one that speaks of only one of them ("civil immigration hold request": "a detainer issued by U.S.
 * Immigration and Customs Enforcement under 8 CFR 287.7 asking that the County hold a person ...").
 */
export function definedDetainerTerm(o: Pick<Ordinance, 'definitions'>): string | undefined {
  let found: string | undefined;
  for (const d of o.definitions ?? []) {
    const kind = detainerDefinition(d);
    if (kind === 2) return d.term.trim() || undefined;
    if (kind === 1 && found === undefined) found = d.term.trim() || undefined;
  }
  return found;
}

/**
 * The term versions before December 7, 2026 took for the detainer: the first defined term with the word
 * "detainer" in it, not a "policy" (so "civil immigration hold request" was not found). Only for
 * words those versions wrote into bundles (EarlierWording.detainerTermByWord).
 */
function detainerTermByWord(o: Pick<Ordinance, 'definitions'>): string {
  const defined = (o.definitions ?? []).find((d) => /\bdetainers?\b/i.test(d.term) && !/\bpolicy\b/i.test(d.term));
  return defined?.term.trim() || 'civil immigration detainer';
}

/**
 * The term the printed text uses for the detainer: the ordinance's own, else "civil immigration detainer",
 * which the text then defines (generatedDefinitions). The one source of the term for every face: the
 * text, the officer guide, explanations, the lint's words about the ordinance and the bundle's readings.
 */
export function detainerTerm(o: Pick<Ordinance, 'definitions'>): string {
  return definedDetainerTerm(o) ?? 'civil immigration detainer';
}

/** "a" as "an" before a term said with a vowel ("an immigration detainer", "an ICE detainer"), in the article's case. */
export function anBefore(article: string, term: string, plural = ''): string {
  if (plural || article.toLowerCase() !== 'a' || !/^[aeiou]/i.test(term)) return article;
  return article === 'A' ? 'An' : 'an';
}

/**
 * Generated words with the ordinance's own defined term for the detainer wherever they say "detainer"
 * ("the detainer is supported by a judicial warrant" -> "the civil immigration detainer is ..."), so
 * that a condition names the detainer as the outcome it leads to does: "the detainer requests notice" too,
 * and a look-back window counts back from "the date of the civil immigration detainer" (the detainer
 * request, which the term names).
 */
export function withDetainerTerm(text: string, term: string): string {
  if (term.toLowerCase() === 'detainer') return text;
  return text
    .replace(/\bthe detainer request\b(?!s)/g, `the ${term}`)
    .replace(
      /\b(the|a|each|any|every) detainer(s?)\b(?! request\b)/gi,
      (_, article: string, plural: string) => `${anBefore(article, term, plural)} ${term}${plural}`,
    )
    .replace(/\bwith detainers\b/g, `with ${term}s`);
}

/**
 * Words that say what an ordinance's provisions do, outside its text (an explanation of a decision, a
 * finding about a provision), with the detainer named as the printed text names it (detainerTerm): the
 * ordinance's own term ("the ICE detainer"), else the "civil immigration detainer" its text defines.
 * Words about the law or the tool are not passed here.
 */
export function inOrdinanceTerms(text: string, o: Pick<Ordinance, 'definitions'>, wording: EarlierWording = TODAY): string {
  if (wording.bareDetainer) return text;
  return withDetainerTerm(text, wording.detainerTermByWord ? detainerTermByWord(o) : detainerTerm(o));
}

/** The plural of the printed text's term for detainers ("ICE detainers", "civil immigration detainers"), for words as inOrdinanceTerms. */
export function detainersInOrdinanceTerms(o: Pick<Ordinance, 'definitions'>): string {
  return pluralTerm(detainerTerm(o));
}

export function textTerms(o: Ordinance): TextTerms {
  return { detainer: detainerTerm(o), agency: agencyName(o), noun: documentNoun(o) };
}

/** How an outcome's predicate is read: in the text, or apart from it. */
export interface PredicateOptions {
  /**
   * Read apart from the text (the plain reading of a provision in the drafters' own wording, printed in
   * the annex or beside the wording, and the reading the app's form shows), where the text's definition
   * of "honor" may not be printed: a hold then says itself what it gives a request for notice alone and
   * one for neither a hold nor notice, as the engine decides (notice, no hold; a decline); a notice and
   * a referral say what they give a request for neither (a decline), in the same words.
   */
  apart?: boolean;
}

/**
 * What the agency does on an outcome, as the predicate after the agency's name, exactly as the
 * engine decides: a hold and a notice are duties ("shall"), never permissions, and a decline gives
 * ICE neither the person nor the time of release, unless a notice-to-ice provision requires that
 * ICE be told (of the decision, the release time): then the decline says what ICE is told.
 */
export function outcomePredicate(
  t: Pick<TextTerms, 'detainer' | 'iceNotice'>,
  outcome: Outcome,
  maxHold: MaxHold | undefined,
  options: PredicateOptions = {},
): string {
  switch (outcome) {
    case 'hold': {
      const held = `shall honor the ${t.detainer} by holding the person for no longer than ${maxHoldWords(maxHold ?? FEDERAL_MAX_HOLD)} after the time the person would otherwise be released`;
      if (!options.apart) return held;
      // The outcome never exceeds the request (compile's CLAMP): a hold on a request for notice alone is
      // that notice, and on a request for neither a hold nor notice a decline, said as a decline is.
      const notice = `, or, where the ${t.detainer} requests only notice of the time of the person's release, by giving ICE that notice alone, without holding the person`;
      return `${held}${notice}${declinedIfNeither(t)}`;
    }
    case 'notify': {
      // A notice of the decision the ordinance requires on every detainer is given here too.
      const n = t.iceNotice;
      const decision = n?.decision ? ` and, as ${dutyWhere(n)} requires, of that decision` : '';
      const notified = `shall not hold the person on the ${t.detainer} and shall respond to it only by notifying ICE of the time of the person's release${decision}`;
      // A notice is given on a request for a hold, for notice or both; a request for neither is declined (compile's CLAMP).
      return options.apart ? `${notified}${declinedIfNeither(t)}` : notified;
    }
    case 'review': {
      const referred = `shall refer the ${t.detainer} to a supervisor, who shall decide in writing whether to honor it`;
      // A request for neither is declined, not referred (compile's CLAMP).
      return options.apart ? `${referred}${declinedIfNeither(t)}` : referred;
    }
    case 'decline': {
      // A notice the ordinance requires in every case is given on a decline too: say so, never the opposite.
      const n = t.iceNotice;
      if (!n)
        return `shall decline the ${t.detainer}, shall not hold the person and shall not notify ICE of the time of the person's release`;
      if (n.releaseTime)
        return `shall decline the ${t.detainer} and shall not hold the person past the time the person would otherwise be released, and shall notify ICE only as ${dutyWhere(n)} requires`;
      return `shall decline the ${t.detainer} and shall not hold the person, and shall notify ICE of that decision as ${dutyWhere(n)} requires but shall not notify ICE of the time of the person's release`;
    }
  }
}

/**
 * What a hold, a notice or a referral gives a request for neither a hold nor notice, read apart from the
 * text: a decline (the outcome never exceeds the request), said as any decline of the ordinance is.
 */
function declinedIfNeither(t: Pick<TextTerms, 'detainer' | 'iceNotice'>): string {
  return `; and, where the ${t.detainer} requests neither that the person be held nor notice of the time of the person's release, ${outcomePredicate(t, 'decline', undefined)}`;
}

/** The operative sentence of a detainer provision, minus its condition: "{Agency} shall ..." */
export function outcomeSentence(o: Ordinance, outcome: Outcome, maxHold: MaxHold | undefined): string {
  return `${capitalize(agencyName(o))} ${outcomePredicate(textTerms(o), outcome, maxHold)}`;
}

/** What each outcome does, in each form a message needs: one table (engine/outcome-acts.ts) for every face. */
export { OUTCOME_ACTS } from './outcome-acts';

export const OUTCOME_WORDS: Record<Outcome, string> = {
  hold: 'hold',
  notify: 'notify ICE only',
  review: 'refer for review',
  decline: 'decline',
};
