// How the ordinance is numbered: its sections (the document's own and the ones every ordinance
// carries: short title, definitions, the standard closing clauses, the effective date), the
// subsections (a), (b) of each, the grounds (1), (2) of a subsection that lists parallel detainer
// provisions, and so the citation of every provision and of the "otherwise" clause. Rendering and
// decisions both cite from here, so a decision's citation is always a printed label.

import { deepFreeze } from './freeze';
import type { MaxHold, Ordinance, Provision, Section } from './model';

export interface LaidOutProvision {
  provision: Provision;
  /** Position in the document: sections[sectionIndex].provisions[provisionIndex]. */
  sectionIndex: number;
  provisionIndex: number;
  /** The letter of the subsection that prints it, or null in a section of one subsection. */
  letter: string | null;
  /** Its number in the subsection's list of grounds, when it is one of several parallel grounds. */
  ground?: number;
  /** "§ 3(b)", "§ 3(b)(2)", or "§ 3" for a section of one subsection. */
  citation: string;
  isDetainer: boolean;
}

/** One printed subsection: a provision, several parallel detainer provisions as one list, or the otherwise clause. */
export interface LaidOutClause {
  kind: 'provision' | 'grounds' | 'otherwise';
  letter: string | null;
  citation: string;
  /** One provision, or the grounds in order; none for the otherwise clause. */
  provisions: LaidOutProvision[];
}

/** A closing clause every ordinance may carry, with standard words the author can replace or leave out. */
export type StandardClause = 'savings' | 'noPrivateRightOfAction' | 'conflictWithLaw' | 'severability';
export const STANDARD_CLAUSES: readonly StandardClause[] = ['savings', 'noPrivateRightOfAction', 'conflictWithLaw', 'severability'];
export const STANDARD_CLAUSE_HEADINGS: Record<StandardClause, string> = {
  savings: 'Savings clause',
  noPrivateRightOfAction: 'No private right of action',
  conflictWithLaw: 'Conflict with state or federal law',
  severability: 'Severability',
};

export interface LaidOutSection {
  number: number;
  heading: string;
  text?: string;
  /** Index into ordinance.sections, or null for a section the layout adds. */
  sectionIndex: number | null;
  kind: 'short-title' | 'definitions' | 'detainers' | 'section' | 'standard-clause' | 'effective-date';
  /** For a standard clause: which one. */
  standard?: StandardClause;
  /** The section's own provisions, in document order. */
  provisions: LaidOutProvision[];
  /** The printed subsections, in order (the otherwise clause right after the rules it completes). */
  clauses: LaidOutClause[];
}

export interface Layout {
  sections: LaidOutSection[];
  /** Detainer provisions in the order they are read. */
  detainerProvisions: LaidOutProvision[];
  otherwiseCitation: string;
  citationOf: Map<string, string>;
}

/** Subsection letters: a ... z, then aa ... zz (as Word's lower-letter lists count). */
export function letterFor(i: number): string {
  const base = String.fromCharCode(97 + (i % 26));
  return base.repeat(Math.floor(i / 26) + 1);
}

function romanFor(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  let rest = n;
  for (const [value, digits] of table) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}

/** How the levels below a subsection are numbered: (1), then (A), then (i), then (I), then (aa)... */
export const LIST_LEVEL_FORMATS = ['decimal', 'upper-letter', 'lower-roman', 'upper-roman'] as const;

/** The label of item `i` (0-based) of a list at `depth` (1 for a subsection's own list). */
export function itemLabel(depth: number, i: number): string {
  const format = LIST_LEVEL_FORMATS[(depth - 1) % LIST_LEVEL_FORMATS.length]!;
  switch (format) {
    case 'decimal':
      return `(${i + 1})`;
    case 'upper-letter':
      return `(${letterFor(i).toUpperCase()})`;
    case 'lower-roman':
      return `(${romanFor(i + 1)})`;
    case 'upper-roman':
      return `(${romanFor(i + 1).toUpperCase()})`;
  }
}

export function isDetainerProvision(p: Provision): boolean {
  return (p.type ?? 'detainer') === 'detainer';
}

function sameHold(a: MaxHold | undefined, b: MaxHold | undefined): boolean {
  return (a?.hours ?? -1) === (b?.hours ?? -1) && Boolean(a?.excludingWeekendsAndHolidays) === Boolean(b?.excludingWeekendsAndHolidays);
}

/** True when a discretionary finding sits anywhere in a condition. */
function hasFinding(c: unknown): boolean {
  if (!c || typeof c !== 'object') return false;
  const o = c as Record<string, unknown>;
  if ('discretion' in o) return true;
  if (Array.isArray(o.all)) return o.all.some(hasFinding);
  if (Array.isArray(o.any)) return o.any.some(hasFinding);
  return 'not' in o ? hasFinding(o.not) : false;
}

/**
 * Whether provision `next` can join the list of grounds that ends with `last`: both detainer
 * provisions in generated words with a condition, the same outcome and maximum hold, and `last`
 * without a finding a person makes. (A finding decides by review where the engine can't know it, so
 * a later ground must not be read as an alternative to it; it may only close a list.)
 */
function joinsGrounds(last: Provision, next: Provision): boolean {
  const plain = (p: Provision) => isDetainerProvision(p) && !p.text && p.when !== undefined && p.outcome !== undefined;
  return plain(last) && plain(next) && last.outcome === next.outcome && sameHold(last.maxHold, next.maxHold) && !hasFinding(last.when);
}

/** Whether the ordinance prints the standard closing clause `c` (severability unless left out; the others when asked). */
export function includesStandardClause(o: Ordinance, c: StandardClause): boolean {
  const setting = o.standardClauses?.[c];
  if (setting === false) return false;
  if (typeof setting === 'string' || setting === true) return true;
  return c === 'severability';
}

function hasProvisionOfType(sections: readonly Section[], type: string): boolean {
  return sections.some((s) => (s.provisions ?? []).some((p) => p.type === type));
}

/**
 * Layouts of frozen ordinances (read by the editor's `parseEditedSource`, which cannot change), by
 * ordinance: the analysis of one keystroke lays the same ordinance out several times. Frozen too.
 */
const FROZEN_LAYOUTS = new WeakMap<Ordinance, Layout>();

export function layoutOrdinance(o: Ordinance): Layout {
  if (!Object.isFrozen(o)) return layOut(o);
  let layout = FROZEN_LAYOUTS.get(o);
  if (!layout) FROZEN_LAYOUTS.set(o, (layout = deepFreeze(layOut(o))));
  return layout;
}

function layOut(o: Ordinance): Layout {
  const userSections: Section[] = Array.isArray(o.sections) ? o.sections : [];
  const sections: LaidOutSection[] = [];
  let number = 1;
  const add = (s: Omit<LaidOutSection, 'number' | 'provisions' | 'clauses'>) =>
    sections.push({ ...s, number: number++, provisions: [], clauses: [] });

  if (o.shortTitle) add({ heading: 'Short title', sectionIndex: null, kind: 'short-title' });
  // Every ordinance defines at least the detainer and the agency it comes from.
  add({ heading: 'Definitions', sectionIndex: null, kind: 'definitions' });

  let lastDetainerSection = -1;
  userSections.forEach((s, i) => {
    if ((s.provisions ?? []).some(isDetainerProvision)) lastDetainerSection = i;
  });
  // A detainer provision without a condition decides every case it reaches: no otherwise clause is printed.
  const unconditional = userSections.some((s) => (s.provisions ?? []).some((p) => isDetainerProvision(p) && !p.when));
  if (lastDetainerSection < 0) add({ heading: 'Civil immigration detainers', sectionIndex: null, kind: 'detainers' });

  // The document's closing sections (the effective date alone) stay last, after the standard clauses.
  let closingFrom = userSections.length;
  while (closingFrom > 0) {
    const provisions = userSections[closingFrom - 1]!.provisions ?? [];
    if (provisions.length === 0 || !provisions.every((p) => p.type === 'effective-date')) break;
    closingFrom--;
  }
  userSections.forEach((s, i) => {
    if (i < closingFrom) add({ heading: s.heading, text: s.text, sectionIndex: i, kind: 'section' });
  });
  for (const c of STANDARD_CLAUSES) {
    if (!includesStandardClause(o, c)) continue;
    if (c === 'severability' && hasProvisionOfType(userSections, 'severability')) continue;
    add({ heading: STANDARD_CLAUSE_HEADINGS[c], sectionIndex: null, kind: 'standard-clause', standard: c });
  }
  userSections.forEach((s, i) => {
    if (i >= closingFrom) add({ heading: s.heading, text: s.text, sectionIndex: i, kind: 'section' });
  });
  if (!hasProvisionOfType(userSections, 'effective-date')) add({ heading: 'Effective date', sectionIndex: null, kind: 'effective-date' });

  const citationOf = new Map<string, string>();
  const detainerProvisions: LaidOutProvision[] = [];
  let otherwiseCitation = '';
  for (const sec of sections) {
    const provisions = sec.sectionIndex === null ? [] : (userSections[sec.sectionIndex]!.provisions ?? []);
    const carriesOtherwise =
      !unconditional && (sec.kind === 'detainers' || (sec.sectionIndex !== null && sec.sectionIndex === lastDetainerSection));
    const lastDetainer = provisions.reduce((at, p, j) => (isDetainerProvision(p) ? j : at), -1);

    // Group the provisions into printed subsections.
    type Draft = { kind: LaidOutClause['kind']; members: number[] };
    const drafts: Draft[] = [];
    if (carriesOtherwise && lastDetainer < 0) drafts.push({ kind: 'otherwise', members: [] });
    provisions.forEach((p, j) => {
      const prev = drafts[drafts.length - 1];
      const prevLast = prev && prev.kind !== 'otherwise' ? provisions[prev.members[prev.members.length - 1]!] : undefined;
      if (o.detainerGrounds !== 'separate-subsections' && prev && prevLast && joinsGrounds(prevLast, p)) {
        prev.kind = 'grounds';
        prev.members.push(j);
      } else {
        drafts.push({ kind: 'provision', members: [j] });
      }
      if (carriesOtherwise && j === lastDetainer) drafts.push({ kind: 'otherwise', members: [] });
    });

    const lettered = drafts.length > 1;
    drafts.forEach((d, k) => {
      const letter = lettered ? letterFor(k) : null;
      const citation = `§ ${sec.number}${letter ? `(${letter})` : ''}`;
      const clause: LaidOutClause = { kind: d.kind, letter, citation, provisions: [] };
      d.members.forEach((j, g) => {
        const p = provisions[j]!;
        const ground = d.kind === 'grounds' ? g + 1 : undefined;
        const laid: LaidOutProvision = {
          provision: p,
          sectionIndex: sec.sectionIndex!,
          provisionIndex: j,
          letter,
          ...(ground !== undefined ? { ground } : {}),
          citation: ground !== undefined ? `${citation}(${ground})` : citation,
          isDetainer: isDetainerProvision(p),
        };
        clause.provisions.push(laid);
        if (p && typeof p.id === 'string' && !citationOf.has(p.id)) citationOf.set(p.id, laid.citation);
      });
      if (d.kind === 'otherwise') otherwiseCitation = citation;
      sec.clauses.push(clause);
    });
    // Provisions in document order (grouping never reorders them).
    for (const c of sec.clauses) sec.provisions.push(...c.provisions);
    sec.provisions.sort((a, b) => a.provisionIndex - b.provisionIndex);
    for (const lp of sec.provisions) if (lp.isDetainer) detainerProvisions.push(lp);
    if (unconditional && sec.sectionIndex === lastDetainerSection) otherwiseCitation = `§ ${sec.number}`;
  }
  return { sections, detainerProvisions, otherwiseCitation, citationOf };
}

/**
 * The layout of `o` made from `layout`, the layout of an ordinance that differs from `o` only in words:
 * its sections' headings and texts (a text where the other has one), its provisions' wording and
 * headings (a wording where the other has one, blank where it is blank), every provision otherwise the
 * same in the same place. The numbering reads none of those words, so it is the same: the sections,
 * subsections and provisions are those of `layout` with `o`'s words in them (a copy; `layout` is not
 * changed). The lint prints the text of its ordinance with the drafters' words left out this way.
 */
export function layoutInOtherWords(layout: Layout, o: Ordinance): Layout {
  const swapped = new Map<LaidOutProvision, LaidOutProvision>();
  const swap = (lp: LaidOutProvision): LaidOutProvision => {
    let other = swapped.get(lp);
    if (!other) {
      other = { ...lp, provision: o.sections[lp.sectionIndex]!.provisions![lp.provisionIndex]! };
      swapped.set(lp, other);
    }
    return other;
  };
  const sections = layout.sections.map((ls): LaidOutSection => {
    const own = ls.sectionIndex === null ? undefined : o.sections[ls.sectionIndex]!;
    return {
      ...ls,
      ...(own ? { heading: own.heading, text: own.text } : {}),
      provisions: ls.provisions.map(swap),
      clauses: ls.clauses.map((c) => ({ ...c, provisions: c.provisions.map(swap) })),
    };
  });
  return { ...layout, sections, detainerProvisions: layout.detainerProvisions.map(swap) };
}
