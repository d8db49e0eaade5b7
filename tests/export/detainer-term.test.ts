// Where the ordinance defines a term for the detainer, every generated sentence that refers to the
// detainer uses it: the conditions as the outcomes do ("the ICE detainer is supported by a judicial
// warrant ... shall honor the ICE detainer"), in the ordinance's text and in the officer guide's checks,
// which say the same words as the ordinance's own conditions; a look-back window counts back from "the
// date of the ICE detainer", not of "the detainer request".

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ordinanceText, renderMarkdown, type Ordinance } from '../../engine/index';
import { officerGuide, officerGuideBodyHtml, policyBundle, type GuideCheck } from '../../engine/export/index';
import { decisionTable } from '../../engine/analysis/index';
import { definedDetainerTerm, detainerTerm, withDetainerTerm } from '../../engine/wording';
import { lintOrdinance } from '../../engine/analysis/lint';
import { runCli } from '../cli/run-in-process';
import { VIOLENT_FELONY_BOOKING } from '../engine/two-holds';
import { allOrdinanceFiles, fixtures, loadFile, ordinanceFrom, root } from './helpers';

const ICE_TERM = `title: Detainer term test
jurisdiction:
  name: City of Testville
  state: CT
agency: the Police Department
definitions:
  - term: ICE detainer
    meaning: a request by U.S. Immigration and Customs Enforcement under 8 CFR 287.7
sections:
  - heading: Detainers
    provisions:
      - id: warrants
        when:
          all:
            - requested: hold
            - judicialWarrant: true
            - administrativeWarrant: true
        outcome: hold
        maxHold: { hours: 48 }
      - id: notice
        when: { not: { requested: hold } }
        outcome: notify
      - id: no-admin
        when: { administrativeWarrant: false }
        outcome: review
      - id: recent-felony
        when: { conviction: { classes: [felony], within: { years: 10 } } }
        outcome: notify
otherwise: decline
`;

/** Every line of a guide check that is a condition (not a list head), first letter lowered. */
function leafLines(c: GuideCheck | null, out: string[] = []): string[] {
  if (!c) return out;
  if (c.items) for (const i of c.items) leafLines(i, out);
  else out.push(c.text.charAt(0).toLowerCase() + c.text.slice(1));
  return out;
}

/** The words of the generated text that name the detainer without the ordinance's term. */
function bareDetainer(text: string, term: string): string[] {
  return [...text.matchAll(/\b(?:the|a|each|any|every) detainer\b(?! request\b)[^.;,]*/gi)]
    .map((m) => m[0])
    .filter(() => term !== 'detainer');
}

/** The term the printed text defines for the detainer (King County's has no "detainer" in it). */
function termOf(o: Ordinance): string {
  return (
    ordinanceText(o)
      .sections.flatMap((s) => s.clauses)
      .find((c) => c.term && /detainer|hold request/i.test(c.term))?.term ?? 'civil immigration detainer'
  );
}

describe('the defined term for the detainer, in every sentence', () => {
  it('the ordinance: a condition on the request or the warrants names the ICE detainer, as the outcome does', () => {
    const md = renderMarkdown(ordinanceFrom(ICE_TERM, 'term.ordinance.yaml'));
    expect(md).toContain('(1) the ICE detainer requests that the person be held beyond the time of release; and');
    expect(md).toContain('(2) the ICE detainer is supported by a judicial warrant; and');
    expect(md).toContain('(3) an ICE administrative warrant (form I-200 or I-205) accompanies the ICE detainer,');
    expect(md).toContain('if the ICE detainer does not request that the person be held beyond the time of release, the Police Department');
    expect(md).toContain(
      'if no ICE administrative warrant accompanies the ICE detainer, the Police Department shall refer the ICE detainer',
    );
    // A look-back window counts back from the date of the request, which the term names.
    expect(md).toContain(
      'if the person has been convicted of a felony within the ten years before the date of the ICE detainer, the Police Department',
    );
    expect(bareDetainer(md, 'ICE detainer')).toEqual([]);
    expect(md).not.toMatch(/detainer request\b/);
  });

  it('the officer guide: each check says the words of the ordinance’s own condition', () => {
    const o = ordinanceFrom(ICE_TERM, 'term.ordinance.yaml');
    const lines = officerGuide(o).steps.flatMap((s) => s.checks.flatMap((c) => leafLines(c.check)));
    expect(lines).toEqual([
      'the ICE detainer requests that the person be held beyond the time of release',
      'the ICE detainer is supported by a judicial warrant',
      'an ICE administrative warrant (form I-200 or I-205) accompanies the ICE detainer',
      'the ICE detainer does not request that the person be held beyond the time of release',
      'no ICE administrative warrant accompanies the ICE detainer',
      'the person has been convicted of a felony within the ten years before the date of the ICE detainer',
    ]);
  });

  it('the officer guide: what to do on each outcome and the limit of the request name the ICE detainer too', () => {
    const g = officerGuide(ordinanceFrom(ICE_TERM, 'term.ordinance.yaml'));
    expect(g.request).toEqual([
      'Never do more than the ICE detainer asks: if the step allows a hold but the ICE detainer asks only for notice of release, notify ICE only.',
      'If the ICE detainer asks for neither a hold nor notice, decline.',
    ]);
    const todo = g.outcomes.flatMap((x) => x.todo);
    expect(todo).toContain('Refer the ICE detainer to a supervisor, who decides in writing whether to honor it.');
    expect(todo).toContain('Do not hold the person or delay the release because of the ICE detainer.');
    expect(todo.filter((line) => /\bthe detainer\b/.test(line))).toEqual([]);
  });

  for (const file of allOrdinanceFiles()) {
    it(`${path.basename(file)}: the guide's checks are the words of the ordinance's readings, with its term`, () => {
      const o = loadFile(file);
      const t = ordinanceText(o);
      const term = termOf(o);
      for (const step of officerGuide(o).steps)
        for (const check of step.checks) {
          const reading = t.provisions[check.provision]!.reading;
          expect(bareDetainer(reading, term), check.citation).toEqual([]);
          for (const line of leafLines(check.check)) expect(reading, check.citation).toContain(line);
        }
    });
  }
});

describe('one name for the detainer on every face', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'detainer-term-faces-'));
  const cases = path.join(dir, 'cases.json');
  fs.writeFileSync(cases, JSON.stringify([{ ...VIOLENT_FELONY_BOOKING, id: 'felony' }]));
  const noTerm = path.join(fixtures, 'earlier-bundles/no-term.ordinance.yaml');
  for (const file of [...allOrdinanceFiles(), noTerm]) {
    it(`${path.basename(file)}: the bundle's readings and explain name it by the term the text prints`, async () => {
      const o = loadFile(file);
      const term = termOf(o);
      expect(detainerTerm(o), 'the term the text, guide, explain, lint and bundle share').toBe(term);
      for (const p of policyBundle(o).decisionLogic.provisions) {
        if (!p.reading || !/detainer/i.test(p.reading)) continue;
        expect(bareDetainer(p.reading, term), p.citation).toEqual([]);
        expect(p.reading, p.citation).not.toMatch(/detainer request\b/);
        expect(p.reading.toLowerCase(), p.citation).toContain(term.toLowerCase());
      }
      const r = await runCli('explain', file, '--cases', cases, '--id', 'felony');
      expect(r.code, r.err).toBe(0);
      expect(bareDetainer(r.out, term)).toEqual([]);
      expect(r.out).not.toMatch(/detainer request\b/);
    });
  }
});

describe('the term the text uses is the term it defines', () => {
  it('an ordinance that defines only a "detainer policy" gets the "civil immigration detainer" its text uses, defined', () => {
    const o = ordinanceFrom(
      ICE_TERM.replace('term: ICE detainer', 'term: detainer policy').replace(
        'a request by U.S. Immigration and Customs Enforcement under 8 CFR 287.7',
        'this ordinance',
      ),
      'policy-term.ordinance.yaml',
    );
    expect(detainerTerm(o)).toBe('civil immigration detainer');
    const md = renderMarkdown(o);
    expect(md).toContain('"**civil immigration detainer**" means a request by ICE');
    expect(md).toContain('the Police Department shall honor the civil immigration detainer by holding the person');
  });
});

describe('the article before the defined term', () => {
  it('is "an" before a term said with a vowel, in the article\'s case, and stays "a" before any other', () => {
    expect(withDetainerTerm('a detainer is lodged', 'immigration detainer')).toBe('an immigration detainer is lodged');
    expect(withDetainerTerm('A detainer is lodged', 'ICE detainer')).toBe('An ICE detainer is lodged');
    expect(withDetainerTerm('a detainer is lodged', 'civil immigration detainer')).toBe('a civil immigration detainer is lodged');
    expect(withDetainerTerm('each detainer and the detainer request', 'ICE detainer')).toBe('each ICE detainer and the ICE detainer');
  });
});

describe('the detainer is the term whose definition defines it, not the term with the word "detainer"', () => {
  const ICE = 'U.S. Immigration and Customs Enforcement';
  const termOfDefinitions = (...definitions: { term: string; meaning: string; covers?: { classes: ['felony'] }[] }[]) =>
    definedDetainerTerm({ definitions });

  it('King County: "civil immigration hold request", a detainer issued by ICE under 8 CFR 287.7, is the detainer', () => {
    const o = loadFile(path.join(root, 'samples/ordinances/king-county-17886-2014.ordinance.yaml'));
    expect(definedDetainerTerm(o)).toBe('civil immigration hold request');
    const md = renderMarkdown(o);
    // The text defines no second term for the detainer and names it by the ordinance's own.
    expect(md).not.toContain('civil immigration detainer');
    expect(md).toContain(
      "(b) In every case to which § 2(a) does not apply, the Department of Adult and Juvenile Detention shall decline the civil immigration hold request, shall not hold the person and shall not notify ICE of the time of the person's release.",
    );
  });

  it('King County: explain and the bundle say "the civil immigration hold request"', async () => {
    const file = path.join(root, 'samples/ordinances/king-county-17886-2014.ordinance.yaml');
    const r = await runCli(
      'explain',
      file,
      '--cases',
      path.join(root, 'samples/cases/illustrative.cases.yaml'),
      '--id',
      'ILL-04-judicial-warrant',
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('  the civil immigration hold request is supported by a judicial warrant: yes');
    expect(r.out).not.toContain('civil immigration detainer');
    expect(policyBundle(loadFile(file)).decisionLogic.provisions.map((p) => p.reading)).toEqual([
      'the civil immigration hold request is supported by a judicial warrant',
    ]);
  });

  it('found by what the meaning says: a request or detainer of an immigration authority, for a hold or notice', () => {
    expect(termOfDefinitions({ term: 'ICE hold', meaning: `a detainer issued by ${ICE} asking that the City hold a person` })).toBe(
      'ICE hold',
    );
    expect(
      termOfDefinitions({
        term: 'immigration request',
        meaning: 'a request made by federal immigration officials to maintain custody of a person',
      }),
    ).toBe('immigration request');
    expect(termOfDefinitions({ term: 'federal request', meaning: 'a detainer request issued pursuant to 8 CFR 287.7' })).toBe(
      'federal request',
    );
    expect(termOfDefinitions({ term: 'I-247 request', meaning: 'a Form I-247 sent by the Department of Homeland Security' })).toBe(
      'I-247 request',
    );
    // The term may say what the meaning leaves out (who asks).
    expect(termOfDefinitions({ term: 'immigration detainer', meaning: 'a request to hold a person' })).toBe('immigration detainer');
  });

  it('not by the word alone: a detainer policy, a hold, a warrant, an offense, a request of no immigration authority', () => {
    expect(
      termOfDefinitions({ term: 'detainer policy', meaning: `the policy this ordinance sets for detainers of ${ICE}` }),
    ).toBeUndefined();
    expect(
      termOfDefinitions({ term: 'hold', meaning: `to keep a person in custody at the request of ${ICE} after the time of release` }),
    ).toBeUndefined();
    expect(
      termOfDefinitions({
        term: 'administrative warrant',
        meaning: `a warrant of ${ICE}, such as form I-200, that accompanies a detainer request`,
      }),
    ).toBeUndefined();
    expect(termOfDefinitions({ term: 'detainer offense', meaning: 'a felony', covers: [{ classes: ['felony'] }] })).toBeUndefined();
    expect(
      termOfDefinitions({ term: 'detainer', meaning: 'a request by a court that the agency hold a person for trial elsewhere' }),
    ).toBeUndefined();
    expect(
      termOfDefinitions({
        term: 'immigration enforcement',
        meaning: `${ICE} and any other federal agency charged with enforcing immigration laws`,
      }),
    ).toBeUndefined();
  });

  it('a term for a hold and notice is preferred to one for either alone, wherever each stands', () => {
    expect(
      termOfDefinitions(
        { term: 'notification request', meaning: `a request by ${ICE} that the City notify it of a person's release` },
        {
          term: 'civil immigration detainer',
          meaning: `a request by ${ICE} that the City hold a person or give notice of the person's release`,
        },
      ),
    ).toBe('civil immigration detainer');
    expect(
      termOfDefinitions(
        { term: 'notification request', meaning: `a request by ${ICE} that the City notify it of a person's release` },
        { term: 'hold request', meaning: `a request by ${ICE} that the City hold a person` },
      ),
    ).toBe('notification request');
  });

  it('the lint reads the term too: a term that defines the detainer and is printed only by the generated words is used', () => {
    // own-term.ordinance.yaml defines "immigration hold request" and has no wording of its own.
    const o = loadFile(path.join(fixtures, 'earlier-bundles/own-term.ordinance.yaml'));
    expect(renderMarkdown(o)).toContain('shall honor the immigration hold request by holding the person');
    const codes = lintOrdinance(o).map((f) => f.code);
    expect(codes).not.toContain('unused-term');
  });
});

describe('words about what this ordinance does name the detainer by its term; words about ICE, the law or the tool keep the general word', () => {
  const o = ordinanceFrom(ICE_TERM, 'term.ordinance.yaml');

  it('the decision table: each column reads as the ordinance’s conditions do', () => {
    const readings = Object.fromEntries(decisionTable(o).columns.map((c) => [c.key, c.reading]));
    expect(readings.requests).toBe('what the ICE detainer asks for: a hold, notice of release, both, or neither');
    expect(readings.judicialWarrant).toBe('a warrant signed by a federal judge or magistrate supports the ICE detainer');
    expect(readings.administrativeWarrant).toBe('an ICE administrative warrant (form I-200 or I-205) accompanies the ICE detainer');
    expect(Object.values(readings).join(' ')).toContain('within the ten years before the date of the ICE detainer');
    expect(Object.values(readings).filter((r) => /\bthe detainer\b|detainer request\b/.test(r))).toEqual([]);
    // The agreement column says what the condition says, in the term too.
    const reimbursed = ordinanceFrom(
      ICE_TERM.replace('{ administrativeWarrant: false }', '{ reimbursementAgreement: true }'),
      'r.ordinance.yaml',
    );
    expect(decisionTable(reimbursed).columns.find((c) => c.key === 'reimbursementAgreement')!.reading).toBe(
      'a written agreement is in force under which the federal government reimburses all costs of complying with ICE detainers',
    );
  });

  it('the lint: an example case names the ICE detainer; a quick fix that changes this ordinance says what it will do with ICE detainers', () => {
    const found = lintOrdinance(o);
    const facts = found.flatMap((f) => f.example?.facts ?? []);
    expect(facts.some((f) => /^arrested and ICE detainer issued \d{4}-\d{2}-\d{2}$/.test(f))).toBe(true);
    expect(facts.some((f) => f === 'a judicial warrant supports the ICE detainer')).toBe(true);
    expect(facts.filter((f) => /\bdetainer\b/.test(f) && !/ICE detainer/.test(f))).toEqual([]);
    // A hold with no judicial warrant and no minimum age: the fix adds a provision declining ICE detainers.
    const noJudge = ordinanceFrom(
      ICE_TERM.replace('            - judicialWarrant: true\n', '').replace('state: CT', 'state: NM'),
      'm.ordinance.yaml',
    );
    const titles = lintOrdinance(noJudge).flatMap((f) => (f.fixes ?? []).map((x) => x.title));
    expect(titles).toContain('Add a first provision declining ICE detainers for persons under 18');
  });

  it('the officer guide: the fact to gather, step 1, a step with no condition and the clock name the ICE detainer', () => {
    const g = officerGuide(o);
    expect(g.facts[0]).toMatch(/^The ICE detainer \(the form ICE sends\): what it asks for/);
    expect(g.holds!.start).toBe(
      'Start the clock at the time the person would otherwise be released, not at booking and not when the ICE detainer arrived.',
    );
    const html = officerGuideBodyHtml(g);
    expect(html).toContain('Step 1. Read what the ICE detainer asks for</h3>');
    const every = officerGuideBodyHtml(
      officerGuide(
        ordinanceFrom(
          ICE_TERM.replace('otherwise: decline', '      - id: every\n        outcome: notify\notherwise: decline'),
          'o.ordinance.yaml',
        ),
      ),
    );
    expect(every).toContain('<li>Every ICE detainer that reaches this step <span class="cite">(§ 2(e))</span></li>');
    // The guide's title speaks of detainers in general, as the tool does.
    expect(g.title).toBe('Officer guide: civil immigration detainers');
  });
});
