// The printed text keeps the detainer clauses of the last texts (by what their words are made of) and
// the leads of the last one (by the earlier citations): after any sequence of edits, each text reads
// exactly as one printed from nothing.

import { describe, expect, it } from 'vitest';
import type { Ordinance, Provision } from '../../engine/model';
import { deepFreeze } from '../../engine/freeze';
import { forgetPrintedClauses, ordinanceText, type OrdinanceText } from '../../engine/text-model';
import { CitationRuns, citationList, joinWords } from '../../engine/wording';
import { allOrdinanceFiles, ordinanceFrom, readRepoFile } from './helpers';

const OUTCOMES = ['hold', 'notify', 'review', 'decline'] as const;

function fromNothing(o: Ordinance): string {
  forgetPrintedClauses();
  return JSON.stringify(ordinanceText(o));
}

function detainers(o: Ordinance): Provision[] {
  return o.sections.flatMap((s) => (s.provisions ?? []).filter((p) => (p.type ?? 'detainer') === 'detainer' && p.outcome));
}

/** Edits a drafter makes, each giving a new ordinance: outcomes, holds, order, a removed provision, terms, the agency. */
function edits(o: Ordinance): Ordinance[] {
  const out: Ordinance[] = [];
  const copy = (): Ordinance => structuredClone(o);
  const n = detainers(o).length;
  for (let k = 0; k < Math.min(n, 6); k++)
    for (const outcome of OUTCOMES) {
      const e = copy();
      const p = detainers(e)[k]!;
      p.outcome = outcome;
      if (outcome === 'hold') p.maxHold = { hours: 24 + k, excludingWeekendsAndHolidays: k % 2 === 0 };
      else delete p.maxHold;
      out.push(e);
    }
  if (n > 1) {
    const e = copy();
    const s = e.sections.find((x) => (x.provisions ?? []).length > 1);
    if (s) {
      s.provisions!.reverse();
      out.push(e);
      const f = structuredClone(e);
      f.sections.find((x) => (x.provisions ?? []).length > 1)!.provisions!.splice(0, 1);
      out.push(f);
    }
  }
  const renamed = copy();
  renamed.agency = 'the Office of the Sheriff of Somewhere';
  out.push(renamed);
  const term = copy();
  if (term.definitions?.length) {
    term.definitions = [...term.definitions, { term: 'Immigration detainer', meaning: 'a request to hold a person' }];
    out.push(term);
  }
  const separate = copy();
  separate.detainerGrounds = separate.detainerGrounds === 'separate-subsections' ? undefined : 'separate-subsections';
  if (separate.detainerGrounds === undefined) delete separate.detainerGrounds;
  out.push(separate);
  return out;
}

describe('printed clauses kept between texts', () => {
  const files = allOrdinanceFiles();
  it('has ordinances with detainer provisions to edit', () => {
    expect(files.length).toBeGreaterThan(10);
  });
  for (const file of files)
    it(`${file}: after a sequence of edits, every text as printed from nothing`, () => {
      const o = ordinanceFrom(readRepoFile(file));
      forgetPrintedClauses();
      ordinanceText(o);
      const sequence = edits(o);
      for (let i = 0; i < sequence.length; i++) {
        // Each edit warm after the one before it, then back to the original, then the edit again.
        for (const e of [sequence[i]!, o, sequence[i]!]) {
          const warm = JSON.stringify(ordinanceText(e));
          expect(warm).toBe(fromNothing(e));
          ordinanceText(sequence[(i + sequence.length - 1) % sequence.length]!);
        }
      }
    });

  /** What the text prints, as the unused-term check reads it: every clause without its plain reading. */
  const printed = (t: OrdinanceText): string =>
    JSON.stringify({
      title: t.title,
      whereas: t.whereas,
      sections: t.sections.map((s) => ({ ...s, clauses: s.clauses.map(({ plainReading: _p, ...c }) => c) })),
    });

  for (const file of files)
    it(`${file}: the words alone, printed between whole texts of frozen drafts, are the whole text's words`, () => {
      // Frozen, as the editor's drafts are: their clauses are kept by provision (with and without readings).
      const o = deepFreeze(ordinanceFrom(readRepoFile(file)));
      const sequence = edits(o).map((e) => deepFreeze(e));
      forgetPrintedClauses();
      for (let i = 0; i < sequence.length; i++)
        for (const e of [sequence[i]!, o, sequence[i]!]) {
          const words = ordinanceText(e, { wordsOnly: true });
          const whole = ordinanceText(e);
          expect(printed(words)).toBe(printed(whole));
          // Words printed first leave no kept clause without its readings for the whole text.
          expect(JSON.stringify(whole)).toBe(fromNothing(e));
          ordinanceText(sequence[(i + 1) % sequence.length]!, { wordsOnly: true });
        }
    });

  it('the words alone work out no reading of a detainer provision, unless the annex prints them', () => {
    const o = ordinanceFrom(readRepoFile('samples/ordinances/connecticut-trust-act-2014.ordinance.yaml'));
    const ids = detainers(o).map((p) => p.id);
    expect(ids.length).toBeGreaterThan(0);
    const words = ordinanceText(o, { wordsOnly: true });
    for (const id of ids) expect(words.provisions[id]).toBeUndefined();
    const annexed = { ...o, plainReadingAnnex: true };
    expect(JSON.stringify(ordinanceText(annexed, { wordsOnly: true }))).toBe(fromNothing(annexed));
  });

  it('a reader cannot change a kept clause for the next text', () => {
    const o = ordinanceFrom(readRepoFile('samples/ordinances/connecticut-trust-act-2014.ordinance.yaml'));
    forgetPrintedClauses();
    const t = ordinanceText(o);
    const withItems = t.sections.flatMap((s) => s.clauses).find((c) => c.items?.length);
    expect(withItems).toBeDefined();
    expect(() => {
      withItems!.items![0]!.text = 'changed by a reader';
    }).toThrow(TypeError);
    expect(JSON.stringify(ordinanceText(o))).toBe(fromNothing(o));
  });

  it('citations listed one at a time give the list of every prefix as listed whole', () => {
    // The list as written before it was made incremental: maximal runs of consecutive subsections.
    const reference = (citations: string[]): string => {
      const parsed = citations.map((c) => /^§ (\d+)(?:\(([a-z])\))?(?:\((\d+)\))?$/.exec(c));
      const next = (a: RegExpExecArray | null, b: RegExpExecArray | null): boolean => {
        if (!a || !b || a[1] !== b[1]) return false;
        if (a[3] === undefined && b[3] === undefined) return Boolean(a[2] && b[2]) && b[2]!.charCodeAt(0) === a[2]!.charCodeAt(0) + 1;
        return a[2] === b[2] && a[3] !== undefined && b[3] !== undefined && Number(b[3]) === Number(a[3]) + 1;
      };
      const groups: string[] = [];
      let i = 0;
      while (i < citations.length) {
        let j = i;
        while (j + 1 < citations.length && next(parsed[j]!, parsed[j + 1]!)) j++;
        if (j - i >= 2) groups.push(`${citations[i]} through (${parsed[j]![3] ?? parsed[j]![2]})`);
        else for (let k = i; k <= j; k++) groups.push(citations[k]!);
        i = j + 1;
      }
      return joinWords(groups, 'and');
    };
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let round = 0; round < 300; round++) {
      const citations: string[] = [];
      const runs = new CitationRuns();
      let section = 1 + random(3);
      let letter = random(3);
      const count = 1 + random(30);
      for (let k = 0; k < count; k++) {
        const pick = random(10);
        if (pick < 5) letter++;
        else if (pick < 7) letter += 1 + random(2);
        else if (pick < 8) {
          section++;
          letter = 0;
        }
        const ground = random(4) === 0 ? `(${1 + random(3)})` : '';
        const c = pick === 9 && random(2) ? `§ ${section}` : `§ ${section}(${String.fromCharCode(97 + (letter % 26))})${ground}`;
        citations.push(c);
        runs.push(c);
        expect(runs.list()).toBe(reference(citations));
        expect(citationList(citations)).toBe(reference(citations));
      }
    }
  });
});
