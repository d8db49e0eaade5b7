// The command-line contract, run as a real process on real files.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDocument } from '../../engine/index';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin/detainer-studio.mjs');
const sample = path.join(root, 'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml');
let dir: string;
let cases: string;

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-cli-'));
  cases = path.join(dir, 'c.cases.json');
  expect(run('generate', '--count', '300', '--seed', '5', '--out', cases).code).toBe(0);
  // The build takes a few seconds, many more on a loaded machine.
}, 120_000);

describe('validate', () => {
  it('exits 0 on a valid sample', () => {
    expect(run('validate', sample).code).toBe(0);
  });
  it('--examples prints, under each finding that has one, the example case the lint attaches, and nothing else changes', () => {
    // The sample with its silencing list taken out: its findings about the law after 2014 print.
    const text = fs.readFileSync(sample, 'utf8').replace(/\nsuppress:\n(?: {2}.*\n| {4}.*\n)*/, '\n');
    const f = path.join(dir, 'unsilenced.ordinance.yaml');
    fs.writeFileSync(f, text);
    const plain = run('validate', f);
    const withExamples = run('validate', '--examples', f);
    expect(withExamples.code).toBe(plain.code);
    expect(withExamples.err).toBe(plain.err);
    const lines = withExamples.out.split('\n');
    expect(lines.filter((l) => !l.startsWith('    e.g. ')).join('\n')).toBe(plain.out);
    const expected = checkDocument(text)
      .diagnostics.filter((d) => !d.suppressed)
      .map((d) => (d.example ? `    e.g. ${d.example.facts.join('; ')}` : null));
    expect(lines.filter((l) => l && !l.startsWith('    e.g. ')).length).toBe(expected.length);
    // Each finding's line is followed by its example, when it has one.
    let k = 0;
    for (let i = 0; i < lines.length && k < expected.length; i++) {
      if (lines[i]!.startsWith('    e.g. ') || !lines[i]) continue;
      const next = lines[i + 1]?.startsWith('    e.g. ') ? lines[i + 1] : null;
      expect(next, lines[i]).toBe(expected[k]);
      k++;
    }
    expect(expected.filter(Boolean).length).toBeGreaterThan(3);
  });
  it('prints FILE:LINE:COL: error: MESSAGE [CODE] and exits 1', () => {
    const f = path.join(dir, 'bad.ordinance.yaml');
    fs.writeFileSync(f, fs.readFileSync(sample, 'utf8').replace('outcome: hold', 'outcome: detain'));
    const r = run('validate', f);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: error: .*cannot be "detain".* \\[not-allowed\\]$`, 'm'),
    );
  });
  it('exits 2 on a missing file, with no stack trace', () => {
    const r = run('validate', path.join(dir, 'missing.ordinance.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/missing\.ordinance\.yaml: error: no such file/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
  it('never counts a file it could not read as checked', () => {
    const missing = path.join(dir, 'missing.ordinance.yaml');
    const alone = run('validate', missing);
    expect(alone.err).toMatch(/^0 files checked; 1 could not be read$/m);
    expect(alone.err).not.toMatch(/1 file checked/);
    const withSample = run('validate', missing, sample);
    expect(withSample.code).toBe(2);
    expect(withSample.err).toMatch(/^1 file checked: 0 errors, 0 warnings.*; 1 could not be read$/m);
  });
  it('exits 2 on wrong usage', () => {
    expect(run('validate').code).toBe(2);
    expect(run('simulate', sample).code).toBe(2);
    expect(run('simulate', sample, '--cases', cases, '--bogus').code).toBe(2);
    expect(run('frobnicate').code).toBe(2);
  });
  it('reports a binary file as a located error', () => {
    const f = path.join(dir, 'binary.ordinance.yaml');
    fs.writeFileSync(f, Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 131) % 256)));
    const r = run('validate', f);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/binary\.ordinance\.yaml:\d+:\d+: error: this is not a text file/);
  });
});

describe('simulate --json', () => {
  it('honours the contract', () => {
    const r = run('simulate', sample, '--cases', cases, '--reimbursement', 'no', '--baseline', 'honor-all', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['policy', 'scenario', 'summary', 'decisions', 'coverage', 'comparison']));
    expect(j.policy.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    const o = j.summary.outcomes;
    expect(o.hold + o.notify + o.review + o.decline).toBe(300);
    expect(j.decisions).toHaveLength(300);
    for (const d of j.decisions) {
      expect(d.holdUntil === null).toBe(d.outcome !== 'hold');
      if (d.holdUntil) expect(d.holdUntil).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
      expect(d.citation).toMatch(/^§ \d+/);
      expect(d.reasons.length).toBeGreaterThan(0);
    }
    expect(j.comparison.matrix).toBeDefined();
  });
  it('leaves out comparison unless asked', () => {
    const j = JSON.parse(run('simulate', sample, '--cases', cases, '--json').out);
    expect('comparison' in j).toBe(false);
  });
  it('applies --reimbursement', () => {
    const yes = JSON.parse(run('simulate', sample, '--cases', cases, '--reimbursement', 'yes', '--json').out);
    expect(yes.scenario.reimbursementAgreement).toBe(true);
    expect(yes.summary.cost.reimbursed).toBe(yes.summary.cost.total);
  });
});

describe('simulate names the holidays it skips where the scenario departs from the text', () => {
  it("says so when the scenario's holidays are not the federal ones the ordinance's text defines, and only then", () => {
    const none = path.join(dir, 'none.scenario.yaml');
    fs.writeFileSync(none, 'name: No holidays\nreimbursementAgreement: false\ncostPerInmateDay: 143\nholidays: none\n');
    const extra = path.join(dir, 'extra.scenario.yaml');
    fs.writeFileSync(extra, 'name: Good Friday\nreimbursementAgreement: false\ncostPerInmateDay: 143\nholidays: [2014-04-18]\n');
    const aside = "(the scenario's; the ordinance's text defines holidays as the U.S. federal ones)";
    expect(run('simulate', sample, '--cases', cases, '--scenario', none).out).toContain(`; holidays skipped: none ${aside}`);
    expect(run('simulate', sample, '--cases', cases, '--scenario', extra).out).toContain(
      `; holidays skipped: the U.S. federal holidays and 2014-04-18 ${aside}`,
    );
    expect(run('simulate', sample, '--cases', cases).out).not.toContain('holidays skipped');
  });
});

describe('case files', () => {
  it('reads CSV and reports a bad row by number and field, keeping the good ones unless told to skip', () => {
    const csv = path.join(dir, 'c.csv');
    expect(run('generate', '--count', '20', '--format', 'csv', '--out', csv).code).toBe(0);
    const lines = fs.readFileSync(csv, 'utf8').split('\n');
    lines[5] = lines[5]!.replace(/^([^,]*),(\d+),/, '$1,old,');
    fs.writeFileSync(csv, lines.join('\n'));
    const r = run('simulate', sample, '--cases', csv);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/c\.csv: row 6 \(B-0005\): error: age: must be a whole number, not "old"/);
    const skipped = run('simulate', sample, '--cases', csv, '--skip-bad', '--json');
    expect(skipped.code).toBe(0);
    expect(JSON.parse(skipped.out).summary.total).toBe(19);
  });
  it('locates a bad JSON record by line and column', () => {
    const f = path.join(dir, 'bad.cases.json');
    const list = JSON.parse(fs.readFileSync(cases, 'utf8'));
    list[2].bookedAt = '2012-13-45T10:00';
    fs.writeFileSync(f, JSON.stringify(list, null, 2));
    const r = run('simulate', sample, '--cases', f);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /bad\.cases\.json:\d+:\d+ \(B-0003\): error: bookedAt: "2012-13-45T10:00" is not a real date \(there is no month 13\)$/m,
    );
  });
});

describe('explain and render', () => {
  it('explains one case in plain English', () => {
    const r = run('explain', sample, '--cases', cases, '--id', 'B-0001');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Case B-0001: .*decided by § \d/);
    expect(run('explain', sample, '--cases', cases, '--id', 'nope').code).toBe(1);
  });
  it('says which convictions satisfied the deciding provision: the rape and the larceny, not the misdemeanors on record first', () => {
    const synthetic = path.join(root, 'samples/cases/synthetic-200.cases.json');
    const r = run('explain', sample, '--cases', synthetic, '--id', 'B-0016');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[1]).toBe(
      'Deciding convictions: rape (1st-degree felony; violent, serious, sex-offense, aggravated-felony), convicted 1996-03-09; larceny over $1,200 (3rd-degree felony; property), convicted 1993-10-15 (each satisfied the conviction test of § 3(a)(1)).',
    );
    const json = JSON.parse(run('explain', sample, '--cases', synthetic, '--id', 'B-0016', '--json').out) as {
      provision: string;
      decidingConvictions: { position: number; offense: string }[];
    };
    expect(json.provision).toBe('felony-conviction');
    expect(json.decidingConvictions.map((c) => [c.position, c.offense])).toEqual([
      [2, 'rape'],
      [1, 'larceny over $1,200'],
    ]);
    // A provision with no conviction test (the officer's finding of risk): none, and why.
    const b1 = run('explain', sample, '--cases', synthetic, '--id', 'B-0001').out.split('\n')[1];
    expect(b1).toMatch(
      /^Deciding conviction: none \(§ [\d()a-z]+ (reads no conviction|applied without a conviction satisfying a conviction test)\)\.$|^$/,
    );
  });
  it('renders Markdown with numbered sections and the fingerprint', () => {
    const out = path.join(dir, 'ct.md');
    expect(run('render', sample, '--out', out).code).toBe(0);
    const md = fs.readFileSync(out, 'utf8');
    expect(md).toMatch(/^# An Act Concerning Civil Immigration Detainers/);
    expect(md).toMatch(/## Section 1\. Short title\n\nThis act may be cited as the "TRUST Act"\.\n\n## Section 2\. Definitions/);
    expect(md).toMatch(/Fingerprint [0-9a-f]{12}/);
  });
});

describe('export', () => {
  it('refuses a policy with a legal-lint error, as the app does, and says where', () => {
    const f = path.join(dir, 'long-hold.ordinance.yaml');
    fs.writeFileSync(f, fs.readFileSync(sample, 'utf8').replace('hours: 48', 'hours: 96'));
    const r = run('export', f, '--format', 'md', '--out', path.join(dir, 'long-hold.md'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/long-hold\.ordinance\.yaml:\d+:\d+: error: .*federal maximum is 48 .*\[hold-exceeds-federal-maximum\]/);
    expect(fs.existsSync(path.join(dir, 'long-hold.md'))).toBe(false);
  });
});
