// The editor checks the ordinance again after every keystroke, keeping what the last checks worked
// out (the text read, the fact space, findings, validation, the generated words). Along a drafter's
// edits (an outcome, a heading, a comment, a condition, the outcome back, an outcome half typed, a
// heading pasted with a refused character), each check made warm, one after the other with nothing
// cleared between them, gives byte for byte what a check from nothing gives: the same findings, in
// the same order, at the same places, with the same words.

import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../engine/analysis/index';
import { clearAnalysisCaches } from '../../engine/analysis/facts';
import { parseSource } from '../../engine/index';
import { sampleOrdinanceText } from '../../bench/sample-ordinance';
import { readRepoFile, replaceNth } from './helpers';

const NEXT_OUTCOME: Record<string, string> = { decline: 'notify', notify: 'review', review: 'hold', hold: 'decline' };

/** A drafter's edits, each of the text before it. */
function drafting(text: string, rounds: number): Array<{ kind: string; text: string; valid: boolean }> {
  const out: Array<{ kind: string; text: string; valid: boolean }> = [];
  let t = `${text}# note 0\n`;
  const step = (kind: string, next: string, valid = true) => {
    if (next !== t) out.push({ kind, text: (t = next), valid });
  };
  const outcome = /\n( +)outcome: (decline|notify|review|hold)\n/g;
  const cycle = (m: string) => m.replace(/(decline|notify|review|hold)\n$/, (o) => `${NEXT_OUTCOME[o.trim()]}\n`);
  for (let r = 0; r < rounds; r++) {
    const nth = r * 7 + 3;
    step('outcome', replaceNth(t, outcome, nth, cycle));
    step(
      'heading',
      replaceNth(t, /\n( +)heading: [^'"\n#][^\n#]*/g, r * 5 + 1, (m) => `${m} r${r}`),
    );
    step('comment', t.replace(/# note \w+\n$/, `# note ${r + 1}\n`));
    step('outcome', replaceNth(t, outcome, nth + 11, cycle));
    // A condition: an age range one year wider, or (in an ordinance that names no age) a bond posted or not.
    const older = replaceNth(t, /\n( +)under: (\d+)\n/g, r * 3, (m) => m.replace(/\d+/, (d) => String(Number(d) + 1)));
    step(
      'condition',
      older !== t
        ? older
        : replaceNth(t, /bondPosted: (true|false)/g, r, (m) => (m.endsWith('true') ? 'bondPosted: false' : 'bondPosted: true')),
    );
    // The first outcome back as it was, over two more edits (decline -> notify -> review -> hold -> decline).
    for (let k = 0; k < 3; k++) step('outcome back', replaceNth(t, outcome, nth, cycle));
    step('comment', t.replace(/# note \w+\n$/, `# note ${r + 1}b\n`));
    // An outcome half typed (no outcome the schema knows), then typed out.
    const typed = t;
    step(
      'half typed',
      replaceNth(t, outcome, nth + 5, (m) => m.replace(/(decline|notify|review|hold)\n$/, (o) => `${o.slice(0, 3)}\n`)),
      false,
    );
    step('typed out', typed);
    // A heading pasted with a right-to-left override (refused), a comment, then the heading put right.
    const pasted = t;
    step(
      'unsafe',
      replaceNth(t, /\n( +)heading: [^'"\n#][^\n#]*/g, r * 5 + 2, (m) => `${m} \u202e`),
      false,
    );
    step('comment', t.replace(/# note \w+\n$/, `# note ${r + 1}c\n`), false);
    step('made safe', pasted.replace(/# note \w+\n$/, `# note ${r + 1}d\n`));
  }
  return out;
}

function fromNothing(text: string): string {
  clearAnalysisCaches();
  return JSON.stringify(checkDocument(text, { examples: false }).diagnostics);
}

/** Each edit checked warm, one after another, against the same texts checked from nothing first. */
function checkAlong(base: string, rounds: number): void {
  const chain = drafting(base, rounds);
  const kinds = new Set(chain.map((c) => c.kind));
  expect([...kinds].sort()).toEqual([
    'comment',
    'condition',
    'half typed',
    'heading',
    'made safe',
    'outcome',
    'outcome back',
    'typed out',
    'unsafe',
  ]);
  const expected = chain.map((c) => fromNothing(c.text));
  clearAnalysisCaches();
  checkDocument(`${base}# note 0\n`, { examples: false });
  chain.forEach((c, i) => {
    const warm = checkDocument(c.text, { examples: false }).diagnostics;
    expect(warm.length).toBeGreaterThan(0);
    expect(JSON.stringify(warm), `edit ${i + 1} (${c.kind})`).toBe(expected[i]);
    // The ordinance is linted after every edit but those that leave it invalid.
    expect(warm.some((d) => d.explanation !== undefined)).toBe(c.valid);
  });
}

describe('the keystroke check along edits, warm, is the check from nothing', () => {
  it('a sample: Connecticut', () => {
    const file = 'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml';
    // Written out in the block style, so that each of a condition's values is on a line of its own.
    checkAlong(`# ${file}\n${stringify(parseSource(readRepoFile(file)).value, { lineWidth: 0 })}`, 3);
  });

  it("the bench's ordinance of 300 provisions from the samples", () => {
    checkAlong(sampleOrdinanceText(300), 2);
  }, 120_000);
});
