// The lint keeps its findings between checks of the same ordinance shape: after an edit of a comment,
// a heading or the drafters' text it finds them again at their new places, and they read exactly as a
// check from nothing gives them (explanations and fixes, computed when read, included).

import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../engine/analysis/index';
import { clearAnalysisCaches } from '../../engine/analysis/facts';
import { compile } from '../../engine/index';
import { prepared, readRepoFile } from './helpers';

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

  it('an example is worked out when read: read after other checks it is what a check from nothing gives, and the engine decides it so', () => {
    for (const file of FILES) {
      const text = readRepoFile(file);
      clearAnalysisCaches();
      const first = checkDocument(text).diagnostics;
      // Other checks on the same fact space before any example is read: every hold made a notice,
      // then the first hold a notice, and a check with no examples.
      checkDocument(text.replace(/outcome: hold/g, 'outcome: notify'));
      checkDocument(text.replace('outcome: hold', 'outcome: notify'));
      checkDocument(text, { examples: false });
      const late = first.map((d) => d.example);
      expect(late.filter(Boolean).length, file).toBeGreaterThan(0);
      expect(JSON.stringify(first)).toBe(fromNothing(text, true));
      // Read twice, the same example (worked out once).
      first.forEach((d, i) => expect(d.example).toBe(late[i]));
      const o = checkDocument(text).ordinance!;
      const policy = compile(o, { reimbursementAgreement: false });
      first.forEach((d) => {
        if (!d.example || !d.provision || d.code === 'otherwise-coverage') return;
        if (/reimburs/.test(d.example.facts.join(' '))) return;
        expect(policy.decide(prepared(d.example.case)).provision, `${file}: ${d.code}`).toBe(d.provision);
      });
    }
  });

  it('a check with no examples gives findings with no example field; with examples, JSON carries each one', () => {
    const text = readRepoFile(FILES[0]!);
    const none = checkDocument(text, { examples: false }).diagnostics;
    expect(none.some((d) => 'example' in d)).toBe(false);
    const withExamples = checkDocument(text).diagnostics;
    const json = JSON.parse(JSON.stringify(withExamples)) as Array<{ example?: { facts: string[] } }>;
    expect(json.filter((d) => d.example).length).toBe(withExamples.filter((d) => d.example).length);
    expect(json.filter((d) => d.example).length).toBeGreaterThan(0);
  });
});
