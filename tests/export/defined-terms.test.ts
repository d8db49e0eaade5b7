// What a clerk reads in the printed text says each thing once and only what the document uses: a
// generated definition of "ICE" is printed only when the printed words name ICE, the juvenile rule is
// stated once, and the clerk who attests a council's ordinance is the clerk of the place the council's
// name says it is.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ordinanceText, ordinanceWords } from '../../engine/index';
import { allOrdinanceFiles, loadFile, ordinanceFrom, root } from './helpers';

const files = allOrdinanceFiles();

describe('the generated definition of "ICE"', () => {
  it.each(files.map((f) => [path.basename(f), f]))('%s: printed only when the rest of the text names ICE', (_, file) => {
    const o = loadFile(file);
    const t = ordinanceText(o);
    const defined = t.sections.some((s) => s.clauses.some((c) => c.term === 'ICE'));
    const rest = [
      ordinanceWords(o)
        .split('\n')
        .filter((line) => !line.startsWith('"ICE" means'))
        .join('\n'),
      ...t.annex.map((a) => a.text),
    ].join('\n');
    expect(defined).toBe(/\bICE\b/.test(rest));
  });

  it("Northampton's ordinance, which never names ICE, defines only its own terms, lettered (a) to (c)", () => {
    const t = ordinanceText(loadFile(path.join(root, 'samples/ordinances/northampton-19-153-2019.ordinance.yaml')));
    const defs = t.sections.find((s) => s.heading === 'Definitions')!;
    expect(defs.clauses.map((c) => [c.label, c.term])).toEqual([
      ['(a)', 'eligible for release from custody'],
      ['(b)', 'immigration detainer'],
      ['(c)', 'immigration enforcement'],
    ]);
  });

  it("an ordinance's own definition of ICE is kept even where nothing else names ICE", () => {
    const o = ordinanceFrom(`
title: Own terms
jurisdiction: { name: Testville, state: MA }
definitions:
  - term: ICE
    meaning: U.S. Immigration and Customs Enforcement
  - term: immigration detainer
    meaning: a request by federal immigration officials to hold a person
sections:
  - heading: Detainers
    provisions:
      - id: none
        outcome: decline
        text: No person shall be held on an immigration detainer
otherwise: decline
`);
    const defs = ordinanceText(o).sections.find((s) => s.heading === 'Definitions')!;
    expect(defs.clauses.map((c) => c.term)).toContain('ICE');
  });
});

describe('the juvenile rule', () => {
  it.each(files.map((f) => [path.basename(f), f]))('%s: said at most once', (_, file) => {
    const words = ordinanceWords(loadFile(file));
    expect(words.match(/juvenile or youthful-offender adjudication/g)?.length ?? 0).toBeLessThanOrEqual(1);
  });
});

describe('the clerk who attests', () => {
  const town = (body: string) =>
    ordinanceFrom(`
title: Clerk test
jurisdiction: { name: "[City or Town]", state: MA, level: town }
${body ? `legislativeBody: ${body}\n` : ''}sections:
  - heading: Detainers
    provisions:
      - id: felony
        when: { conviction: { classes: [felony] } }
        outcome: hold
        maxHold: { hours: 48 }
otherwise: decline
`);
  const signers = (body: string) => ordinanceText(town(body)).signatures.map((s) => s.signer);

  it('a town draft passed by its City Council is attested by the City Clerk', () => {
    expect(signers('City Council')).toEqual(['President of the City Council', 'City Clerk']);
  });

  it('a Town Council, or a town that names no body, has the Town Clerk', () => {
    expect(signers('Town Council')).toEqual(['President of the Town Council', 'Town Clerk']);
    expect(signers('')).toEqual(['President of the Town Council', 'Town Clerk']);
  });

  it.each(files.map((f) => [path.basename(f), f]))('%s: the clerk is of the place the council names', (_, file) => {
    const o = loadFile(file);
    const place = /^(City|Town) /.exec(o.legislativeBody ?? '')?.[1];
    const clerk = ordinanceText(o).signatures.find((s) => /Clerk$/.test(s.signer))?.signer;
    if (place && clerk && !o.passage?.signatures?.length) expect(clerk).toBe(`${place} Clerk`);
  });
});
