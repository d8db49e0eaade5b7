// The enacted samples' plain readings keep the exceptions of the enacted text. A provision on ICE
// access or status inquiries that carries the enacted wording must not also carry a field whose
// generated reading forbids what the enacted text allows: the app shows that reading as what the
// provision does. Each exception below was read in the enacted text (the addresses are in the
// samples' header comments).
// The hold provisions' wording adds no hold length the enacted text does not state: Cook County's
// sec. 46-37(a) names none, and none was found in what could be read of Philadelphia's order.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadOrdinance, ordinanceText, renderMarkdown, type Ordinance } from '../../engine/index';
import { ANNEX_HEADING } from '../../engine/export/text-blocks';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sample(name: string): Ordinance {
  const loaded = loadOrdinance(readFileSync(path.join(root, 'samples/ordinances', `${name}.ordinance.yaml`), 'utf8'));
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return loaded.ordinance!;
}

describe('the plain reading of an enacted sample keeps the exceptions of the enacted text', () => {
  const cases: Array<{ sample: string; provision: string; exceptions: string[] }> = [
    {
      // Municipal Code of Chicago 2-173-042(b)(1) and (c)
      sample: 'chicago-welcoming-city-2012',
      provision: 'no-ice-access',
      exceptions: ['legitimate law enforcement purpose', 'outstanding criminal warrant', 'convicted of a felony'],
    },
    {
      // Cook County Code sec. 46-37(b)
      sample: 'cook-county-46-37-2011',
      provision: 'ice-access',
      exceptions: ['criminal warrant', 'legitimate law enforcement purpose'],
    },
    {
      // Code of the City of Northampton, Safe City article, B(1) and B(2)
      sample: 'northampton-19-153-2019',
      provision: 'no-status-determination',
      exceptions: ['required by state or federal law', 'public benefit'],
    },
  ];
  for (const c of cases) {
    it(`${c.sample}: ${c.provision}`, () => {
      const text = ordinanceText(sample(c.sample));
      const reading = text.provisions[c.provision]?.reading;
      expect(reading).toBeDefined();
      for (const e of c.exceptions) expect(reading).toContain(e);
      const clause = text.sections.flatMap((s) => s.clauses).find((cl) => cl.provision === c.provision);
      expect(clause?.plainReading).toBeUndefined();
    });
  }
});

describe('the wording of an enacted hold names no length the enacted text does not', () => {
  for (const [name, id] of [
    ['cook-county-46-37-2011', 'reimbursed'],
    ['philadelphia-eo-5-16-2016', 'violent-felony-and-judicial-warrant'],
  ] as const) {
    it(`${name}: ${id}`, () => {
      const p = sample(name)
        .sections.flatMap((s) => s.provisions ?? [])
        .find((q) => q.id === id);
      expect(p?.text).toBeDefined();
      expect(p!.text).not.toMatch(/\bhours?\b/i);
    });
  }
});

describe("the wording of King County's hold says what its logic does", () => {
  // The logic holds on every request a federal judicial criminal warrant supports; "only when it is
  // supported" would state a bar, not that rule, and the ordinance's own words could not be read.
  it('king-county-17886-2014: federal-judicial-warrant', () => {
    const p = sample('king-county-17886-2014')
      .sections.flatMap((s) => s.provisions ?? [])
      .find((q) => q.id === 'federal-judicial-warrant');
    expect(p?.outcome).toBe('hold');
    expect(p?.when).toEqual({ judicialWarrant: true });
    expect(p!.text).not.toMatch(/\bonly\b/i);
    expect(p!.text).toMatch(/shall honor a civil immigration hold request\s+that is supported by a federal judicial criminal warrant/);
    // A request for notice alone, with the warrant, gets the notice (clamped, not declined): the words say so.
    expect(p!.text).toMatch(/requests notice of the time of the person's release, the Department shall give ICE that notice/);
  });
});

describe('the export of an enacted "decline ... unless" says that the exception holds the person', () => {
  // The enacted sentences of Cook County sec. 46-37(a) and Philadelphia's order say only what is declined;
  // the logic holds when the exception applies, and on a request for notice alone gives the notice (the
  // outcome never exceeds the request). The voted text keeps the enacted words; the annex of generated
  // readings, after it, says that a hold happens and for how long, what a request for notice alone gets, and
  // that a request for neither is declined.
  const cases = [
    {
      sample: 'cook-county-46-37-2011',
      enacted: 'The Sheriff of Cook County shall decline ICE detainer requests unless there is a written agreement',
      hold:
        '§ 2(a) Generated plain reading: If a written agreement is in force under which the federal government reimburses all costs of complying with ICE detainers, the Sheriff of Cook County shall honor the ICE detainer by holding the person for no longer than 48 hours, excluding Saturdays, Sundays and holidays',
      notice:
        "after the time the person would otherwise be released, or, where the ICE detainer requests only notice of the time of the person's release, by giving ICE that notice alone, without holding the person; and, where the ICE detainer requests neither that the person be held nor notice of the time of the person's release, shall decline the ICE detainer, shall not hold the person and shall not notify ICE of the time of the person's release.",
    },
    {
      sample: 'philadelphia-eo-5-16-2016',
      enacted: 'No person in the custody of the City who otherwise would be released from custody shall be detained',
      hold: 'the civil immigration detainer is supported by a judicial warrant, the City shall honor the civil immigration detainer by holding the person for no longer than 48 hours, excluding Saturdays, Sundays and holidays',
      notice:
        "after the time the person would otherwise be released, or, where the civil immigration detainer requests only notice of the time of the person's release, by giving ICE that notice alone, without holding the person; and, where the civil immigration detainer requests neither that the person be held nor notice of the time of the person's release, shall decline the civil immigration detainer, shall not hold the person and shall not notify ICE of the time of the person's release.",
    },
  ];
  for (const c of cases) {
    it(c.sample, () => {
      const md = renderMarkdown(sample(c.sample)).replace(/\s+/g, ' ');
      const annexAt = md.indexOf(`## ${ANNEX_HEADING}`);
      expect(annexAt).toBeGreaterThan(0);
      expect(md.slice(0, annexAt)).toContain(c.enacted);
      expect(md.slice(annexAt)).toContain(c.hold);
      expect(md.slice(annexAt)).toContain(c.notice);
      // The notice is said in the annex only: the voted text keeps the enacted words.
      expect(md.slice(0, annexAt)).not.toContain('requests only notice');
    });
  }
});

describe("Philadelphia's order, compared word for word with the copy read", () => {
  it('§ 2(a) quotes "8 C.F.R. § 287.7" as the order does (Section 1 read as far as "nor shall notice of his or")', () => {
    const md = renderMarkdown(sample('philadelphia-eo-5-16-2016')).replace(/\s+/g, ' ');
    const enacted = md.slice(0, md.indexOf(`## ${ANNEX_HEADING}`));
    expect(enacted).toContain(
      'No person in the custody of the City who otherwise would be released from custody shall be detained pursuant to an ICE civil immigration detainer request pursuant to 8 C.F.R. § 287.7, nor shall notice of his or',
    );
    expect(enacted).not.toContain('8 CFR 287.7, nor');
  });
});
