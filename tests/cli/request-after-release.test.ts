// A jail's case file with a request dated after the release time: a warning naming the cases (read and
// simulated, not refused), a summary line counting them apart, and an explanation saying why.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-in-process';

const root = path.resolve(__dirname, '../..');
const policy = path.join(root, 'samples/ordinances/decline-everything-2012.ordinance.yaml');
let dir: string;
let cases: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-after-release-'));
  cases = path.join(dir, 'three.cases.csv');
  // B-2 is released at 16:00 and asked for at 20:00; B-3 is asked for at its release minute (in time).
  fs.writeFileSync(
    cases,
    'id,age,bookedAt,eligibleForReleaseAt,requests,issuedAt\n' +
      'B-1,30,2012-06-06T09:00,2012-06-06T16:00,hold,2012-06-06T11:00\n' +
      'B-2,30,2012-06-06T09:00,2012-06-06T16:00,hold,2012-06-06T20:00\n' +
      'B-3,30,2012-06-06T09:00,2012-06-06T16:00,hold,2012-06-06T16:00\n',
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a request after the release time', () => {
  it('is a warning on the case set naming the case, and the simulation goes on', async () => {
    const r = await runCli('simulate', policy, '--cases', cases, '--baseline', 'honor-all');
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      `${cases}: warning: 1 case has the request ("detainer.issuedAt") after the release time ("eligibleForReleaseAt"): B-2. `,
    );
    expect(r.err).not.toMatch(/B-3|B-1/);
    expect(r.out).toContain(
      'Request after release: 1 case has ICE’s request dated after the person’s release time (the policy’s decision: 1 decline): ',
    );
    // The baseline holds B-1 and B-3 (48 hours each, weekends left out: Wednesday to Friday), not B-2.
    // The changed count and the changed cases leave it out, as the outcome counts do, and say so once.
    expect(r.out).toContain(
      ': 2 of 2 decisions on requests that came in time differ; the 1 request that came after release is counted apart (the two decide it differently; no one is held or reported on it); hold hours −96.0, cost −$572.00\n',
    );
    const compared = r.out.split('\n').find((l) => l.startsWith('Compared with')) ?? '';
    expect(compared.match(/after release/g)).toHaveLength(1);
    expect(r.out).not.toMatch(/^B-2 /m);
  });

  it('has a row of its own in the outcome table, a column in the table by year, and the rows add up to the cases', async () => {
    const r = await runCli('simulate', policy, '--cases', cases, '--baseline', 'honor-all');
    // Decline everything: B-1 and B-3 are declined in time; B-2's decline is on a request after release.
    expect(r.out).toMatch(/^decline +2 +66\.7%$/m);
    expect(r.out).toMatch(/^request after release +1 +33\.3%$/m);
    expect(r.out).toMatch(/^hold +0 +0\.0%$/m);
    // What each provision decided counts decisions, the late one too, and says so.
    expect(r.out).toContain(
      'The cases each provision decided include the 1 request that came after release, as it decides it, though no one is held or reported on it: the outcome counts above keep it apart.',
    );
    // The comparison's table still compares every case's decisions, and says so.
    expect(r.out).toContain(
      'The table compares each case’s decisions, so it counts the decision on the 1 request that came after release too',
    );
    const json = JSON.parse((await runCli('simulate', policy, '--cases', cases, '--json')).out);
    expect(json.summary.outcomes).toEqual({ hold: 0, notify: 0, review: 0, decline: 3 });
    expect(json.summary.inTime).toEqual({ cases: 2, outcomes: { hold: 0, notify: 0, review: 0, decline: 2 } });
    expect(json.breakdown.byYear[0]).toMatchObject({ total: 3, afterRelease: 1, inTime: { outcomes: { decline: 2 } } });
  });

  it('explain says why the case is counted apart', async () => {
    const r = await runCli(
      'explain',
      path.join(root, 'samples/ordinances/never-minors-or-unconvicted-2012.ordinance.yaml'),
      '--cases',
      cases,
      '--id',
      'B-2',
    );
    expect(r.out).toContain(
      'Request after release: ICE’s request (2012-06-06 20:00) came after the person’s release time (2012-06-06 16:00): the person was released before it arrived, so no one is held or reported on it.',
    );
  });
});
