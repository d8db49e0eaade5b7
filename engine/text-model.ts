// The ordinance as printed text, format-neutral: title block, Whereas clauses, enacting clause,
// numbered sections of lettered clauses. Markdown, HTML and DOCX exports all serialize this model.

import { fingerprint } from './canonical';
import { layoutOrdinance, letterFor } from './layout';
import { FEDERAL_MAX_HOLD, type Condition, type OffenseFilter, type Ordinance, type Provision } from './model';
import {
  agencyName,
  citationList,
  conditionWords,
  documentNoun,
  jurisdictionWithArticle,
  isCombination,
  joinWords,
  leafWords,
  offenseFilterWords,
  outcomeSentence,
} from './wording';

/** A line of a condition list, possibly with its own sub-list. */
export interface TextItem {
  text: string;
  items?: TextItem[];
  /** How this item's sub-items are joined ("and" / "or"). */
  conjunction?: 'and' | 'or';
}

export interface TextClause {
  /** "(a)", or null for an unlettered paragraph. */
  label: string | null;
  /** The provision id, "default" for the otherwise clause, or undefined for other text. */
  provision?: string;
  /** A defined term set off at the start, for definitions. */
  term?: string;
  /** The clause's words; when `items` is set they end with a colon. */
  text: string;
  items?: TextItem[];
  conjunction?: 'and' | 'or';
  /** The generated plain reading, shown beside the author's wording when the two differ. */
  plainReading?: string;
  authorWording?: boolean;
}

export interface TextSection {
  number: number;
  heading: string;
  intro?: string;
  clauses: TextClause[];
}

export interface OrdinanceText {
  title: string;
  /** One line under the title: number, jurisdiction, status, version, effective date. */
  subtitle: string;
  whereas: string[];
  enacting: string;
  sections: TextSection[];
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

function usesConvictions(c: Condition | undefined): boolean {
  if (!c) return false;
  if ('all' in c) return c.all.some(usesConvictions);
  if ('any' in c) return c.any.some(usesConvictions);
  if ('not' in c) return usesConvictions(c.not);
  return 'conviction' in c;
}

/** The items of a condition printed as a list, negations pushed down to the leaves. */
function conditionItems(c: Condition, negated: boolean): { items: TextItem[]; conjunction: 'and' | 'or' } | null {
  if ('not' in c) return conditionItems(c.not, !negated);
  if (!('all' in c) && !('any' in c)) return null;
  const isAll = 'all' in c;
  const list = isAll ? c.all : c.any;
  if (list.length === 1) return conditionItems(list[0]!, negated);
  const conjunction = isAll !== negated ? 'and' : 'or';
  return { conjunction, items: list.map((x) => conditionItem(x, negated)) };
}

function conditionItem(c: Condition, negated: boolean): TextItem {
  const nested = conditionItems(c, negated);
  if (!nested) return { text: isCombination(c) ? conditionWords(c, negated) : leafWords(c, negated) };
  return {
    text: nested.conjunction === 'and' ? 'all of the following are true:' : 'any of the following is true:',
    items: nested.items,
    conjunction: nested.conjunction,
  };
}

function coverageWords(covers: OffenseFilter[]): string {
  return joinWords(
    covers.map((f) => offenseFilterWords(f, true)),
    'or',
  );
}

function precedence(earlier: string[]): string {
  return earlier.length ? `Except as provided in ${citationList(earlier)}, ` : '';
}

function decapitalize(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The generated words of a detainer provision, as one clause (possibly with a condition list). */
function detainerClause(o: Ordinance, p: Provision, earlier: string[]): Pick<TextClause, 'text' | 'items' | 'conjunction'> {
  const base = outcomeSentence(o, p.outcome ?? o.otherwise, p.maxHold);
  const lead = precedence(earlier);
  const opening = lead ? `${lead}${decapitalize(base)}` : base;
  if (!p.when) return { text: sentence(`${opening} in every case`) };
  const list = conditionItems(p.when, false);
  if (!list) return { text: sentence(`${opening} if ${conditionWords(p.when)}`) };
  const head = list.conjunction === 'and' ? 'all of the following are true' : 'any of the following is true';
  return { text: `${opening} if ${head}:`, items: list.items, conjunction: list.conjunction };
}

/** Flattens a clause with items to one line: the plain reading shown beside author's wording. */
export function flattenClause(c: Pick<TextClause, 'text' | 'items' | 'conjunction'>): string {
  if (!c.items) return c.text;
  const flat = (items: TextItem[], conj: 'and' | 'or'): string =>
    items.map((i, k) => `(${k + 1}) ${i.items ? `${i.text} ${flat(i.items, i.conjunction ?? 'and')}` : i.text}`).join(`; ${conj} `);
  return `${c.text} ${flat(c.items, c.conjunction ?? 'and')}.`;
}

function otherProvisionWords(o: Ordinance, p: Provision): string | undefined {
  const agency = agencyName(o);
  const Agency = agency.charAt(0).toUpperCase() + agency.slice(1);
  switch (p.type) {
    case 'ice-access': {
      const parts: string[] = [];
      const interviews: Record<string, string> = {
        never: `Agents of U.S. Immigration and Customs Enforcement shall not be permitted to interview any person in the custody of ${agency}`,
        'with-criminal-warrant': `Agents of U.S. Immigration and Customs Enforcement shall not be permitted to interview any person in the custody of ${agency} unless they present a criminal warrant`,
        'with-consent': `Agents of U.S. Immigration and Customs Enforcement may interview a person in the custody of ${agency} only with that person's written consent, given after the person is told that they may decline and may have counsel present`,
        allowed: `Agents of U.S. Immigration and Customs Enforcement may interview persons in the custody of ${agency}`,
      };
      const facilities: Record<string, string> = {
        never: `shall not be given access to the non-public areas of any facility of ${agency}`,
        'with-criminal-warrant': `shall not be given access to the non-public areas of any facility of ${agency} unless they present a criminal warrant`,
        allowed: `may be given access to the facilities of ${agency} for the purpose of enforcing federal law`,
      };
      if (p.interviews) parts.push(sentence(interviews[p.interviews]!));
      if (p.facilities) parts.push(sentence(`Such agents ${facilities[p.facilities]!}`));
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
        'copy-of-detainer': 'a copy of the detainer',
        decision: `written notice of whether ${agency} will honor it`,
        'release-date': 'notice of the time of release',
      };
      const to =
        p.type === 'notice-to-person'
          ? 'the person named in a civil immigration detainer'
          : 'U.S. Immigration and Customs Enforcement, for each civil immigration detainer,';
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
        received: 'the number of civil immigration detainers received',
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
      return p.date ? sentence(`This ${documentNoun(o)} takes effect on ${longDate(p.date)}`) : undefined;
    default:
      return undefined;
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${Number(m[3])}, ${m[1]}`;
}

function enactingClause(o: Ordinance): string {
  const body = o.legislativeBody ?? 'Legislative Body';
  const place = jurisdictionWithArticle(o.jurisdiction.name);
  if (o.status === 'executive-order') {
    return `NOW, THEREFORE, the ${body} of ${place}, by the authority vested in that office, hereby orders as follows:`;
  }
  if (o.jurisdiction.level === 'state') return `Be it enacted by the ${body} of ${place}:`;
  return `Be it ordained by the ${body} of ${place}:`;
}

export function ordinanceText(o: Ordinance): OrdinanceText {
  const layout = layoutOrdinance(o);
  const fp = fingerprint(o);
  const subtitleParts = [
    o.documentNumber,
    `${o.jurisdiction.name}, ${o.jurisdiction.state}`,
    o.status ? STATUS_WORDS[o.status] : undefined,
    o.version ? `Version ${o.version}` : undefined,
    o.effectiveDate ? `Effective ${longDate(o.effectiveDate)}` : undefined,
  ].filter(Boolean);

  const juvenileNote =
    o.juvenileAdjudications !== 'counted' && o.sections.some((s) => (s.provisions ?? []).some((p) => usesConvictions(p.when)))
      ? `For the purposes of this ${documentNoun(o)}, a juvenile or youthful-offender adjudication is not a conviction.`
      : o.juvenileAdjudications === 'counted'
        ? `For the purposes of this ${documentNoun(o)}, a juvenile or youthful-offender adjudication counts as a conviction.`
        : undefined;

  const earlier: string[] = [];
  const sections: TextSection[] = layout.sections.map((ls) => {
    const clauses: TextClause[] = [];
    if (ls.kind === 'definitions') {
      (o.definitions ?? []).forEach((d, i) => {
        clauses.push({
          label: `(${letterFor(i)})`,
          term: d.term,
          text: `"${d.term}" means ${d.meaning.replace(/\.$/, '')}.`,
          plainReading: d.covers ? `Covers ${coverageWords(d.covers)}.` : undefined,
        });
      });
      if (juvenileNote) clauses.push({ label: null, text: juvenileNote });
    }
    for (const lp of ls.provisions) {
      const p = lp.provision;
      const label = lp.letter ? `(${lp.letter})` : null;
      if (lp.isDetainer) {
        const generated = detainerClause(o, p, [...earlier]);
        earlier.push(lp.citation);
        if (p.text) {
          clauses.push({ label, provision: p.id, text: sentence(p.text), plainReading: flattenClause(generated), authorWording: true });
        } else {
          clauses.push({ label, provision: p.id, ...generated });
        }
      } else {
        const generated = otherProvisionWords(o, p);
        const text = p.text ? sentence(p.text) : (generated ?? '');
        clauses.push({ label, provision: p.id, text, ...(p.text && generated ? { plainReading: generated, authorWording: true } : {}) });
      }
    }
    // The otherwise clause (the layout leaves it out when an unconditional provision decides every case).
    if (ls.otherwiseLetter !== undefined) {
      const cites = layout.detainerProvisions.map((d) => d.citation);
      const base = outcomeSentence(o, o.otherwise, o.otherwise === 'hold' ? FEDERAL_MAX_HOLD : undefined);
      const lead =
        cites.length === 0
          ? 'In every case, '
          : cites.length === 1
            ? `In every case to which ${cites[0]} does not apply, `
            : cites.length === 2
              ? `In every case to which neither ${cites[0]} nor ${cites[1]} applies, `
              : `In every case to which none of ${citationList(cites)} applies, `;
      clauses.push({
        label: ls.otherwiseLetter ? `(${ls.otherwiseLetter})` : null,
        provision: 'default',
        text: `${lead}${decapitalize(base)}. Nothing in this ${documentNoun(o)} authorizes ${agencyName(o)} to do more than a detainer requests.`,
      });
      if (juvenileNote && !layout.sections.some((s) => s.kind === 'definitions')) clauses.push({ label: null, text: juvenileNote });
    }
    return { number: ls.number, heading: ls.heading, intro: ls.text, clauses };
  });

  return {
    title: o.title,
    subtitle: subtitleParts.join(' · '),
    whereas: (o.findings ?? []).map((f) => f.text.trim().replace(/[.;]$/, '')),
    enacting: enactingClause(o),
    sections,
    fingerprint: fp,
    version: o.version ?? 'unversioned',
    date: o.effectiveDate ?? '',
  };
}
