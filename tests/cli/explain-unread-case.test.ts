// `explain --id` of a case whose record was left out for its problems: the case is in the file, so the
// CLI says it was not read and why (at its row), never that no case has the id; and the counts of good
// and bad cases read as words for one case as for many.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-in-process';

const root = path.resolve(__dirname, '../..');
const policy = path.join(root, 'samples/ordinances/chicago-welcoming-city-2012.ordinance.yaml');
let dir: string;
let cases: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-explain-unread-'));
  cases = path.join(dir, 'two.cases.csv');
  // B-2's release date is no real date (June has no 31st): its row is reported and the case not read.
  fs.writeFileSync(
    cases,
    'id,age,bookedAt,eligibleForReleaseAt,requests\n' +
      'B-1,30,2012-06-01T09:30,2012-06-02T16:00,hold\n' +
      'B-2,30,2012-06-01T09:30,2012-06-31T16:00,hold\n',
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('explain a case the file holds but could not read', () => {
  it('says the case was not read for its problem, at its row, instead of that no case has the id', async () => {
    const r = await runCli('explain', policy, '--cases', cases, '--id', 'B-2');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${cases}: row 3 (B-2): error: eligibleForReleaseAt: `);
    expect(r.err).toContain(`${cases}: warning: skipping 1 bad case of 2; the case to explain is looked for among the 1 read\n`);
    expect(r.err).toContain(
      `${cases}: row 3: error: the case "B-2" is in the file but was not read: its record has the problem listed above; fix it, then explain it\n`,
    );
    expect(r.err).not.toMatch(/no case has the id/);
  });

  it('still says no case has an id the file does not hold, and how many cases were left out', async () => {
    const r = await runCli('explain', policy, '--cases', cases, '--id', 'B-9');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${cases}: error: no case has the id "B-9"; 1 of 2 cases was not read for its problems (listed above)\n`);
  });

  it('explains a good case of the same file', async () => {
    const r = await runCli('explain', policy, '--cases', cases, '--id', 'B-1');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Case B-1: DECLINE/);
  });

  it('counts one good case as one in simulate, not "the 1 good ones"', async () => {
    const r = await runCli('simulate', policy, '--cases', cases);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${cases}: 1 of 2 cases has problems; fix them, or pass --skip-bad to simulate the 1 good one\n`);
  });
});
