// The lint keeps its findings between checks of the same ordinance shape: after an edit of a comment,
// a heading or the drafters' text it finds them again at their new places, and they read exactly as a
// check from nothing gives them (explanations and fixes, computed when read, included).

import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../engine/analysis/index';
import { clearAnalysisCaches } from '../../engine/analysis/facts';
import { readRepoFile } from './helpers';

const FILES = [
  'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml',
  'samples/ordinances/never-minors-or-unconvicted-2012.ordinance.yaml',
  'tests/analysis/fixtures/cook-county-46-37.ordinance.yaml',
];

function fromNothing(text: string, examples: boolean): string {
  clearAnalysisCaches();
  return JSON.stringify(checkDocument(text, { examples }).diagnostics);
}

describe('findings kept between checks', () => {
  for (const file of FILES)
    it(`${file}: the same findings after edits that change no rule's input as from nothing`, () => {
      const text = readRepoFile(file);
      const edits = [
        `# a comment first\n${text}`,
        text.replace(/\n( *heading: [^\n]*)/, '\n$1 (revised)'),
        text.replace(/\n(title: [^\n]*)/, '\n$1 (revised)'),
      ];
      for (const examples of [false, true]) {
        for (const edited of edits) {
          expect(edited).not.toBe(text);
          checkDocument(text, { examples });
          const warm = checkDocument(edited, { examples }).diagnostics;
          expect(warm.length).toBeGreaterThan(0);
          expect(JSON.stringify(warm)).toBe(fromNothing(edited, examples));
        }
      }
    });

  it('a finding read twice, or changed by its reader, is not changed for the next check', () => {
    const text = readRepoFile(FILES[0]!);
    const first = checkDocument(text, { examples: false }).diagnostics;
    const lint = first.find((d) => d.explanation && d.fixes?.length);
    expect(lint).toBeDefined();
    expect(lint!.explanation).toBe(lint!.explanation);
    lint!.message = 'changed by a reader';
    lint!.fixes!.length = 0;
    const again = checkDocument(`${text}# again\n`, { examples: false }).diagnostics;
    expect(JSON.stringify(again)).toBe(fromNothing(`${text}# again\n`, false));
  });
});
