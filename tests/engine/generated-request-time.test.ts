// The generator never dates a request after the person's release: a person released before ICE asks
// cannot be held or reported on the request, and a synthetic set must not be full of such cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCases, generatedCases } from '../../engine/generate';

// Local times "YYYY-MM-DDTHH:MM" compare as text in time order.
const runs = Number(process.env.GENERATE_RUNS ?? 60);

describe('generated requests', () => {
  it('come after the booking and no later than the release, for any seed, count and years', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 2008, max: 2024 }),
        fc.integer({ min: 0, max: 4 }),
        (seed, count, fromYear, years) => {
          for (const c of generatedCases({ count, seed, fromYear, toYear: fromYear + years })) {
            const issued = c.detainer.issuedAt!;
            if (!(issued > c.bookedAt! && issued <= c.eligibleForReleaseAt!)) return false;
          }
          return true;
        },
      ),
      { numRuns: runs, seed: 20261207 },
    );
  });

  it('the default sample seed has no request after release across 20,000 cases, and a seed makes the same cases twice', () => {
    const a = generateCases({ count: 20_000, seed: 2012 });
    expect(a.filter((c) => c.detainer.issuedAt! > c.eligibleForReleaseAt!)).toHaveLength(0);
    expect(JSON.stringify(generateCases({ count: 500, seed: 2012 }))).toBe(JSON.stringify([...generatedCases({ count: 500, seed: 2012 })]));
  });
});
