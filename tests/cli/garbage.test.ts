// Garbage on the command line: a case file whose dates contradict each other, a NUL in a case id, an
// empty case file, an implausible effective date: each is a located message and exit 1, and nothing
// unsafe is echoed to the terminal.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCases } from '../../engine/generate';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin/detainer-studio.mjs');
const sample = path.join(root, 'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml');
let dir: string;

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: dir, timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-garbage-'));
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('garbage in, a located refusal out', { timeout: 60_000 }, () => {
  it('a release 22 years before booking and a NUL in an id: exit 1, FILE:LINE:COL, the id shown escaped', () => {
    const cases = generateCases({ count: 30, seed: 2 });
    cases[4]!.eligibleForReleaseAt = '1990-01-01T09:00';
    cases[9]!.id = 'B-\u0000-9';
    fs.writeFileSync(path.join(dir, 'c.json'), JSON.stringify(cases, null, 2));
    const r = run('simulate', sample, '--cases', 'c.json', '--json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(
      /^c\.json:\d+:\d+ \(B-\d+\): error: eligibleForReleaseAt: "eligibleForReleaseAt" \(1990-01-01T09:00\) is before "bookedAt"/m,
    );
    expect(r.err).toMatch(/^c\.json:\d+:\d+ \(B-\\u0000-9\): error: id: "id" holds the control character U\+0000/m);
    expect(r.err).not.toContain('\u0000');
    const skipped = run('simulate', sample, '--cases', 'c.json', '--json', '--skip-bad');
    expect(skipped.code).toBe(0);
    expect(skipped.out).not.toContain('\\u0000');
    expect((JSON.parse(skipped.out) as { summary: { total: number } }).summary.total).toBe(28);
  });

  it('an empty case file: exit 1 with its place', () => {
    fs.writeFileSync(path.join(dir, 'empty.csv'), 'id,age,bookedAt,eligibleForReleaseAt,requests\n');
    const r = run('simulate', sample, '--cases', 'empty.csv');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^empty\.csv: row 1: error: the file holds no cases: no records after the header/m);
  });

  it('effective date 0000-01-01 and a bidirectional override in the title: validate exits 1 with both located', () => {
    const text = fs
      .readFileSync(sample, 'utf8')
      .replace(/^effectiveDate: .*$/m, 'effectiveDate: 0000-01-01')
      .replace(/^title: (.*)$/m, 'title: "\\u202e$1"');
    fs.writeFileSync(path.join(dir, 'x.ordinance.yaml'), text);
    const r = run('validate', 'x.ordinance.yaml');
    expect(r.code).toBe(1);
    const lines = text.split('\n');
    const title = lines.findIndex((l) => l.startsWith('title:')) + 1;
    const date = lines.findIndex((l) => l.startsWith('effectiveDate:')) + 1;
    expect(r.out).toMatch(
      new RegExp(`^x\\.ordinance\\.yaml:${title}:\\d+: error: "title" holds U\\+202E RIGHT-TO-LEFT OVERRIDE.*\\[unsafe-character\\]$`, 'm'),
    );
    expect(r.out).toMatch(
      new RegExp(`^x\\.ordinance\\.yaml:${date}:\\d+: error: "0000-01-01" is not a plausible date.*\\[implausible-date\\]$`, 'm'),
    );
    expect(r.out).not.toContain('\u202e');
  });
});
