// The Law applied view: which state law and federal law applied to the ordinance and why, each
// authority with its citation for the date (a renumbered article by its number then), what it
// requires, its confidence and sources; the date comes from the effective date or the law-as-of date.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { lawApplied, type Ordinance } from '../../engine/index';
import { LawAppliedPanel } from '../../renderer/src/problems/LawAppliedPanel';

const texas = (date: string): Ordinance => ({
  title: 'T',
  jurisdiction: { name: 'Test County', state: 'TX', level: 'county' },
  effectiveDate: date,
  sections: [{ heading: 'D' }],
  otherwise: 'decline',
});

describe('law applied', () => {
  it('names the Texas mandate by the article in force on the date', () => {
    expect(lawApplied(texas('2020-01-01')).stateLaw.find((a) => a.id === 'tx-sb4-detainer-mandate')!.citation).toContain('art. 2.251');
    expect(lawApplied(texas('2025-06-01')).stateLaw.find((a) => a.id === 'tx-sb4-detainer-mandate')!.citation).toContain('art. 2A.060');
  });
  it('marks law that takes effect after the date, and takes the date from lawAsOf when given', () => {
    const l = lawApplied(texas('2016-01-01'));
    expect(l.stateLaw.map((a) => [a.id, a.status])).toEqual([
      ['tx-sb4-detainer-mandate', 'later'],
      ['tx-sb8-287g', 'later'],
    ]);
    expect(l.federal.find((a) => a.id === 'us-form-i-247a')?.status).toBe('later');
    const asOf = lawApplied({ ...texas('2016-01-01'), lawAsOf: '2026-02-01' });
    expect(asOf.asOfSource).toMatch(/law-as-of/);
    expect(asOf.stateLaw.every((a) => a.status === 'in-force')).toBe(true);
  });
  it('says plainly when no state law was found, with the search that found none', () => {
    const pa = lawApplied({ ...texas('2020-01-01'), jurisdiction: { name: 'X', state: 'PA' } });
    expect(pa.noStateLaw).toBe(true);
    expect(pa.research).toMatch(
      /^searched on December 6, 2026: no enacted state law on detainers found \(bills only: HB 403 and HB 1872 \(2025\)/,
    );
    const html = renderToStaticMarkup(
      createElement(LawAppliedPanel, { ordinance: { ...texas('2020-01-01'), jurisdiction: { name: 'X', state: 'PA' } } }),
    );
    expect(html).toContain(
      'No Pennsylvania statute or ruling on detainers is on file; searched on December 6, 2026: no enacted state law on detainers found (bills only: HB 403',
    );
    expect(html).toContain('That is not proof there is none.');
  });
  it('says "not researched" for a place whose law was never searched', () => {
    const guam = { ...texas('2020-01-01'), jurisdiction: { name: 'X', state: 'GU' } };
    expect(lawApplied(guam).research).toBe('not researched');
    expect(renderToStaticMarkup(createElement(LawAppliedPanel, { ordinance: guam }))).toContain(
      'No Guam statute or ruling on detainers is on file; not researched. That is not proof there is none.',
    );
  });
  it('says so too when the state law on file binds other levels of government only', () => {
    // Nebraska's Executive Order 25-01 binds state agencies, not a county.
    const county = lawApplied({ ...texas('2025-08-01'), jurisdiction: { name: 'X', state: 'NE', level: 'county' } });
    expect([county.noStateLaw, county.stateLaw, county.research]).toEqual([true, [], undefined]);
    const state = lawApplied({ ...texas('2025-08-01'), jurisdiction: { name: 'X', state: 'NE', level: 'state' } });
    expect([state.noStateLaw, state.stateLaw.map((a) => a.id)]).toEqual([false, ['ne-eo-25-01']]);
  });
  it('renders each authority with citation, confidence and sources', () => {
    const html = renderToStaticMarkup(createElement(LawAppliedPanel, { ordinance: texas('2025-06-01') }));
    expect(html).toContain('Law applied: Texas, as of June 1, 2025');
    expect(html).toContain('Tex. Code Crim. Proc. art. 2A.060');
    expect(html).toContain('verified (primary source)');
    expect(html).toContain('https://www.lawserver.com/law/state/texas/tx-codes/texas_code_of_criminal_procedure_2-251');
    expect(html).toContain('Galarza v. Szalczyk, 745 F.3d 634 (3d Cir. 2014)');
  });
});

describe('what is marked as after the ordinance’s date', () => {
  it('says a court ruling was decided after it, and a statute or form takes effect after it', () => {
    // Texas, 2012: Galarza (2014) and Morales (2015) were decided later; SB 4 (2017) and the I-247A (2017) take effect later.
    const html = renderToStaticMarkup(createElement(LawAppliedPanel, { ordinance: texas('2012-01-01') }));
    const marks = (id: string) =>
      new RegExp(`data-authority="${id}".*?<span class="later">([^<]*)</span>`, 's').exec(html)?.[1]?.replace(/&#x27;/g, "'");
    expect(marks('us-galarza-v-szalczyk')).toBe(" decided after the ordinance's date");
    expect(marks('tx-sb4-detainer-mandate')).toBe(" takes effect after the ordinance's date");
    expect(marks('us-form-i-247a')).toBe(" takes effect after the ordinance's date");
    expect(html).not.toMatch(/data-authority="us-galarza-v-szalczyk"(?:(?!data-authority).)*takes effect/s);
    expect(html).toContain('Law taking effect after that date, and a ruling decided after it, is marked;');
  });
});

describe('an effective date the law data could not verify', () => {
  it('is shown as the lint and the officer guide say it: "effective July 1, 2019 (a date not verified)"', () => {
    const florida: Ordinance = { ...texas('2019-09-01'), jurisdiction: { name: 'Test City', state: 'FL', level: 'city' } };
    const html = renderToStaticMarkup(createElement(LawAppliedPanel, { ordinance: florida }));
    expect(html).toContain('effective July 1, 2019 (a date not verified)');
    // A date read in a primary source is printed without the mark (Texas SB 8, and SB 4 since its date was
    // read in the Legislature's enrolled bill summary).
    const tx = renderToStaticMarkup(createElement(LawAppliedPanel, { ordinance: texas('2025-06-01') }));
    expect(tx).toContain('effective January 1, 2026; read in a primary source.');
    expect(tx).toContain('effective September 1, 2017; read in a primary source.');
    expect(tx).not.toContain('September 1, 2017 (a date not verified)');
  });
});
