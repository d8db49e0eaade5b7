// The document fields of the printed ordinance: number, sponsors, the form of the enacting clause,
// the standard closing clauses, the passage record and signatures, and the annex of plain readings.
// Old documents (none of these fields) still load and print every part, with blanks where a fact is
// missing; each new field has lawyer-facing help in the schema (completion, hover and the form read it).

import { describe, expect, it } from 'vitest';
import schema from '../../policy-schemas/ordinance.schema.json';
import { loadOrdinance, ordinanceText, renderMarkdown, type Ordinance } from '../../engine/index';
import { BLANK } from '../../engine/text-model';

const OLD = `title: An Ordinance Concerning Detainers
jurisdiction: { name: City of Example, state: VT, level: city }
sections:
  - heading: Detainers
    provisions:
      - id: minors
        when: { age: { under: 18 } }
        outcome: decline
otherwise: notify
`;

function load(text: string): Ordinance {
  const r = loadOrdinance(text);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (!r.ordinance || errors.length) throw new Error(errors.map((d) => `${d.line}:${d.column} ${d.message}`).join('; '));
  return r.ordinance;
}

const NEW_FIELDS = ['sponsors', 'enactingForm', 'detainerGrounds', 'standardClauses', 'passage', 'plainReadingAnnex'];

describe('document fields', () => {
  it('every new field, and every field under it, has a title and a description for the form and hover', () => {
    const walk = (node: Record<string, unknown>, path: string) => {
      expect(typeof node.title, `${path} title`).toBe('string');
      expect(String(node.description ?? '').length, `${path} description`).toBeGreaterThan(20);
      const props = (node.properties ?? (node.items as Record<string, unknown> | undefined)?.properties) as
        Record<string, Record<string, unknown>> | undefined;
      for (const [k, v] of Object.entries(props ?? {})) walk(v, `${path}.${k}`);
    };
    const props = (schema as unknown as { properties: Record<string, Record<string, unknown>> }).properties;
    for (const f of NEW_FIELDS) walk(props[f]!, f);
  });

  it('an old document loads and prints every part, with blanks for the facts it does not give', () => {
    const o = load(OLD);
    const t = ordinanceText(o);
    expect(t.number).toBe(`Ordinance No. ${BLANK}`);
    expect(t.sponsors).toBe(`Sponsored by ${BLANK}`);
    expect(t.enacting).toBe('Be it ordained by the City Council of the City of Example:');
    expect(t.sections.map((s) => s.heading)).toEqual(['Definitions', 'Detainers', 'Severability', 'Effective date']);
    expect(t.sections.at(-1)!.clauses[0]!.text).toBe(`This ordinance takes effect on ${BLANK}.`);
    expect(t.passage).toEqual([
      `Passed by the City Council of the City of Example on ${BLANK}.`,
      'Vote: ____ in favor, ____ opposed, ____ abstaining.',
    ]);
    expect(t.signatures.map((s) => s.signer)).toEqual(['President of the City Council', 'City Clerk', 'Mayor']);
    expect(t.signatures[2]!.date).toBe(`Date: ${BLANK}`);
    // No name, date or number is made up.
    expect(renderMarkdown(o)).not.toMatch(/\b(19|20)\d\d\b/);
  });

  it('prints the number, sponsors, closing clauses in their order, passage and signatures as given', () => {
    const o = load(`${OLD}documentNumber: Docket 0123
sponsor: Councilor A
sponsors: [Councilor B]
effectiveDate: 2014-07-01
standardClauses: { savings: true, noPrivateRightOfAction: true, conflictWithLaw: "Federal law controls where it conflicts", severability: false }
passage:
  passedOn: 2014-06-05
  votes: { inFavor: 9, opposed: 2, abstaining: 0, absent: 1 }
  signatures:
    - { role: presiding, title: President of the City Council, name: Jane Doe }
    - { role: approve, title: Mayor, name: John Roe, date: 2014-06-06 }
`);
    const t = ordinanceText(o);
    expect(t.number).toBe('Docket 0123');
    expect(t.sponsors).toBe('Sponsored by Councilor A and Councilor B');
    expect(t.sections.map((s) => s.heading)).toEqual([
      'Definitions',
      'Detainers',
      'Savings clause',
      'No private right of action',
      'Conflict with state or federal law',
      'Effective date',
    ]);
    expect(t.sections[4]!.clauses[0]!.text).toBe('Federal law controls where it conflicts.');
    expect(t.sections[3]!.clauses[0]!.text).toMatch(
      /^This ordinance does not create or form the basis of any liability on the part of the City of Example/,
    );
    expect(t.sections.at(-1)!.clauses[0]!.text).toBe('This ordinance takes effect on July 1, 2014.');
    expect(t.passage).toEqual([
      'Passed by the City Council of the City of Example on June 5, 2014.',
      'Vote: 9 in favor, 2 opposed, 0 abstaining, 1 absent.',
    ]);
    expect(t.signatures).toEqual([
      { lead: `${BLANK}${BLANK}`, signer: 'Jane Doe, President of the City Council' },
      { lead: `Approved: ${BLANK}${BLANK}`, signer: 'John Roe, Mayor', date: 'Date: June 6, 2014' },
    ]);
  });

  it('an enacted or adopted measure without its date or vote says the text does not record them, not a blank to fill in', () => {
    for (const status of ['enacted', 'adopted', 'repealed']) {
      const t = ordinanceText(load(`${OLD}status: ${status}\n`));
      expect(t.passage, status).toEqual([
        'Passed by the City Council of the City of Example; the date of passage is not recorded in this text.',
        'Vote: not recorded in this text.',
      ]);
    }
    // Its date, when given, and a vote in part (blanks only for the counts not given).
    const dated = ordinanceText(load(`${OLD}status: enacted\npassage: { passedOn: 2012-09-12, votes: { inFavor: 41 } }\n`));
    expect(dated.passage).toEqual([
      'Passed by the City Council of the City of Example on September 12, 2012.',
      'Vote: 41 in favor, ____ opposed, ____ abstaining.',
    ]);
    // A draft, introduced or in committee: the blanks of the form it will be passed on.
    for (const status of ['draft', 'introduced', 'committee'])
      expect(ordinanceText(load(`${OLD}status: ${status}\n`)).passage[0], status).toBe(
        `Passed by the City Council of the City of Example on ${BLANK}.`,
      );
  });

  it('an executive order is issued by the officer named, not sponsored', () => {
    const order = ordinanceText(load(`${OLD}enactingForm: executive-order\nlegislativeBody: Mayor\nsponsor: Mayor A. Roe\n`));
    expect(order.sponsors).toBe('Issued by Mayor A. Roe');
  });

  it('the enacting clause, the noun and the signatures follow the form of enactment', () => {
    const form = (extra: string) => ordinanceText(load(`${OLD}${extra}`));
    const county = form('enactingForm: county-board\nlegislativeBody: Board of Commissioners\n');
    expect(county.enacting).toBe('Be it ordained by the Board of Commissioners of the City of Example:');
    // The presiding officer as the clerk is named, "of the" body: never "Chair, Council".
    expect(county.signatures.map((s) => s.signer)).toEqual(['Chair of the Board of Commissioners', 'Clerk of the Board of Commissioners']);
    const state = form('enactingForm: state-legislature\nlegislativeBody: General Assembly\n');
    expect(state.enacting).toBe('Be it enacted by the General Assembly of the City of Example:');
    expect(state.number).toBe(`Bill No. ${BLANK}`);
    expect(state.sections.at(-1)!.clauses[0]!.text).toBe(`This act takes effect on ${BLANK}.`);
    expect(state.signatures.map((s) => s.signer)).toContain('Governor');
    const order = form('status: executive-order\nlegislativeBody: Mayor\nfindings: [{ text: the City needs this order }]\n');
    expect(order.enacting).toBe(
      'NOW, THEREFORE, the Mayor of the City of Example, by the authority vested in that office, hereby orders as follows:',
    );
    expect(order.number).toBe(`Executive Order No. ${BLANK}`);
    expect(order.sponsors).toBeUndefined();
    expect(order.passage).toEqual([]);
    expect(order.signatures).toEqual([{ lead: `${BLANK}${BLANK}`, signer: 'Mayor', date: `Date: ${BLANK}` }]);
    expect(order.whereas).toEqual(['WHEREAS, the City needs this order;']);
  });

  it('the plain-reading annex is printed only when asked for, after the text and marked as not part of it', () => {
    const worded = OLD.replace(
      '        outcome: decline',
      '        outcome: decline\n        text: No person under eighteen shall be held.',
    );
    expect(renderMarkdown(load(worded))).not.toMatch(/plain reading/i);
    const md = renderMarkdown(load(`${worded}plainReadingAnnex: true\n`));
    expect(md).toMatch(
      /## Annex: generated plain readings \(not part of the text\)\n\n§ 2\(a\) Generated plain reading: If the person is under 18 years of age/,
    );
    expect(md.indexOf('## Annex')).toBeGreaterThan(md.indexOf('Attest:'));
  });

  it('a wrong value in a new field is a located error', () => {
    const r = loadOrdinance(`${OLD}standardClauses: { severability: 3 }\npassage: { votes: { inFavor: -1 } }\n`);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.line).sort()).toEqual([10, 11]);
  });
});
