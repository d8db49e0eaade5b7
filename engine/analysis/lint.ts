// The legal lint: findings on the logic of an ordinance (provisions that can never decide, conditions
// that can never be true, order that matters, terms never used, outcomes beyond the request) and on
// the law where and when it applies (law/: the federal rules on holds, probable cause and the detainer's
// own length; the state's statutes and court rulings that require, bar or limit holds and notices; 287(g)
// agreements). Each finding is located, explained, cited where the law is the reason, and carries quick
// fixes as data. Rules that need no whole-policy analysis run even when the analysis is too large.

import type { Diagnostic, PathSegment, Severity } from '../diagnostics';
import { didYouMean } from '../diagnostics';
import { withoutInvisible } from '../text-safety';
import { DETAINER_FORMS, detainerFormIndexOn } from '../detainer-forms';
import { isDetainerProvision, layoutInOtherWords, layoutOrdinance, type LaidOutProvision, type Layout } from '../layout';
import { provisionNameIn } from '../provision-names';
import {
  authority,
  bindsLevel,
  citationOn,
  confidenceWords,
  inForce,
  LAW,
  severityOf,
  stateSearch,
  unverifiedDateMark,
  type Authority,
} from '../law';
import { isStateCode } from '../states';
import {
  otherwiseHoldOf,
  type BookingCase,
  type Condition,
  type MaxHold,
  type Ordinance,
  type Outcome,
  type Provision,
  type Scenario,
  type Section,
} from '../model';
import type { ParsedSource, SourcePosition } from '../source';
import { forgetPrintedClauses, ordinanceText } from '../text-model';
import { bodyOf, longDate } from '../text-model';
import { prepareCase } from '../cases';
import type { PreparedCase } from '../prepared';
import { parseDate, timeZone, zonesAsChoice, zonesCitation, zonesOfState } from '../time';
import {
  conditionWords,
  defaultAgencyOf,
  definesDetainer,
  detainersInOrdinanceTerms,
  detainerTerm,
  documentNoun,
  inOrdinanceTerms,
  joinWords,
  OUTCOME_ACTS,
  jurisdictionWithArticle,
} from '../wording';
import { AnalysisTooLarge, FALSE_NODE } from './bdd';
import { caseFacts } from './describe';
import { FactSpace, forEachLeaf, onClearAnalysisCaches, type ConcreteCase } from './facts';
import type { QuickFix } from './fixes';
import { holdsUncertain, lawConditions, lawContext, probableCaseRulings, researchWords, stateName, type LawContext } from './law-context';
import { SymbolicPolicy, Verifier, type SymbolicNode, type SymbolicProvision } from './policy';
import { CITATIONS, LINT_RULES } from './lint-rules';

export { CITATIONS, LINT_RULES, type LintRule } from './lint-rules';

export interface LintDiagnostic extends Diagnostic {
  /** The provision the finding is about ("default" for the otherwise clause), for per-provision silencing. */
  provision?: string;
  /** The finding in plain English, longer than the message: what happens and why it matters. */
  explanation: string;
  /** Edits that resolve the finding, best first. Silencing with a reason is always possible too. */
  fixes: QuickFix[];
  /** The simplest booking case that shows the finding, when there is one. */
  example?: { case: BookingCase; facts: string[] };
  /** The law/ authority the finding rests on, for the Law applied view. */
  authority?: string;
}

export interface LintOptions {
  /** The parsed document, for locations and `# lint-ignore CODE: reason` comments. */
  source?: ParsedSource;
  /** A scenario turns on the scenario-aware rules (agreement, holidays) and its as-of date picks the law. */
  scenario?: Scenario;
  /** Attach the simplest illustrating case to findings (default true); the keystroke path can skip it. */
  examples?: boolean;
}

const rulings = probableCaseRulings();
const cfr = authority('us-8-cfr-287-7');
const i247a = authority('us-form-i-247a');
const elCenizo = authority('us-el-cenizo');
const zoneRegulation = authority('us-49-cfr-71');
const FEDERAL_LIMIT = cfr.holdLimit!;
const I247A_FROM = i247a.detainerForm!.usedFrom!;

/** Old codes that silence their new names, so a document's reasons keep working. */
const CODE_ALIASES: Record<string, string> = {
  'hold-on-administrative-warrant': 'hold-without-judicial-warrant',
  'hold-after-lunn': 'state-bars-holds',
};

/** Findings that cannot be silenced: they say the lint itself could not do its work. */
const UNSILENCEABLE = new Set(['analysis-too-large', 'analysis-failed']);

const RANK: Record<Outcome, number> = { decline: 0, notify: 1, review: 2, hold: 3 };
const NOWHERE: SourcePosition = { line: 1, column: 1, endLine: 1, endColumn: 1 };
const FEDERAL_MAX: MaxHold = { hours: FEDERAL_LIMIT.hours, excludingWeekendsAndHolidays: FEDERAL_LIMIT.excludingWeekendsAndHolidays };
/** Models of 287(g) agreement under which designated officers hold on federal authority. */
const FEDERAL_AUTHORITY_287G = new Set(['jail-enforcement', 'warrant-service-officer']);

type Finding = LintDiagnostic;

/**
 * Where the provision a finding is about starts, for comments that silence it, and whether a finding is
 * located at its path's key rather than its value: kept on the finding under symbols, not enumerable, so
 * that no face reads, copies or serializes them (the finding's fields stay the same). On the finding
 * rather than in a weak map: a check of 300 provisions makes some 800 findings, and adding them to a
 * weak map took about 4% of its CPU profile after an outcome edit, defining them about 1%.
 */
const PROVISION_PATH = Symbol('provision path');
const AT_KEY = Symbol('located at the key');

function setProvisionPath(f: Finding, path: PathSegment[]): void {
  Object.defineProperty(f, PROVISION_PATH, { value: path, writable: true, configurable: true });
}

function provisionPathOf(f: Finding): PathSegment[] | undefined {
  const own = (f as unknown as { [PROVISION_PATH]?: PathSegment[] })[PROVISION_PATH];
  return own ?? keptOf(f)?.provisionPath;
}

function setAtKey(f: Finding): void {
  Object.defineProperty(f, AT_KEY, { value: true, writable: true, configurable: true });
}

function isAtKey(f: Finding): boolean {
  return (f as unknown as { [AT_KEY]?: boolean })[AT_KEY] === true || keptOf(f)?.atKey === true;
}

/** Wraps a provision's condition so that it also requires `extra`. */
function requireAlso(p: Provision, path: PathSegment[], extra: Condition, title: string): QuickFix {
  const when: Condition = p.when ? ('all' in p.when ? { all: [extra, ...p.when.all] } : { all: [extra, p.when] }) : extra;
  return { title, edits: [{ op: 'set', path: [...path, 'when'], value: when }] };
}

/**
 * Sets the otherwise clause's outcome, keeping its maximum hold in step as outcomeFix does a provision's:
 * a hold gets `hold` as its otherwiseMaxHold when given (the hold the detainer asks for), any other outcome
 * loses an otherwiseMaxHold it no longer uses.
 */
function otherwiseFix(o: Ordinance, outcome: Outcome, title: string, hold?: MaxHold): QuickFix {
  const edits: QuickFix['edits'] = [{ op: 'set', path: ['otherwise'], value: outcome }];
  if (outcome === 'hold' && hold && !sameHold(o.otherwiseMaxHold, hold))
    edits.push({ op: 'set', path: ['otherwiseMaxHold'], value: { ...hold } });
  if (outcome !== 'hold' && o.otherwiseMaxHold) edits.push({ op: 'delete', path: ['otherwiseMaxHold'] });
  return { title, edits };
}

function outcomeFix(path: PathSegment[], outcome: Outcome, title: string, p: Provision): QuickFix {
  const edits: QuickFix['edits'] = [{ op: 'set', path: [...path, 'outcome'], value: outcome }];
  if (outcome !== 'hold' && p.maxHold) edits.push({ op: 'delete', path: [...path, 'maxHold'] });
  return { title, edits };
}

/**
 * What the state's laws that require no honoring of detainers say, and what follows for limits on holds:
 * a law on status information alone does not reach them; a law barring limits on the enforcement of
 * immigration law generally (Arizona, Idaho, Indiana) says nothing of detainers, so it is not read as
 * reaching them, but a court could read it so.
 */
function infoOnlyWords(laws: readonly Authority[], asOf: string): string {
  const named = (xs: readonly Authority[]) => xs.map((x) => `${x.name} (${citationOn(x, asOf)})`).join('; ');
  const general = laws.filter((x) => x.barsLimitsOnEnforcement);
  const information = laws.filter((x) => !x.barsLimitsOnEnforcement);
  const parts: string[] = [];
  if (information.length)
    parts.push(
      `${named(information)} ${information.length > 1 ? 'bar' : 'bars'} limits on sharing immigration-status information but ${information.length > 1 ? 'do' : 'does'} not require honoring detainers, so this policy's limits on holds do not conflict with ${information.length > 1 ? 'them' : 'it'}`,
    );
  if (general.length)
    parts.push(
      `${named(general)} ${general.length > 1 ? 'bar' : 'bars'} local limits on the enforcement of immigration law but ${general.length > 1 ? 'say' : 'says'} nothing of honoring detainers, so this policy's limits on holds are not read as such a limit, though a court could read them so`,
    );
  return parts.join('; ');
}

/** The date a law took effect, for a message ("January 1, 2018"). */
function dateWords(date: string): string {
  return longDate(date);
}

/** The weaker of two severities (a later law, or secondary sources, never make an error). */
function atMost(s: Severity, cap: Severity): Severity {
  const rank: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
  return rank[s] <= rank[cap] ? s : cap;
}

/** What a law's finding says about when it applies: in force on the date, or from a later date. */
/** Whether a condition of the law has a ground that rests on someone's finding rather than the record. */
function hasDiscretion(c: Condition): boolean {
  if ('discretion' in c) return true;
  if ('all' in c) return c.all.some(hasDiscretion);
  if ('any' in c) return c.any.some(hasDiscretion);
  if ('not' in c) return hasDiscretion(c.not);
  return false;
}

/**
 * When a law applies, for a finding: `later` when it took effect after the ordinance's date, `ended` when
 * it has since ended (replaced or repealed) before the date the law data is current to.
 */
interface When {
  later: boolean;
  ended: boolean;
  words: string;
}

function when(a: Authority, ctx: LawContext): When {
  const later = a.effective !== undefined && a.effective > ctx.asOf;
  const ended = later && a.ends !== undefined && a.ends < ctx.currentTo;
  if (!later) return { later, ended, words: a.effective ? `since ${effectiveWords(a)}` : '(in force; its date was not verified)' };
  const after = `after ${ctx.asOfSource} (${dateWords(ctx.asOf)})`;
  return ended
    ? { later, ended, words: `from ${effectiveWords(a)} to ${dateWords(a.ends!)}, ${after}` }
    : { later, ended, words: `since ${effectiveWords(a)}, ${after}` };
}

/** The day a law took effect, in words, marked where the law data could not verify it. */
function effectiveWords(a: Authority): string {
  return `${dateWords(a.effective!)}${unverifiedDateMark(a)}`;
}

/** The end of a later law's finding: the ordinance cannot be applied now, or the law has since ended. */
function laterTail(w: When, what: 'provision' | 'clause', a: Authority): string {
  if (!w.later) return '';
  if (w.ended)
    return `; ${a.supersededBy ? `it was replaced on ${dateWords(authority(a.supersededBy).effective ?? a.ends!)}` : `it ended on ${dateWords(a.ends!)}`}`;
  return `, so the ${what} cannot be applied now`;
}

/**
 * The later laws a provision runs into, grouped into runs in which each law replaced the one before it
 * (the Illinois TRUST Act of 2017, then the Way Forward Act of 2021): one finding for each run, from the
 * date the first took effect. A law in force on the ordinance's date keeps its own finding (an error,
 * where the later ones are warnings).
 */
function laterRuns<T extends { a: Authority; w: When }>(fired: T[]): T[][] {
  // No later law among them (as for most provisions): each is a run of its own.
  if (!fired.some((f) => f.w.later)) return fired.map((f) => [f]);
  const byId = new Map(fired.filter((f) => f.w.later).map((f) => [f.a.id, f]));
  const replaced = new Set<string>();
  for (const f of byId.values()) if (f.a.supersededBy && byId.has(f.a.supersededBy)) replaced.add(f.a.supersededBy);
  const runs: T[][] = [];
  for (const f of fired) {
    if (f.w.later && replaced.has(f.a.id)) continue;
    const run = [f];
    for (let x = f; f.w.later && x.a.supersededBy && byId.has(x.a.supersededBy);) run.push((x = byId.get(x.a.supersededBy)!));
    runs.push(run);
  }
  return runs;
}

/** The laws of a run in turn: "A (cite), replaced on DATE by B (cite)". */
function runWords(run: Array<{ a: Authority; cited: string }>): string {
  return run
    .map((x, i) =>
      i === 0 ? named(x.a, x.cited) : `replaced on ${effectiveWords(x.a)} by ${theName(x.a, true)}; ${x.cited}${secondaryWords(x.a)}`,
    )
    .join(', ');
}

/**
 * What the federal rulings on holds held, each cited for its own holding: the new seizure that needs
 * probable cause (Miranda-Olivares, Morales v. Chadbourne) and the detainer as a request for which the
 * agency that holds is answerable (Galarza). Dated, like later state law, where they came after the date.
 */
function rulingWords(ctx: LawContext): string {
  // The same words for every hold of an analysis (and of the next, on the same date): made once.
  const key = `${ctx.asOfSource}\u0001${ctx.asOf}`;
  let words = RULING_WORDS.get(key);
  if (words === undefined) {
    words = rulingWordsOn(ctx);
    if (RULING_WORDS.size >= 8) RULING_WORDS.clear();
    RULING_WORDS.set(key, words);
  }
  return words;
}

/** `rulingWords` by the date and its source. */
const RULING_WORDS = new Map<string, string>();

function rulingWordsOn(ctx: LawContext): string {
  const [galarza, mirandaOlivares, morales] = rulings as [Authority, Authority, Authority];
  const cite = (a: Authority) => a.citations[0]!.cite;
  const after = `, after ${ctx.asOfSource} (${dateWords(ctx.asOf)})`;
  const seizure = `holding a person past release is a new seizure that needs its own probable cause (${cite(mirandaOlivares)}; ${cite(morales)})`;
  const request = `a detainer is a request, not a command, so an agency that holds on one can be liable for the hold (${cite(galarza)})`;
  const seizureFrom = [mirandaOlivares.effective!, morales.effective!].sort()[0]!;
  const seizureLater = seizureFrom > ctx.asOf;
  const requestLater = galarza.effective! > ctx.asOf;
  if (!seizureLater && !requestLater) return `${seizure}; ${request}`;
  return (
    `courts have held${seizureLater ? `, since ${dateWords(seizureFrom)}${after},` : ''} that ${seizure}, ` +
    `and${requestLater ? `, since ${dateWords(galarza.effective!)}${seizureLater ? '' : after},` : ''} that ${request}`
  );
}

/** How a finding names an authority: a ruling by its full citation, a statute by name and citation. */
/** An authority's name without its parenthesised or trailing detail: "Connecticut TRUST Act", "Lunn v. Commonwealth". */
function shortName(a: Authority): string {
  return a.name.split(/ \(|, /)[0]!;
}

function named(a: Authority, cited: string): string {
  return `${a.kind === 'case' ? cited : `${a.name}; ${cited}`}${secondaryWords(a)}`;
}

/**
 * What a finding's citation adds for law read only in secondary sources: its message says what the law
 * "requires" or "bars" as those sources report it, so the citation says so ("; read only in secondary
 * sources"), as the finding is at most a warning. Nothing for law read in a primary source.
 */
function secondaryWords(a: Authority): string {
  return a.confidence === 'verified-secondary' ? '; read only in secondary sources' : '';
}

/** An authority's name as the subject or object of a sentence: "the Illinois Way Forward Act", "Colorado HB19-1124". */
function theName(a: Authority, full = false): string {
  const name = full ? a.name : shortName(a);
  return a.kind !== 'case' && /\bAct\b|\bDirective\b/.test(shortName(a)) ? `the ${name}` : name;
}

/** The verb after an authority's name: "PA 19-20 and PA 19-23 allow", "the Act allows". */
function verbFor(a: Authority, verb: string): string {
  return / and /.test(shortName(a)) ? verb : `${verb}s`;
}

/** A detainer form and its citation, the form named once ("DHS Form I-247A", not "I-247A, DHS Form I-247A"). */
function formCitation(form: string, cited: string): string {
  return cited.includes(form) ? cited : `${form}, ${cited}`;
}

/** Whether a provision's hold limit is the given one (absent is the regulation's cap). */
function sameHold(h: MaxHold | undefined, want: MaxHold): boolean {
  const x = h ?? FEDERAL_MAX;
  return x.hours === want.hours && (x.excludingWeekendsAndHolidays === true) === (want.excludingWeekendsAndHolidays === true);
}

/** A hold limit in words. */
function holdWords(h: MaxHold): string {
  return `${h.hours} ${h.excludingWeekendsAndHolidays ? 'hours excluding Saturdays, Sundays and holidays' : 'calendar hours'}`;
}

/**
 * The longest calendar time a hold can take, in hours: every run of days off it crosses adds up to
 * three days (a weekend with a Friday or Monday holiday), and a hold crosses one such run for each
 * five working days it spans.
 */
function longestCalendarHours(h: MaxHold): number {
  if (!h.excludingWeekendsAndHolidays) return h.hours;
  return h.hours + 72 * (1 + Math.floor(Math.ceil(h.hours / 24) / 5));
}

interface Ctx {
  o: Ordinance;
  opts: LintOptions;
  law: LawContext;
  layout: Layout;
  at: (path: PathSegment[], key?: boolean) => SourcePosition;
  add: (f: Omit<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>, key?: boolean) => void;
  /** Adds a finding about the provision at `provisionPath`. */
  addWithin: (provisionPath: PathSegment[], f: Omit<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>, key?: boolean) => void;
  findings: Finding[];
  /** The name of the i-th detainer provision (`laidOutName`), worked out once per check. */
  nameOf: (i: number) => string;
}

export function lintOrdinance(o: Ordinance, opts: LintOptions = {}): LintDiagnostic[] {
  const source = opts.source;
  const at = (path: PathSegment[], key = false): SourcePosition => (source ? source.locate(path, key) : NOWHERE);
  const findings: Finding[] = [];
  // A finding's explanation, fixes and example are getters, read only when a face shows them: its
  // place is added to the object itself, never by a copy that would read them. An example it cannot
  // have (none asked for) is no field of it (the example is its last field).
  const add = (f: Omit<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>, key = false) => {
    if ('example' in f) {
      const ex: unknown = f.example;
      if (ex instanceof LaterExample) Object.defineProperty(f, 'example', { get: ex.get, enumerable: true, configurable: true });
      else if (ex === undefined) delete f.example;
    }
    if (key) setAtKey(f as Finding);
    findings.push(Object.assign(f as Finding, at(f.path, key)));
  };
  const addWithin = (provisionPath: PathSegment[], f: Omit<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>, key = false) => {
    setProvisionPath(f as Finding, provisionPath);
    add(f, key);
  };

  // The findings of the rules below depend on the ordinance without its drafters' own text and
  // headings (`withoutWrittenText`), the provisions' headings (their messages name a provision by its
  // heading), the scenario, whether examples are wanted and, in one message, the line of the findings:
  // the same key, the same findings, found again at their places.
  const shape = withoutWrittenText(o);
  const seriousFinding = (o.findings ?? []).findIndex((f) => f.aims === 'serious-offenders');
  const key = [
    shape.json,
    JSON.stringify(o.sections.map((s) => s.provisions?.map((p) => p.heading ?? null) ?? null)),
    JSON.stringify(opts.scenario ?? null),
    opts.examples !== false,
    seriousFinding >= 0 ? at(['findings', seriousFinding, 'text']).line : 0,
  ].join('\n');
  const kept = KEPT_FINDINGS.get(key);
  if (kept) {
    KEPT_FINDINGS.delete(key);
    KEPT_FINDINGS.set(key, kept);
    for (const f of kept.provisionRules) findings.push(foundAgain(f, at));
    unusedTerms(o, findings, at, shape, kept.layout);
    wordingDiffers(o, findings, at, kept.layout);
    for (const f of kept.policyRules) findings.push(foundAgain(f, at));
    return located(applySuppressions(o, findings, source), findings);
  }

  const layout = layoutOrdinance(o);
  // Every rule that reads a provision names it, most of them several times: each name is built once.
  const names: string[] = [];
  const nameOf = (i: number): string => (names[i] ??= laidOutName(layout.detainerProvisions[i]!, o));
  const ctx: Ctx = { o, opts, law: lawContext(o, opts.scenario), layout, at, add, addWithin, findings, nameOf };
  // Rules that read one provision at a time: they run whatever the size of the ordinance.
  provisionRules(ctx);
  const afterProvisionRules = findings.length;
  unusedTerms(o, findings, at, shape, ctx.layout);
  wordingDiffers(o, findings, at, ctx.layout);
  const afterTerms = findings.length;
  try {
    policyRules(ctx);
    KEPT_FINDINGS.set(key, {
      provisionRules: findings.slice(0, afterProvisionRules).map(keepFinding),
      policyRules: findings.slice(afterTerms).map(keepFinding),
      layout: ctx.layout,
    });
    if (KEPT_FINDINGS.size > 2) KEPT_FINDINGS.delete(KEPT_FINDINGS.keys().next().value!);
  } catch (e) {
    if (!(e instanceof AnalysisTooLarge)) throw e;
    const { line: _l, column: _c, endLine: _el, endColumn: _ec, ...d } = analysisTooLargeDiagnostic(e, source, 'the legal lint');
    add({ ...d, fixes: [] }, true);
  }
  return located(applySuppressions(o, findings, source), findings);
}

/**
 * The findings of a check, once silenced (`out`, a new list): the list they were gathered in is
 * emptied. The getters of the kept findings (their explanations and fixes) are closures of their rules,
 * which hold the check's `add`, and it holds that list: emptied, it keeps none of the check's
 * finding objects alive after the check, for as long as the kept findings are kept.
 */
function located(out: Finding[], gathered: Finding[]): Finding[] {
  gathered.length = 0;
  return out;
}

/**
 * The generated words of the last two shapes printed (`generatedText`), by shape, least recent first:
 * two, like the kept findings, so that text edits between a drafter's tries of two shapes (an outcome
 * changed and changed back, or the text edited after an outcome was) print neither again.
 */
const GENERATED = new Map<string, string>();

/** The findings of the last analyses, by their key, before they were located and silenced. */
const KEPT_FINDINGS = new Map<string, { provisionRules: KeptFinding[]; policyRules: KeptFinding[]; layout: Layout }>();
onClearAnalysisCaches(() => {
  KEPT_FINDINGS.clear();
  GENERATED.clear();
  forgetPrintedClauses();
});

/**
 * A finding kept for later analyses: its field names and values in order, each value a value or (for
 * the fields whose bit is set in `getters`, the explanation and fixes) the getter itself, not read;
 * where its provision starts; whether it is located at a key.
 */
interface KeptFinding {
  keys: string[];
  values: unknown[];
  getters: number;
  /** The getters by field, which the copies' shared getters (`LAZY_DESCRIPTORS`) call. */
  lazy: Record<string, () => unknown>;
  provisionPath: PathSegment[] | undefined;
  atKey: boolean;
}

/** The fields of a finding that rules write as getters, worked out when a face reads them. */
const LAZY_FIELDS = new Set(['explanation', 'fixes', 'example']);

/**
 * The kept finding a found-again finding was copied from, not enumerable (no face reads, copies or
 * serializes it): its getters (`lazy`), where its provision starts and whether it is located at a key,
 * in one field rather than three.
 */
const KEPT = Symbol('kept finding');

function keptOf(f: Finding): KeptFinding | undefined {
  return (f as unknown as { [KEPT]?: KeptFinding })[KEPT];
}

/**
 * The getters of found-again findings, one function per field shared by every copy, each calling the
 * kept finding's own getter on the copy. A getter defined anew per copy gave each copy a hidden class
 * of its own (V8 shares one only between objects whose accessors are the same functions): putting
 * back some 800 kept findings after a comment edit was a fifth of that check's CPU profile.
 */
const LAZY_DESCRIPTORS: Record<string, PropertyDescriptor> = Object.fromEntries(
  [...LAZY_FIELDS].map((key) => [
    key,
    {
      get(this: { [KEPT]: KeptFinding }): unknown {
        return this[KEPT].lazy[key]!.call(this);
      },
      enumerable: true,
      configurable: true,
    },
  ]),
);

/** The descriptor that hides a copy's kept finding on it, its value set before each use. */
const KEPT_VALUE: PropertyDescriptor = { value: undefined, writable: true, configurable: true };

function keepFinding(f: Finding): KeptFinding {
  const keys = Object.keys(f);
  const values: unknown[] = new Array(keys.length);
  const lazy: Record<string, () => unknown> = {};
  let getters = 0;
  if (keys.length > 31) throw new Error('a finding has more fields than a kept finding can hold');
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    // Only these fields are ever getters (a getter elsewhere would be read here, and kept as its value).
    const get = LAZY_FIELDS.has(key) ? Object.getOwnPropertyDescriptor(f, key)!.get : undefined;
    if (get) {
      values[i] = get;
      lazy[key] = get;
      getters |= 1 << i;
    } else values[i] = (f as unknown as Record<string, unknown>)[key];
  }
  return { keys, values, getters, lazy, provisionPath: provisionPathOf(f), atKey: isAtKey(f) };
}

/** A kept finding for this analysis: a fresh object with the same fields in order, at its place in this text. */
function foundAgain(k: KeptFinding, at: (path: PathSegment[], key?: boolean) => SourcePosition): Finding {
  const copy: Record<string, unknown> = {};
  const { keys, values, getters } = k;
  KEPT_VALUE.value = k;
  Object.defineProperty(copy, KEPT, KEPT_VALUE);
  KEPT_VALUE.value = undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    // Each getter calls the kept one on this copy, as the rule's own did on the finding.
    if (getters & (1 << i)) Object.defineProperty(copy, key, LAZY_DESCRIPTORS[key]!);
    else copy[key] = values[i];
  }
  const f = copy as unknown as Finding;
  const pos = at(f.path, k.atKey);
  f.line = pos.line;
  f.column = pos.column;
  f.endLine = pos.endLine;
  f.endColumn = pos.endColumn;
  return f;
}

/**
 * The one located error every analysis gives for an ordinance too large to analyse exactly, at its
 * `sections` key: the lint (whose per-provision rules still ran), the decision table, the difference
 * between drafts and the officer guide all say it the same way.
 */
export function analysisTooLargeDiagnostic(e: AnalysisTooLarge, source: ParsedSource | undefined, what: string): LintDiagnostic {
  const lint = what === 'the legal lint';
  return {
    severity: 'error',
    code: 'analysis-too-large',
    message: lint
      ? `the legal lint could not analyse the whole ordinance (${e.message}): the rules that need every combination of facts (the state's law on holds and notices, probable cause, minimum age, shadowed and impossible provisions) did not run, so it cannot be exported`
      : `${what} cannot be worked out: the ordinance is too large to analyse exactly (${e.message})`,
    explanation:
      'The analysis reasons about every combination of the facts the conditions read, exactly. This ordinance has too many distinct facts (usually many different thresholds: ages, years, counts) for that. The checks of each provision on its own (hold limits, the detainer form, 287(g)) still ran. Fewer distinct thresholds, or splitting the ordinance, lets the whole analysis run.',
    path: ['sections'],
    ...(source ? source.locate(['sections'], true) : NOWHERE),
    fixes: [],
  };
}

interface HoldingClause {
  index: number;
  id: string;
  path: PathSegment[];
  who: string;
  p: Provision | undefined;
  maxHold: MaxHold;
  /** Where its maximum hold is written (or would be): a provision's maxHold, the document's otherwiseMaxHold. */
  holdPath: PathSegment[];
  /** Whether the document states the maximum (an otherwise clause without otherwiseMaxHold holds the federal maximum). */
  stated: boolean;
}

/** The detainer provisions and the otherwise clause, with their paths, for the per-provision rules. */
function holdingClauses(ctx: Ctx): HoldingClause[] {
  const out: HoldingClause[] = [];
  ctx.layout.detainerProvisions.forEach((lp, index) => {
    if (lp.provision.outcome !== 'hold') return;
    out.push({
      index,
      id: lp.provision.id,
      path: ['sections', lp.sectionIndex, 'provisions', lp.provisionIndex],
      who: ctx.nameOf(index),
      p: lp.provision,
      maxHold: lp.provision.maxHold ?? FEDERAL_MAX,
      holdPath: ['sections', lp.sectionIndex, 'provisions', lp.provisionIndex, 'maxHold'],
      stated: lp.provision.maxHold !== undefined,
    });
  });
  if (ctx.o.otherwise === 'hold')
    out.push({
      index: ctx.layout.detainerProvisions.length,
      id: 'default',
      path: ['otherwise'],
      who: `The otherwise clause (${ctx.layout.otherwiseCitation})`,
      p: undefined,
      maxHold: otherwiseHoldOf(ctx.o),
      holdPath: ['otherwiseMaxHold'],
      stated: ctx.o.otherwiseMaxHold !== undefined,
    });
  return out;
}

/** Rules on each holding provision's limit and on the document's statements; no analysis needed. */
function provisionRules(ctx: Ctx): void {
  const { o, law, add, addWithin } = ctx;
  const clauses = holdingClauses(ctx);
  // The detainer's own request: since the I-247A, 48 hours after release, weekends included.
  const asked = DETAINER_FORMS.find((f) => f.form === i247a.detainerForm!.form)!.hold!;
  // For the otherwise clause the limit goes in otherwiseMaxHold, which the text then states.
  const askedFix = (c: (typeof clauses)[number]): QuickFix => ({
    title: c.p ? `Limit the hold to ${holdWords(asked)}` : `Limit the otherwise clause's hold to ${holdWords(asked)}`,
    edits: [{ op: 'set', path: c.holdPath, value: { hours: asked.hours, excludingWeekendsAndHolidays: false } }],
  });
  for (const c of clauses) {
    // The hours where the document states them; an otherwise clause that states none, at `otherwise`.
    const limitPath = c.stated ? [...c.holdPath, 'hours'] : c.path;
    const h = c.maxHold;
    if (h.hours > FEDERAL_LIMIT.hours) {
      const excl = h.excludingWeekendsAndHolidays === true;
      addWithin(c.path, {
        provision: c.id,
        // A calendar-hour hold past the limit outlasts it on every run of working days (a Monday release).
        // An error only while the regulation's words are read in a primary source (its data's confidence).
        severity: severityOf(cfr, law.asOf),
        code: 'hold-exceeds-federal-maximum',
        message: excl
          ? `${c.who} allows a hold of ${holdWords(h)}; the federal maximum is ${FEDERAL_LIMIT.hours} (${CITATIONS.federalMaximum})`
          : `${c.who} allows a hold of ${holdWords(h)}, which exceeds ${holdWords(FEDERAL_MAX)} whenever it runs through working days, e.g. from a Monday release (${CITATIONS.federalMaximum})`,
        get explanation(): string {
          return `The regulation authorizing detainers limits the hold to ${holdWords(FEDERAL_MAX)}. A longer hold is outside even the federal request and leaves the jurisdiction alone answerable for the detention.`;
        },
        citation: CITATIONS.federalMaximum,
        authority: cfr.id,
        path: limitPath,
        get fixes(): QuickFix[] {
          // Where the form in use asks for less than the regulation's cap, its hold comes first: the
          // cap alone would at once exceed what the detainer asks (hold-exceeds-request).
          return [
            ...(inForce(i247a, law.asOf) ? [askedFix(c)] : []),
            {
              title: `Limit the hold to ${holdWords(FEDERAL_MAX)}`,
              edits: [{ op: 'set', path: c.holdPath, value: FEDERAL_MAX }],
            },
          ];
        },
      });
    }
    if (inForce(i247a, law.currentTo) && longestCalendarHours(h) > asked.hours) {
      const w = when(i247a, law);
      const longest = longestCalendarHours(h);
      addWithin(c.path, {
        provision: c.id,
        severity: severityOf(i247a, law.asOf) === 'error' ? 'error' : 'warning',
        code: 'hold-exceeds-request',
        message: `${c.who} allows a hold of ${holdWords(h)}; ${w.later ? w.words : 'since ' + dateWords(I247A_FROM)}, a detainer (${CITATIONS.detainerForm}) asks for a hold of no more than ${holdWords(asked)} after release${h.excludingWeekendsAndHolidays ? ', weekends included' : ''}, so this hold can last up to ${longest} hours, ${longest - asked.hours} more than requested`,
        get explanation(): string {
          return `${i247a.requires} The policy should not hold longer than ICE asks: the extra time is a detention no request supports. (Detainers before ${dateWords(I247A_FROM)} counted ${holdWords(FEDERAL_MAX)}, as ${CITATIONS.federalMaximum} does; the form's exact wording was read only in ICE's guidance: ${confidenceWords(i247a)}.)`;
        },
        citation: CITATIONS.detainerForm,
        authority: i247a.id,
        path: limitPath,
        get fixes(): QuickFix[] {
          return [askedFix(c)];
        },
      });
    }
  }
  // Holidays a hold skips beyond the federal ones.
  const excluding = clauses.filter((c) => c.maxHold.excludingWeekendsAndHolidays);
  const extra = Array.isArray(o.holidays)
    ? { list: o.holidays, path: ['holidays'] as PathSegment[], whose: 'The ordinance' }
    : ctx.opts.scenario && Array.isArray(ctx.opts.scenario.holidays) && o.holidays === undefined
      ? {
          list: ctx.opts.scenario.holidays,
          path: ['otherwise'] as PathSegment[],
          whose: `The scenario${ctx.opts.scenario.name ? ` "${ctx.opts.scenario.name}"` : ''}`,
        }
      : undefined;
  if (extra && extra.list.length > 0 && excluding.length > 0) {
    add(
      {
        severity: 'warning',
        code: 'holidays-lengthen-hold',
        message: `${extra.whose} adds ${extra.list.length} local holiday${extra.list.length === 1 ? '' : 's'} (${extra.list.slice(0, 3).join(', ')}${extra.list.length > 3 ? ', ...' : ''}) to the federal ones; ${excluding.map((c) => c.who).join(', ')} skip${excluding.length === 1 ? 's' : ''} them, so a hold across one lasts a day longer than the federal count (${CITATIONS.federalMaximum})`,
        get explanation(): string {
          return `A hold that excludes holidays is counted in working hours. ${CITATIONS.federalMaximum} excludes "holidays" without naming them; Connecticut's statute says federal holidays. Every extra local holiday adds a day to the holds that run across it, beyond what the federal count allows and beyond what a detainer asks for.`;
        },
        citation: CITATIONS.federalMaximum,
        authority: cfr.id,
        path: extra.path,
        get fixes(): QuickFix[] {
          return Array.isArray(o.holidays)
            ? [{ title: 'Skip only the federal holidays', edits: [{ op: 'delete', path: ['holidays'] }] }]
            : [];
        },
      },
      extra.path[0] === 'holidays',
    );
  }
  // Calendar-hour holds with no time zone are counted on the wall clock.
  const calendarHolds = clauses.filter((c) => !c.maxHold.excludingWeekendsAndHolidays);
  if (calendarHolds.length > 0 && !o.jurisdiction.timeZone) {
    add(
      {
        severity: 'info',
        code: 'no-time-zone',
        message: `${calendarHolds.map((c) => c.who).join(', ')} count${calendarHolds.length === 1 ? 's' : ''} calendar hours, but the jurisdiction names no time zone: across the nights the clocks change, holds are counted on the wall clock, one hour off`,
        explanation: `Name the time zone (jurisdiction.timeZone) so that a hold of so many hours ends that many hours later, whatever the clocks do.${zoneWords(o.jurisdiction.state)}`,
        path: ['jurisdiction'],
        get fixes() {
          return zonesOfState(o.jurisdiction.state).map(({ zone }) => ({
            title: `Name the time zone: ${zone.label} (${zone.name})`,
            edits: [{ op: 'set' as const, path: ['jurisdiction', 'timeZone'], value: zone.name }],
          }));
        },
      },
      true,
    );
  }
  zoneOfStateRule(ctx);
  bodyOfLevelRule(ctx);
  agencyOfLevelRule(ctx);
  agreementRules(ctx);
  noStateLawRule(ctx);
}

/**
 * A named time zone that is none of the zones the time zone regulation puts the jurisdiction's state
 * in: hold ends (calendar hours across the changes of the clocks, working days from midnight to
 * midnight) are computed in that zone, so a wrong one moves them. A state that spans zones accepts
 * any of its zones; a state the regulation lists in no zone (Guam) is not checked.
 */
function zoneOfStateRule(ctx: Ctx): void {
  const { o, add } = ctx;
  const named = o.jurisdiction.timeZone;
  const state = o.jurisdiction.state;
  if (named === undefined) return;
  const zones = zonesOfState(state);
  if (zones.length === 0 || zones.some((z) => z.zone.name === named)) return;
  const name = isStateCode(state) ? stateName(state) : state;
  const cite = zonesCitation(zones);
  const listed = zonesAsChoice(zones);
  const label = timeZone(named)?.label;
  add(
    {
      severity: 'warning',
      code: 'time-zone-not-of-state',
      message: `the time zone ${named}${label ? ` (${label})` : ''} is not a zone of ${name}, which lies in ${listed} (${cite}): hold ends are computed in the zone named, so they would be off by the difference`,
      get explanation(): string {
        return `Every hold end is computed in jurisdiction.timeZone: a hold of so many hours ends that many hours later across the changes of the clocks, and a hold that skips weekends and holidays counts working days from midnight to midnight there. In a zone other than the jail's, every hold ends at the wrong time on the jail's clock. ${cite} puts ${name} in ${listed}${zones.length > 1 ? ': name the one the jail keeps' : ''}.`;
      },
      citation: cite,
      authority: zoneRegulation.id,
      path: ['jurisdiction', 'timeZone'],
      get fixes(): QuickFix[] {
        // Only where the state has one zone: in a state that spans zones, which one the jail keeps is not guessed.
        if (zones.length !== 1) return [];
        const only = zones[0]!.zone;
        return [
          {
            title: `Set the time zone to ${only.label} (${only.name})`,
            edits: [{ op: 'set' as const, path: ['jurisdiction', 'timeZone'], value: only.name }],
          },
        ];
      },
    },
    false,
  );
}

/**
 * A legislative body named for another level of government than the jurisdiction's: a county whose
 * ordinance is enacted by a "City Council" (a new draft's body, kept when the level was changed) would
 * print "ordained by the City Council of the County of Alameda". A city-county whose name says both ("City
 * and County of Denver", "City and County of San Francisco") may have either body, so it is not checked; nor
 * is a town's "City Council", which some towns have.
 */
function bodyOfLevelRule(ctx: Ctx): void {
  const { o, add } = ctx;
  const body = o.legislativeBody?.trim();
  const { level, name } = o.jurisdiction;
  if (!body) return;
  const cityWord = /\b(city|town|village|borough)\b/i;
  const countyWord = /\b(county|parish|supervisors|commissioners court)\b/i;
  const mismatch =
    level === 'county' && cityWord.test(body) && !cityWord.test(name)
      ? `a ${cityWord.exec(body)![1]!.toLowerCase()}'s, but the jurisdiction is a county`
      : (level === 'city' || level === 'town') && countyWord.test(body) && !countyWord.test(name)
        ? `a county's, but the jurisdiction is a ${level}`
        : undefined;
  if (!mismatch) return;
  const unnamed = bodyOf({ ...o, legislativeBody: undefined });
  add(
    {
      severity: 'warning',
      code: 'body-not-of-level',
      message: `the legislative body "${body}" is ${mismatch}: the ${documentNoun(o)}'s enacting clause would name the ${body} of ${jurisdictionWithArticle(name)}`,
      explanation: `The enacting clause and the attestation name legislativeBody as the body that enacts the measure. Name the body as the ${level === 'county' ? "county's charter or the state's law" : "city's charter"} calls it (${level === 'county' ? 'a board of supervisors, a board of county commissioners, a commissioners court, a county council' : 'a city council, a board of aldermen, a town council'}), or remove legislativeBody to have the text name the ${unnamed}.`,
      path: ['legislativeBody'],
      fixes: [
        { title: `Remove the legislative body (the text then names the ${unnamed})`, edits: [{ op: 'delete', path: ['legislativeBody'] }] },
      ],
    },
    false,
  );
}

/**
 * An agency named for another level of government than the jurisdiction's: a county whose text says
 * "the Police Department" (a new draft's agency, kept when the level was changed), or a city whose says
 * "the Sheriff's Office". A county police department that names its county ("the Nassau County Police
 * Department") is a county's, and a city-county whose name says both may have either; neither is checked.
 * A warning, never an error: the ordinance may mean the agency it names.
 */
function agencyOfLevelRule(ctx: Ctx): void {
  const { o, add } = ctx;
  const agency = o.agency?.trim();
  const { level, name } = o.jurisdiction;
  if (!agency) return;
  const countyWord = /\b(county|parish)\b/i;
  const cityWord = /\b(city|town|village|borough)\b/i;
  const mismatch =
    level === 'county' && /\bpolice\b/i.test(agency) && !countyWord.test(agency) && !cityWord.test(name)
      ? "a city's or town's police, but the jurisdiction is a county"
      : (level === 'city' || level === 'town') && /\bsheriff/i.test(agency) && !countyWord.test(name)
        ? `a county's sheriff, but the jurisdiction is a ${level}`
        : undefined;
  if (!mismatch) return;
  const usual = defaultAgencyOf(level);
  add(
    {
      severity: 'warning',
      code: 'agency-not-of-level',
      message: `the agency "${agency}" is ${mismatch}: the ${documentNoun(o)}'s text would say that ${agency} holds, notifies or declines on detainers`,
      explanation: `The text names agency as the one that acts on each detainer. A ${level === 'county' ? "county's jail is usually its sheriff's" : "city's or town's lockup is usually its police department's"}; name the agency as the ${level === 'county' ? 'county' : level} calls it${level === 'county' ? ' (a county police department by its county\'s name, as "the Nassau County Police Department")' : ''}, or remove agency to have the text name ${usual}.`,
      path: ['agency'],
      fixes: [{ title: `Remove the agency (the text then names ${usual})`, edits: [{ op: 'delete', path: ['agency'] }] }],
    },
    false,
  );
}

/** The zones the time zone regulation puts a state in, as the no-time-zone finding names them. */
function zoneWords(state: string): string {
  const zones = zonesOfState(state);
  if (zones.length === 0) return '';
  const name = isStateCode(state) ? stateName(state) : state;
  const cite = zonesCitation(zones);
  const listed = zones.map((z) => `${z.zone.label}: ${z.zone.name}`);
  if (zones.length > 1) return ` ${name} lies in more than one time zone (${listed.join('; ')}; ${cite}): name the one the jail keeps.`;
  return ` ${name} lies ${zones[0]!.wholly ? 'wholly' : 'mostly'} in one time zone, ${listed[0]} (${cite}).`;
}

/**
 * A real state with no law on file (or none that binds the ordinance's level of government): say that only
 * federal law was checked, not that the state has none.
 */
function noStateLawRule(ctx: Ctx): void {
  const { o, add } = ctx;
  const state = o.jurisdiction.state;
  const level = o.jurisdiction.level;
  if (!isStateCode(state) || LAW.some((a) => a.jurisdiction === state && bindsLevel(a, level))) return;
  // The state has law on file, but none of it binds this level (e.g. an order to state agencies only).
  const otherLevels = level !== undefined && LAW.some((a) => a.jurisdiction === state);
  // With no law on file at all, say whether the state was searched (and what turned up) or never researched.
  const search = otherLevels ? undefined : stateSearch(state);
  add(
    {
      severity: 'info',
      code: 'no-state-law-on-file',
      message: `no state law on detainers ${otherLevels ? `that binds a ${level} ` : ''}is on file for ${state} (${stateName(state)}); ${otherLevels ? '' : `${researchWords(state)}; `}only federal law was checked`,
      explanation: otherLevels
        ? `The project's law data has no statute, ruling or order of this state on detainers that binds a ${level}; what it has binds other levels of government. That is not proof the state has none: have counsel check the state's law before relying on the findings, which reflect federal law only.`
        : search
          ? `The project's law data has no statute or ruling of this state or territory on detainers. It was searched on ${longDate(search.searched)} for ${lowerFirst(search.lookedFor)} What was found was not law in force (${search.found}). That is not proof the state has none: have counsel check the state's law before relying on the findings, which reflect federal law only.`
          : "The project's law data has no statute or ruling of this state or territory on detainers, and records no search for one: its law was not researched. That is not proof the state has none: have counsel check the state's law before relying on the findings, which reflect federal law only.",
      path: ['jurisdiction', 'state'],
      fixes: [],
    },
    false,
  );
}

/** A sentence's words to follow others: its first letter lower-cased ("An Ohio statute" -> "an Ohio statute"). */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** 287(g): states that require an agreement of county jails, and states that forbid one. */
function agreementRules(ctx: Ctx): void {
  const { o, law, add } = ctx;
  const model = o.agreement287g;
  const hasAgreement = model !== undefined && model !== 'none';
  const path: PathSegment[] = o.agreement287g !== undefined ? ['agreement287g'] : ['jurisdiction', 'state'];
  for (const a of [...law.stateLaw, ...law.later]) {
    const w = when(a, law);
    const cite = citationOn(a, w.later ? a.effective! : law.asOf);
    if (a.agreement287g === 'required' && !hasAgreement && (a.requiredOf287g === 'all' || o.jurisdiction.level === 'county')) {
      add(
        {
          severity: model === 'none' ? atMost(severityOf(a, law.asOf), 'warning') : 'info',
          code: 'state-requires-287g',
          message: `${stateName(law.state)} requires ${a.dutyHolder287g ?? (a.requiredOf287g === 'county' ? 'the sheriff operating a county jail' : 'each agency')} to enter a 287(g) agreement with ICE ${w.words} (${named(a, cite)})${model === 'none' ? '; the ordinance says the agency has none' : '; the ordinance does not say whether the agency has one'}`,
          get explanation(): string {
            return `${a.requires} Under such an agreement designated officers act with federal authority; the ordinance's own rules still govern the agency's other officers.`;
          },
          citation: cite,
          authority: a.id,
          path,
          fixes: [],
        },
        path[0] === 'agreement287g',
      );
    }
    if ((a.agreement287g === 'barred' || a.agreement287g === 'governor-only') && hasAgreement) {
      add(
        {
          severity:
            a.agreement287g === 'governor-only'
              ? atMost(severityOf(a, law.asOf), 'warning')
              : w.later
                ? atMost(severityOf(a, law.asOf), 'warning')
                : severityOf(a, law.asOf),
          code: 'state-bars-287g',
          message: `the ordinance says the agency has a 287(g) agreement (${model}); ${a.agreement287g === 'governor-only' ? `in ${stateName(law.state)} only the Governor may enter one` : `${stateName(law.state)} forbids local agencies to enter one`} ${w.words} (${named(a, cite)})`,
          get explanation(): string {
            return `${a.requires} (${confidenceWords(a)})`;
          },
          citation: cite,
          authority: a.id,
          path,
          get fixes(): QuickFix[] {
            return [
              { title: 'State that the agency has no 287(g) agreement', edits: [{ op: 'set', path: ['agreement287g'], value: 'none' }] },
            ];
          },
        },
        true,
      );
    }
  }
}

/** The rules that need the whole-policy analysis: logic, completeness, and the law on every combination of facts. */
function policyRules(ctx: Ctx): void {
  const { o, opts, law, layout, at, add, addWithin } = ctx;
  const stateConditions = lawConditions(law);
  const namedCategories = convictionCategories(o);
  const space = FactSpace.reuse([o], {
    extraConditions: [
      { ordinance: 0, condition: { age: { under: 18 } } },
      { ordinance: 0, condition: { conviction: { classes: ['felony', 'misdemeanor'] } } },
      ...(namedCategories.length ? [{ ordinance: 0, condition: { conviction: { categories: namedCategories } } as Condition }] : []),
      { ordinance: 0, condition: { judicialWarrant: true } },
      ...stateConditions.map((condition) => ({ ordinance: 0, condition })),
    ],
  });
  const b = space.bdd;
  const policy = new SymbolicPolicy(space, 0, o, layout);
  const verifier = new Verifier(opts.scenario ?? {});
  const minors = space.leaf(0, { age: { under: 18 } });
  // A civil infraction is not a conviction; an offense the ordinance names by its kind (homicide,
  // violent) is a crime whatever class the record gives it.
  const criminalConviction = b.or(
    space.leaf(0, { conviction: { classes: ['felony', 'misdemeanor'] } }),
    namedCategories.length ? space.leaf(0, { conviction: { categories: namedCategories } }) : FALSE_NODE,
  );
  const judicial = space.leaf(0, { judicialWarrant: true });
  const req = space.requests();
  const notifyAsked = b.v(space.reqNotify);

  // Whether each atom can be true and can be false: a leaf's checks without any diagram work.
  const atomCan = new Map<number, { t: boolean; f: boolean }>();
  const possibleLeaf = (set: number): boolean | undefined => {
    if (set < 2 || b.lowOf(set) > 1 || b.highOf(set) > 1) return undefined;
    const v = b.varOf(set);
    let can = atomCan.get(v);
    if (!can) {
      can = { t: space.possible(b.v(v)), f: space.possible(b.nv(v)) };
      atomCan.set(v, can);
    }
    return b.highOf(set) === 1 ? can.t : can.f;
  };
  const possible = (set: number): boolean => possibleLeaf(set) ?? space.possible(set);

  const detail = opts.examples !== false;
  // A finding's example is worked out when a face reads it (most never do: the command line prints
  // messages only); a message that shows its example works it out at once (`exampleNow`).
  const example = (set: number, decidedBy?: { provision: string; outcome?: Outcome }): LintDiagnostic['example'] =>
    detail ? (new LaterExample(() => exampleNow(set, decidedBy)) as unknown as LintDiagnostic['example']) : undefined;
  const exampleNow = (set: number, decidedBy?: { provision: string; outcome?: Outcome }): LintDiagnostic['example'] => {
    if (!detail) return undefined;
    const values = space.cheapest(set);
    if (!values) return undefined;
    let concrete: ReturnType<typeof space.concretize>;
    try {
      concrete = space.concretize(values, 'example');
      // The space admits offenses no law makes (a homicide infraction; see `realOffensesOnly`): such an
      // example takes the class its offense can have, if the case is still one of the set.
      const real = space.withRealOffenses(concrete);
      if (real) {
        const prepared = prepareCase(real.case, 0);
        if (!prepared.ok) return undefined;
        const atoms = space.atomsOf(prepared.prepared, real.reimbursementAgreement);
        for (let v = 0; v < atoms.length; v++) if (atoms[v] === -1) atoms[v] = values[v]!;
        if (!b.evaluate(set, atoms)) return undefined;
        concrete = real;
      }
      // An example the engine would decide otherwise is worse than none.
      const d = verifier.decideCode(o, concrete);
      if (decidedBy && (d.provision !== decidedBy.provision || (decidedBy.outcome && d.outcome !== decidedBy.outcome))) return undefined;
    } catch {
      return undefined;
    }
    return exampleOf(concrete);
  };
  const exampleOf = (concrete: ConcreteCase): NonNullable<LintDiagnostic['example']> => {
    const facts = caseFacts(concrete.case, detainerTerm(o));
    if (concrete.reimbursementAgreement !== undefined)
      facts.push(concrete.reimbursementAgreement ? 'a reimbursement agreement is in force' : 'no reimbursement agreement is in force');
    return { case: concrete.case, facts };
  };
  /**
   * The first steps of exampleNow for a set, at once (they may grow the diagrams): its cheapest
   * combination, the case of it, and that case prepared for the engine; undefined where exampleNow
   * finds no example at these steps. examplesNow takes the rest.
   */
  const exampleTry = (set: number): ExampleTry | undefined => {
    if (!detail) return undefined;
    const values = space.cheapest(set);
    if (!values) return undefined;
    try {
      const concrete = space.concretize(values, 'example');
      const real = space.withRealOffenses(concrete);
      // The case the engine decides (the real one if any); one that breaks the contract has no example.
      const prepared = prepareCase((real ?? concrete).case, 0);
      if (!prepared.ok) return undefined;
      return { set, values, concrete: real ?? concrete, prepared: prepared.prepared, real: real !== undefined };
    } catch {
      return undefined;
    }
  };
  /**
   * The examples of several sets, each as exampleNow gives it (its last steps, from exampleTry): the
   * real cases are read into atoms, and the cases decided by the engine, in one table for them all
   * rather than one for each case. Should a step fail for them all, each gets its own exampleNow.
   */
  const examplesNow = (
    asked: ReadonlyArray<{ tried: ExampleTry | undefined; decidedBy: { provision: string; outcome?: Outcome } }>,
  ): Array<LintDiagnostic['example']> => {
    const out: Array<LintDiagnostic['example']> = new Array(asked.length).fill(undefined);
    const tries: Array<ExampleTry & { k: number }> = [];
    asked.forEach(({ tried }, k) => {
      if (tried) tries.push({ ...tried, k });
    });
    if (!tries.length) return out;
    let kept: typeof tries;
    let decided: Array<{ outcome: Outcome; provision: string }>;
    try {
      const reals = tries.filter((t) => t.real);
      const atoms = space.atomsOfAll(
        reals.map((t) => t.prepared),
        reals.map((t) => t.concrete.reimbursementAgreement),
      );
      const fits = new Set(
        reals.filter((t, i) => {
          const a = atoms[i]!;
          for (let v = 0; v < a.length; v++) if (a[v] === -1) a[v] = t.values[v]!;
          return b.evaluate(t.set, a);
        }),
      );
      kept = tries.filter((t) => !t.real || fits.has(t));
      // An example the engine would decide otherwise is worse than none.
      decided = verifier.decideCodes(
        o,
        kept.map((t) => ({ prepared: t.prepared, reimbursementAgreement: t.concrete.reimbursementAgreement })),
      );
    } catch {
      return asked.map(({ tried, decidedBy }) => (tried ? exampleNow(tried.set, decidedBy) : undefined));
    }
    kept.forEach((t, i) => {
      const d = decided[i]!;
      const { decidedBy } = asked[t.k]!;
      if (d.provision !== decidedBy.provision || (decidedBy.outcome && d.outcome !== decidedBy.outcome)) return;
      out[t.k] = exampleOf(t.concrete);
    });
    return out;
  };
  // The provision deciding a full combination: the decision regions are few and disjoint.
  const decidingProvision = (values: ArrayLike<number>): SymbolicProvision | undefined => {
    const r = policy.regions.find((x) => b.evaluate(x.set, values));
    return r ? policy.provisions[r.provisionIndex] : undefined;
  };
  // Two sets share a case only if they share an age interval: the provisions by the intervals they
  // decide in, so that a provision of a few ages is compared only with the earlier ones that can share
  // its cases (undefined: every earlier provision may).
  let byInterval: number[][] | undefined;
  const earlierSharingAnAge = (set: number, before: number): number[] | undefined => {
    const intervals = space.ageIntervalsOf(set);
    if (intervals.length > 4) return undefined;
    if (!byInterval) {
      byInterval = [];
      policy.provisions.forEach((e, k) => {
        for (const j of space.ageIntervalsOf(e.decides)) (byInterval![j] ??= []).push(k);
      });
    }
    const found: number[] = [];
    for (const j of intervals)
      for (const k of byInterval[j] ?? []) {
        if (k >= before) break;
        found.push(k);
      }
    found.sort((x, y) => x - y);
    return found.filter((k, i) => i === 0 || found[i - 1] !== k);
  };
  const cite = (i: number): string =>
    i < policy.provisions.length ? ctx.nameOf(i) : provisionNameIn({ id: 'default', citation: policy.otherwiseCitation }, detainerTerm(o));

  // What each provision (and the otherwise clause) decides, by outcome, after the request limits it.
  const holdSets = new Map<number, number>();
  const shortOfHold = new Map<number, number>();
  const declines = new Map<number, number>();
  const notices = new Map<number, number>();
  const reviews = new Map<number, number>();
  const sentToReview = new Map<number, number>();
  const put = (m: Map<number, number>, i: number, s: number) => m.set(i, b.or(m.get(i) ?? FALSE_NODE, s));
  for (const r of policy.regions) {
    if (r.outcome === 'hold') put(holdSets, r.provisionIndex, r.set);
    else put(shortOfHold, r.provisionIndex, r.set);
    if (r.outcome === 'decline') put(declines, r.provisionIndex, r.set);
    if (r.outcome === 'notify') put(notices, r.provisionIndex, r.set);
    if (r.outcome === 'review') put(reviews, r.provisionIndex, r.set);
    if (r.outcome === 'review' && !r.byDiscretion) put(sentToReview, r.provisionIndex, r.set);
  }
  // What a provision that turns on a finding holds or notifies once the finding is made (its cases go to
  // review): a state's bar on holds or limit on notices reaches them as it reaches those made on the record.
  const holdsByFinding = new Map<number, number>();
  const noticesByFinding = new Map<number, number>();
  for (const r of policy.regions) {
    if (!r.byDiscretion || r.outcome !== 'review') continue;
    const allows = policy.provisions[r.provisionIndex]?.outcome;
    if (allows === 'hold') {
      put(holdsByFinding, r.provisionIndex, b.and(r.set, req.holdAsked));
      put(noticesByFinding, r.provisionIndex, b.and(r.set, req.notifyOnly));
    } else if (allows === 'notify') put(noticesByFinding, r.provisionIndex, r.set);
  }

  const decidedByOutcome: Record<Outcome, number> = { hold: FALSE_NODE, notify: FALSE_NODE, review: FALSE_NODE, decline: FALSE_NODE };
  let minorsReported = false;
  const seriousFinding = (o.findings ?? []).findIndex((f) => f.aims === 'serious-offenders');
  const repealed = o.status === 'repealed';
  const uncertain = holdsUncertain(law);
  const stateLaw = repealed ? [] : [...law.stateLaw, ...law.later];
  // A law's condition as sets, once per analysis (the diagram is the same for every provision).
  const lawSets = new Map<Condition, ReturnType<typeof space.tri>>();
  const lawSet = (c: Condition | undefined, fallback: number) => {
    if (!c) return { t: fallback, n: fallback };
    let sets = lawSets.get(c);
    if (!sets) lawSets.set(c, (sets = space.tri(0, c)));
    return sets;
  };
  // What a law says in words (when it applies, its citation, its grounds): the same for every
  // provision, so worked out once for each law and each of its conditions.
  const lawWhen = new Map<Authority, { w: ReturnType<typeof when>; cited: string }>();
  const lawOf = (a: Authority) => {
    let x = lawWhen.get(a);
    if (!x) {
      const w = when(a, law);
      x = { w, cited: citationOn(a, w.later ? a.effective! : law.asOf) };
      lawWhen.set(a, x);
    }
    return x;
  };
  /**
   * The state's duty to honor detainers that reaches some of these cases, in force on the date or
   * taking effect later (and not since ended): a finding on such cases recommends no limit the duty
   * forbids (a judicial warrant, a conviction, notice only), which the duty's own finding would undo.
   */
  const honorDutyOver = (cases: number): Authority | undefined =>
    stateLaw.find(
      (a) =>
        a.holds === 'required' &&
        (inForce(a, law.asOf) || (lawOf(a).w.later && !lawOf(a).w.ended)) &&
        b.and(cases, lawSet(a.holdsRequiredWhen, 1).t) !== FALSE_NODE,
    );
  const lawConditionWords = new Map<Condition, string>();
  const groundWords = (c: Condition): string => {
    let words = lawConditionWords.get(c);
    if (words === undefined) lawConditionWords.set(c, (words = conditionWords(c)));
    return words;
  };
  /** Which detainers a duty to hold reaches: its grounds, and (where the act says so) offenses committed from a date. */
  const holdReachWords = (a: Authority): string => {
    const reach = [
      a.holdsRequiredWhen ? `where ${groundWords(a.holdsRequiredWhen)}` : '',
      a.offensesCommittedFrom ? `for an offense committed on or after ${dateWords(a.offensesCommittedFrom)}` : '',
    ].filter((x) => x);
    return reach.length ? ` (${reach.join(', ')})` : '';
  };

  const clauseOf = (index: number) => {
    const p = index < policy.provisions.length ? layout.detainerProvisions[index]!.provision : undefined;
    const path: PathSegment[] = p ? policy.provisions[index]!.path : ['otherwise'];
    return {
      p,
      id: p ? p.id : 'default',
      path,
      outcomePath: p ? [...path, 'outcome'] : (['otherwise'] as PathSegment[]),
      who: index < policy.provisions.length ? cite(index) : `The otherwise clause (${policy.otherwiseCitation})`,
    };
  };

  // Whether every hold needs a reimbursement agreement, whether the ordinance holds only on a
  // judicial warrant: read by many provisions' findings, worked out once (holdSets is complete here).
  let everyHoldNeedsAgreement: boolean | undefined;
  let onlyJudicialHolds: boolean | undefined;

  const holdRules = (index: number) => {
    const holds = holdSets.get(index) ?? FALSE_NODE;
    // With the holds made once a finding is made, which only the state's bar reads.
    const held = b.or(holds, holdsByFinding.get(index) ?? FALSE_NODE);
    if (held === FALSE_NODE) return;
    const { p, id, path, outcomePath, who } = clauseOf(index);
    const judicialFix = (): QuickFix =>
      p
        ? requireAlso(p, path, { judicialWarrant: true }, 'Require a judicial warrant for this hold')
        : otherwiseFix(o, 'decline', `Decline ${detainersInOrdinanceTerms(o)} no provision covers`);
    const notifyFix = (): QuickFix =>
      p
        ? outcomeFix(path, 'notify', 'Notify ICE of the release instead of holding', p)
        : otherwiseFix(o, 'notify', 'Notify ICE instead of holding');

    // Probable cause: every hold that does not need a judicial warrant.
    const noWarrant = b.and(holds, b.not(judicial));
    if (noWarrant !== FALSE_NODE) {
      const mandate = honorDutyOver(noWarrant);
      const mandateFrom = mandate && lawOf(mandate).w.later ? ` from ${effectiveWords(mandate)}` : '';
      addWithin(path, {
        provision: id,
        path: outcomePath,
        // A warning under a duty to honor too: the liability for each hold stays with the county.
        severity: 'warning',
        code: 'hold-without-judicial-warrant',
        message: `${who} allows a hold without a judicial warrant; ${rulingWords(law)}`,
        get explanation(): string {
          return (
            `A detainer is a request, not a command, and a jurisdiction that holds on one chose to and can be liable (${rulings[0]!.name}). Keeping a person past the time of release is a new seizure that needs its own probable cause (${rulings[1]!.name}; ${rulings[2]!.name}): in those cases people held on pending charges, with bail set or release ordered, were held on a detainer without a warrant. ` +
            `Since ${dateWords(I247A_FROM)} every detainer comes with an ICE administrative warrant (I-200 or I-205), signed by an immigration officer, not a judge; whether it supplies probable cause is contested (${elCenizo.citations[0]!.cite}, upheld Texas's mandate only against a facial challenge).` +
            (mandate
              ? ` ${stateName(law.state)} requires honoring detainers${mandateFrom} (${mandate.name})${mandate.forbidsJudicialWarrantRequirement ? ' and forbids requiring a judicial warrant for them' : ''}, so neither a judicial warrant nor notice only is a change state law allows${mandateFrom ? ' from that date' : ''}; the county remains answerable for each hold.`
              : '')
          );
        },
        citation: CITATIONS.probableCause,
        authority: rulings[2]!.id,
        get fixes(): QuickFix[] {
          return mandate ? [] : [judicialFix(), notifyFix()];
        },
        example: example(noWarrant, { provision: id, outcome: 'hold' }),
      });
    }

    // The state's bar on holds, with its exceptions; a 287(g) agreement where a ruling on state-law authority is the bar.
    // A ground that rests on an officer's finding (Connecticut's "unacceptable risk") covers a hold
    // only when the provision itself hinges on a finding; a hold the provision makes on the record
    // alone, outside every ground the record shows, is outside the exception.
    const holdsOnRecord = index < policy.provisions.length ? b.and(holds, policy.provisions[index]!.condition?.tri.t ?? 1) : holds;
    const barred: Array<{ a: Authority; w: When; cited: string; outside: number }> = [];
    for (const a of stateLaw.filter((x) => x.holds === 'barred')) {
      const allowed = lawSet(a.holdAllowedWhen, FALSE_NODE);
      const outside =
        a.holdAllowedWhen && hasDiscretion(a.holdAllowedWhen)
          ? b.or(b.and(held, b.not(allowed.n)), b.and(holdsOnRecord, b.not(allowed.t)))
          : b.and(held, b.not(allowed.n));
      if (outside !== FALSE_NODE) barred.push({ a, ...lawOf(a), outside });
    }
    const exceptionOf = (a: Authority) =>
      a.holdAllowedWhen && a.holdAllowedOutsideBar
        ? `which ${theName(a)} ${verbFor(a, 'bar')} with no exception (the bar does not reach a hold where ${groundWords(a.holdAllowedWhen)})`
        : a.holdAllowedWhen
          ? `outside the exception${'any' in a.holdAllowedWhen ? 's' : ''} ${theName(a)} ${verbFor(a, 'allow')} (${groundWords(a.holdAllowedWhen)})`
          : `which ${theName(a)} ${verbFor(a, 'bar')} with no exception`;
    for (const run of laterRuns(barred)) {
      if (run.length > 1) {
        // Later laws, each replacing the one before: one finding from the first one's date.
        const first = run[0]!;
        const last = run[run.length - 1]!;
        const same = run.every((x) => JSON.stringify(x.a.holdAllowedWhen) === JSON.stringify(first.a.holdAllowedWhen));
        const exception = same
          ? exceptionOf(last.a)
          : run.map((x, i) => (i === 0 ? exceptionOf(x.a) : `and, since ${effectiveWords(x.a)}, ${exceptionOf(x.a)}`)).join(' ');
        const cited = [...new Set(run.map((x) => x.cited))].join('; ');
        addWithin(path, {
          provision: id,
          path: outcomePath,
          severity: atMost(severityOf(last.a, law.asOf), 'warning'),
          code: 'state-bars-holds',
          message: `${who} allows a hold on a civil detainer ${exception}; ${stateName(law.state)} law has barred such holds since ${effectiveWords(first.a)}, after ${law.asOfSource} (${dateWords(law.asOf)}) (${runWords(run)})${laterTail(last.w, 'provision', last.a)}`,
          get explanation(): string {
            return run.map((x) => `${x.a.requires} (${x.a.name}: ${confidenceWords(x.a)}.)`).join(' ');
          },
          citation: cited,
          authority: last.a.id,
          get fixes(): QuickFix[] {
            return [notifyFix(), judicialFix()];
          },
          example: example(
            run.reduce((s, x) => b.or(s, x.outside), FALSE_NODE),
            { provision: id, outcome: 'hold' },
          ),
        });
        continue;
      }
      const { a, w, cited, outside } = run[0]!;
      const federalAuthority = a.overridden287g === true && o.agreement287g !== undefined && FEDERAL_AUTHORITY_287G.has(o.agreement287g);
      const conflicting = uncertain && uncertain !== a ? uncertain : undefined;
      // Every law in force that may say otherwise, each with its date, as the reviewer's note names them.
      const others = conflicting ? law.stateLaw.filter((x) => x.holds === 'uncertain' && x !== a).map((x) => ({ x, ...lawOf(x) })) : [];
      const severity = federalAuthority
        ? 'info'
        : conflicting
          ? 'warning'
          : w.later
            ? atMost(severityOf(a, law.asOf), 'warning')
            : severityOf(a, law.asOf);
      // The statute or ruling by name ("it" could be read as the provision).
      const exception = exceptionOf(a);
      addWithin(path, {
        provision: id,
        path: outcomePath,
        severity,
        code: conflicting ? 'state-law-uncertain' : 'state-bars-holds',
        message: conflicting
          ? `${who} allows holds on civil detainers ${exception}; in ${stateName(law.state)} whether such holds are lawful is uncertain: ${stateName(law.state)} ${a.kind === 'case' ? 'courts have held there is no authority for such holds' : 'law bars such holds'} ${w.words} (${named(a, cited)}), and ${others.map((u) => `${u.x.name} (${u.cited}${secondaryWords(u.x)}), ${u.w.words}`).join(', and ')}, may say otherwise`
          : federalAuthority
            ? `${who} allows holds on civil detainers ${exception}; ${a.name} (${cited}) found no state-law authority for them, but the ordinance says the agency holds under a 287(g) agreement (${o.agreement287g}), which gives its designated officers federal authority the ruling does not reach`
            : `${who} allows a hold on a civil detainer ${exception}; ${stateName(law.state)} ${a.kind === 'case' ? `courts have held there is no authority for such holds` : w.ended ? 'law barred such holds' : 'law bars such holds'} ${w.words} (${named(a, cited)})${laterTail(w, 'provision', a)}`,
        get explanation(): string {
          return conflicting
            ? `${[a, ...others.map((u) => u.x)].map((x) => `${x.requires} (${x.name}: ${confidenceWords(x)}.)`).join(' ')} Until the conflict is resolved the lint reports these holds as uncertain, not as lawful or unlawful.`
            : `${a.requires}${a.penalty ? ` Penalty: ${a.penalty}` : ''} (${confidenceWords(a)}${a.binding === 'persuasive' ? '' : ''}.)`;
        },
        citation: conflicting ? [cited, ...others.map((u) => u.cited)].join('; ') : cited,
        authority: a.id,
        get fixes(): QuickFix[] {
          return [notifyFix(), judicialFix()];
        },
        example: example(outside, { provision: id, outcome: 'hold' }),
      });
    }

    // Where the state's only word on holds is in conflict or unread: say so, neither lawful nor unlawful.
    if (!stateLaw.some((x) => x.holds === 'barred' || x.holds === 'required') && uncertain) {
      const outside = b.and(holds, b.not(judicial));
      if (outside !== FALSE_NODE) {
        const cited = citationOn(uncertain, law.asOf);
        addWithin(path, {
          provision: id,
          path: outcomePath,
          severity: atMost(severityOf(uncertain, law.asOf), 'warning'),
          code: 'state-law-uncertain',
          message: `${who} allows holds on civil detainers; whether ${stateName(law.state)} law allows them is uncertain (${named(uncertain, cited)})`,
          get explanation(): string {
            return `${uncertain.requires} (${confidenceWords(uncertain)}.)`;
          },
          citation: cited,
          authority: uncertain.id,
          get fixes(): QuickFix[] {
            return [judicialFix(), notifyFix()];
          },
          example: example(outside, { provision: id, outcome: 'hold' }),
        });
      }
    }

    if (seriousFinding >= 0) {
      // A civil infraction is not a conviction; a hold that needs a judicial warrant rests on the warrant.
      const noConviction = b.and(holds, b.and(b.not(criminalConviction), b.not(judicial)));
      if (noConviction !== FALSE_NODE) {
        const findingLine = at(['findings', seriousFinding, 'text']).line;
        const convictionDuty = honorDutyOver(noConviction);
        addWithin(path, {
          provision: id,
          path: outcomePath,
          severity: 'warning',
          code: 'hold-without-conviction',
          message: `${who} can hold a person with no criminal conviction and no judicial warrant, though the findings (line ${findingLine}) say the policy aims at serious offenders`,
          explanation:
            'The findings state the purpose the council relies on. A provision that holds people who have never been convicted of a crime (a civil infraction is not one), with no judicial warrant behind the detainer, contradicts that purpose; counsel defending the ordinance will be asked why.' +
            (convictionDuty
              ? ` ${stateName(law.state)} requires honoring these detainers${lawOf(convictionDuty).w.later ? ` from ${effectiveWords(convictionDuty)}` : ''} (${convictionDuty.name}), so requiring a conviction is a limit state law forbids: the findings are what can change.`
              : ''),
          get fixes(): QuickFix[] {
            return p && !convictionDuty
              ? [
                  requireAlso(
                    p,
                    path,
                    { conviction: { classes: ['felony', 'misdemeanor'] } },
                    'Require a criminal conviction for this hold',
                  ),
                ]
              : [];
          },
          example: example(noConviction, { provision: id, outcome: 'hold' }),
        });
      }
    }
    if (!minorsReported) {
      const minorHeld = b.and(b.and(holds, minors), b.not(judicial));
      if (minorHeld !== FALSE_NODE) {
        minorsReported = true;
        const first = layout.detainerProvisions[0];
        const sectionIndex = first ? first.sectionIndex : 0;
        const ids = new Set(o.sections.flatMap((s) => (s.provisions ?? []).map((x) => x.id)));
        let newId = 'no-minors';
        for (let k = 2; ids.has(newId); k++) newId = `no-minors-${k}`;
        // A state law that requires honoring the detainers of some of these minors (in force, or later
        // and not since ended) forbids a minimum age: the finding informs, and recommends no limit the
        // law makes unlawful.
        const mandate = honorDutyOver(minorHeld);
        const mandateWords = mandate
          ? (() => {
              const { w, cited } = lawOf(mandate);
              return `; ${stateName(law.state)} requires agencies to honor detainers${holdReachWords(mandate)} whatever the person's age, ${w.words} (${named(mandate, cited)}), so a minimum age is a limit state law forbids${w.later ? ' from that date' : ''}`;
            })()
          : '';
        addWithin(path, {
          provision: id,
          path: outcomePath,
          severity: mandate && !lawOf(mandate).w.later ? 'info' : 'warning',
          code: 'no-minimum-age',
          message: `the policy has no minimum age: ${who} can hold a person under 18 without a judicial warrant${mandateWords}`,
          explanation:
            // What this ordinance does, in its printed text's term for the detainer; what other policies do, in the general word.
            'Many policies never honor a detainer for a person under 18. ' +
            inOrdinanceTerms(
              'This ordinance sets no minimum age, so a juvenile can be held past release on a detainer that no judge has signed.',
              o,
            ) +
            (mandate
              ? ` ${mandate.requires} A provision declining the detainers of minors would be unlawful there (${confidenceWords(mandate)}); the county remains answerable for each hold.`
              : ''),
          get fixes(): QuickFix[] {
            if (mandate) return [];
            return [
              {
                title: `Add a first provision declining ${detainersInOrdinanceTerms(o)} for persons under 18`,
                edits: [
                  {
                    op: 'insert',
                    path: ['sections', sectionIndex, 'provisions'],
                    index: 0,
                    value: { id: newId, heading: 'Persons under 18', when: { age: { under: 18 } }, outcome: 'decline' },
                  },
                ],
              },
            ];
          },
          example: example(minorHeld, { provision: id, outcome: 'hold' }),
        });
      }
    }
    if (holds !== FALSE_NODE && typeof space.reimbursement === 'number' && opts.scenario && opts.scenario.reimbursementAgreement !== true) {
      const withoutAgreement = b.and(holds, b.nv(space.reimbursement));
      if (withoutAgreement === FALSE_NODE) {
        const all = (everyHoldNeedsAgreement ??= [...holdSets.values()].every(
          (h) => b.and(h, b.nv(space.reimbursement as number)) === FALSE_NODE,
        ));
        const leafPath = p?.when
          ? firstLeafPath(p.when, [...path, 'when'], (c) => 'reimbursementAgreement' in c && c.reimbursementAgreement)
          : undefined;
        addWithin(path, {
          provision: id,
          path: leafPath ?? outcomePath,
          severity: 'warning',
          code: 'agreement-not-in-force',
          message: all
            ? `under the scenario${opts.scenario.name ? ` "${opts.scenario.name}"` : ''} no reimbursement agreement is in force, so every hold is declined: ${who} holds only with an agreement`
            : `under the scenario${opts.scenario.name ? ` "${opts.scenario.name}"` : ''} no reimbursement agreement is in force, so ${who} never holds`,
          explanation:
            'The provision requires a written agreement under which the federal government reimburses the cost of holds. The scenario says no such agreement is in force, so the provision never holds anyone; simulations under this scenario show no holds from it.',
          fixes: [],
        });
      }
    }
  };

  /**
   * Detainers a clause sends to review (its outcome is review) where the state bars holds: the ordinance
   * holds no one, but the reviewer may not hold on the detainer either, which a note says (a 287(g)
   * agreement's federal authority aside). Where a law in conflict stands, the note says the question is open.
   */
  const reviewRules = (index: number) => {
    const sent = b.and(sentToReview.get(index) ?? FALSE_NODE, req.holdAsked);
    if (sent === FALSE_NODE) return;
    const { id, path, outcomePath, who } = clauseOf(index);
    const barring: Array<{ a: Authority; w: When; cited: string; outside: number }> = [];
    const conflicted: typeof barring = [];
    for (const a of stateLaw) {
      if (a.holds !== 'barred') continue;
      if (a.overridden287g === true && o.agreement287g !== undefined && FEDERAL_AUTHORITY_287G.has(o.agreement287g)) continue;
      const outside = b.and(sent, b.not(lawSet(a.holdAllowedWhen, FALSE_NODE).n));
      if (outside !== FALSE_NODE) (uncertain ? conflicted : barring).push({ a, ...lawOf(a), outside });
    }
    // As for a hold the ordinance makes (state-law-uncertain), with every law in force that may say otherwise, dated.
    for (const { a, w, cited, outside } of conflicted) {
      const others = law.stateLaw.filter((x) => x.holds === 'uncertain').map((x) => ({ x, ...lawOf(x) }));
      const except = a.holdAllowedWhen ? `, other than where ${groundWords(a.holdAllowedWhen)},` : '';
      const bars = a.kind === 'case' ? 'courts have held there is no authority for such holds' : 'law bars such holds';
      addWithin(path, {
        provision: id,
        path: outcomePath,
        severity: 'info',
        code: 'state-law-uncertain',
        message: `${who} sends ${detainersInOrdinanceTerms(o)} that ask for a hold to review; in ${stateName(law.state)} whether the reviewer may hold on the detainer${except} is uncertain: ${stateName(law.state)} ${bars} ${w.words} (${named(a, cited)}), and ${others.map((u) => `${u.x.name} (${u.cited}${secondaryWords(u.x)}), ${u.w.words}`).join(', and ')}, may say otherwise`,
        get explanation(): string {
          return `The ordinance itself holds no one: a person reviews each detainer and decides, and state law does not settle whether the reviewer may hold. ${[a, ...others.map((u) => u.x)].map((x) => `${x.requires} (${x.name}: ${confidenceWords(x)}.)`).join(' ')} Until the conflict is resolved the lint reports these holds as uncertain, not as lawful or unlawful.`;
        },
        citation: [cited, ...others.map((u) => u.cited)].join('; '),
        authority: a.id,
        fixes: [],
        example: example(outside, { provision: id, outcome: 'review' }),
      });
    }
    for (const run of laterRuns(barring)) {
      const first = run[0]!;
      const last = run[run.length - 1]!;
      const except = first.a.holdAllowedWhen ? ` unless ${groundWords(first.a.holdAllowedWhen)}` : '';
      const bars =
        first.a.kind === 'case'
          ? 'courts have held there is no authority for such holds'
          : first.w.ended
            ? 'law barred such holds'
            : 'law bars such holds';
      addWithin(path, {
        provision: id,
        path: outcomePath,
        severity: 'info',
        code: 'state-bars-holds',
        message:
          run.length === 1
            ? `${who} sends ${detainersInOrdinanceTerms(o)} that ask for a hold to review; the reviewer may not hold on the detainer${except}: ${stateName(law.state)} ${bars} ${first.w.words} (${named(first.a, first.cited)})${first.w.ended ? laterTail(first.w, 'provision', first.a) : ''}`
            : `${who} sends ${detainersInOrdinanceTerms(o)} that ask for a hold to review; the reviewer may not hold on the detainer${except}: ${stateName(law.state)} law has barred such holds since ${effectiveWords(first.a)}, after ${law.asOfSource} (${dateWords(law.asOf)}) (${runWords(run)})${last.w.ended ? laterTail(last.w, 'provision', last.a) : ''}`,
        get explanation(): string {
          return `The ordinance itself holds no one: a person reviews each detainer and decides. State law limits what the reviewer may decide. ${run.map((x) => `${x.a.requires} (${x.a.name}: ${confidenceWords(x.a)}.)`).join(' ')}`;
        },
        citation: [...new Set(run.map((x) => x.cited))].join('; '),
        authority: last.a.id,
        fixes: [],
        example: example(
          run.reduce((s, x) => b.or(s, x.outside), FALSE_NODE),
          { provision: id, outcome: 'review' },
        ),
      });
    }
  };

  /** The state's duties and limits on what a provision gives short of a hold, and on notices. */
  const stateDutyRules = (index: number) => {
    const { p, id, path, outcomePath, who } = clauseOf(index);
    // Required holds (and notices): a provision that gives less than asked where the duty reaches;
    // gathered for every law first, so that later laws each replacing the one before make one finding.
    const required: Array<{ a: Authority; w: When; cited: string; holdDuty: number; noticeDuty: number }> = [];
    for (const a of stateLaw) {
      if (a.holds !== 'required' && a.notification !== 'required') continue;
      const scope = lawSet(a.holdsRequiredWhen, 1).t;
      const holdDuty = a.holds === 'required' ? b.and(b.and(shortOfHold.get(index) ?? FALSE_NODE, req.holdAsked), scope) : FALSE_NODE;
      const noticeScope = lawSet(a.notifyRequiredWhen, 1).t;
      // A case sent to review is not notified for certain: a person decides, and the ordinance itself does not
      // meet the duty (a provision notifying on a finding declines, through the otherwise clause, where it is not made).
      const unnotified = b.or(declines.get(index) ?? FALSE_NODE, reviews.get(index) ?? FALSE_NODE);
      const noticeDuty = a.notification === 'required' ? b.and(b.and(unnotified, notifyAsked), noticeScope) : FALSE_NODE;
      if (b.or(holdDuty, noticeDuty) !== FALSE_NODE) required.push({ a, ...lawOf(a), holdDuty, noticeDuty });
    }
    // What the duty asks of agencies, with its verb: a duty to notify ICE of releases that reaches only
    // some cases (Alabama's, of convicted persons) says so, and says whom it reaches.
    // A finding about notice alone (the clause holds where a hold is asked, and declines requests for
    // notice) names the duty to give notice, not to honor detainers, even of a law that requires both: the
    // duty reaches a release only when the detainer asks for notice (New Hampshire's HB 511, read through
    // the definition of a detainer in 8 C.F.R. § 287.7(a)).
    let noticeOnly = false;
    const dutyVerb = (a: Authority) =>
      (a.holds !== 'required' && a.notifyRequiredWhen) || (noticeOnly && a.notification === 'required') ? 'notify' : 'honor';
    const dutyWords = (a: Authority, verb = true) =>
      dutyVerb(a) === 'notify'
        ? `${verb ? 'notify ' : ''}ICE of releases ${a.notifyRequiredWhen ? `(where ${groundWords(a.notifyRequiredWhen)})` : 'when a detainer asks for notice'}`
        : `${verb ? 'honor ' : ''}${a.holdsRequiredWhen || a.offensesCommittedFrom ? `detainers${holdReachWords(a)}` : 'them'}`;
    for (const run of laterRuns(required)) {
      const first = run[0]!;
      const last = run[run.length - 1]!;
      const holdDuty = run.reduce((s, x) => b.or(s, x.holdDuty), FALSE_NODE);
      const noticeDuty = run.reduce((s, x) => b.or(s, x.noticeDuty), FALSE_NODE);
      const short = b.or(holdDuty, noticeDuty);
      noticeOnly = holdDuty === FALSE_NODE;
      const onlyJudicial =
        holdDuty !== FALSE_NODE &&
        (onlyJudicialHolds ??= holdSets.size > 0 ? [...holdSets.values()].every((h) => b.and(h, b.not(judicial)) === FALSE_NODE) : false);
      // Requests for notice the clause leaves to a finding (all, some or none of those it falls short on).
      const byFinding = b.and(noticeDuty, reviews.get(index) ?? FALSE_NODE);
      const noticeWords =
        byFinding === FALSE_NODE
          ? 'declines requests for notice of release'
          : `${byFinding === noticeDuty ? '' : 'declines requests for notice of release or '}gives notice of release only as a person decides (an officer's finding or a review), so the ordinance itself does not give the notice`;
      // Holds asked for that the clause leaves to a person (a review, or a hold made on a finding): the
      // person may hold, so they are not unheld for certain, but the ordinance itself does not hold.
      const holdByPerson = b.and(holdDuty, b.or(sentToReview.get(index) ?? FALSE_NODE, holdsByFinding.get(index) ?? FALSE_NODE));
      const askingHold = `${detainersInOrdinanceTerms(o)} that ask for a hold`;
      const holdPart =
        holdByPerson === FALSE_NODE
          ? `does not hold on ${askingHold}`
          : `${holdByPerson === holdDuty ? `holds on ${askingHold}` : `does not hold on ${askingHold} or holds on them`} only as a person decides (an officer's finding or a review), so the ordinance itself does not hold the person`;
      const what =
        holdDuty !== FALSE_NODE
          ? noticeDuty !== FALSE_NODE
            ? byFinding === FALSE_NODE && holdByPerson === FALSE_NODE
              ? `declines ${detainersInOrdinanceTerms(o)} that ask for a hold or for notice`
              : byFinding === noticeDuty && holdByPerson === holdDuty
                ? `holds on ${askingHold}, and gives notice of release, only as a person decides (an officer's finding or a review), so the ordinance itself neither holds the person nor gives the notice`
                : `${holdPart}, and ${noticeWords}`
            : holdPart
          : noticeWords;
      const forbids = onlyJudicial && last.a.forbidsJudicialWarrantRequirement ? ', and forbids requiring a warrant' : '';
      const penalty = last.a.penalty ? `. Penalty: ${last.a.penalty}` : '';
      let duty: string;
      if (run.length === 1) {
        const { a, w, cited } = first;
        duty = `${stateName(law.state)} ${w.ended ? 'required' : 'requires'} agencies to ${dutyWords(a)} ${w.words} (${named(a, cited)})${forbids}${laterTail(w, 'clause', a)}`;
      } else {
        // Later laws, each replacing the one before: the duty from the first one's date, each law's reach in turn.
        const same = run.every((x) => dutyWords(x.a) === dutyWords(first.a));
        const reach = same
          ? `${dutyWords(last.a)} since ${effectiveWords(first.a)}`
          : run
              .map((x, i) =>
                i === 0
                  ? `${dutyWords(x.a)} since ${effectiveWords(x.a)}`
                  : `and, since ${effectiveWords(x.a)}, ${dutyWords(x.a, dutyVerb(x.a) !== dutyVerb(first.a))}`,
              )
              .join(', ');
        duty = `${stateName(law.state)}, after ${law.asOfSource} (${dateWords(law.asOf)}), has required agencies to ${reach} (${runWords(run)})${forbids}${laterTail(last.w, 'clause', last.a)}`;
      }
      const later = last.w.later;
      addWithin(path, {
        provision: id,
        path: outcomePath,
        severity: run.length === 1 && !first.w.later ? severityOf(first.a, law.asOf) : atMost(severityOf(last.a, law.asOf), 'warning'),
        code: 'state-requires-honoring-detainers',
        message: `${who} ${what}${onlyJudicial ? ' (the ordinance holds only on a judicial warrant)' : ''}; ${duty}${penalty}`,
        get explanation(): string {
          return (
            run
              .map(
                (x) =>
                  `${x.a.requires}${x.a.exceptions?.length ? ` Exceptions: ${x.a.exceptions.join(' ')}` : ''} (${confidenceWords(x.a)}.)`,
              )
              .join(' ') + (later && !last.w.ended ? ' The ordinance cannot be applied as written after that date.' : '')
          );
        },
        citation: [...new Set(run.map((x) => x.cited))].join('; '),
        authority: last.a.id,
        get fixes(): QuickFix[] {
          // The hold the detainer form in use asks for (the I-247A's 48 calendar hours since April 2,
          // 2017), on the date the duty applies from: not the regulation's cap, which is longer.
          // A duty to give notice alone (no hold required): the fix notifies ICE of the release.
          // A provision that holds or notifies on a finding: to notify whatever the finding.
          if (holdDuty === FALSE_NODE)
            return p
              ? (p.outcome === 'hold' || p.outcome === 'notify') && p.when && 'discretion' in p.when
                ? [
                    {
                      title: 'Notify whatever the finding: remove the finding from this provision',
                      edits: [{ op: 'delete', path: [...path, 'when'] }],
                    },
                  ]
                : [outcomeFix(path, 'notify', 'Notify ICE of the release, as state law requires', p)]
              : [otherwiseFix(o, 'notify', 'Notify ICE of releases no provision covers')];
          const asked = DETAINER_FORMS[detainerFormIndexOn(parseDate(first.w.later ? first.a.effective! : law.asOf))]?.hold;
          // A provision that holds already falls short only where an officer's finding goes the other
          // way: the fix is to hold whatever the finding (when the finding is its whole condition).
          if (p?.outcome === 'hold' && (!asked || sameHold(p.maxHold, asked)))
            return p.when && 'discretion' in p.when
              ? [
                  {
                    title: 'Hold whatever the finding: remove the finding from this provision',
                    edits: [{ op: 'delete', path: [...path, 'when'] }],
                  },
                ]
              : [];
          return p
            ? [
                {
                  title: `${inOrdinanceTerms('Honor the detainer', o)}: hold as ICE asks${asked ? ` (${holdWords(asked)})` : ''}`,
                  edits: [
                    { op: 'set', path: [...path, 'outcome'], value: 'hold' },
                    ...(asked && !sameHold(p.maxHold, asked)
                      ? [{ op: 'set' as const, path: [...path, 'maxHold'], value: { ...asked } }]
                      : []),
                  ],
                },
              ]
            : [
                otherwiseFix(
                  o,
                  'hold',
                  `Honor ${detainersInOrdinanceTerms(o)} no provision covers${asked ? `: hold as ICE asks (${holdWords(asked)})` : ''}`,
                  asked,
                ),
              ];
        },
        example: example(short, { provision: id }),
      });
    }
    for (const a of stateLaw) {
      const { w, cited } = lawOf(a);
      // Required holds: a hold shorter than the detainer asks does not fulfil the request.
      // The hold the clause states: a provision's maxHold, the otherwise clause's otherwiseMaxHold.
      const stated = p ? (p.outcome === 'hold' ? p.maxHold : undefined) : o.otherwise === 'hold' ? o.otherwiseMaxHold : undefined;
      const holdPath: PathSegment[] = p ? [...path, 'maxHold'] : ['otherwiseMaxHold'];
      if (a.holds === 'required' && stated) {
        const form = DETAINER_FORMS[detainerFormIndexOn(parseDate(w.later ? a.effective! : law.asOf))]!;
        const asked = form.hold;
        const shorter =
          asked !== undefined &&
          (stated.hours < asked.hours || (asked.excludingWeekendsAndHolidays && !stated.excludingWeekendsAndHolidays));
        const cut = shorter ? b.and(b.and(holdSets.get(index) ?? FALSE_NODE, req.holdAsked), lawSet(a.holdsRequiredWhen, 1).t) : FALSE_NODE;
        if (shorter && cut !== FALSE_NODE) {
          addWithin(path, {
            provision: id,
            path: holdPath,
            severity: w.later ? atMost(severityOf(a, law.asOf), 'warning') : severityOf(a, law.asOf),
            code: 'state-requires-honoring-detainers',
            message: `${who} holds for at most ${holdWords(stated)}, but a detainer (${formCitation(form.form, citationOn(form.authority, law.asOf))}) asks for a hold of ${holdWords(asked)}; ${stateName(law.state)} ${w.ended ? 'required' : 'requires'} agencies to honor the requests a detainer makes ${w.words} (${named(a, cited)})${laterTail(w, 'provision', a)}${a.penalty ? `. Penalty: ${a.penalty}` : ''}`,
            get explanation(): string {
              return `${a.requires} Releasing the person before the time the detainer asks for, whether or not ICE has come, does not fulfil the request. (${confidenceWords(a)}.)`;
            },
            citation: cited,
            authority: a.id,
            get fixes(): QuickFix[] {
              return [
                {
                  title: `Hold as long as the detainer asks (${holdWords(asked)})`,
                  edits: [{ op: 'set', path: holdPath, value: asked }],
                },
              ];
            },
            example: example(cut, { provision: id, outcome: 'hold' }),
          });
        }
      }
      // Limited or barred notices: a notice outside the state's grounds.
      if (a.notification === 'limited' || a.notification === 'barred') {
        const allowed = lawSet(a.notifyAllowedWhen, FALSE_NODE);
        const outside = b.and(b.or(notices.get(index) ?? FALSE_NODE, noticesByFinding.get(index) ?? FALSE_NODE), b.not(allowed.n));
        if (outside !== FALSE_NODE) {
          const severity = a.notification === 'limited' || w.later ? atMost(severityOf(a, law.asOf), 'warning') : severityOf(a, law.asOf);
          addWithin(path, {
            provision: id,
            path: outcomePath,
            severity,
            code: 'state-limits-notification',
            message: `${who} notifies ICE of a release ${a.notifyAllowedWhen ? `outside the grounds ${stateName(law.state)} allows (${groundWords(a.notifyAllowedWhen)})` : `which ${stateName(law.state)} bars`} ${w.words} (${named(a, cited)})${laterTail(w, 'clause', a)}`,
            get explanation(): string {
              return `${a.requires} (${confidenceWords(a)}.)${a.notification === 'limited' ? ' The grounds are read generously where the case record cannot tell them apart, so a notice the lint flags is outside every ground it can see.' : ''}`;
            },
            citation: cited,
            authority: a.id,
            get fixes(): QuickFix[] {
              return p
                ? [outcomeFix(path, 'decline', 'Decline instead of notifying', p)]
                : [otherwiseFix(o, 'decline', `Decline ${detainersInOrdinanceTerms(o)} no provision covers`)];
            },
            example: example(outside, { provision: id, outcome: 'notify' }),
          });
        }
      }
    }
  };

  // The order findings' examples, shown in their messages: worked out together once every provision
  // is read (examplesNow), then written into the findings, which keep their place and field order.
  const orderExamples: Array<{
    tried: ExampleTry | undefined;
    decidedBy: { provision: string };
    finish: (ex: LintDiagnostic['example']) => void;
  }> = [];
  const writeOrderExamples = () => {
    const found = examplesNow(orderExamples);
    orderExamples.forEach((x, k) => x.finish(found[k]));
    orderExamples.length = 0;
  };
  const eachProvision = (sp: SymbolicProvision, i: number): void => {
    const lp = layout.detainerProvisions[i]!;
    const p = lp.provision;
    const path = sp.path;
    const whenPath = p.when ? [...path, 'when'] : [...path, 'id'];
    const removeFix = (): QuickFix => ({ title: `Remove ${laidOutName(lp, o)}`, edits: [{ op: 'delete', path }] });
    const moveFix = (before: SymbolicProvision): QuickFix => {
      const target = layout.detainerProvisions[before.index]!;
      return {
        title: `Move ${laidOutName(lp, o)} before ${laidOutName(target, o)}`,
        // With its comments: the target comes before it, so its place is unchanged by the move.
        edits: [
          {
            op: 'move',
            path: ['sections', lp.sectionIndex, 'provisions'],
            from: lp.provisionIndex,
            to: target.provisionIndex,
            toPath: ['sections', target.sectionIndex, 'provisions'],
          },
        ],
      };
    };

    if (!space.possible(sp.when)) {
      addWithin(path, {
        provision: p.id,
        severity: 'warning',
        code: 'provision-never-applies',
        message: `${cite(i)} can never apply: no booking case can meet its condition`,
        explanation:
          'The parts of the condition contradict each other (or require facts no case can have together), so the provision decides nothing. It is dead text that a reader will take for a rule.',
        path: whenPath,
        get fixes(): QuickFix[] {
          return [removeFix()];
        },
      });
    } else {
      if (sp.decides === FALSE_NODE) {
        // Which earlier provisions take its cases: the one deciding its simplest case, then (in detail)
        // the one deciding the simplest case left, and so on (the decided sets are disjoint).
        const covering: SymbolicProvision[] = [];
        const pick = space.cheapestPossible(sp.when);
        const firstTaker = pick && decidingProvision(pick);
        if (firstTaker) covering.push(firstTaker);
        let others = true;
        if (detail && firstTaker) {
          let rest = b.diff(policy.applies(sp), firstTaker.decides);
          while (covering.length < 4 && rest !== FALSE_NODE) {
            const values = space.cheapest(rest);
            const e = values && decidingProvision(values);
            if (!e) break;
            covering.push(e);
            rest = b.diff(rest, e.decides);
          }
          if (rest !== FALSE_NODE && covering.length === 4) covering.pop();
          others = rest !== FALSE_NODE;
        }
        const firstCover = covering[0];
        addWithin(path, {
          provision: p.id,
          severity: 'warning',
          code: 'provision-shadowed',
          message: `${cite(i)} can never decide a case: every case it applies to is decided earlier, by ${covering.map((e) => e.citation).join(', ')}${others ? (detail ? ' and others' : ' (and perhaps others)') : ''}`,
          get explanation(): string {
            return `Provisions are read in order and the first that applies decides. Every case this provision covers is already decided by ${covering.map((e) => `${cite(e.index)} (${e.outcome})`).join(', ')}${others ? ' or other earlier provisions' : ''}, so this provision never takes effect.`;
          },
          path: whenPath,
          get fixes(): QuickFix[] {
            return firstCover ? [removeFix(), moveFix(firstCover)] : [removeFix()];
          },
          example: example(sp.when),
        });
      }
      if (sp.condition) subConditions(sp.condition, true);
      if (sp.decides !== FALSE_NODE) {
        const sure = b.and(sp.decides, sp.condition ? sp.condition.tri.t : 1);
        if (sure === FALSE_NODE && p.outcome !== 'review') {
          addWithin(path, {
            provision: p.id,
            severity: 'info',
            code: 'discretion-only',
            message: `${cite(i)} only ever sends cases to review: it applies only through a discretionary finding, so it never ${p.outcome}s by itself`,
            explanation:
              'The engine cannot make a discretionary finding; every case this provision reaches goes to a person for review, who decides whether the outcome applies.',
            path: whenPath,
            fixes: [],
          });
        } else if (sure !== FALSE_NODE && p.outcome !== 'decline') {
          if (b.and(sure, req.any) === FALSE_NODE) {
            addWithin(path, {
              provision: p.id,
              severity: 'warning',
              code: 'outcome-exceeds-request',
              message: `${cite(i)} says ${p.outcome}, but applies only to ${detainersInOrdinanceTerms(o)} that request nothing, so it always declines`,
              explanation: `The outcome never exceeds what ICE requested. ${inOrdinanceTerms('In every case this provision decides, the detainer asks for neither a hold nor notice.', o)}`,
              path: [...path, 'outcome'],
              get fixes(): QuickFix[] {
                return [outcomeFix(path, 'decline', 'Make the outcome "decline"', p)];
              },
            });
          } else if (p.outcome === 'hold' && b.and(sure, req.holdAsked) === FALSE_NODE) {
            addWithin(path, {
              provision: p.id,
              severity: 'warning',
              code: 'outcome-exceeds-request',
              message: `${cite(i)} allows a hold, but in every case it decides ICE asks only for notice, so it can only notify`,
              explanation: `The outcome never exceeds what ICE requested. The condition of this provision admits only ${detainersInOrdinanceTerms(o)} that do not ask for a hold (for example it requires a notice-only request), so the hold, and its maximum, never apply.`,
              path: [...path, 'outcome'],
              get fixes(): QuickFix[] {
                return [outcomeFix(path, 'notify', 'Make the outcome "notify"', p)];
              },
            });
          }
        }
        // Order: cases this provision covers that an earlier provision decides more harshly. (An earlier,
        // more protective provision is the usual way to write an exception, and is not reported.)
        const harsher = b.orAll(
          (Object.keys(decidedByOutcome) as Outcome[]).filter((x) => RANK[x] > RANK[sp.outcome]).map((x) => decidedByOutcome[x]),
        );
        if (b.intersects(sp.when, harsher)) {
          const earlier: Array<{ e: SymbolicProvision; overlap: number; acts: Outcome[] }> = [];
          const near = earlierSharingAnAge(sp.when, i);
          for (let x = 0; x < (near ? near.length : i) && earlier.length < 3; x++) {
            const k = near ? near[x]! : x;
            const e = policy.provisions[k]!;
            if (RANK[e.outcome] <= RANK[sp.outcome]) continue;
            // What each provision does to a case under the request's limit (a hold on a request for notice
            // alone is a notice; on a request for nothing, every provision declines): only where the earlier
            // one does more than this one would is the case decided differently, and the message says what
            // it does there, not what it allows.
            const overlap = b.and(sp.when, e.decides);
            const parts: Array<[Outcome, number]> =
              e.outcome === 'hold'
                ? [
                    ['hold', b.and(overlap, req.holdAsked)],
                    ['notify', b.and(overlap, req.notifyOnly)],
                  ]
                : [[e.outcome, b.and(overlap, req.any)]];
            const differ = parts.filter(([x, s]) => s !== FALSE_NODE && RANK[x] > RANK[sp.outcome]);
            if (differ.length) earlier.push({ e, overlap: b.orAll(differ.map(([, s]) => s)), acts: differ.map(([x]) => x) });
          }
          const first = earlier[0];
          if (first) {
            const protective = sp.outcome === 'decline';
            const finding: Omit<Finding, 'line' | 'column' | 'endLine' | 'endColumn'> = {
              provision: p.id,
              severity: protective ? 'warning' : 'info',
              code: 'order-conflict',
              // Its example, and the words of the message that show it, once every provision is read (orderExamples).
              message: '',
              get explanation(): string {
                // "§ 2(a) (held or answered with notice of release only)": what each does to them, as the message says it.
                const each = joinWords(
                  earlier.map(
                    ({ e, acts }) =>
                      `${cite(e.index)} (${joinWords(
                        acts.map((x) => OUTCOME_ACTS[x].decidedAs),
                        'or',
                      )})`,
                  ),
                  'and',
                );
                return protective
                  ? `The first provision that applies decides a case, and some cases this provision would decline are decided first, by ${each}. If it is meant as an exception (as a protection usually is), move it before ${first.e.citation}.`
                  : `The first provision that applies decides a case, and some cases this provision covers are decided first, with a harsher outcome, by ${each}. That is usual when the earlier provision is about more serious facts; check that it is intended.`;
              },
              path: whenPath,
              get fixes(): QuickFix[] {
                return protective ? [moveFix(first.e)] : [];
              },
              example: PENDING_EXAMPLE,
            };
            addWithin(path, finding);
            orderExamples.push({
              tried: exampleTry(first.overlap),
              decidedBy: { provision: first.e.id },
              finish: (ex) => {
                finding.message = orderConflictMessage(
                  earlier.map(({ e, acts }) => ({ name: cite(e.index), citation: e.citation, outcome: e.outcome, acts })),
                  { name: cite(i), citation: sp.citation, outcome: sp.outcome },
                  ex?.facts,
                );
                // Where the example was (the field order of every finding is the same as before).
                if (ex) finding.example = ex;
                else delete (finding as { example?: unknown }).example;
              },
            });
          }
        }
      }
    }
    holdRules(i);
    reviewRules(i);
    stateDutyRules(i);
    // Accumulate what was decided so far, by declared outcome (review for discretionary parts).
    if (sp.decides !== FALSE_NODE) {
      const sure = b.and(sp.decides, sp.condition ? sp.condition.tri.t : 1);
      decidedByOutcome[sp.outcome] = b.or(decidedByOutcome[sp.outcome], sure);
      decidedByOutcome.review = b.or(decidedByOutcome.review, b.diff(sp.decides, sure));
    }
  };
  try {
    policy.provisions.forEach(eachProvision);
  } catch (e) {
    // The analysis stopped (too large): the findings made so far still get their whole messages.
    try {
      writeOrderExamples();
    } catch {
      for (const x of orderExamples) x.finish(undefined);
    }
    throw e;
  }
  writeOrderExamples();
  holdRules(policy.provisions.length);
  reviewRules(policy.provisions.length);
  stateDutyRules(policy.provisions.length);

  // A state law that protects status information only: a note, never a conflict with limits on holds.
  const limitsHolds = [...shortOfHold.values()].some((x) => b.and(x, req.holdAsked) !== FALSE_NODE);
  const infoOnly = stateLaw.filter((x) => x.infoOnly && inForce(x, law.asOf));
  // A requirement to honor detainers that takes effect later: no conflict only until then.
  const laterMandate = stateLaw
    .filter((x) => x.holds === 'required' && x.effective !== undefined && x.effective > law.asOf)
    .sort((x, y) => (x.effective! < y.effective! ? -1 : 1))[0];
  if (limitsHolds && infoOnly.length > 0 && !stateLaw.some((x) => x.holds === 'required' && inForce(x, law.asOf))) {
    add(
      {
        severity: 'info',
        code: 'state-protects-status-information',
        message: `${stateName(law.state)}: ${infoOnlyWords(infoOnly, law.asOf)}${
          laterMandate
            ? ` (until ${effectiveWords(laterMandate)}: from that date ${theName(laterMandate)} requires honoring detainers)`
            : ''
        }`,
        get explanation(): string {
          const general = infoOnly.some((x) => x.barsLimitsOnEnforcement);
          return `${infoOnly.map((x) => x.requires).join(' ')} Keep the agency's communication about a person's immigration status unrestricted; the policy may still decline holds${laterMandate ? ` until ${dateWords(laterMandate.effective!)}, when ${theName(laterMandate, true)} (${citationOn(laterMandate, laterMandate.effective!)}) takes effect` : ''}.${general ? ' A law barring limits on enforcement in general is not read here to require honoring detainers, which its words do not mention; no court ruling on that question is on file, so counsel should read the statute and any opinion of the Attorney General before relying on it.' : ''}`;
        },
        citation: infoOnly.map((x) => citationOn(x, law.asOf)).join('; '),
        authority: infoOnly[0]!.id,
        path: ['jurisdiction', 'state'],
        fixes: [],
      },
      false,
    );
  }

  function subConditions(node: SymbolicNode, root: boolean): void {
    if (!root) {
      if (!possible(node.tri.n)) {
        const parentIsAny = node.path[node.path.length - 2] === 'any';
        add({
          severity: 'warning',
          code: 'condition-never-true',
          message: `this part of the condition can never be true: ${conditionReading(node.condition)}`,
          explanation:
            'No booking case can meet this part of the condition, so it has no effect (or, under "all", makes the whole condition impossible).',
          path: node.path,
          get fixes(): QuickFix[] {
            return parentIsAny ? [{ title: 'Remove this alternative', edits: [{ op: 'delete', path: node.path }] }] : [];
          },
        });
        return;
      }
      if (!possible(b.not(node.tri.t))) {
        const parentIsAll = node.path[node.path.length - 2] === 'all';
        add({
          severity: 'info',
          code: 'condition-always-true',
          message: `this part of the condition is always true: ${conditionReading(node.condition)}`,
          explanation:
            'Every booking case meets this part of the condition, so it adds nothing (or, under "any", makes the whole condition always true).',
          path: node.path,
          get fixes(): QuickFix[] {
            return parentIsAll ? [{ title: 'Remove this requirement', edits: [{ op: 'delete', path: node.path }] }] : [];
          },
        });
        return;
      }
    }
    for (const c of node.children) subConditions(c, false);
  }

  // Completeness: every combination reaches a provision or the otherwise clause.
  const byDefault = policy.reachesDefault !== FALSE_NODE;
  if (policy.provisions.length > 0) {
    add(
      {
        severity: 'info',
        code: 'otherwise-coverage',
        message: !byDefault
          ? `every case is decided by a provision; the otherwise clause (${o.otherwise}) never applies`
          : `every case reaches a provision or the otherwise clause; the otherwise clause (${o.otherwise}) decides the rest`,
        explanation: 'The decision table lists every combination of the facts the ordinance reads, with the provision that decides it.',
        path: ['otherwise'],
        provision: 'default',
        fixes: [],
        ...(byDefault ? { example: example(policy.reachesDefault) } : {}),
      },
      true,
    );
  }
}

/** A set's example case as far as `exampleTry` in policyRules takes it (see there). */
interface ExampleTry {
  set: number;
  values: ArrayLike<number>;
  concrete: ConcreteCase;
  prepared: PreparedCase;
  /** Whether the case is the space's own with its offenses made real (`withRealOffenses`): its atoms are checked again. */
  real: boolean;
}

/** The example of a finding whose example is still being worked out (set, or removed, before the finding is seen). */
const PENDING_EXAMPLE = Object.freeze({}) as unknown as LintDiagnostic['example'];

/**
 * A finding's example, worked out the first time it is read (then kept: every copy of a kept finding
 * shares it). `add` makes it the finding's `example` getter.
 */
class LaterExample {
  private made = false;
  private value: LintDiagnostic['example'];
  constructor(private readonly make: () => LintDiagnostic['example']) {}
  readonly get = (): LintDiagnostic['example'] => {
    if (!this.made) {
      // Read by a face (printing, posting a message), it must not throw there: an example that
      // cannot be worked out is none, as one the engine would decide otherwise is.
      try {
        this.value = this.make();
      } catch {
        this.value = undefined;
      }
      this.made = true;
    }
    return this.value;
  };
}

/** The offense categories the ordinance's conviction tests name (directly or through its defined terms), sorted. */
function convictionCategories(o: Ordinance): string[] {
  const cats = new Set<string>();
  const terms = new Map((o.definitions ?? []).map((d) => [d.term.toLowerCase(), d]));
  for (const s of o.sections)
    for (const p of s.provisions ?? [])
      if (p.when) {
        const named = offenseNames(p.when);
        for (const c of named.convictionCategories) cats.add(c);
        for (const t of named.convictionTerms) for (const f of terms.get(t)?.covers ?? []) for (const c of f.categories ?? []) cats.add(c);
      }
  return [...cats].sort();
}

/** What a condition's offense tests name: the categories and terms (lower case) of its conviction tests, the terms of its charge tests. */
interface OffenseNames {
  convictionCategories: readonly string[];
  convictionTerms: readonly string[];
  chargeTerms: readonly string[];
}

/**
 * The names of a frozen condition (the editor's document, read by `parseEditedSource`, shares every
 * condition an edit leaves alone), read once: the lint reads them for every provision on every edit.
 */
const OFFENSE_NAMES = new WeakMap<Condition, OffenseNames>();

function offenseNames(when: Condition): OffenseNames {
  let named = OFFENSE_NAMES.get(when);
  if (named) return named;
  const convictionCategories: string[] = [];
  const convictionTerms: string[] = [];
  const chargeTerms: string[] = [];
  forEachLeaf(when, (l) => {
    if ('conviction' in l) {
      for (const c of l.conviction.categories ?? []) convictionCategories.push(c);
      if (l.conviction.term) convictionTerms.push(l.conviction.term.toLowerCase());
    }
    if ('charge' in l && l.charge.term) chargeTerms.push(l.charge.term.toLowerCase());
  });
  named = { convictionCategories, convictionTerms, chargeTerms };
  if (Object.isFrozen(when)) OFFENSE_NAMES.set(when, Object.freeze(named));
  return named;
}

function conditionReading(c: Condition): string {
  const keys = Object.keys(c);
  return keys.length === 1 ? `${keys[0]}: ${JSON.stringify((c as Record<string, unknown>)[keys[0]!])}` : JSON.stringify(c);
}

function firstLeafPath(c: Condition, path: PathSegment[], pick: (leaf: Condition) => boolean): PathSegment[] | undefined {
  if ('all' in c || 'any' in c) {
    const key = 'all' in c ? 'all' : 'any';
    const items = 'all' in c ? c.all : c.any;
    for (let i = 0; i < items.length; i++) {
      const found = firstLeafPath(items[i]!, [...path, key, i], pick);
      if (found) return found;
    }
    return undefined;
  }
  if ('not' in c) return firstLeafPath(c.not, [...path, 'not'], pick);
  return pick(c) ? path : undefined;
}

function unusedTerms(
  o: Ordinance,
  findings: Finding[],
  at: (p: PathSegment[], key?: boolean) => SourcePosition,
  shape: OrdinanceShape,
  layout: Layout,
): void {
  const defs = o.definitions ?? [];
  if (defs.length === 0) return;
  const used = new Set<string>();
  for (const s of o.sections)
    for (const p of s.provisions ?? [])
      if (p.when) {
        const named = offenseNames(p.when);
        for (const t of named.convictionTerms) used.add(t);
        for (const t of named.chargeTerms) used.add(t);
      }
  let printed: string | undefined;
  let written: string | undefined;
  defs.forEach((d, i) => {
    const term = d.term.toLowerCase();
    if (used.has(term)) return;
    // A term that conditions do not use may still be a word of the printed text: first of the text
    // the drafters wrote, which is printed as written (the whole printed text takes far longer).
    written ??= writtenText(o).toLowerCase();
    if (containsWord(written, term)) return;
    // Then of the rest of the printed text: the words the engine generates around the drafters' text.
    printed ??= generatedText(shape, layout);
    if (containsWord(printed, term)) return;
    const path = ['definitions', i, 'term'];
    findings.push({
      severity: 'warning',
      code: 'unused-term',
      message: `the defined term "${d.term}" is used by no condition and appears nowhere in the text`,
      explanation:
        'A definition that nothing uses invites the reader to look for the rule that applies it. Remove it, or use it in a condition.',
      path,
      ...at(path),
      // Removing the only definition removes the list itself: an empty "definitions:" is not a list.
      fixes: [
        {
          title: `Remove the definition of "${d.term}"`,
          edits: [{ op: 'delete', path: defs.length === 1 ? ['definitions'] : ['definitions', i] }],
        },
      ],
    });
  });
}

/** Words that leave a detainer to someone's choice ("may honor", "in the officer's discretion"). */
const CHOICE_WORDS =
  /\b(?:may\s+(?!not\b)(?:honou?r|hold|detain|comply|decline|refuse|release|notify|respond|maintain)\w*|in\s+(?:the|its|his|her|their)\s+(?:\w+\s+)?discretion|is\s+authorized\s+to\s+(?:honou?r|hold|detain))\b/i;
/** A number of hours in words or digits ("48 hours", "forty-eight (48) hours"). */
const HOURS_WORDS =
  /\b(\d{1,3}|twelve|twenty-four|thirty-six|forty-eight|seventy-two|ninety-six)\s*(?:\(\d{1,3}\)\s*)?(?:calendar\s+|business\s+|working\s+)?hours?\b/gi;
const NUMBER_WORDS: Record<string, number> = {
  twelve: 12,
  'twenty-four': 24,
  'thirty-six': 36,
  'forty-eight': 48,
  'seventy-two': 72,
  'ninety-six': 96,
};
/** Words that count a hold's hours on working days only. */
const WEEKDAYS_ONLY =
  /\b(?:(?:excluding|exclusive\s+of|except(?:ing)?|not\s+counting)\b[^.;]{0,30}\b(?:saturdays?|weekends?)|business\s+hours|working\s+hours|weekday\s+hours)\b/i;

/**
 * The drafters' own wording of a detainer provision against its logic: the wording is printed for the
 * council beside the generated reading, and police and the simulation follow the logic. Three plain
 * disagreements are found: the wording leaves a choice ("may honor") where the logic decides every
 * case it reaches; it names a hold's length in hours the logic does not hold for; it counts working
 * days where the logic counts calendar hours, or the other way round. Read every time (the kept
 * findings leave the wording out).
 */
function wordingDiffers(o: Ordinance, findings: Finding[], at: (p: PathSegment[], key?: boolean) => SourcePosition, layout: Layout): void {
  o.sections.forEach((s, si) =>
    s.provisions?.forEach((p, pi) => {
      if (typeof p.text === 'string' && isDetainerProvision(p))
        wordingOf(p, ['sections', si, 'provisions', pi], layout, findings, at, detainerTerm(o));
    }),
  );
}

/** What a provision's wording says of choice and hours, by the wording (the same words are read once). */
const WORDING = new Map<
  string,
  { choice: string | undefined; named: Array<{ words: string; hours: number }>; weekdays: string | undefined }
>();
onClearAnalysisCaches(() => WORDING.clear());

function wordingOf(
  p: Provision,
  path: PathSegment[],
  layout: Layout,
  findings: Finding[],
  at: (p: PathSegment[], key?: boolean) => SourcePosition,
  term: string,
): void {
  const text = p.text!;
  let read = WORDING.get(text);
  if (!read) {
    if (WORDING.size >= 4096) WORDING.clear();
    read = {
      choice: CHOICE_WORDS.exec(text)?.[0],
      named: [...text.matchAll(HOURS_WORDS)].map((m) => ({ words: m[0], hours: NUMBER_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]) })),
      weekdays: WEEKDAYS_ONLY.exec(text)?.[0],
    };
    WORDING.set(text, read);
  }
  if (!read.choice && read.named.length === 0) return;
  const whoOf = () =>
    provisionNameIn({ id: p.id, citation: layout.citationOf.get(p.id) ?? '', heading: p.heading, outcome: p.outcome }, term);
  const found = (message: string, explanation: string, fixes: QuickFix[]) => {
    const f: Finding = {
      severity: 'warning',
      code: 'wording-differs',
      message,
      explanation,
      path: [...path, 'text'],
      provision: p.id,
      fixes,
      ...at([...path, 'text']),
    };
    setProvisionPath(f, path);
    findings.push(f);
  };
  let chooses = false;
  if (p.when) forEachLeaf(p.when, (l) => void (chooses ||= 'discretion' in l));
  if (read.choice && !chooses && p.outcome !== 'review') {
    const does = p.outcome === 'hold' ? 'holds' : p.outcome === 'notify' ? 'gives notice of release in' : 'declines';
    found(
      `the wording of ${whoOf()} leaves a choice ("${read.choice}"), but its logic ${does} every case it reaches; police and the simulation follow the logic`,
      `The council votes on the wording; the officer guide, the policy bundle and every simulated figure follow the logic, which decides without anyone choosing. If an officer decides, write that choice as a discretion condition (such cases then go to review); if the provision decides, word it as the rule it is ("shall").`,
      [],
    );
  }
  if (p.outcome !== 'hold') return;
  const hold = p.maxHold ?? FEDERAL_MAX;
  const { named, weekdays } = read;
  if (named.length > 0 && !named.some((n) => n.hours === hold.hours)) {
    const only = new Set(named.map((n) => n.hours)).size === 1 ? named[0]! : undefined;
    found(
      `the wording of ${whoOf()} says "${named[0]!.words}", but its logic holds for at most ${holdWords(hold)}`,
      "The council votes on the wording; the hold police apply and the simulation counts is the logic's maximum. Make the two say the same length.",
      only
        ? [
            {
              title: `Hold for at most ${only.hours} hours, as the wording says`,
              edits: [{ op: 'set', path: [...path, 'maxHold', 'hours'], value: only.hours }],
            },
          ]
        : [],
    );
  } else if (named.length > 0) {
    const excluding = hold.excludingWeekendsAndHolidays === true;
    if (weekdays && !excluding)
      found(
        `the wording of ${whoOf()} counts the hold's hours on working days only ("${weekdays}"), but its logic counts ${holdWords(hold)}`,
        'Over a weekend, hours excluding Saturdays, Sundays and holidays last up to three days longer than calendar hours. The council votes on the wording; police and the simulation follow the logic. Make the two count the same way.',
        [
          {
            title: 'Count the hold excluding Saturdays, Sundays and holidays, as the wording does',
            edits: [{ op: 'set', path: [...path, 'maxHold', 'excludingWeekendsAndHolidays'], value: true }],
          },
        ],
      );
    if (!weekdays && excluding)
      found(
        `the wording of ${whoOf()} names the hold's hours without leaving out weekends ("${named[0]!.words}"), but its logic counts ${holdWords(hold)}`,
        'Read plainly, a number of hours is calendar hours; the logic skips Saturdays, Sundays and holidays, so over a weekend the hold lasts up to three days longer than the wording says. The council votes on the wording; police and the simulation follow the logic. Make the two count the same way.',
        [
          {
            title: 'Count the hold in calendar hours, as the wording does',
            edits: [{ op: 'set', path: [...path, 'maxHold', 'excludingWeekendsAndHolidays'], value: false }],
          },
        ],
      );
  }
}

/**
 * Whether lower-case text has a term (lower case) as a word or words of its own, perhaps with a plural
 * ending: not inside a longer word (faster than a case-blind regular expression over the whole text).
 */
function containsWord(text: string, term: string): boolean {
  const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    if (at > 0 && isWordChar(text.charCodeAt(at - 1))) continue;
    let end = at + term.length;
    if (text.startsWith('es', end) && !isWordChar(text.charCodeAt(end + 2))) return true;
    if (text.charCodeAt(end) === 115 /* s */) end++;
    if (end >= text.length || !isWordChar(text.charCodeAt(end))) return true;
    if (!isWordChar(text.charCodeAt(at + term.length))) return true;
  }
  return false;
}

/** The drafters' own text that the printed text holds word for word (a part of `printedText`). */
function writtenText(o: Ordinance): string {
  const parts: string[] = [o.title];
  for (const f of o.findings ?? []) parts.push(f.text);
  for (const d of o.definitions ?? []) parts.push(d.meaning);
  for (const s of o.sections) {
    if (s.text) parts.push(s.text);
    for (const p of s.provisions ?? []) if (p.text) parts.push(p.text);
  }
  return parts.join('\n');
}

/** The ordinance with the drafters' own text and the headings marked '-' (or kept when blank), and its JSON. */
interface OrdinanceShape {
  value: Ordinance;
  json: string;
}

/**
 * The ordinance with the drafters' own text (`writtenText`) and the headings each marked '-' when
 * not blank: what the rules and the generated words depend on. No rule reads that text (only the
 * unused-term and wording-differs rules, which read it from the ordinance itself after every edit;
 * the second with the kept layout, whose citations depend on the shape alone), and the generated words are printed
 * around it, so two ordinances with the same shape get the same findings and generated words.
 */
function withoutWrittenText(o: Ordinance): OrdinanceShape {
  const value: Ordinance = {
    ...o,
    title: mark(o.title),
    ...(o.findings ? { findings: o.findings.map((f) => ({ ...f, text: mark(f.text) })) } : {}),
    // A meaning that defines the detainer is kept: the generated words name the detainer by its term.
    ...(o.definitions
      ? { definitions: o.definitions.map((d) => ({ ...d, meaning: definesDetainer(d) ? d.meaning : mark(d.meaning) })) }
      : {}),
    sections: [],
  };
  // The JSON of the shape, a part at a time (JSON writes no control character raw, so the joins
  // cannot be confused): the provisions of a frozen ordinance keep theirs from one keystroke to the next.
  const parts = [JSON.stringify(value)];
  for (const s of o.sections) {
    // Headings are printed, but not as a part of `printedText`.
    const section: Section = { ...s, heading: mark(s.heading), ...(s.text !== undefined ? { text: mark(s.text) } : {}) };
    delete section.provisions;
    parts.push(`\u0001${JSON.stringify(section)}`);
    if (s.provisions) {
      const provisions = s.provisions.map((p) => {
        const m = markedProvision(p);
        parts.push(`\u0002${m.json}`);
        return m.value;
      });
      section.provisions = provisions;
    }
    value.sections.push(section);
  }
  return { value, json: parts.join('') };
}

function mark(t: string): string {
  return t.trim() ? '-' : t;
}

/** The shapes of frozen provisions (read by the editor's `parseEditedSource`), by provision. */
const MARKED = new WeakMap<Provision, { value: Provision; json: string }>();

/** A provision with its text and heading marked, and its JSON. */
function markedProvision(p: Provision): { value: Provision; json: string } {
  let m = Object.isFrozen(p) ? MARKED.get(p) : undefined;
  if (!m) {
    const value = {
      ...p,
      ...(p.text !== undefined ? { text: mark(p.text) } : {}),
      ...(p.heading !== undefined ? { heading: mark(p.heading) } : {}),
    };
    m = { value, json: JSON.stringify(value) };
    // Frozen as the provision is, so that the printed text keeps its words by it (`ordinanceText`).
    if (Object.isFrozen(p)) Object.freeze(value);
    if (Object.isFrozen(p)) MARKED.set(p, m);
  }
  return m;
}

/**
 * The printed text in lower case with the drafters' own text (`writtenText`) and the headings left
 * out, as the engine generates it around them. The drafters' text changes on most keystrokes and the
 * rest seldom does, so the last two are kept (`GENERATED`): it is printed again only for a shape not among them.
 * `layout` is the layout of an ordinance of this shape (the shape's own is the same in other words).
 */
function generatedText(shape: OrdinanceShape, layout: Layout): string {
  let text = GENERATED.get(shape.json);
  if (text === undefined) {
    text = printedText(shape.value, layoutInOtherWords(layout, shape.value)).toLowerCase();
    if (GENERATED.size >= 2) GENERATED.delete(GENERATED.keys().next().value!);
  } else GENERATED.delete(shape.json);
  GENERATED.set(shape.json, text);
  return text;
}

/** The printed text, without the words that introduce each definition (a definition is not a use of its term). */
function printedText(o: Ordinance, layout: Layout): string {
  // The words alone: the readings of the provisions are no part of the printed text.
  const t = ordinanceText(o, { wordsOnly: true, layout });
  const parts: string[] = [t.title, ...t.whereas];
  for (const s of t.sections) {
    if (s.intro) parts.push(s.intro);
    for (const c of s.clauses) {
      if (c.term) {
        parts.push(c.text.replace(`"${c.term}" means`, ''));
        continue;
      }
      parts.push(c.text);
      if (c.items) pushItems(c.items, parts);
      if (c.after) parts.push(c.after);
    }
  }
  return parts.join('\n');
}

/** The texts of list items and their sub-items, in reading order, onto `parts`. */
function pushItems(items: ReadonlyArray<{ text: string; items?: unknown[] }>, parts: string[]): void {
  for (const i of items) {
    parts.push(i.text);
    if (i.items) pushItems(i.items as Array<{ text: string; items?: unknown[] }>, parts);
  }
}

const IGNORE_RE = /#\s*lint-ignore\s+([a-z0-9-]+)\s*(?::\s*(.*?))?\s*$/;

/** Marks findings silenced by the document's `suppress` list or a `# lint-ignore CODE: reason` comment. */
function applySuppressions(o: Ordinance, findings: Finding[], source: ParsedSource | undefined): Finding[] {
  const out = [...findings];
  const entries = (o.suppress ?? []).map((s, i) => ({ ...s, index: i, used: false }));
  const comments: Array<{ line: number; code: string; reason: string | undefined; used: boolean }> = [];
  // Every silencing comment names "lint-ignore": a text without it has none to look for line by line.
  if (source && source.text.includes('lint-ignore')) {
    source.text.split('\n').forEach((text, i) => {
      const m = IGNORE_RE.exec(text);
      if (m) comments.push({ line: i + 1, code: m[1]!, reason: m[2] || undefined, used: false });
    });
  }
  const same = (code: string, f: Finding) => code === f.code || CODE_ALIASES[code] === f.code;
  for (const f of out) {
    if (UNSILENCEABLE.has(f.code)) continue;
    const entry = entries.find((e) => same(e.code, f) && (e.provision === undefined || e.provision === f.provision));
    if (entry) {
      entry.used = true;
      f.suppressed = entry.reason;
      continue;
    }
    if (comments.length === 0 || !source) continue;
    const lines = new Set([f.line, f.line - 1]);
    const provisionPath = provisionPathOf(f);
    if (provisionPath) {
      const start = source.locate(provisionPath).line;
      lines.add(start);
      lines.add(start - 1);
    }
    const comment = comments.find((c) => same(c.code, f) && lines.has(c.line));
    if (!comment) continue;
    comment.used = true;
    if (comment.reason) f.suppressed = comment.reason;
  }
  for (const c of comments) {
    const pos = { line: c.line, column: 1, endLine: c.line, endColumn: (source?.text.split('\n')[c.line - 1]?.length ?? 0) + 1 };
    if (!c.reason && c.used) {
      out.push({
        severity: 'warning',
        code: 'suppression-without-reason',
        message: `"lint-ignore ${c.code}" needs a reason: write "# lint-ignore ${c.code}: why the drafters accept it"`,
        explanation:
          'A silenced finding stays on the record with the reason the drafters accepted it; without a reason the finding is not silenced.',
        path: [],
        ...pos,
        fixes: [],
      });
    } else if (!c.used && (LINT_RULES.some((r) => r.code === c.code) || c.code in CODE_ALIASES)) {
      out.push({
        severity: 'info',
        code: 'unused-suppression',
        message: `nothing here is silenced by "lint-ignore ${c.code}": the finding no longer occurs`,
        explanation: 'The finding this comment silenced is gone; the comment can be removed.',
        path: [],
        ...pos,
        fixes: [],
      });
    }
  }
  for (const e of entries) {
    if (e.used) continue;
    const path = ['suppress', e.index];
    out.push({
      severity: 'info',
      code: 'unused-suppression',
      message: `the silenced finding "${e.code}"${e.provision ? ` on "${e.provision}"` : ''} no longer occurs`,
      explanation: 'The finding this entry silenced is gone; the entry can be removed.',
      path,
      ...(source ? source.locate(path) : NOWHERE),
      fixes: [{ title: 'Remove this entry', edits: [{ op: 'delete', path }] }],
    });
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}

/**
 * The quick fix that silences a finding with the drafters' reason: a `# lint-ignore CODE: reason`
 * comment above the provision the finding is about (or above its line). The editor asks for the reason.
 */
export function silenceFix(d: LintDiagnostic, reason: string, source: ParsedSource): QuickFix {
  const text = reason.replace(/\s+/g, ' ').trim();
  if (!text) throw new Error('a silenced finding needs a reason');
  const provisionPath = d.path.length >= 4 && d.path[0] === 'sections' && d.path[2] === 'provisions' ? d.path.slice(0, 4) : undefined;
  const line = provisionPath ? source.locate(provisionPath).line : d.line;
  return { title: `Silence "${d.code}" with a reason`, edits: [{ op: 'comment', line, text: `lint-ignore ${d.code}: ${text}` }] };
}

/** Quick fixes for the validator's own findings, where the remedy is mechanical. */
export function validatorFixes(d: Diagnostic, source: ParsedSource): QuickFix[] {
  const doc = source.value as Partial<Ordinance> | undefined;
  if (d.code === 'undefined-term' && doc && d.path[d.path.length - 1] === 'term') {
    let value: unknown = doc;
    for (const seg of d.path) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[seg] : undefined;
    if (typeof value !== 'string') return [];
    const terms = (doc.definitions ?? []).map((x) => x.term);
    // A defined term with characters that do not show in it is that term: offered before any guess.
    const seen = withoutInvisible(value).toLowerCase();
    const guess = (seen !== value.toLowerCase() ? terms.find((t) => t.toLowerCase() === seen) : undefined) ?? didYouMean(value, terms);
    const fixes: QuickFix[] = [];
    if (guess) fixes.push({ title: `Use the defined term "${guess}"`, edits: [{ op: 'set', path: d.path, value: guess }] });
    fixes.push({
      title: `Define "${value}"`,
      edits: [
        {
          op: 'insert',
          path: ['definitions'],
          index: -1,
          before: ['sections'],
          value: {
            term: value,
            meaning: `(what "${value}" means)`,
            covers: [
              {
                categories: [
                  value
                    .toLowerCase()
                    .replace(/[^a-z0-9]+/g, '-')
                    .replace(/^-+|-+$/g, '') || 'offense',
                ],
              },
            ],
          },
        },
      ],
    });
    return fixes;
  }
  // Characters that do not show, in a name or a text: the value without them.
  if (d.code === 'invisible-character' && d.path.length > 0) {
    let value: unknown = source.value;
    for (const seg of d.path) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[seg] : undefined;
    if (typeof value !== 'string') return [];
    return [{ title: 'Remove the characters that do not show', edits: [{ op: 'set', path: d.path, value: withoutInvisible(value) }] }];
  }
  // A misspelt key ("outcom"): renamed to the key meant, its value and comments kept, unless the map
  // already has that key (then which of the two the author meant is theirs to say).
  if (d.code === 'unknown-key' && d.suggestion !== undefined && typeof d.path[d.path.length - 1] === 'string') {
    const from = d.path[d.path.length - 1] as string;
    const mapPath = d.path.slice(0, -1);
    let map: unknown = source.value;
    for (const seg of mapPath) map = map && typeof map === 'object' ? (map as Record<string | number, unknown>)[seg] : undefined;
    if (!map || typeof map !== 'object' || Array.isArray(map) || !(from in map) || d.suggestion in map) return [];
    return [{ title: `Rename "${from}" to "${d.suggestion}"`, edits: [{ op: 'rename', path: mapPath, from, to: d.suggestion }] }];
  }
  if (d.code === 'not-allowed' && d.suggestion !== undefined && d.path.length > 0) {
    return [{ title: `Change it to "${d.suggestion}"`, edits: [{ op: 'set', path: d.path, value: d.suggestion }] }];
  }
  if (d.code === 'hold-without-maximum' && d.path[d.path.length - 1] === 'outcome') {
    return [
      {
        title: `Limit the hold to ${holdWords(FEDERAL_MAX)}`,
        edits: [{ op: 'set', path: [...d.path.slice(0, -1), 'maxHold'], value: FEDERAL_MAX }],
      },
    ];
  }
  return [];
}

/**
 * The order-conflict finding as a solicitor reads it: which provisions come first (by name), what
 * that does to which of the later provision's cases, what to do, and an example case. `earlier` are the
 * harsher provisions before `later` that decide some of its cases, in order.
 */
export function orderConflictMessage(
  earlier: ReadonlyArray<{ name: string; citation: string; outcome: Outcome; acts?: readonly Outcome[] }>,
  later: { name: string; citation: string; outcome: Outcome },
  example?: readonly string[],
): string {
  const one = earlier.length === 1;
  // What the earlier provisions do to the later one's cases (`acts`, under the request's limit: a hold
  // provision only notifies where the detainer asks for notice alone), their outcomes when not given.
  const outcomes = [...new Set(earlier.flatMap((e) => e.acts ?? [e.outcome]))].sort((a, b) => RANK[b] - RANK[a]);
  const decided = joinWords(
    outcomes.map((x) => OUTCOME_ACTS[x].decidedAs),
    'or',
  );
  const first = earlier[0]!;
  const what = `so some cases ${later.citation} ${OUTCOME_ACTS[later.outcome].would} are ${decided} under ${one ? 'it' : 'them'} instead`;
  // A protection after the rule it should limit is usually a mistake; a milder rule after a harsher one usually is not.
  const todo =
    later.outcome === 'decline'
      ? `to make ${later.citation} an exception to ${one ? 'it' : 'them'}, move it before ${first.citation}`
      : `that is usual where ${one ? 'the earlier provision is' : 'the earlier provisions are'} about more serious facts: check that it is intended`;
  return (
    `order matters: ${joinWords(
      earlier.map((e) => e.name),
      'and',
    )} ${one ? 'comes' : 'come'} before ${later.name}, ${what}; ${todo}.` + (example?.length ? ` For example: ${example.join('; ')}` : '')
  );
}

/**
 * A provision as every face names it (its citation and heading, or what it does, with the detainer named
 * as the ordinance `o` names it), never by its id alone.
 */
function laidOutName(lp: LaidOutProvision, o: Pick<Ordinance, 'definitions'>): string {
  const p = lp.provision;
  return provisionNameIn({ id: p.id, citation: lp.citation, heading: p.heading, outcome: p.outcome }, detainerTerm(o));
}
