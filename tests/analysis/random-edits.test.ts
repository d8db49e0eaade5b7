// Random edits, each of the text before it, checked warm one after another (nothing cleared between
// them), give what a check from nothing of the same text gives, byte for byte. The edits reach what
// the keystroke check keeps between checks: an outcome (the policy), a maximum hold, a heading, the
// state (the law that applies), a provision's id (the id a fix would add), the agency's 287(g)
// agreement, a comment; with and without a scenario. The random numbers are seeded, so a failure
// names an edit that can be replayed.

import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../engine/analysis/index';
import { clearAnalysisCaches } from '../../engine/analysis/facts';
import { loadScenario } from '../../engine/index';
import type { Scenario } from '../../engine/model';
import { sampleOrdinanceText } from '../../bench/sample-ordinance';
import { seededRandom } from '../../engine/generate';
import { readRepoFile, replaceNth } from './helpers';

const OUTCOMES = ['decline', 'notify', 'review', 'hold'];
const STATES = ['CA', 'TX', 'CT', 'IL', 'FL', 'NY', 'OR', 'WA', 'MT', 'AL'];
const AGREEMENTS = ['jail-enforcement', 'task-force', 'warrant-service-officer'];

/** One random edit of `text` (possibly none, when the text has nothing of its kind). */
function edit(text: string, next: () => number, step: number): { kind: string; text: string } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const n = Math.floor(next() * 1000);
  const kind = pick(['outcome', 'outcome', 'outcome', 'hours', 'heading', 'state', 'id', 'agreement', 'comment']);
  switch (kind) {
    case 'outcome':
      return {
        kind,
        text: replaceNth(text, /\n( +)outcome: (decline|notify|review|hold)\n/g, n, (m) => m.replace(/\w+\n$/, `${pick(OUTCOMES)}\n`)),
      };
    case 'hours':
      return { kind, text: replaceNth(text, /\n( +)hours: \d+\n/g, n, (m) => m.replace(/\d+/, String(pick([24, 36, 48, 72])))) };
    case 'heading':
      return { kind, text: replaceNth(text, /\n( +)heading: [^'"\n#][^\n#]*/g, n, (m) => `${m} r${step}`) };
    case 'state':
      return { kind, text: text.replace(/\n {2}state: [A-Z]{2}\n/, `\n  state: ${pick(STATES)}\n`) };
    case 'id':
      return {
        kind,
        text: replaceNth(text, /\n( +)- id: [a-z0-9-]+\n/g, n, (m) =>
          m.replace(/id: .*\n$/, `id: ${pick(['no-minors', 'no-minors-2', `p${step}`])}\n`),
        ),
      };
    case 'agreement':
      return {
        kind,
        text: /\nagreement287g: [a-z-]+\n/.test(text)
          ? text.replace(/\nagreement287g: [a-z-]+\n/, next() < 0.5 ? '\n' : `\nagreement287g: ${pick(AGREEMENTS)}\n`)
          : text.replace(/\nstatus: /, `\nagreement287g: ${pick(AGREEMENTS)}\nstatus: `),
      };
    default:
      return { kind, text: `${text.replace(/# note \d+\n$/, '')}# note ${step}\n` };
  }
}

function along(base: string, seed: number, steps: number, scenario: Scenario | undefined): void {
  const next = seededRandom(seed);
  const chain: Array<{ kind: string; text: string }> = [];
  let t = base;
  for (let i = 0; chain.length < steps && i < steps * 4; i++) {
    const e = edit(t, next, i);
    if (e.text === t) continue;
    chain.push(e);
    t = e.text;
  }
  const opts = { examples: false, ...(scenario ? { scenario } : {}) };
  const expected = chain.map((c) => {
    clearAnalysisCaches();
    return JSON.stringify(checkDocument(c.text, opts).diagnostics);
  });
  clearAnalysisCaches();
  checkDocument(base, opts);
  chain.forEach((c, i) => {
    const warm = JSON.stringify(checkDocument(c.text, opts).diagnostics);
    expect(warm, `seed ${seed}, edit ${i + 1} (${c.kind})`).toBe(expected[i]);
  });
}

const FILES = [
  'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml',
  'samples/ordinances/reimbursement-required-2012.ordinance.yaml',
  'samples/ordinances/never-minors-or-unconvicted-2012.ordinance.yaml',
  'samples/ordinances/king-county-17886-2014.ordinance.yaml',
  'tests/analysis/fixtures/boston-committee-draft.ordinance.yaml',
  'tests/analysis/fixtures/counting-windows.ordinance.yaml',
];

describe('random edits checked warm, one after another, give the check from nothing', () => {
  const reimbursement = loadScenario(readRepoFile('samples/scenarios/with-reimbursement.scenario.yaml')).scenario;
  const cook = loadScenario(readRepoFile('samples/scenarios/cook-county-fy2012.scenario.yaml')).scenario;
  FILES.forEach((file, k) => {
    it(
      file,
      () => {
        along(`${readRepoFile(file)}# note 0\n`, 1000 + k, 30, undefined);
        along(`${readRepoFile(file)}# note 0\n`, 2000 + k, 15, k % 2 ? reimbursement : cook);
      },
      120_000,
    );
  });

  it("the bench's ordinance of 100 provisions from the samples", () => {
    along(`${sampleOrdinanceText(100)}# note 0\n`, 7, 20, undefined);
  }, 240_000);
});
