// The analysis of a document edited one keystroke after another: the text read again (sharing what
// the edit did not reach with the last reading, frozen), the fact space kept by the identity of its
// conditions, the layouts and shapes kept by provision. Every check along a drafter's edits gives
// exactly what a check from nothing gives.

import { readdirSync } from 'node:fs';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../engine/analysis/index';
import { clearAnalysisCaches } from '../../engine/analysis/facts';
import { loadOrdinance } from '../../engine/ordinance';
import { editedSourceReads, parseSource } from '../../engine/source';
import { ordinanceText } from '../../engine/text-model';
import { readRepoFile } from './helpers';

function fromNothing(text: string, examples: boolean): string {
  clearAnalysisCaches();
  return JSON.stringify(checkDocument(text, { examples }).diagnostics);
}

/** Replaces the n-th match of `re` (a global pattern) in `text` by `by`, or gives the text unchanged. */
function replaceNth(text: string, re: RegExp, n: number, by: (m: string) => string): string {
  let k = 0;
  return text.replace(re, (m) => (k++ === n ? by(m) : m));
}

/** A drafter's edits, each of the text before it: outcomes, an age, a count, a heading, a comment. */
function edits(text: string): string[] {
  const out: string[] = [];
  let t = text;
  const step = (next: string) => {
    if (next !== t) out.push((t = next));
  };
  step(replaceNth(t, /outcome: (decline|notify|hold)\n/g, 0, (m) => (m.includes('decline') ? 'outcome: notify\n' : 'outcome: decline\n')));
  step(replaceNth(t, /outcome: (decline|notify|hold)\n/g, 1, (m) => (m.includes('hold') ? 'outcome: notify\n' : 'outcome: hold\n')));
  step(replaceNth(t, /(under|atLeast): (\d+)\n/g, 0, (m) => m.replace(/\d+/, (d) => String(Number(d) + 1))));
  step(replaceNth(t, /atLeast: (\d+)\n/g, 0, (m) => m.replace(/\d+/, (d) => String(Number(d) + 1))));
  step(replaceNth(t, /heading: [^\n#]*[^\s#]/g, 0, (m) => `${m} revised`));
  step(t.replace(/^# /, '# revised, '));
  step(replaceNth(t, /outcome: (decline|notify|hold)\n/g, 0, (m) => (m.includes('review') ? m : 'outcome: review\n')));
  return out;
}

const FILES = [
  ...readdirSync(new URL('../../samples/ordinances/', import.meta.url)).map((f) => `samples/ordinances/${f}`),
  'tests/analysis/fixtures/cook-county-46-37.ordinance.yaml',
  'tests/analysis/fixtures/boston-committee-draft.ordinance.yaml',
];

describe("the analysis along a drafter's edits", () => {
  for (const file of FILES)
    it(`${file}: every check after an edit, read again, gives what a check from nothing gives`, () => {
      // Written out in the block style (conditions one key to a line), so that edits of a condition's
      // numbers are edits of one plain value.
      const text = `# ${file}\n${stringify(parseSource(readRepoFile(file)).value, { lineWidth: 0 })}`;
      const chain = edits(text);
      expect(chain.length).toBeGreaterThanOrEqual(2);
      for (const examples of [false, true]) {
        clearAnalysisCaches();
        checkDocument(text, { examples });
        const before = editedSourceReads.again;
        let last = text;
        for (const edited of chain) {
          // From the last text checked (kept, its text printed), then the same text from nothing
          // (which keeps it for the next).
          const lastOrdinance = checkDocument(last, { examples }).ordinance;
          if (lastOrdinance) ordinanceText(lastOrdinance);
          const checked = checkDocument(edited, { examples });
          // The printed text of the ordinance read again (the clauses of its unchanged provisions
          // kept from the last) is the text printed from nothing.
          if (checked.ordinance)
            expect(JSON.stringify(ordinanceText(checked.ordinance))).toBe(JSON.stringify(ordinanceText(loadOrdinance(edited).ordinance!)));
          const warm = JSON.stringify(checked.diagnostics);
          expect(warm, `${file} after ${JSON.stringify(edited.slice(0, 80))}`).toBe(fromNothing(edited, examples));
          last = edited;
        }
        // The edits were read again, not from nothing (each of them is inside one value or comment).
        expect(editedSourceReads.again - before).toBeGreaterThanOrEqual(chain.length - 1);
      }
    });
});

describe('the printed text along edits of provisions printed together', () => {
  it('a clause of several provisions is printed again when any of them changes, not only its first', () => {
    const text = [
      'title: Two grounds',
      'jurisdiction: { name: Town, state: PA, level: county }',
      'sections:',
      '  - heading: Detainers',
      '    provisions:',
      '      - id: first',
      '        when:',
      '          age:',
      '            atLeast: 21',
      '        outcome: decline',
      '      - id: second',
      '        when:',
      '          age:',
      '            atLeast: 30',
      '        outcome: decline',
      'otherwise: notify',
      '',
    ].join('\n');
    clearAnalysisCaches();
    const before = checkDocument(text).ordinance!;
    const clause = ordinanceText(before)
      .sections.flatMap((s) => s.clauses)
      .find((c) => c.provisions?.length === 2);
    expect(clause?.provisions).toEqual(['first', 'second']);
    const edited = text.replace('atLeast: 30', 'atLeast: 31');
    const reads = editedSourceReads.again;
    const after = checkDocument(edited).ordinance!;
    expect(editedSourceReads.again).toBe(reads + 1);
    expect(after.sections[0]!.provisions![0]).toBe(before.sections[0]!.provisions![0]);
    const printed = JSON.stringify(ordinanceText(after));
    expect(printed).toContain('31');
    expect(printed).toBe(JSON.stringify(ordinanceText(loadOrdinance(edited).ordinance!)));
  });
});
