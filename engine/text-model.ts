// The ordinance as printed text, format-neutral: the title block (number, sponsors), the Whereas
// clauses, the enacting clause in the form of the body that adopts it, the numbered sections (short
// title, definitions, the operative text, the standard closing clauses, the effective date) with
// their subsections (a), lists (1), (A), (i), and the passage and signature blocks. Markdown, HTML,
// DOCX and the app's preview all serialize this model, so every format prints the same words.
//
// The voted text carries no plain readings, provision ids or hashes: the generated reading of an
// author-worded provision goes to an optional annex, and the fingerprint to footers and a record line.

import { deepFreeze } from './freeze';
import { fingerprint } from './canonical';
import {
  itemLabel,
  layoutOrdinance,
  letterFor,
  type LaidOutClause,
  type LaidOutProvision,
  type Layout,
  type StandardClause,
} from './layout';
import { effectiveDateOf, otherwiseHoldOf, type Condition, type Ordinance, type Outcome, type Provision, type Signature } from './model';
import { sectionCitation } from './law';
import { civilFromDays, FEDERAL_HOLIDAYS_CITATION, federalHolidays, parseDate } from './time';
import {
  anBefore,
  CitationRuns,
  citationList,
  conditionWords,
  definedDetainerTerm,
  enactingFormOf,
  iceNoticeDuty,
  isCombination,
  jurisdictionWithArticle,
  joinWords,
  leafWords,
  offenseFilterWords,
  outcomePredicate,
  textTerms,
  type PredicateOptions,
  type TextTerms,
  withDetainerTerm,
} from './wording';

/** A fill-in blank for a fact the document doesn't give: never an invented one. */
export const BLANK = '____________';

/** A line of a list, possibly with its own list. Its words carry their closing punctuation. */
export interface TextItem {
  /** "(1)", "(A)", "(i)": the label for its depth. */
  label: string;
  /** The words, ending with "; and", "; or", "," or "." (or ":" when `items` follow). */
  text: string;
  items?: TextItem[];
  /** How this item's own items are joined. */
  conjunction?: 'and' | 'or';
  /** For a ground of a subsection that lists several provisions: the provision it prints. */
  provision?: string;
  citation?: string;
}

export interface TextClause {
  /** "(a)", or null for the single subsection of a section. */
  label: string | null;
  /** The provision id, "default" for the otherwise clause; undefined for generated text. */
  provision?: string;
  /** For a subsection listing several provisions as grounds: their ids, in order. */
  provisions?: string[];
  /** A defined term set off at the start, for definitions. */
  term?: string;
  /** The clause's words; when `items` is set they end with a colon. */
  text: string;
  items?: TextItem[];
  conjunction?: 'and' | 'or';
  /** The words after the list that complete the sentence ("the Department shall ..."). */
  after?: string;
  /** The generated reading of an author-worded provision, or what a defined term covers (annex only). */
  plainReading?: string;
  authorWording?: boolean;
}

export interface TextSection {
  number: number;
  heading: string;
  intro?: string;
  clauses: TextClause[];
}

/** A signature block: the signature line with its lead ("Attest:"), then the name and title, then the date. */
export interface TextSignature {
  lead: string;
  /** "Jane Doe, City Clerk" or just the title when the name is not yet known. */
  signer: string;
  /** "Date: ..." (a blank when not known), or undefined when the block has no date line. */
  date?: string;
}

export interface AnnexEntry {
  citation: string;
  lead: string;
  text: string;
}

export interface OrdinanceText {
  title: string;
  /** "Ordinance No. 17886" or a fill-in: "Ordinance No. ____________". */
  number: string;
  /** One line under the title: jurisdiction, status, version, effective date. */
  subtitle: string;
  /** "Sponsored by ..." (a fill-in when not known); for an executive order "Issued by ...", undefined when it names no one. */
  sponsors?: string;
  /** The Whereas clauses as printed, each with its closing words. */
  whereas: string[];
  enacting: string;
  sections: TextSection[];
  /** The passage record: "Passed by ... on ...", the vote. */
  passage: string[];
  signatures: TextSignature[];
  /** The generated plain readings, when the document asks for the annex; empty otherwise. */
  annex: AnnexEntry[];
  /**
   * Every provision's printed citation and its generated reading (what the logic decides, in words, as
   * the text prints it). `plainReading`, for a detainer provision, is that reading read apart from the
   * text (outcomePredicate's `apart`): it says itself what a request for notice alone or for neither a
   * hold nor notice gets, as the annex and the preview's plain readings do; the app's form shows it.
   */
  provisions: Record<string, { citation: string; reading: string; plainReading?: string }>;
  fingerprint: string;
  version: string;
  /** The document's own date (effective date), used in footers; never the wall clock. */
  date: string;
}

const STATUS_WORDS: Record<string, string> = {
  draft: 'Draft',
  introduced: 'Introduced',
  committee: 'In committee',
  adopted: 'Adopted',
  enacted: 'Enacted',
  'executive-order': 'Executive order',
  repealed: 'Repealed',
};

function sentence(s: string): string {
  const t = s.trim();
  if (!t) return t;
  const cap = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.:;!?]$/.test(cap) ? cap : `${cap}.`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${Number(m[3])}, ${m[1]}`;
}

// ---- conditions as lists ----

interface ItemDraft {
  text: string;
  items?: ItemDraft[];
  conjunction?: 'and' | 'or';
  provision?: string;
  citation?: string;
}

/** The items of a condition printed as a list, negations pushed down to the leaves. */
function conditionItems(c: Condition, negated: boolean): { items: ItemDraft[]; conjunction: 'and' | 'or' } | null {
  if ('not' in c) return conditionItems(c.not, !negated);
  if (!('all' in c) && !('any' in c)) return null;
  const isAll = 'all' in c;
  const list = isAll ? c.all : c.any;
  if (list.length === 1) return conditionItems(list[0]!, negated);
  const conjunction = isAll !== negated ? 'and' : 'or';
  return { conjunction, items: list.map((x) => conditionItem(x, negated)) };
}

function listHead(conjunction: 'and' | 'or'): string {
  return conjunction === 'and' ? 'all of the following are true' : 'any of the following is true';
}

function conditionItem(c: Condition, negated: boolean): ItemDraft {
  const nested = conditionItems(c, negated);
  if (!nested) return { text: isCombination(c) ? conditionWords(c, negated) : leafWords(c, negated) };
  return { text: `${listHead(nested.conjunction)}:`, items: nested.items, conjunction: nested.conjunction };
}

/** Labels and closing punctuation: "; and" / "; or" between items, `ending` after the last line of the list. */
function finishItems(drafts: ItemDraft[], conj: 'and' | 'or', depth: number, ending: string): TextItem[] {
  return drafts.map((d, i) => {
    const end = i < drafts.length - 1 ? `; ${conj}` : ending;
    const item: TextItem = { label: itemLabel(depth, i), text: d.items ? d.text : `${d.text}${end}` };
    if (d.items) {
      item.items = finishItems(d.items, d.conjunction ?? 'and', depth + 1, end);
      item.conjunction = d.conjunction ?? 'and';
    }
    if (d.provision) item.provision = d.provision;
    if (d.citation) item.citation = d.citation;
    return item;
  });
}

/** A clause in one line: the plain reading of a provision, for the annex, the form and the preview. */
export function flattenClause(c: Pick<TextClause, 'text' | 'items' | 'after'>): string {
  const flat = (items: TextItem[]): string => items.map((i) => `${i.label} ${i.text}${i.items ? ` ${flat(i.items)}` : ''}`).join(' ');
  return c.items ? `${c.text} ${flat(c.items)}${c.after ? ` ${c.after}` : ''}` : c.text;
}

// ---- the operative sentences ----

interface Words extends TextTerms {
  Agency: string;
}

/** "Except as provided in <the earlier clauses>, " (nothing before the first clause). */
function precedence(earlier: CitationRuns): string {
  const listed = earlier.list();
  return listed ? `Except as provided in ${listed}, ` : '';
}

/**
 * A detainer rule in words, condition first so no trailing "if" can attach to the wrong verb: "If
 * <condition>, <agency> shall ...", or, for a list, "If any of the following is true: (1) ...; or
 * (2) ..., <agency> shall ...".
 */
function ruleClause(
  w: Words,
  lead: string,
  grounds: Array<{ when: Condition | undefined; provision?: string; citation?: string }>,
  outcome: Outcome,
  maxHold: Provision['maxHold'],
  options: PredicateOptions = {},
): Pick<TextClause, 'text' | 'items' | 'conjunction' | 'after'> {
  const c = ruleWords(w, lead, grounds, outcome, maxHold, options);
  const term = (items: TextItem[]): TextItem[] =>
    items.map((i) => ({ ...i, text: withDetainerTerm(i.text, w.detainer), ...(i.items ? { items: term(i.items) } : {}) }));
  return { ...c, text: withDetainerTerm(c.text, w.detainer), ...(c.items ? { items: term(c.items) } : {}) };
}

function ruleWords(
  w: Words,
  /** What the rule yields to: `precedence(earlier clauses)`. */
  lead: string,
  grounds: Array<{ when: Condition | undefined; provision?: string; citation?: string }>,
  outcome: Outcome,
  maxHold: Provision['maxHold'],
  options: PredicateOptions,
): Pick<TextClause, 'text' | 'items' | 'conjunction' | 'after'> {
  const predicate = outcomePredicate(w, outcome, maxHold, options);
  const If = lead ? `${lead}if` : 'If';
  if (grounds.length === 1) {
    const when = grounds[0]!.when;
    if (!when) return { text: lead ? `${lead}${w.agency} ${predicate}.` : `In every case, ${w.agency} ${predicate}.` };
    const list = conditionItems(when, false);
    if (!list) return { text: `${If} ${conditionWords(when)}, ${w.agency} ${predicate}.` };
    return {
      text: `${If} ${listHead(list.conjunction)}:`,
      items: finishItems(list.items, list.conjunction, 1, ','),
      conjunction: list.conjunction,
      after: `${w.agency} ${predicate}.`,
    };
  }
  const drafts: ItemDraft[] = grounds.map((g) => ({
    ...conditionItem(g.when!, false),
    ...(g.provision ? { provision: g.provision } : {}),
    ...(g.citation ? { citation: g.citation } : {}),
  }));
  return {
    text: `${If} ${listHead('or')}:`,
    items: finishItems(drafts, 'or', 1, ','),
    conjunction: 'or',
    after: `${w.agency} ${predicate}.`,
  };
}

function otherwiseClause(w: Words, o: Ordinance, cites: readonly string[]): string {
  const predicate = outcomePredicate(w, o.otherwise, o.otherwise === 'hold' ? otherwiseHoldOf(o) : undefined);
  const lead =
    cites.length === 0
      ? 'In every case, '
      : cites.length === 1
        ? `In every case to which ${cites[0]} does not apply, `
        : cites.length === 2
          ? `In every case to which neither ${cites[0]} nor ${cites[1]} applies, `
          : `In every case to which none of ${citationList(cites)} applies, `;
  return `${lead}${w.agency} ${predicate}.`;
}

// ---- the other provisions ----

function otherProvisionWords(o: Ordinance, w: Words, p: Provision): string | undefined {
  const words = provisionWords(o, w, p);
  return words === undefined ? undefined : withDetainerTerm(words, w.detainer);
}

function provisionWords(o: Ordinance, w: Words, p: Provision): string | undefined {
  const { agency, Agency } = w;
  switch (p.type) {
    case 'ice-access': {
      const parts: string[] = [];
      const interviews: Record<string, string> = {
        never: `Agents of ICE shall not be permitted to interview any person in the custody of ${agency}`,
        'with-criminal-warrant': `Agents of ICE shall not be permitted to interview any person in the custody of ${agency} unless they present a criminal warrant`,
        'with-consent': `Agents of ICE may interview a person in the custody of ${agency} only with that person's written consent, given after the person is told that they may decline and may have counsel present`,
        allowed: `Agents of ICE may interview persons in the custody of ${agency}`,
      };
      const facilities: Record<string, string> = {
        never: `shall not be given access to the non-public areas of any facility of ${agency}`,
        'with-criminal-warrant': `shall not be given access to the non-public areas of any facility of ${agency} unless they present a criminal warrant`,
        allowed: `may be given access to the facilities of ${agency} for the purpose of enforcing federal law`,
      };
      if (p.interviews) parts.push(sentence(interviews[p.interviews]!));
      if (p.facilities) parts.push(sentence(`${p.interviews ? 'Such agents' : 'Agents of ICE'} ${facilities[p.facilities]!}`));
      return parts.join(' ') || undefined;
    }
    case 'status-inquiry':
      if (!p.inquiries) return undefined;
      return sentence(
        p.inquiries === 'prohibited'
          ? `No officer or employee of ${agency} shall inquire about the citizenship or immigration status of any person`
          : p.inquiries === 'only-when-required-by-law'
            ? `No officer or employee of ${agency} shall inquire about the citizenship or immigration status of any person, except as required by federal or state law`
            : `Officers of ${agency} may inquire about a person's immigration status only as part of a lawful investigation`,
      );
    case 'notice-to-person':
    case 'notice-to-ice': {
      if (!p.notices?.length) return undefined;
      const words: Record<string, string> = {
        'copy-of-detainer': 'a copy of it',
        decision: `written notice of whether ${agency} will honor it`,
        'release-date': 'notice of the time of release',
      };
      const to =
        p.type === 'notice-to-person' ? `the person named in ${anBefore('a', w.detainer)} ${w.detainer}` : `ICE, for each ${w.detainer},`;
      return sentence(
        `${Agency} shall promptly give ${to} ${joinWords(
          p.notices.map((n) => words[n]!),
          'and',
        )}`,
      );
    }
    case 'report': {
      if (!p.reportTo && !p.contents) return undefined;
      const every: Record<string, string> = { month: 'monthly', quarter: 'quarterly', 'half-year': 'twice a year', year: 'annually' };
      const contents: Record<string, string> = {
        received: `the number of ${w.detainer}s received`,
        honored: 'the number honored',
        declined: 'the number declined',
        reasons: 'the reasons for each decision to honor a detainer',
        costs: 'the cost of complying with detainers',
        reimbursements: 'the reimbursements received',
      };
      const list = p.contents?.length
        ? `, stating ${joinWords(
            p.contents.map((c) => contents[c]!),
            'and',
          )}`
        : '';
      return sentence(`${Agency} shall report ${p.every ? `${every[p.every]} ` : ''}to ${p.reportTo ?? 'the legislative body'}${list}`);
    }
    case 'effective-date':
      return effectiveDateWords(o, w, p.date);
    case 'severability':
      return standardClauseWords(o, w, 'severability');
    case 'training':
      return sentence(`${Agency} shall train its officers and employees in the requirements of this ${w.noun}`);
    default:
      return undefined;
  }
}

function effectiveDateWords(o: Ordinance, w: Words, date: string | undefined): string {
  const when = date ?? effectiveDateOf(o);
  return `This ${w.noun} takes effect on ${when ? longDate(when) : BLANK}.`;
}

/** The standard words of each closing clause; an author's own words replace them. */
function standardClauseWords(o: Ordinance, w: Words, c: StandardClause): string {
  const own = o.standardClauses?.[c];
  if (typeof own === 'string' && own.trim()) return sentence(own);
  const place = jurisdictionWithArticle(o.jurisdiction.name);
  switch (c) {
    case 'savings':
      return `This ${w.noun} does not affect any act done, right accrued, penalty incurred or proceeding begun before it takes effect.`;
    case 'noPrivateRightOfAction':
      return `This ${w.noun} does not create or form the basis of any liability on the part of ${place}, its officers, employees or agents, and does not create a private right of action against any of them.`;
    case 'conflictWithLaw':
      return `Nothing in this ${w.noun} shall be construed to require any act that federal or state law forbids, or to forbid any act that federal or state law requires; where this ${w.noun} conflicts with federal or state law, that law controls.`;
    case 'severability':
      return `If any provision of this ${w.noun}, or its application to any person or circumstance, is held invalid, the invalidity does not affect the other provisions or applications of this ${w.noun} that can be given effect without the invalid provision or application, and to this end the provisions of this ${w.noun} are severable.`;
  }
}

// ---- definitions the text itself needs ----

function conditionsOf(o: Ordinance): Array<{ when: Condition; provision: string }> {
  return (o.sections ?? []).flatMap((s) =>
    (s.provisions ?? []).filter((p) => p.when && (p.type ?? 'detainer') === 'detainer').map((p) => ({ when: p.when!, provision: p.id })),
  );
}

function forEachLeaf(c: Condition, f: (leaf: Condition) => void): void {
  if ('all' in c) c.all.forEach((x) => forEachLeaf(x, f));
  else if ('any' in c) c.any.forEach((x) => forEachLeaf(x, f));
  else if ('not' in c) forEachLeaf(c.not, f);
  else f(c);
}

/**
 * The U.S. federal holidays the engine counts (engine/time.ts), by name, in calendar order: those in
 * force on `on` (a YYYY-MM-DD date: a holiday first observed that year counts from the day the law
 * making it took effect where the law data gives it, Juneteenth from June 17, 2021, else once its day
 * has come; so an ordinance of 2014 lists no Juneteenth), or, without a date, the current list.
 */
function federalHolidayNames(on: string | undefined): string[] {
  const day = on === undefined ? NaN : parseDate(on);
  let list;
  if (Number.isNaN(day)) {
    let year = 2021;
    // The current list: the latest year whose calendar the engine knows every holiday of.
    while (federalHolidays(year + 1).length > federalHolidays(year).length) year++;
    list = federalHolidays(year);
  } else {
    const year = civilFromDays(day).y;
    const before = new Set(federalHolidays(year - 1).map((h) => h.name));
    // In force on the day: since the law that made it took effect where the data has that day
    // (Juneteenth from June 17, 2021, the day before it was first observed), else once its day has come.
    list = federalHolidays(year).filter((h) => before.has(h.name) || (h.inForceFrom !== undefined ? h.inForceFrom <= day : h.day <= day));
  }
  return list.map((h) => (h.name.startsWith('Birthday') ? `the ${h.name}` : h.name));
}

/** The detainer regulation, cited as a whole section (the data cites the subsection on holds). */
function detainerRegulation(): string {
  return sectionCitation('us-8-cfr-287-7');
}

function generatedDefinitions(o: Ordinance, w: Words, layout: Layout): TextClause[] {
  const defined = new Set((o.definitions ?? []).map((d) => d.term.trim().toLowerCase()));
  const out: TextClause[] = [];
  /** `"term" <rest>`, where the rest begins "means ..." or ", for ..., means ...". */
  const define = (term: string, rest: string) => {
    if (defined.has(term.toLowerCase())) return;
    out.push({ label: null, term, text: `"${term}"${rest.startsWith(',') ? '' : ' '}${rest}` });
  };
  // The term the text uses for the detainer where the ordinance gives none (detainerTerm) is defined here.
  if (definedDetainerTerm(o) === undefined) {
    define(
      w.detainer,
      `means a request by ICE, under ${detainerRegulation()} or any other authority, that ${w.agency} hold a person after the time the person would otherwise be released from custody, or notify ICE of that time.`,
    );
  }
  define('ICE', 'means U.S. Immigration and Customs Enforcement.');
  // "Honor" where the generated words use it: a hold or a referral in generated words, or the otherwise clause.
  const outcomes = new Set<Outcome>([
    o.otherwise,
    ...layout.detainerProvisions.filter((lp) => !lp.provision.text).map((lp) => lp.provision.outcome ?? o.otherwise),
  ]);
  if (outcomes.has('hold') || outcomes.has('review')) {
    define(
      'honor',
      `, for ${anBefore('a', w.detainer)} ${w.detainer}, means to do what it requests within the limits this ${w.noun} sets: to hold the person where it requests that the person be held, and to notify ICE of the time of the person's release where it requests that notice. ${anBefore('A', w.detainer)} ${w.detainer} that requests only notice is honored by giving that notice alone.`,
    );
  }
  const holds = [
    ...layout.detainerProvisions.filter((lp) => (lp.provision.outcome ?? o.otherwise) === 'hold').map((lp) => lp.provision.maxHold),
    ...(o.otherwise === 'hold' ? [otherwiseHoldOf(o)] : []),
  ];
  if (holds.some((h) => h?.excludingWeekendsAndHolidays)) {
    // The calendar the hold counts with (compile: the ordinance's own setting, federal by default).
    const on = effectiveDateOf(o);
    const names = federalHolidayNames(on);
    const listed = on && !Number.isNaN(parseDate(on)) ? `on ${longDate(on)}, when this ${w.noun} takes effect: ` : '';
    const extra = Array.isArray(o.holidays) ? [...o.holidays].sort().map(longDate) : [];
    define(
      'holiday',
      o.holidays === 'none'
        ? `means, for this ${w.noun}, no day: a hold that excludes holidays excludes only Saturdays and Sundays.`
        : `means a legal public holiday under ${FEDERAL_HOLIDAYS_CITATION}, as in force on the day in question (${listed}${joinWords(names, 'and')}), observed as the federal government observes it: on the Friday before when it falls on a Saturday, and on the Monday after when it falls on a Sunday${extra.length ? `; and also ${joinWords(extra, 'and')}` : ''}.`,
    );
  }
  // The juvenile rule, with the provisions that count adjudications differently named as exceptions.
  const counted = o.juvenileAdjudications === 'counted';
  let usesConvictions = false;
  const exceptions: string[] = [];
  for (const { when, provision } of conditionsOf(o)) {
    let differs = false;
    forEachLeaf(when, (leaf) => {
      if (!('conviction' in leaf)) return;
      usesConvictions = true;
      if (leaf.conviction.includeJuvenile !== undefined && leaf.conviction.includeJuvenile !== counted) differs = true;
    });
    const cite = layout.citationOf.get(provision);
    if (differs && cite && !exceptions.includes(cite)) exceptions.push(cite);
  }
  if (usesConvictions || counted) {
    const except = exceptions.length ? `Except as provided in ${citationList(exceptions)}, a` : 'A';
    out.push({
      label: null,
      text: `${except} juvenile or youthful-offender adjudication ${counted ? 'counts as' : 'is not'} a conviction for the purposes of this ${w.noun}.`,
    });
  }
  return out;
}

/**
 * Takes out the generated definition of "ICE" when nothing else the document prints uses the word: an
 * ordinance whose own words never name ICE (Northampton's speaks of "federal immigration officials")
 * would otherwise define a term it does not use. The definitions after it are lettered again, so no
 * letter is skipped. The ordinance's own definition of "ICE", if it gives one, is always kept.
 */
function withoutUnusedIceDefinition(o: Ordinance, sections: TextSection[], annex: readonly AnnexEntry[]): void {
  withoutUnusedDefinition(o, sections, 'ICE', /\bICE\b/, annex);
}

/**
 * Takes out the generated definition of "holiday" when the voted text never uses the word: a hold in
 * the drafters' own wording that names no holiday (Cook County's sec. 46-37(a)) would otherwise print a
 * definition only its annex of plain readings, which is not part of the text, uses.
 */
function withoutUnusedHolidayDefinition(o: Ordinance, sections: TextSection[]): void {
  withoutUnusedDefinition(o, sections, 'holiday', /\bholidays?\b/i, []);
}

/**
 * Takes out the generated definition of `term` when nothing else the document prints (its title,
 * findings, sections and the annex entries given) uses the word; the definitions after it are lettered
 * again, so no letter is skipped. The ordinance's own definition of the term, if it gives one, is kept.
 */
function withoutUnusedDefinition(o: Ordinance, sections: TextSection[], term: string, uses: RegExp, annex: readonly AnnexEntry[]): void {
  if ((o.definitions ?? []).some((d) => d.term.trim().toLowerCase() === term.toLowerCase())) return;
  const defs = sections.find((s) => s.clauses.some((c) => c.term === term));
  if (!defs || defs.clauses.length < 2) return;
  const itemUses = (items: readonly TextItem[] | undefined): boolean => (items ?? []).some((i) => uses.test(i.text) || itemUses(i.items));
  const used =
    uses.test(o.title) ||
    (o.findings ?? []).some((f) => uses.test(f.text)) ||
    annex.some((a) => uses.test(a.text)) ||
    sections.some(
      (s) =>
        uses.test(s.heading) ||
        uses.test(s.intro ?? '') ||
        s.clauses.some((c) => c.term !== term && (uses.test(c.text) || uses.test(c.after ?? '') || itemUses(c.items))),
    );
  if (used) return;
  const lettered = defs.clauses.every((c) => c.label !== null && /^\([a-z]+\)$/.test(c.label));
  defs.clauses = defs.clauses.filter((c) => c.term !== term).map((c, i) => (lettered ? { ...c, label: `(${letterFor(i)})` } : c));
}

// ---- the title block, the enacting clause, passage and signatures ----

function numberLine(o: Ordinance): string {
  if (o.documentNumber?.trim()) return o.documentNumber.trim();
  const form = enactingFormOf(o);
  return `${form === 'executive-order' ? 'Executive Order' : form === 'state-legislature' ? 'Bill' : 'Ordinance'} No. ${BLANK}`;
}

function sponsorLine(o: Ordinance): string | undefined {
  const names = [o.sponsor, ...(o.sponsors ?? [])].map((s) => s?.trim()).filter((s): s is string => Boolean(s));
  // An executive order is issued by the officer who signs it, not sponsored: no fill-in where none is named.
  const order = enactingFormOf(o) === 'executive-order';
  if (names.length === 0 && order) return undefined;
  return `${order ? 'Issued' : 'Sponsored'} by ${names.length ? joinWords(names, 'and') : BLANK}`;
}

/** The body that enacts the measure: its legislativeBody, else the usual body of its enacting form and level. */
export function bodyOf(o: Ordinance): string {
  if (o.legislativeBody?.trim()) return o.legislativeBody.trim();
  switch (enactingFormOf(o)) {
    case 'executive-order':
      return o.jurisdiction.level === 'state' ? 'Governor' : o.jurisdiction.level === 'county' ? 'County Executive' : 'Mayor';
    case 'state-legislature':
      return 'Legislature';
    case 'county-board':
      return 'County Board';
    default:
      return o.jurisdiction.level === 'town' ? 'Town Council' : 'City Council';
  }
}

function enactingClause(o: Ordinance, afterFindings: boolean): string {
  const body = bodyOf(o);
  const place = jurisdictionWithArticle(o.jurisdiction.name);
  const now = afterFindings ? 'NOW, THEREFORE, ' : '';
  switch (enactingFormOf(o)) {
    case 'executive-order':
      return `${now}${afterFindings ? 'the' : 'The'} ${body} of ${place}, by the authority vested in that office, hereby orders as follows:`;
    case 'state-legislature':
      return `${now}${afterFindings ? 'be' : 'Be'} it enacted by the ${body} of ${place}:`;
    default:
      return `${now}${afterFindings ? 'be' : 'Be'} it ordained by the ${body} of ${place}:`;
  }
}

/**
 * The clerk who attests a council's ordinance: the clerk of the place the body's name says it is ("City
 * Council": City Clerk; "Town Council", "Town Meeting": Town Clerk), else of the jurisdiction's level. A
 * town's draft passed by its "City Council" is attested by the City Clerk, not a Town Clerk.
 */
function clerkOf(o: Ordinance, body: string): string {
  const place = /^(city|town)\b/i.exec(body)?.[1]?.toLowerCase();
  return (place ?? (o.jurisdiction.level === 'town' ? 'town' : 'city')) === 'town' ? 'Town Clerk' : 'City Clerk';
}

/** The signatures the body's form usually carries, when the document names none: titles only, names left blank. */
function defaultSignatures(o: Ordinance): Signature[] {
  const body = bodyOf(o);
  switch (enactingFormOf(o)) {
    case 'executive-order':
      return [{ role: 'sign', title: body }];
    case 'state-legislature':
      return [
        { role: 'presiding', title: 'Presiding Officer of the Senate' },
        { role: 'presiding', title: 'Presiding Officer of the House' },
        { role: 'approve', title: 'Governor' },
      ];
    case 'county-board':
      return [
        { role: 'presiding', title: `Chair of the ${body}` },
        { role: 'attest', title: `Clerk of the ${body}` },
      ];
    default:
      return [
        { role: 'presiding', title: `President of the ${body}` },
        { role: 'attest', title: clerkOf(o, body) },
        ...(o.jurisdiction.level === 'town' ? [] : [{ role: 'approve' as const, title: 'Mayor' }]),
      ];
  }
}

const SIGNATURE_LEAD: Record<Signature['role'], string> = { presiding: '', attest: 'Attest: ', approve: 'Approved: ', sign: '' };

/** The statuses of a measure its body has passed: its date and vote are facts of record. */
const PASSED_STATUSES: ReadonlySet<string> = new Set(['adopted', 'enacted', 'repealed']);

function passageOf(o: Ordinance): { passage: string[]; signatures: TextSignature[] } {
  const form = enactingFormOf(o);
  const p = o.passage ?? {};
  const passage: string[] = [];
  if (form !== 'executive-order') {
    // A measure already passed has a date and a vote that are facts, not blanks for a clerk to fill in: where
    // the document does not give them, the text says it does not record them (it never prints a blank line
    // under a date that passed, nor invents one). A draft's blanks are the form it will be passed on.
    const passed = o.status !== undefined && PASSED_STATUSES.has(o.status);
    const passedBy = `Passed by the ${bodyOf(o)} of ${jurisdictionWithArticle(o.jurisdiction.name)}`;
    passage.push(
      p.passedOn
        ? `${passedBy} on ${longDate(p.passedOn)}.`
        : passed
          ? `${passedBy}; the date of passage is not recorded in this text.`
          : `${passedBy} on ${BLANK}.`,
    );
    const n = (v: number | undefined) => (v === undefined ? '____' : String(v));
    const v = p.votes ?? {};
    const noVote = v.inFavor === undefined && v.opposed === undefined && v.abstaining === undefined && v.absent === undefined;
    passage.push(
      passed && noVote
        ? 'Vote: not recorded in this text.'
        : `Vote: ${n(v.inFavor)} in favor, ${n(v.opposed)} opposed, ${n(v.abstaining)} abstaining${v.absent !== undefined ? `, ${v.absent} absent` : ''}.`,
    );
  }
  const signatures = (p.signatures?.length ? p.signatures : defaultSignatures(o)).map((s): TextSignature => ({
    lead: `${SIGNATURE_LEAD[s.role]}${BLANK}${BLANK}`,
    signer: s.name?.trim() ? `${s.name.trim()}, ${s.title}` : s.title,
    ...(s.role === 'approve' || s.role === 'sign' || s.date ? { date: `Date: ${s.date ? longDate(s.date) : BLANK}` } : {}),
  }));
  return { passage, signatures };
}

// ---- the whole text ----

/**
 * The detainer clauses of the last two texts printed with the same terms, by what their words are
 * made of, so that an edit of one provision prints that clause again, not the others: whether the
 * clause has a lead, the outcome, the hold and the grounds (`clauseKey`; a key holding `null`, which
 * JSON gives for values it cannot tell apart, is not kept). What is kept is the clause after its
 * lead: a lead ("Except as provided in § 3(a) through (c), ") is citations and plain words, so it
 * starts the clause's text unchanged (no "detainer" in it for `withDetainerTerm` to rename). The list items
 * are shared by the texts that hold them, frozen.
 */
type RuleWords = Pick<TextClause, 'text' | 'items' | 'conjunction' | 'after'>;
let keptClauses = { words: '', now: new Map<string, RuleWords>(), before: new Map<string, RuleWords>() };
/** A kept clause's words after its lead, flattened (`flattenClause`). */
const flatAfterLead = new WeakMap<RuleWords, string>();

function clauseAfterLead(lead: string, key: string, make: () => RuleWords): { rest: RuleWords } | { made: RuleWords } {
  if (key.includes('null')) return { made: make() };
  const k = `${lead ? 'l' : 'f'}${key}`;
  let rest = keptClauses.now.get(k) ?? keptClauses.before.get(k);
  if (!rest) {
    const made = make();
    if (!made.text.startsWith(lead)) return { made };
    rest = deepFreeze({ ...made, text: made.text.slice(lead.length) });
  }
  keptClauses.now.set(k, rest);
  return { rest };
}

/** The clause `make` gives, kept. */
function keptClause(lead: string, key: string, make: () => RuleWords): RuleWords {
  const r = clauseAfterLead(lead, key, make);
  return 'made' in r ? r.made : withLead(lead, r.rest);
}

/** A clause's words after its lead, with the lead put back. */
function withLead(lead: string, rest: RuleWords): RuleWords {
  return lead ? { ...rest, text: lead + rest.text } : rest;
}

/** A kept clause's words after its lead, flattened (once: `flatAfterLead`). */
function flatRest(rest: RuleWords): string {
  let flat = flatAfterLead.get(rest);
  if (flat === undefined) flatAfterLead.set(rest, (flat = flattenClause(rest)));
  return flat;
}

/**
 * A provision's reading as the text prints it, read apart from the text (outcomePredicate's `apart`):
 * the reading ends with the outcome's predicate, which is put in its apart form. A decline reads the same.
 */
function readingApart(w: Words, reading: string, outcome: Outcome, maxHold: Provision['maxHold']): string {
  if (outcome === 'decline') return reading;
  const inText = `${outcomePredicate(w, outcome, maxHold)}.`;
  if (!reading.endsWith(inText)) return reading;
  return `${reading.slice(0, -inText.length)}${outcomePredicate(w, outcome, maxHold, { apart: true })}.`;
}

/** The clause `make` gives, kept, flattened: the lead, then the flattened words after it. */
function keptReading(lead: string, key: string, make: () => RuleWords): string {
  const r = clauseAfterLead(lead, key, make);
  if ('made' in r) return flattenClause(r.made);
  return lead + flatRest(r.rest);
}

/**
 * What a detainer clause's words are made of besides the terms and the lead, one string for each:
 * the outcome, the hold, and each ground's condition, provision and citation (each as JSON;
 * '-' when absent). JSON writes no control character raw, so the separators cannot be confused.
 */
function clauseKey(
  outcome: Outcome,
  maxHold: Provision['maxHold'],
  grounds: ReadonlyArray<{ whenJson: string; provision?: string; citation?: string }>,
): string {
  let key = `${JSON.stringify(outcome)}\u0001${maxHold ? JSON.stringify(maxHold) : '-'}`;
  for (const g of grounds)
    key += `\u0002${g.whenJson}\u0001${g.provision === undefined ? '-' : JSON.stringify(g.provision)}\u0001${g.citation === undefined ? '-' : JSON.stringify(g.citation)}`;
  return key;
}

/**
 * The leads of the last text printed ("Except as provided in <every earlier clause>, "), by the
 * number of earlier clauses, with those clauses' citations: a lead is a function of them alone.
 */
let LEADS: { citations: readonly string[]; leads: readonly string[] } = { citations: [], leads: [] };

/**
 * The words of the clauses of frozen provisions (the editor's document, read by `parseEditedSource`)
 * after their lead, by the clause's first provision, with what they were printed from: the clause's
 * provisions and their citations, whether there was a lead, the terms (`Words` as JSON) and the
 * otherwise clause's outcome (a provision without one takes it).
 */
const KEPT_CLAUSES = new WeakMap<
  Provision,
  {
    provisions: Provision[];
    citations: string[];
    /** Whether it was printed with no lead (the first clause's words start with a capital). */
    leadless: boolean;
    words: string;
    otherwise: Outcome;
    /** The words after the lead, and each provision's reading after it (none when printed for its words only). */
    rest: RuleWords;
    readings: string[] | undefined;
  }
>();

/** Forgets the clauses and leads kept from earlier texts (the next text is printed from nothing). */
export function forgetPrintedClauses(): void {
  keptClauses = { words: '', now: new Map(), before: new Map() };
  LEADS = { citations: [], leads: [] };
}

/**
 * The ordinance as printed. With `wordsOnly`, only what the text prints is worked out (its title,
 * recitals, sections and clauses, as `ordinanceWords` reads them): no detainer provision's reading or
 * plain reading, so `provisions` leaves the detainer provisions out and a detainer clause in the
 * drafters' own wording has an empty `plainReading`. A document that asks for the annex of plain
 * readings is printed whole (the annex decides whether the text keeps its definition of "ICE").
 * `layout` is the ordinance's layout when the caller has it (it must be `layoutOrdinance(o)`'s).
 */
export function ordinanceText(o: Ordinance, options: { wordsOnly?: boolean; layout?: Layout } = {}): OrdinanceText {
  const readingsWanted = !options.wordsOnly || o.plainReadingAnnex === true;
  const layout = options.layout ?? layoutOrdinance(o);
  const terms = textTerms(o);
  const iceNotice = iceNoticeDuty(o, layout.citationOf);
  const w: Words = { ...terms, Agency: capitalize(terms.agency), ...(iceNotice ? { iceNotice } : {}) };
  const wordsKey = JSON.stringify(w);
  keptClauses =
    keptClauses.words === wordsKey
      ? { words: wordsKey, now: new Map(), before: keptClauses.now }
      : { words: wordsKey, now: new Map(), before: new Map() };
  const priorLeads = LEADS;
  const leads: string[] = [''];
  let samePrefix = true;
  // The fingerprint hashes the whole document: computed when first read, not on every print.
  let fp: string | undefined;
  // One date for the subtitle, the effective-date section, the holiday list and the text's date.
  const effective = effectiveDateOf(o);
  const subtitle = [
    // A state's own policy names the state already ("State of Connecticut", not "State of Connecticut, CT").
    o.jurisdiction.level === 'state' ? o.jurisdiction.name : `${o.jurisdiction.name}, ${o.jurisdiction.state}`,
    o.status ? STATUS_WORDS[o.status] : undefined,
    // A version that is the effective date (Cook County's "2011-09-07") is not said twice: the date says it.
    o.version && o.version !== effective ? `Version ${o.version}` : undefined,
    effective ? `Effective ${longDate(effective)}` : undefined,
  ].filter(Boolean);

  const provisions: OrdinanceText['provisions'] = {};
  const annex: AnnexEntry[] = [];
  const earlier: string[] = [];
  const earlierRuns = new CitationRuns();
  // "Except as provided in <every earlier clause>, ": written once per clause, not once per provision.
  let lead = '';
  /** A condition's JSON ('-' for none), the part of a clause's key that says what it reads. */
  const whenJson = (lp: LaidOutProvision) => (lp.provision.when === undefined ? '-' : JSON.stringify(lp.provision.when));
  /** The generated words of one detainer provision on its own (its reading, whether printed or not). */
  const soloReading = (lp: LaidOutProvision, json: string) => {
    const outcome = lp.provision.outcome ?? o.otherwise;
    return keptReading(lead, clauseKey(outcome, lp.provision.maxHold, [{ whenJson: json }]), () =>
      ruleClause(w, lead, [{ when: lp.provision.when }], outcome, lp.provision.maxHold),
    );
  };

  /** The words of a clause and each provision's reading, printed from its provisions and the lead. */
  const clauseWords = (ps: readonly LaidOutProvision[]): { generated: RuleWords; readings: string[] | undefined } => {
    const first = ps[0]!.provision;
    const jsons = ps.map(whenJson);
    const readings = readingsWanted ? ps.map((lp, g) => soloReading(lp, jsons[g]!)) : undefined;
    const outcome = first.outcome ?? o.otherwise;
    const key = clauseKey(
      outcome,
      first.maxHold,
      ps.map((lp, g) => ({ whenJson: jsons[g]!, provision: lp.provision.id, citation: lp.citation })),
    );
    const generated = keptClause(lead, key, () =>
      ruleClause(
        w,
        lead,
        ps.map((lp) => ({ when: lp.provision.when, provision: lp.provision.id, citation: lp.citation })),
        outcome,
        first.maxHold,
      ),
    );
    return { generated, readings };
  };

  const detainerClause = (c: LaidOutClause): TextClause => {
    const ps = c.provisions;
    const first = ps[0]!.provision;
    // A clause of the same frozen provisions with the same citations, printed before in the same
    // terms and with the same otherwise clause, has the same words after its lead (`clauseAfterLead`).
    const frozen = ps.every((lp) => Object.isFrozen(lp.provision));
    const found = frozen ? KEPT_CLAUSES.get(first) : undefined;
    const kept =
      found &&
      (found.readings !== undefined || !readingsWanted) &&
      found.leadless === (lead === '') &&
      found.words === wordsKey &&
      found.otherwise === o.otherwise &&
      found.provisions.length === ps.length &&
      ps.every((lp, g) => found.provisions[g] === lp.provision && found.citations[g] === lp.citation)
        ? found
        : undefined;
    let words: { generated: RuleWords; readings: string[] | undefined };
    if (kept) words = { generated: withLead(lead, kept.rest), readings: readingsWanted ? kept.readings!.map((r) => lead + r) : undefined };
    else {
      words = clauseWords(ps);
      const { generated, readings } = words;
      if (frozen && generated.text.startsWith(lead) && (readings === undefined || readings.every((r) => r.startsWith(lead))))
        KEPT_CLAUSES.set(first, {
          provisions: ps.map((lp) => lp.provision),
          citations: ps.map((lp) => lp.citation),
          leadless: lead === '',
          words: wordsKey,
          otherwise: o.otherwise,
          rest: lead ? { ...generated, text: generated.text.slice(lead.length) } : generated,
          readings: readings?.map((r) => r.slice(lead.length)),
        });
    }
    const { generated, readings } = words;
    // A provision with its drafters' wording prints the generated words as its plain reading, flattened
    // (a kept clause's words after its lead once, as `keptReading` does); read before the lead moves on.
    // A plain reading is read apart from the text, whose definition of "honor" is printed only for the
    // clauses it generates: a hold's reading says itself what a request for notice alone gets, and a
    // hold's, a notice's and a referral's what a request for neither a hold nor notice gets (a decline).
    const outcome = first.outcome ?? o.otherwise;
    const plainReading =
      !first.text || !readings
        ? ''
        : outcome !== 'decline'
          ? flattenClause(ruleClause(w, lead, [{ when: first.when }], outcome, first.maxHold, { apart: true }))
          : kept === undefined
            ? flattenClause(generated)
            : lead + flatRest(kept.rest);
    if (readings)
      ps.forEach(
        (lp, g) =>
          (provisions[lp.provision.id] = {
            citation: lp.citation,
            reading: readings[g]!,
            plainReading: readingApart(w, readings[g]!, lp.provision.outcome ?? o.otherwise, lp.provision.maxHold),
          }),
      );
    earlier.push(c.citation);
    earlierRuns.push(c.citation);
    samePrefix &&= priorLeads.citations[earlier.length - 1] === c.citation;
    lead = samePrefix && priorLeads.leads[earlier.length] !== undefined ? priorLeads.leads[earlier.length]! : precedence(earlierRuns);
    leads.push(lead);
    if (ps.length > 1) return { label: c.letter ? `(${c.letter})` : null, provisions: ps.map((lp) => lp.provision.id), ...generated };
    const label = c.letter ? `(${c.letter})` : null;
    if (first.text) {
      if (o.plainReadingAnnex) annex.push({ citation: c.citation, lead: 'Generated plain reading', text: plainReading });
      return { label, provision: first.id, text: sentence(first.text), plainReading, authorWording: true };
    }
    return { label, provision: first.id, ...generated };
  };

  const sections: TextSection[] = layout.sections.map((ls) => {
    let clauses: TextClause[] = [];
    switch (ls.kind) {
      case 'short-title': {
        const name = o.shortTitle!.trim();
        clauses.push({ label: null, text: `This ${w.noun} may be cited as ${/^the\s/i.test(name) ? '' : 'the '}"${name}".` });
        break;
      }
      case 'definitions': {
        for (const d of o.definitions ?? []) {
          const reading =
            d.covers && readingsWanted
              ? `Covers ${joinWords(
                  d.covers.map((f) => offenseFilterWords(f, true)),
                  'or',
                )}.`
              : undefined;
          clauses.push({
            label: null,
            term: d.term,
            text: `"${d.term}" means ${d.meaning.trim().replace(/\.$/, '')}.`,
            ...(reading ? { plainReading: reading } : {}),
          });
        }
        clauses.push(...generatedDefinitions(o, w, layout));
        break;
      }
      case 'standard-clause':
        clauses.push({ label: null, text: standardClauseWords(o, w, ls.standard!) });
        break;
      case 'effective-date':
        clauses.push({ label: null, text: effectiveDateWords(o, w, undefined) });
        break;
      default:
        for (const c of ls.clauses) {
          const label = c.letter ? `(${c.letter})` : null;
          if (c.kind === 'otherwise') {
            const text = otherwiseClause(w, o, [...earlier]);
            provisions.default = { citation: c.citation, reading: text };
            clauses.push({ label, provision: 'default', text });
            continue;
          }
          const p = c.provisions[0]!;
          if (p.isDetainer) {
            clauses.push(detainerClause(c));
            continue;
          }
          const generated = otherProvisionWords(o, w, p.provision);
          provisions[p.provision.id] = { citation: p.citation, reading: generated ?? sentence(p.provision.text ?? '') };
          if (p.provision.text) {
            if (generated && o.plainReadingAnnex) annex.push({ citation: p.citation, lead: 'Generated plain reading', text: generated });
            clauses.push({
              label,
              provision: p.provision.id,
              text: sentence(p.provision.text),
              ...(generated ? { plainReading: generated, authorWording: true } : {}),
            });
          } else {
            clauses.push({ label, provision: p.provision.id, text: generated ?? BLANK });
          }
        }
    }
    // Sections the layout adds letter their subsections the way the document's own sections do.
    if (ls.sectionIndex === null && clauses.length > 1) clauses = clauses.map((c, i) => ({ ...c, label: `(${letterFor(i)})` }));
    return { number: ls.number, heading: ls.heading, ...(ls.text ? { intro: ls.text } : {}), clauses };
  });
  withoutUnusedIceDefinition(o, sections, annex);
  withoutUnusedHolidayDefinition(o, sections);

  if (o.plainReadingAnnex) {
    const defs = sections.find((s) => s.heading === 'Definitions');
    for (const c of defs?.clauses ?? []) {
      if (c.term && c.plainReading)
        annex.push({ citation: `§ ${defs!.number}${c.label ?? ''}`, lead: `Plain reading of "${c.term}"`, text: c.plainReading });
    }
    annex.sort((a, b) => citationOrder(a.citation) - citationOrder(b.citation));
  }

  LEADS = { citations: [...earlier], leads };
  const findings = (o.findings ?? []).map((f) => f.text.trim().replace(/[.;]$/, ''));
  const { passage, signatures } = passageOf(o);
  return {
    title: o.title,
    number: numberLine(o),
    subtitle: subtitle.join(' · '),
    ...(sponsorLine(o) ? { sponsors: sponsorLine(o)! } : {}),
    whereas: findings.map((f, i) => `WHEREAS, ${f}${i < findings.length - 1 ? '; and' : ';'}`),
    enacting: enactingClause(o, findings.length > 0),
    sections,
    passage,
    signatures,
    annex,
    provisions,
    get fingerprint() {
      return (fp ??= fingerprint(o));
    },
    version: o.version ?? 'unversioned',
    date: effective ?? '',
  };
}

/**
 * The words of the text a council votes on, one part a line: title, recitals, section introductions,
 * clauses with their list items and closing words. No headings, labels, passage, signatures, annex or
 * fingerprint. With `definitionLeads: false`, a definition's opening '"term" means' is left out (a
 * definition is not a use of its term).
 */
export function ordinanceWords(o: Ordinance, options: { definitionLeads?: boolean } = {}): string {
  const t = ordinanceText(o);
  const parts: string[] = [t.title, ...t.whereas];
  const items = (list: readonly TextItem[] | undefined): void => {
    for (const i of list ?? []) {
      parts.push(i.text);
      items(i.items);
    }
  };
  for (const s of t.sections) {
    if (s.intro) parts.push(s.intro);
    for (const c of s.clauses) {
      parts.push(c.term && options.definitionLeads === false ? c.text.replace(`"${c.term}" means`, '') : c.text);
      items(c.items);
      if (c.after) parts.push(c.after);
    }
  }
  return parts.join('\n');
}

/** Sorts citations in document order: section number, then subsection letter, then ground. */
function citationOrder(c: string): number {
  const m = /^§ (\d+)(?:\(([a-z]+)\))?(?:\((\d+)\))?/.exec(c);
  if (!m) return Number.MAX_SAFE_INTEGER;
  const letter = m[2] ? (m[2].length - 1) * 26 + (m[2].charCodeAt(0) - 96) : 0;
  return Number(m[1]) * 1_000_000 + letter * 1000 + Number(m[3] ?? 0);
}
