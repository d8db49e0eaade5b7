// The block reader against the `yaml` library: on random documents in the style policies are written
// in (and mutations of them) the reader gives the library's values, ranges and duplicate keys, or
// leaves the text to the library; every sample and generated ordinance is read by the reader itself.

import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readBlockYaml } from '../../engine/yaml-block';
import { largeOrdinance } from '../../bench/large-ordinance';
import { sampleOrdinanceText } from '../../bench/sample-ordinance';
import { fuzzTimeout, ordinance, runs } from './arbitraries';
import { seededRandom } from '../../engine/generate';
import { compareWithLibrary, mutate, randomYaml } from './yaml-docs';

const LIMITS = { maxNesting: 100, maxKeysPerMap: 1e9, maxKeys: 1e9, maxExpandedChars: 1e9 };

describe('the block reader reads as the yaml library does', () => {
  it(
    'random documents and their mutations: same values and ranges, or left to the library',
    () => {
      const stats = { read: 0, declined: 0 };
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.boolean(), (seed, crlf) => {
          const rnd = seededRandom(seed);
          const text = randomYaml(rnd, { crlf });
          expect(compareWithLibrary(text, stats), JSON.stringify(text)).toBeUndefined();
          const broken = mutate(text, rnd);
          expect(compareWithLibrary(broken, stats), JSON.stringify(broken)).toBeUndefined();
        }),
        { numRuns: runs(1500), seed: 13 },
      );
      // The comparison means something only if the reader reads a good share of them itself: about a
      // quarter of the documents and their mutations (24.2% over 300,000 of them), so a fifth is the floor
      // at every campaign length.
      expect(stats.read / (stats.read + stats.declined)).toBeGreaterThan(0.2);
    },
    fuzzTimeout,
  );

  it('reads every sample file and generated ordinance itself, with the library values', () => {
    const files: string[] = [];
    for (const dir of ['samples/ordinances', 'samples/scenarios', 'samples/cases', 'tests/analysis/fixtures'])
      for (const f of readdirSync(new URL(`../../${dir}`, import.meta.url)))
        if (/\.ya?ml$/.test(f)) files.push(readFileSync(new URL(`../../${dir}/${f}`, import.meta.url), 'utf8'));
    files.push(stringify(largeOrdinance(300, 7), { lineWidth: 0 }), sampleOrdinanceText(300));
    for (const o of fc.sample(ordinance, { numRuns: 40, seed: 3 })) files.push(stringify(o, { aliasDuplicateObjects: false }));
    for (const text of files) {
      const r = readBlockYaml(text, LIMITS);
      expect(r.declined, text.slice(0, 200)).toBeUndefined();
      expect(compareWithLibrary(text)).toBeUndefined();
    }
  });
});
