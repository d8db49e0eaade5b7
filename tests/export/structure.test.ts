// The exported text of every sample is a document a clerk can file: its parts are all there (title,
// number, sponsors, enacting clause, short title when named, definitions, severability unless left
// out, effective date, passage and signatures), sections count 1, 2, 3..., subsections (a), (b)...,
// and lists (1), (A), (i), (I) by depth, each counting from the first; every cross-reference names a
// label that is printed; every provision and the otherwise clause is printed exactly once; and Word
// numbers the DOCX lists with exactly the labels the Markdown prints.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutOrdinance, ordinanceText, renderMarkdown, type Ordinance } from '../../engine/index';
import { renderOrdinanceDocx, renderOrdinanceHtml } from '../../engine/export/index';
import { ANNEX_HEADING } from '../../engine/export/text-blocks';
import { allOrdinanceFiles, docxParagraphs, loadFile, markdownVisibleText, root, toLetters, toRoman } from './helpers';

const files = [...allOrdinanceFiles(), path.join(root, 'tests/analysis/fixtures/boston-committee-draft.ordinance.yaml')];

/** The label the k-th (0-based) item of a list at `depth` must carry. */
function expectedLabel(depth: number, k: number): string {
  switch ((depth - 1) % 4) {
    case 0:
      return `(${k + 1})`;
    case 1:
      return `(${toLetters(k + 1).toUpperCase()})`;
    case 2:
      return `(${toRoman(k + 1)})`;
    default:
      return `(${toRoman(k + 1).toUpperCase()})`;
  }
}

interface Walked {
  labels: string[];
  citations: Set<string>;
  references: string[];
}

/** Walks the Markdown export line by line, checking the numbering and collecting labels and references. */
function walkMarkdown(md: string, name: string): Walked {
  const lines = md.split('\n');
  const labels: string[] = [];
  const citations = new Set<string>();
  const references: string[] = [];
  let section = 0;
  let clauseIndex = -1;
  let clause: string | null = null;
  /** Item counters by depth, for the current clause. */
  let counters: number[] = [];
  for (const raw of lines) {
    const heading = /^## Section (\d+)\. /.exec(raw);
    if (heading) {
      expect(Number(heading[1]), `${name}: sections count from 1`).toBe(section + 1);
      section++;
      citations.add(`§ ${section}`);
      clauseIndex = -1;
      clause = null;
      counters = [];
      continue;
    }
    // The passage record and signatures (and the annex) follow the last section.
    if (/^## /.test(raw) || /^(Passed by |Attest: |Approved: |\\_)/.test(raw)) {
      section = Number.POSITIVE_INFINITY;
      continue;
    }
    const item = /^( *)- (\([0-9A-Za-z]+\)) /.exec(raw);
    if (item && section > 0 && section < Number.POSITIVE_INFINITY) {
      const depth = item[1]!.length / 2 + 1;
      counters = counters.slice(0, depth);
      const k = counters[depth - 1] ?? 0;
      counters[depth - 1] = k + 1;
      expect(item[2], `${name} § ${section}${clause ?? ''}: item ${k + 1} at depth ${depth}`).toBe(expectedLabel(depth, k));
      labels.push(item[2]!);
      if (depth === 1) citations.add(`§ ${section}${clause ?? ''}${item[2]}`);
      continue;
    }
    const lettered = /^\(([a-z]+)\) /.exec(raw);
    if (lettered && section > 0 && section < Number.POSITIVE_INFINITY) {
      clauseIndex++;
      expect(lettered[1], `${name} § ${section}: subsection ${clauseIndex + 1}`).toBe(toLetters(clauseIndex + 1));
      clause = `(${lettered[1]})`;
      citations.add(`§ ${section}${clause}`);
      labels.push(clause);
      counters = [];
    }
    // A section of this text ("§ 2(a)"), not one of another code cited by name ("8 C.F.R. § 287.7",
    // "5 ILCS 805/15"): a section number followed by a point and a digit, or a "§" after a code's
    // abbreviation, is the other code's.
    for (const m of raw.matchAll(/§ (\d+)(?!\d|\.\d)((?:\([a-z0-9]+\))*)( through \(([a-z0-9]+)\))?/g)) {
      if (/(?:C\.F\.R\.|U\.S\.C\.|Stat\.|Code) $/.test(raw.slice(0, m.index))) continue;
      references.push(m[0]);
    }
  }
  return { labels, citations, references };
}

/** "§ 3(a) through (c)" names § 3(a), § 3(b), § 3(c); others name themselves. */
function referencedLabels(ref: string): string[] {
  const range = /^§ (\d+)\(([a-z])\) through \(([a-z])\)$/.exec(ref);
  if (!range) return [ref];
  const out: string[] = [];
  for (let c = range[2]!.charCodeAt(0); c <= range[3]!.charCodeAt(0); c++) out.push(`§ ${range[1]}(${String.fromCharCode(c)})`);
  return out;
}

function provisionIds(o: Ordinance): string[] {
  return o.sections.flatMap((s) => (s.provisions ?? []).map((p) => p.id));
}

describe('the exported text of every sample', () => {
  for (const file of files) {
    it(`${path.basename(file)}: all the parts, numbered as lawyers number, every reference printed, every provision once`, async () => {
      const o = loadFile(file);
      const name = path.basename(file);
      const md = renderMarkdown(o);
      const visible = markdownVisibleText(md);

      // The parts a council adopts.
      const t = ordinanceText(o);
      expect(visible).toContain(t.number);
      // The place once: a state's own policy is not followed by its code again.
      const place = t.subtitle.split(' · ')[0]!;
      expect(place).toBe(o.jurisdiction.level === 'state' ? o.jurisdiction.name : `${o.jurisdiction.name}, ${o.jurisdiction.state}`);
      expect(place).not.toMatch(/^State of .+, [A-Z]{2}$/);
      expect(t.number).toMatch(/\S/);
      // A council's measure is sponsored; an executive order is issued by the officer who signs it.
      const order = /hereby orders as follows/.test(t.enacting);
      if (o.sponsor || o.sponsors?.length) expect(visible).toContain(order ? 'Issued by' : 'Sponsored by');
      if (order) expect(visible).not.toContain('Sponsored by');
      expect(visible).toMatch(/(be it (ordained|enacted) by .+|hereby orders as follows):/i);
      if (o.shortTitle) expect(visible).toContain(`may be cited as`);
      expect(visible).toMatch(/## Section \d+\. Definitions|Section \d+\. Definitions/);
      expect(visible).toMatch(/takes effect|take effect|in effect/i);
      if (!o.sections.some((s) => (s.provisions ?? []).some((p) => p.type === 'severability')) && o.standardClauses?.severability !== false)
        expect(visible).toMatch(/are severable/);
      // The voted text carries no plain readings; a document that asks for the annex gets them after it,
      // under a heading that says they are not part of the text.
      const annexAt = visible.indexOf(ANNEX_HEADING);
      if (annexAt >= 0) expect(o.plainReadingAnnex).toBe(true);
      const voted = annexAt >= 0 ? visible.slice(0, annexAt) : visible;
      expect(voted).not.toMatch(/plain reading/i);
      expect(voted).toMatch(/Attest: _+|_{12}\s+\S/);

      // Numbering and references.
      const walked = walkMarkdown(md, name);
      for (const ref of walked.references) {
        for (const label of referencedLabels(ref))
          expect(walked.citations.has(label), `${name}: "${ref}" names ${label}, which is not printed`).toBe(true);
      }

      // Every provision, and the otherwise clause, printed exactly once, at the citation decisions give.
      const printed: string[] = [];
      const walk = (items: Array<{ provision?: string; items?: unknown[] }> | undefined) => {
        for (const i of items ?? []) {
          if (i.provision) printed.push(i.provision);
          walk(i.items as typeof items);
        }
      };
      for (const s of t.sections)
        for (const c of s.clauses) {
          if (c.provision) printed.push(c.provision);
          if (c.provisions) walk(c.items);
        }
      const layout = layoutOrdinance(o);
      const expected = [...provisionIds(o), ...(layout.otherwiseCitation && printed.includes('default') ? ['default'] : [])];
      expect([...printed].sort(), name).toEqual([...expected].sort());
      expect(printed.filter((p) => p === 'default').length, `${name}: the otherwise clause`).toBeLessThanOrEqual(1);
      for (const [id, citation] of layout.citationOf) expect(walked.citations.has(citation), `${name}: ${id} at ${citation}`).toBe(true);
      expect(walked.citations.has(layout.otherwiseCitation), `${name}: otherwise at ${layout.otherwiseCitation}`).toBe(true);

      // The HTML carries each provision once too (its subsection, or its line of a list).
      const html = renderOrdinanceHtml(o);
      for (const id of provisionIds(o)) {
        const count = (html.match(new RegExp(`data-provision="${id}"`, 'g')) ?? []).length;
        expect(count, `${name}: ${id} in the HTML`).toBeGreaterThanOrEqual(1);
      }

      // Word numbers the lists with the same labels, in the same order.
      const docx = docxParagraphs(await renderOrdinanceDocx(o));
      const docxLabels = docx.map((p) => /^(\([0-9A-Za-z]+\)) /.exec(p)?.[1]).filter((l): l is string => Boolean(l));
      expect(docxLabels, name).toEqual(walked.labels);
    });
  }
});
