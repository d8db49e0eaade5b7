// The voted text prints the generated definition of "holiday" only when it uses the word, as it does
// for "ICE": Cook County's sec. 46-37(a), in its enacted words, names no holiday, and only the annex of
// generated plain readings (not part of the text) counts a hold without them. A text whose words say
// "holidays" keeps the definition: King County's worded § 2(a), and the generated hold of Connecticut's.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadOrdinance, ordinanceText, renderMarkdown, type Ordinance } from '../../engine/index';

function sample(name: string): Ordinance {
  const r = loadOrdinance(readFileSync(new URL(`../../samples/ordinances/${name}.ordinance.yaml`, import.meta.url), 'utf8'));
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.ordinance!;
}

const voted = (md: string) => md.slice(0, md.includes('## Annex') ? md.indexOf('## Annex') : undefined);

describe('the definition of "holiday" is printed only where the voted text uses the word', () => {
  it('Cook County: not in the voted text, whose words name no holiday; the annex keeps its reading', () => {
    const o = sample('cook-county-46-37-2011');
    const t = ordinanceText(o);
    const defs = t.sections.find((s) => s.heading === 'Definitions')!;
    expect(defs.clauses.map((c) => c.term)).toEqual(['ICE detainer', 'ICE']);
    expect(defs.clauses.map((c) => c.label)).toEqual(['(a)', '(b)']);
    const md = renderMarkdown(o);
    expect(voted(md)).not.toMatch(/holiday/i);
    expect(md.slice(md.indexOf('## Annex'))).toContain('48 hours, excluding Saturdays, Sundays and holidays');
  });

  it('King County and Connecticut: kept, since their voted words say "holidays"', () => {
    for (const name of ['king-county-17886-2014', 'connecticut-trust-act-2014']) {
      const md = voted(renderMarkdown(sample(name)));
      expect(md, name).toContain('"**holiday**" means a legal public holiday under 5 U.S.C. 6103');
      expect(md.replace(/"\*\*holiday\*\*" means[^\n]*/, ''), name).toMatch(/Saturdays, Sundays and (?:federal )?holidays/);
    }
  });
});
