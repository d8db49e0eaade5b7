// How the ordinance is numbered: section numbers, subsection letters and the citation of every
// provision, including the "otherwise" clause. Rendering and decisions both cite from here.

import type { Ordinance, Provision, Section } from './model';

export interface LaidOutProvision {
  provision: Provision;
  /** Position in the document: sections[sectionIndex].provisions[provisionIndex]. */
  sectionIndex: number;
  provisionIndex: number;
  letter: string | null;
  citation: string;
  isDetainer: boolean;
}

export interface LaidOutSection {
  number: number;
  heading: string;
  text?: string;
  /** Index into ordinance.sections, or null for a section the layout adds. */
  sectionIndex: number | null;
  kind: 'definitions' | 'section' | 'detainers';
  provisions: LaidOutProvision[];
  /** Set on the section that prints the "otherwise" clause. */
  otherwiseLetter?: string | null;
}

export interface Layout {
  sections: LaidOutSection[];
  /** Detainer provisions in the order they are read. */
  detainerProvisions: LaidOutProvision[];
  otherwiseCitation: string;
  citationOf: Map<string, string>;
}

export function letterFor(i: number): string {
  const base = String.fromCharCode(97 + (i % 26));
  return base.repeat(Math.floor(i / 26) + 1);
}

export function isDetainerProvision(p: Provision): boolean {
  return (p.type ?? 'detainer') === 'detainer';
}

export function layoutOrdinance(o: Ordinance): Layout {
  const sections: LaidOutSection[] = [];
  let number = 1;
  if (o.definitions && o.definitions.length > 0) {
    sections.push({ number: number++, heading: 'Definitions', sectionIndex: null, kind: 'definitions', provisions: [] });
  }
  const userSections: Section[] = Array.isArray(o.sections) ? o.sections : [];
  let lastDetainerSection = -1;
  userSections.forEach((s, i) => {
    if ((s.provisions ?? []).some(isDetainerProvision)) lastDetainerSection = i;
  });
  // A detainer provision without a condition decides every case it reaches: no otherwise clause is printed.
  const unconditional = userSections.some((s) => (s.provisions ?? []).some((p) => isDetainerProvision(p) && !p.when));
  if (lastDetainerSection < 0) {
    sections.push({ number: number++, heading: 'Civil immigration detainers', sectionIndex: null, kind: 'detainers', provisions: [] });
  }
  userSections.forEach((s, i) => {
    sections.push({ number: number++, heading: s.heading, text: s.text, sectionIndex: i, kind: 'section', provisions: [] });
  });

  const citationOf = new Map<string, string>();
  const detainerProvisions: LaidOutProvision[] = [];
  let otherwiseCitation = '';
  for (const sec of sections) {
    const provisions = sec.sectionIndex === null ? [] : (userSections[sec.sectionIndex]!.provisions ?? []);
    const carriesOtherwise =
      !unconditional && (sec.kind === 'detainers' || (sec.sectionIndex !== null && sec.sectionIndex === lastDetainerSection));
    const count = provisions.length + (carriesOtherwise ? 1 : 0);
    const lettered = count > 1;
    provisions.forEach((p, j) => {
      const letter = lettered ? letterFor(j) : null;
      const laid: LaidOutProvision = {
        provision: p,
        sectionIndex: sec.sectionIndex!,
        provisionIndex: j,
        letter,
        citation: `§ ${sec.number}${letter ? `(${letter})` : ''}`,
        isDetainer: isDetainerProvision(p),
      };
      sec.provisions.push(laid);
      if (p && typeof p.id === 'string' && !citationOf.has(p.id)) citationOf.set(p.id, laid.citation);
      if (laid.isDetainer) detainerProvisions.push(laid);
    });
    if (unconditional && sec.sectionIndex === lastDetainerSection) otherwiseCitation = `§ ${sec.number}`;
    if (carriesOtherwise) {
      sec.otherwiseLetter = lettered ? letterFor(provisions.length) : null;
      otherwiseCitation = `§ ${sec.number}${sec.otherwiseLetter ? `(${sec.otherwiseLetter})` : ''}`;
    }
  }
  return { sections, detainerProvisions, otherwiseCitation, citationOf };
}
