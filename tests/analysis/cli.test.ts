// The command line of the analysis: `diff` (one JSON object, exit 0/1/2), `decision-table` (CSV) and
// `validate` with the lint (silenced findings not counted, scenario-aware rule with --scenario).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { compile, readCaseSet } from '../../engine/index';
import { fixture, ordinanceFrom } from './helpers';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ds-analysis-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const repo = (p: string) => path.resolve(__dirname, '../..', p);
const ct = repo('samples/ordinances/connecticut-trust-act-2014.ordinance.yaml');
const chicago = repo('tests/analysis/fixtures/chicago-welcoming-city-2012.ordinance.yaml');
const cook = repo('tests/analysis/fixtures/cook-county-46-37.ordinance.yaml');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('detainer-studio diff', () => {
  it('--json: one object with witnesses that simulate can take back, exit 1', async () => {
    const r = await run('diff', ct, chicago, '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as {
      equivalent: boolean;
      witnesses: Array<{ case: unknown; a: { outcome: string; holdUntil: string | null; reasons: unknown[] }; b: { outcome: string } }>;
    };
    expect(json.equivalent).toBe(false);
    expect(json.witnesses.length).toBeGreaterThan(0);
    const cases = write('witnesses.cases.json', JSON.stringify(json.witnesses.map((w) => w.case)));
    const set = readCaseSet(readFileSync(cases, 'utf8'), 'json');
    expect(set.problems).toEqual([]);
    const a = compile(ordinanceFrom(readFileSync(ct, 'utf8')));
    set.cases.forEach((c, i) => expect(a.decide(c)).toEqual(json.witnesses[i]!.a));
    const sim = await run('simulate', ct, '--cases', cases, '--compare', chicago, '--json');
    expect(sim.code).toBe(0);
    expect((JSON.parse(sim.out) as { comparison: { changed: number } }).comparison.changed).toBe(json.witnesses.length);
  });

  it('equivalent drafts: exit 0, readable proof', async () => {
    const r = await run('diff', ct, ct);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Equivalent');
    const j = await run('diff', ct, ct, '--json');
    expect(JSON.parse(j.out)).toMatchObject({ equivalent: true, witnesses: [] });
  });

  it('a readable report shows both explanations side by side', async () => {
    const r = await run('diff', ct, chicago);
    // Each side's provision by its citation and heading, never its id.
    expect(r.out).toMatch(/1\. A: review by § 3\(c\)\(3\) Unacceptable risk to public safety\s+B: decline/);
    expect(r.out).not.toContain('public-safety-risk');
    expect(r.out).toMatch(/Draft A: .*\| Draft B: /);
  });

  it('the reimbursement agreement: varied unless a scenario fixes it', async () => {
    const berkeley = repo('tests/analysis/fixtures/berkeley-2012.ordinance.yaml');
    const free = JSON.parse((await run('diff', cook, berkeley, '--json')).out) as {
      witnesses: Array<{ scenario?: { reimbursementAgreement: boolean } }>;
    };
    expect(free.witnesses[0]!.scenario).toEqual({ reimbursementAgreement: true });
    expect((await run('diff', cook, berkeley, '--reimbursement', 'no')).code).toBe(0);
    const scenario = write('no-agreement.scenario.yaml', 'name: no agreement\nreimbursementAgreement: false\n');
    expect((await run('diff', cook, berkeley, '--scenario', scenario)).code).toBe(0);
  });

  it('bad input: an invalid draft exits 1 (as validate does), an unreadable file or wrong usage 2, with a located message', async () => {
    expect((await run('diff', ct, path.join(dir, 'missing.ordinance.yaml'))).code).toBe(2);
    const broken = write('broken.ordinance.yaml', 'title: [unclosed\n');
    const r = await run('diff', broken, ct, '--json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/broken\.ordinance\.yaml:\d+:\d+: error/);
    expect((await run('diff', ct)).code).toBe(2);
  });
});

describe('detainer-studio decision-table', () => {
  it('writes CSV covering every combination', async () => {
    const out = path.join(dir, 'table.csv');
    const r = await run('decision-table', chicago, '--out', out);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/rows cover all \d+ combinations/);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^ICE requested,.*Outcome,Policy allows,Provision,Citation,Maximum hold,Combinations$/);
    expect(lines.length).toBeGreaterThan(5);
  });

  it('--json gives the rows as data', async () => {
    const r = await run('decision-table', ct, '--json');
    const t = JSON.parse(r.out) as { rows: Array<{ provision: string }>; complete: boolean };
    expect(t.complete).toBe(true);
    expect(new Set(t.rows.map((x) => x.provision))).toContain('public-safety-risk');
    expect(fixture('berkeley-2012')).toBeDefined();
  });
});

describe('detainer-studio validate', () => {
  const policy = `title: T
jurisdiction: { name: T, state: PA }
sections:
  - heading: D
    provisions:
      - id: admin
        when: { administrativeWarrant: true }
        outcome: hold
        maxHold: { hours: 72, excludingWeekendsAndHolidays: true }
otherwise: decline
`;

  it('prints lint findings in the FILE:LINE:COL format; a legal error fails', async () => {
    const file = write('admin.ordinance.yaml', policy);
    const r = await run('validate', file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/admin\.ordinance\.yaml:9:27: error: .*8 CFR 287\.7\(d\).* \[hold-exceeds-federal-maximum\]/);
    expect(r.out).toMatch(/admin\.ordinance\.yaml:8:18: warning: .*Galarza.* \[hold-without-judicial-warrant\]/);
  });

  it('does not count silenced findings', async () => {
    const file = write(
      'silenced.ordinance.yaml',
      policy.replace(
        '      - id: admin\n',
        '      # lint-ignore hold-on-administrative-warrant: the county attorney accepts the risk\n      - id: admin\n',
      ) +
        'suppress:\n  - code: hold-exceeds-federal-maximum\n    reason: a state statute allows 72 hours\n  - code: no-minimum-age\n    reason: no minors are booked in this jail\n  - code: hold-exceeds-request\n    reason: the county answers for the hours past the request\n',
    );
    const r = await run('validate', file, '--quiet');
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const loud = await run('validate', file);
    // The old code in the comment still silences the renamed rule.
    expect(loud.err).toContain('0 errors, 0 warnings, 4 silenced with a reason');
  });

  it('runs the scenario-aware rule when given a scenario', async () => {
    expect((await run('validate', cook)).out).not.toContain('agreement-not-in-force');
    const scenario = write('fy2012.scenario.yaml', 'name: FY2012\nreimbursementAgreement: false\n');
    expect((await run('validate', cook, '--scenario', scenario)).out).toContain('[agreement-not-in-force]');
    expect((await run('validate', cook, '--reimbursement', 'yes')).out).not.toContain('agreement-not-in-force');
  });
});
