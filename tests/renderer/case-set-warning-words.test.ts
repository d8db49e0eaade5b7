// The app's warning on a case set whose requests came after the release time says the two times in the
// app's words (ICE's request; the time the case panel gives as "Would be released"), never the file's keys,
// which the command line's warning names as its other messages do.
import { describe, expect, it } from 'vitest';
import { caseSetWarningInTheApp, importCases } from '../../engine/index';

const csv =
  'id,age,bookedAt,eligibleForReleaseAt,requests,issuedAt\n' +
  'B-1,30,2012-06-06T09:00,2012-06-06T16:00,hold,2012-06-06T11:00\n' +
  'B-2,30,2012-06-06T09:00,2012-06-06T16:00,hold,2012-06-06T20:00\n';

describe('the case-set warning of a request after release, in the app', () => {
  it('names no key', async () => {
    const set = await importCases([csv], { format: 'csv' });
    expect(set.warnings).toHaveLength(1);
    // The command line's own words are unchanged.
    expect(set.warnings[0]).toContain('1 case has the request ("detainer.issuedAt") after the release time ("eligibleForReleaseAt"): B-2.');
    const app = caseSetWarningInTheApp(set.warnings[0]!);
    expect(app).toContain('1 case has ICE’s request dated after the time the person would be released: B-2.');
    expect(app).not.toMatch(/issuedAt|eligibleForReleaseAt|"/);
  });

  it('leaves any other warning as it is', () => {
    expect(caseSetWarningInTheApp('something else')).toBe('something else');
  });
});
