// The words that say what an ordinance's provisions do name the detainer as its printed text does, outside
// the text too: `explain`'s readings of each condition and of a look-back window, and the lint's findings
// that say what a provision does. The term is the ordinance's own; an ordinance that defines none gets the
// "civil immigration detainer" its printed text defines (detainerTerm, the text's and the guide's). Words
// about the law or about the tool keep the general word.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintOrdinance } from '../../engine/analysis/index';
import { ordinanceFrom } from '../export/helpers';
import { VIOLENT_FELONY_BOOKING } from '../engine/two-holds';
import { runCli } from './run-in-process';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const DEFINED = `definitions:
  - term: ICE detainer
    meaning: a request by U.S. Immigration and Customs Enforcement under 8 CFR 287.7
`;

function policy(definitions: string): string {
  return `title: Detainer term in explanations
jurisdiction: { name: City of Testville, state: CT }
agency: the Police Department
${definitions}sections:
  - heading: Detainers
    provisions:
      - id: warrant
        when:
          all:
            - requested: hold
            - judicialWarrant: true
        outcome: hold
        maxHold: { hours: 48 }
      - id: recent-felony
        when: { conviction: { classes: [felony], within: { years: 10 } } }
        outcome: notify
      - id: every-other
        outcome: decline
otherwise: decline
`;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'explain-term-'));
const withTerm = path.join(dir, 'with-term.ordinance.yaml');
const withoutTerm = path.join(dir, 'without-term.ordinance.yaml');
const cases = path.join(dir, 'cases.json');
fs.writeFileSync(withTerm, policy(DEFINED));
fs.writeFileSync(withoutTerm, policy(''));
fs.writeFileSync(cases, JSON.stringify([{ ...VIOLENT_FELONY_BOOKING, id: 'felony' }]));

describe('explain names the detainer as the ordinance does', () => {
  it('with a defined term: each reading and the window use it', async () => {
    const r = await runCli('explain', withTerm, '--cases', cases, '--id', 'felony');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('    the ICE detainer requests that the person be held beyond the time of release: yes\n');
    expect(r.out).toContain('    the ICE detainer is supported by a judicial warrant: no\n');
    expect(r.out).toContain('  the person has been convicted of a felony within the ten years before the date of the ICE detainer: yes\n');
    expect(r.out).toMatch(/- window: the ten years before the date of the ICE detainer: from /);
    expect(r.out).not.toMatch(/\b(?:the|a|an) detainer\b|detainer request\b/);
  });

  it('without one: the "civil immigration detainer" its printed text defines', async () => {
    const r = await runCli('explain', withoutTerm, '--cases', cases, '--id', 'felony');
    expect(r.code).toBe(0);
    expect(r.out).toContain('    the civil immigration detainer requests that the person be held beyond the time of release: yes\n');
    expect(r.out).toContain('    the civil immigration detainer is supported by a judicial warrant: no\n');
    expect(r.out).toContain('within the ten years before the date of the civil immigration detainer: yes\n');
    expect(r.out).not.toMatch(/\b(?:the|a|an) detainer\b|detainer request\b|ICE detainer/);
    // The term is the one the text prints and defines.
    const text = await runCli('export', withoutTerm, '--format', 'md');
    expect(text.out).toContain('"**civil immigration detainer**" means a request by ICE');
    expect(text.out).toContain('the Police Department shall honor the civil immigration detainer by holding the person');
  });

  it('a sample with a defined term (Philadelphia\'s "civil immigration detainer") gets it', async () => {
    const r = await runCli(
      'explain',
      path.join(root, 'samples/ordinances/philadelphia-eo-5-16-2016.ordinance.yaml'),
      '--cases',
      path.join(root, 'samples/cases/synthetic-200.cases.csv'),
      '--id',
      'B-0001',
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('    the civil immigration detainer is supported by a judicial warrant: no\n');
    expect(r.out).not.toMatch(/\bthe detainer\b/);
  });

  it("an undecided case turns on the warrant in its condition's words and the term, as the reasons say it", async () => {
    const open = path.join(dir, 'open.json');
    fs.writeFileSync(open, JSON.stringify([{ ...VIOLENT_FELONY_BOOKING, id: 'open', unknown: ['judicialWarrant'] }]));
    const r = await runCli('explain', withTerm, '--cases', open, '--id', 'open');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toContain('It turns on whether the ICE detainer is supported by a judicial warrant.');
    expect(r.out).toContain('    the ICE detainer is supported by a judicial warrant: UNKNOWN');
    expect(r.out).not.toMatch(/\b(?:the|a|an) detainer\b/);
    const bare = await runCli('explain', withoutTerm, '--cases', open, '--id', 'open');
    expect(bare.out.split('\n')[0]).toContain('It turns on whether the civil immigration detainer is supported by a judicial warrant.');
  });

  it('an unconditional provision applies to every detainer it reaches, in the term', async () => {
    const noFelony = path.join(dir, 'no-felony.json');
    fs.writeFileSync(noFelony, JSON.stringify([{ ...VIOLENT_FELONY_BOOKING, id: 'none', convictions: [] }]));
    const r = await runCli('explain', withTerm, '--cases', noFelony, '--id', 'none');
    expect(r.out).toContain('  applies to every ICE detainer it reaches: yes\n');
    const bare = await runCli('explain', withoutTerm, '--cases', noFelony, '--id', 'none');
    expect(bare.out).toContain('  applies to every civil immigration detainer it reaches: yes\n');
  });
});

/** An ordinance whose first provision reaches only requests for nothing and whose second only requests without a hold. */
function requestsPolicy(definitions: string): string {
  return `title: Detainer term in findings
jurisdiction: { name: City of Testville, state: CT }
agency: the Police Department
${definitions}sections:
  - heading: Detainers
    provisions:
      - id: nothing-asked
        when:
          all:
            - not: { requested: hold }
            - not: { requested: notify }
        outcome: notify
      - id: notice-asked
        when: { not: { requested: hold } }
        outcome: hold
        maxHold: { hours: 24 }
otherwise: decline
`;
}

describe('findings that say what a provision does name the detainer as the ordinance does', () => {
  const finding = (text: string, provision: string) => {
    const found = lintOrdinance(ordinanceFrom(text, 'requests.ordinance.yaml'), { examples: false }).find(
      (f) => f.code === 'outcome-exceeds-request' && f.provision === provision,
    );
    expect(found).toBeDefined();
    return found!;
  };

  it('with a defined term', () => {
    const nothing = finding(requestsPolicy(DEFINED), 'nothing-asked');
    expect(nothing.message).toBe(
      '§ 2(a) [no heading; answers the ICE detainer with notice of release only] says notify, but applies only to ICE detainers that request nothing, so it always declines',
    );
    expect(nothing.explanation).toBe(
      'The outcome never exceeds what ICE requested. In every case this provision decides, the ICE detainer asks for neither a hold nor notice.',
    );
    expect(finding(requestsPolicy(DEFINED), 'notice-asked').explanation).toContain('admits only ICE detainers that do not ask for a hold');
  });

  it('without one: the term its printed text defines', () => {
    const nothing = finding(requestsPolicy(''), 'nothing-asked');
    expect(nothing.message).toBe(
      '§ 2(a) [no heading; answers the civil immigration detainer with notice of release only] says notify, but applies only to civil immigration detainers that request nothing, so it always declines',
    );
    expect(nothing.explanation).toContain(
      'In every case this provision decides, the civil immigration detainer asks for neither a hold nor notice.',
    );
    expect(finding(requestsPolicy(''), 'notice-asked').explanation).toContain(
      'admits only civil immigration detainers that do not ask for a hold',
    );
  });

  it('no minimum age: what this ordinance does in its term, what other policies do in the general word', () => {
    const noAge = (definitions: string) =>
      lintOrdinance(
        ordinanceFrom(
          policy(definitions).replace('outcome: notify', 'outcome: hold\n        maxHold: { hours: 48 }'),
          'age.ordinance.yaml',
        ),
        {
          examples: false,
        },
      ).find((f) => f.code === 'no-minimum-age');
    const termed = noAge(DEFINED);
    expect(termed?.explanation).toContain(
      'Many policies never honor a detainer for a person under 18. This ordinance sets no minimum age, so a juvenile can be held past release on an ICE detainer that no judge has signed.',
    );
    expect(noAge('')?.explanation).toContain(
      'Many policies never honor a detainer for a person under 18. This ordinance sets no minimum age, so a juvenile can be held past release on a civil immigration detainer that no judge has signed.',
    );
  });
});
