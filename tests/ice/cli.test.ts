// The command line on ICE's released detainer records: the workbook and its CSV, one facility and
// period, the open decisions and their ranges, every unreadable row by its number.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICE_COLUMNS } from './ice-records';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin/detainer-studio.mjs');
const ct = path.join(root, 'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml');
const xlsx = path.join(root, 'tests/ice/fixtures/ice-detainers-fixture.xlsx');
const csv = path.join(root, 'tests/ice/fixtures/ice-detainers-fixture.csv');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('simulate --cases ICE records', () => {
  it('explains a case the records cannot decide as undecided, with the facts it turns on, not as a referral', () => {
    const violent = path.join(root, 'samples/ordinances/violent-convictions-only-2012.ordinance.yaml');
    const r = run('explain', violent, '--cases', xlsx, '--id', 'row-11');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Case row-11: UNDECIDED: these records cannot settle it\. It turns on convictions beyond those on record/);
    expect(r.out).not.toContain('REFER FOR REVIEW');
    expect(r.out).not.toContain('UNKNOWN (a person must decide)');
  });

  it('names no one provision as deciding a settled case whose first provision the records leave open', () => {
    // row-100 under Connecticut: a hold either way, but whether § 3(a)(1) (a felony conviction) applies is not in the
    // records; § 3(c)(2) (a final order of removal) surely does. § 3(b) may too: the gang column says no,
    // but ICE's records do not carry the Department of Correction's Security Risk Group designations.
    const r = run('explain', ct, '--cases', xlsx, '--id', 'row-100');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^Case row-100: HOLD.*, under § 3\(a\)\(1\) Has been convicted of a felony or, if it does not apply, § 3\(a\)\(2\)/,
    );
    expect(r.out).toContain('or, if none of those applies, § 3(c)(2) Final order of deportation or removal.');
    expect(r.out).toContain('These records do not show whether § 3(a)(1) applies');
    expect(r.out).not.toContain('decided by § 3(a)(1)');
    expect(r.out).toContain('Deciding conviction: none named (the records leave open whether § 3(a)(1) or');
    expect(r.out).not.toContain('applied without a conviction satisfying a conviction test');
    expect(r.out).not.toContain('UNKNOWN (a person must decide)');
    const j = run('explain', ct, '--cases', xlsx, '--id', 'row-100', '--json');
    const d = JSON.parse(j.out);
    expect(d.outcome).toBe('hold');
    expect(d.undetermined).toBeUndefined();
    expect(d.decidedByOneOf.map((p: { citation: string }) => p.citation)).toEqual([
      '§ 3(a)(1)',
      '§ 3(a)(2)',
      '§ 3(a)(3)',
      '§ 3(b)',
      '§ 3(c)(1)',
      '§ 3(c)(2)',
    ]);
    expect(d.decidingConvictions).toEqual([]);
    // simulate --json says the same of the case.
    const sim = JSON.parse(run('simulate', ct, '--cases', xlsx, '--json').out);
    const same = sim.decisions.find((x: { id: string }) => x.id === 'row-100');
    expect(same.decidedByOneOf).toEqual(d.decidedByOneOf);
    expect(same).not.toHaveProperty('decidingConvictions');
  });

  it('explain --json names no deciding conviction on a case the records cannot settle, as its text and simulate --json', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'explain-open-'));
    const policy = path.join(dir, 'p.ordinance.yaml');
    const cases = path.join(dir, 'c.cases.json');
    fs.writeFileSync(
      policy,
      `title: Felony with a judge's warrant\njurisdiction: { name: Testville, state: NM }\nsections:\n  - heading: D\n    provisions:\n      - id: felony-and-warrant\n        when: { all: [ { conviction: { classes: [felony] } }, { judicialWarrant: true } ] }\n        outcome: hold\n        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }\notherwise: decline\n`,
    );
    // A felony meets the conviction test; whether a judge's warrant was issued is not in the records.
    const rape = { offense: 'rape', class: 'felony', degree: 1, categories: ['violent'], convictedOn: '2018-02-01' };
    const one = {
      id: 'open',
      age: 45,
      bookedAt: '2024-03-01T09:00',
      eligibleForReleaseAt: '2024-03-02T10:00',
      detainer: { requests: ['hold'], issuedAt: '2024-03-01T12:00' },
      convictions: [rape],
      unknown: ['judicialWarrant'],
    };
    fs.writeFileSync(cases, JSON.stringify({ cases: [one] }));
    const d = JSON.parse(run('explain', policy, '--cases', cases, '--id', 'open', '--json').out);
    expect(d.undetermined).toBeDefined();
    expect(d.decidingConvictions).toEqual([]);
    expect(run('explain', policy, '--cases', cases, '--id', 'open').out).not.toContain('Deciding conviction');
    const sim = JSON.parse(run('simulate', policy, '--cases', cases, '--json').out);
    expect(sim.decisions[0]).not.toHaveProperty('decidingConvictions');
  });

  it('calls a case the records cannot decide undecided, gives unknown cost as a least, and cites the baseline by its own rule', () => {
    const violent = path.join(root, 'samples/ordinances/violent-convictions-only-2012.ordinance.yaml');
    const r = run('simulate', violent, '--cases', xlsx, '--facility', 'RIVERTON COUNTY JAIL', '--baseline', 'honor-all');
    expect(r.code).toBe(0);
    // The 71 open decisions are undecided, not a person's review (no provision of this draft asks for a finding).
    expect(r.out).toMatch(/^review \(a person decides\) +0 +0\.0% +0$/m);
    expect(r.out).toMatch(/^undecided \(records\) +71 +51\.4%$/m);
    expect(r.out).toMatch(/^hold +3 +2\.2% +62$/m);
    // No release times: hours and cost are a least, never 0, and their difference from the baseline unknown.
    expect(r.out).toContain('Hold hours: at least 144.0   Cost: at least $858.00');
    expect(r.out).not.toMatch(/Hold hours: 0\.0/);
    expect(r.out).toContain('hold hours unknown, cost unknown');
    // An undecided decision that could be the baseline's is not counted as differing: it may. The baseline
    // never declines a detainer whose request the records lack (row-340 and row-403, which this draft
    // declines): it holds or notifies, so those two differ for certain.
    expect(r.out).toContain(
      'Compared with honor all (the baseline: every detainer honored as requested): 64 of 138 decisions differ and 70 more may (they are undecided on these records under one of the two, which could decide them as the other does);',
    );
    // Coverage: what the provision gives, beside what its cases got.
    // The 3 holds are settled, but the records do not show whether § 2(a)(1) or a later provision decides them.
    // The 71 undecided are decided by no provision: not among § 2(a)(1)'s cases decided, but "may decide"
    // under each provision that may decide them (70 of them may be declined under the otherwise clause).
    expect(r.out).toMatch(
      /^§ 2\(a\)\(1\) Convicted of a homicide, at any time +hold +3 +3 hold; 3 of the settled ones perhaps by a later provision instead \(the records do not show whether this one applies; the outcome is the same\); may decide 71 undecided on these records$/m,
    );
    expect(r.out).toMatch(
      /^§ 2\(a\)\(2\) Convicted of a violent crime within ten years +hold +0 +none; it may be the one to decide 3 counted under an earlier provision; may decide 71 undecided on these records$/m,
    );
    expect(r.out).toMatch(/^§ 2\(b\) Otherwise +decline +64 +64 decline; may decide 70 undecided on these records$/m);
    // The counts decided add up to the cases the records settle, and the line says how the rest are counted.
    expect(r.out).toContain(
      '138 cases: 67 decided, each counted once under the provision credited with it; 71 undecided on these records, counted as decided under no provision and as “may decide” under every provision that may decide each.',
    );
    // Figures by year: review is a person's decisions only.
    expect(r.out).toMatch(/^2024 +90 +0-38 +0 +0 +45 +45$/m);
    // Changed cases: undecided by name, with each outcome it could have and the provisions that would give it
    // (not the first that may apply alone); the baseline's reason is its own, never a section of the draft.
    expect(r.out).toMatch(
      /^row-11 +undecided on these records: hold under § 2\(a\)\(1\) or § 2\(a\)\(2\), or decline under § 2\(b\) +hold \(honor all: hold as requested\)$/m,
    );
    expect(r.out).toMatch(
      /^row-9 +undecided on these records: notify under § 2\(a\)\(1\) or § 2\(a\)\(2\), or decline under § 2\(b\) +notify \(honor all: notify as requested\)$/m,
    );
    const changed = r.out.slice(r.out.indexOf('Case    This policy'));
    for (const line of changed.split('\n').slice(2, 20)) expect(line.split(/ {2,}/)[2]).not.toContain('§');
  });

  it('gives the same summary from the workbook and from its CSV, with ranges and figures per year', () => {
    const a = run('simulate', ct, '--cases', xlsx, '--source', 'ice-detainers', '--json');
    const b = run('simulate', ct, '--cases', csv, '--json');
    expect([a.code, b.code]).toEqual([0, 0]);
    const ja = JSON.parse(a.out);
    const jb = JSON.parse(b.out);
    expect(ja.summary).toEqual(jb.summary);
    expect(ja.cases).toMatchObject({ total: 400, source: 'ice-detainers' });
    const u = ja.summary.unknowns;
    expect(u.undetermined).toBeGreaterThan(0);
    expect(u.range.hold.atMost).toBeGreaterThan(u.range.hold.atLeast);
    expect(ja.breakdown.byYear.map((y: { key: string }) => y.key)).toEqual(['2023', '2024', '2025']);
    const open = ja.decisions.find((d: { undetermined?: unknown }) => d.undetermined);
    expect(open).toMatchObject({ outcome: 'review', holdUntil: null, undetermined: { possible: expect.arrayContaining(['hold']) } });
    expect(open.undetermined.dependsOn.length).toBeGreaterThan(0);
  });

  it('narrows to one facility and period, and says what it could not find', () => {
    const r = run('simulate', ct, '--cases', xlsx, '--facility', 'Riverton County Jail', '--from', '2024-01-01', '--to', '2024-12-31');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d+ cases from .*ice-detainers-fixture\.xlsx/m);
    expect(r.out).toMatch(/decisions turn on facts the records don't carry/);
    expect(r.out).toMatch(/By year of the request:\nYear +Cases +Held/);
    expect(r.out).toMatch(/holds have no known end/);
    const none = run('simulate', ct, '--cases', xlsx, '--facility', 'Riverton City Jail');
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/no facility named "Riverton City Jail"; did you mean "RIVERTON COUNTY JAIL \(RIVERTON, MA\)"/);
    const bad = run('simulate', ct, '--cases', xlsx, '--from', '2024-13-01');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--from must be a date/);
  });

  it('reports every unreadable row by its number, and goes on with --skip-bad', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-ice-'));
    const rows = fs.readFileSync(csv, 'utf8').split('\n');
    const at = ICE_COLUMNS.indexOf('Detainer Prepare Date');
    // Rows 9 and 12 of the file: a date that does not exist, and one that is not a date.
    const broken = rows.map((line, k) =>
      k === 8 || k === 11
        ? line
            .split(',')
            .map((c, i) => (i === at ? (k === 8 ? '2024-02-31 10:00:00' : 'soon') : c))
            .join(',')
        : line,
    );
    const file = path.join(dir, 'ero-detainers.csv');
    fs.writeFileSync(file, broken.join('\n'));
    const r = run('simulate', ct, '--cases', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file}: row 9 (row-9): error: Detainer Prepare Date: not a date: "2024-02-31 10:00:00"`);
    expect(r.err).toContain(`${file}: row 12 (row-12): error: Detainer Prepare Date: not a date: "soon"`);
    expect(r.err).toMatch(/2 of 400 cases have problems/);
    const skipped = run('simulate', ct, '--cases', file, '--skip-bad', '--json');
    expect(skipped.code).toBe(0);
    expect(JSON.parse(skipped.out).cases.total).toBe(398);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('warns, located in the draft, of a tag no record of the set carries', () => {
    const boston = path.join(root, 'samples/ordinances/boston-serious-felony-partition-2011.ordinance.yaml');
    const r = run('simulate', boston, '--cases', csv);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      new RegExp(
        `${boston.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: warning: the definition of "serious felony" covers 'arson'; no case in this set has that tag.*\\[case-set-lacks-category\\]`,
      ),
    );
  });

  it('refuses an old .xls workbook with a way forward', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-ice-'));
    const file = path.join(dir, 'old.xlsx');
    fs.writeFileSync(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, ...new Array(60).fill(0)]));
    const r = run('simulate', ct, '--cases', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/old\.xlsx: row 1: error: this is an Excel 97-2003 workbook \(\.xls\).*save it as \.xlsx or CSV/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
