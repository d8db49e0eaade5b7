// Every command names a provision as the app does (engine/provision-names.ts): by its citation and
// heading, or, without a heading, by what it does; the otherwise clause as such; never by its id. The
// honor-every-detainer baseline has one name in an output: "honor all", as its rules are cited.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-in-process';

const root = path.resolve(__dirname, '../..');
// § 3(a)(1) has a heading; § 3(a)(2)-(4) have none; no term for the detainer is defined.
const chicago = path.join(root, 'tests/analysis/fixtures/chicago-welcoming-city-2012.ordinance.yaml');
const berkeley = path.join(root, 'tests/analysis/fixtures/berkeley-2012.ordinance.yaml');
const cases = path.join(root, 'samples/cases/synthetic-200.cases.json');
const IDS = /criminal-warrant|felony-conviction|pending-felony|gang-database|\(default\)|\(otherwise\)/;
const UNHEADED =
  '[no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice]';

describe('provisions by name, never by id', () => {
  it('simulate: the coverage table, and one name for the baseline', async () => {
    const r = await runCli('simulate', chicago, '--cases', cases, '--baseline', 'honor-all');
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(IDS);
    expect(r.out).toMatch(/^Provision +Provision gives +Cases decided +What they got$/m);
    expect(r.out).toMatch(/^§ 3\(a\)\(1\) Outstanding criminal warrant +hold +\d+/m);
    expect(r.out).toContain(`§ 3(a)(2) ${UNHEADED}  hold`);
    expect(r.out).toMatch(/^§ 3\(b\) Otherwise +decline +\d+/m);
    // The baseline is "honor all" in the comparison and in each rule cited, and by no other name.
    expect(r.out).toContain('Compared with honor all (the baseline: every detainer honored as requested): ');
    expect(r.out).toMatch(/\(honor all: hold as requested\)/);
    expect(r.out).not.toMatch(/honor every detainer|honor-hold|honor-notify/);
    const json = JSON.parse((await runCli('simulate', chicago, '--cases', cases, '--baseline', 'honor-all', '--json')).out);
    expect(json.comparison.other.title).toBe('honor all (the baseline: every detainer honored as requested)');
  });

  it("explain: the headline and each provision's heading", async () => {
    const r = await runCli('explain', chicago, '--cases', cases, '--id', 'B-0003');
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(IDS);
    expect(r.out.split('\n')[0]).toBe('Case B-0003: DECLINE, decided by § 3(b) Otherwise.');
    const headings = r.out.split('\n').filter((l) => l.startsWith('§'));
    expect(headings).toEqual([
      '§ 3(a)(1) Outstanding criminal warrant:',
      `§ 3(a)(2) ${UNHEADED}:`,
      `§ 3(a)(3) ${UNHEADED}:`,
      `§ 3(a)(4) ${UNHEADED}:`,
      '§ 3(b) Otherwise:',
    ]);
  });

  it("diff: each kind of difference and each side's headline", async () => {
    const r = await runCli('diff', berkeley, chicago);
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(IDS);
    expect(r.out).toMatch(/^1\. A: decline by § 2 Otherwise {3}B: hold by § 3\(a\)\(1\) Outstanding criminal warrant$/m);
    expect(r.out).toContain('Draft B: HOLD until');
  });

  it('the legal lint: a finding names the provision it is about', async () => {
    const r = await runCli('validate', chicago);
    expect(r.out).toContain(': warning: the policy has no minimum age: § 3(a)(1) Outstanding criminal warrant can hold a person under 18');
    expect(r.out).not.toMatch(IDS);
  });
});
