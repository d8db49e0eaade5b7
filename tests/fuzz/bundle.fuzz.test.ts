// Fuzz tests of `verify`: mutated policy bundles (cuts, insertions, a changed hold, comments, trailing
// commas, duplicate keys) and random JSON never crash the verifier, every error is located, and a bundle
// that verifies holds exactly what was exported: no edit to a bundle verifies unless it only re-spaces it.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadOrdinance, verifyPolicyBundle } from '../../engine/index';
import { policyBundleJson } from '../../engine/export/index';
import { applyEdits, expectLocated, expectNoPollution, fuzzTimeout, runs, textEdits, timeBoxed } from './arbitraries';

const sample = fs.readFileSync(path.join(__dirname, '..', '..', 'samples', 'ordinances', 'king-county-17886-2014.ordinance.yaml'), 'utf8');
const exported = policyBundleJson(loadOrdinance(sample).ordinance!);
const exportedValue = JSON.stringify(JSON.parse(exported));

function verifyChecked(text: string) {
  const v = timeBoxed(
    5000,
    () => `verify of ${JSON.stringify(text.slice(0, 80))}`,
    () => verifyPolicyBundle(text),
  );
  expectLocated(v.diagnostics, text);
  if (v.ok) {
    // what verifies is what was exported, value for value
    expect(JSON.stringify(v.value)).toBe(exportedValue);
  }
  expectNoPollution();
  return v;
}

describe('policy bundles under verify', () => {
  it('the exported bundle verifies', () => {
    expect(verifyPolicyBundle(exported).ok).toBe(true);
  });

  it(
    'mutations of an exported bundle never crash, stay located, and verify only when they change nothing',
    () => {
      const pieces = [
        '"',
        '{',
        '}',
        '[',
        ']',
        ',',
        ':',
        ' ',
        '\n',
        '0',
        '9',
        '200',
        '-1',
        '1e400',
        'null',
        'true',
        '"hold"',
        '"decline"',
        '// note',
        '/* c */',
        '\uFEFF',
        '\u0000',
        '\u202E',
        '"__proto__": {"polluted": 1},',
        '"policy": {},',
        '"hours": 200,',
      ];
      fc.assert(
        fc.property(textEdits(exported.length, pieces, 12, 4), (edits) => {
          verifyChecked(applyEdits(exported, edits));
        }),
        { numRuns: runs(120), seed: 41 },
      );
    },
    fuzzTimeout,
  );

  it(
    'a changed number or word anywhere in the bundle never verifies',
    () => {
      const tokens = [...exported.matchAll(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null/g)];
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: tokens.length - 1 }),
          fc.constantFrom('1', '200', '"x"', 'null', 'true', '"hold"'),
          (i, replacement) => {
            const t = tokens[i]!;
            if (t[0] === replacement) return;
            const text = exported.slice(0, t.index) + replacement + exported.slice(t.index! + t[0].length);
            expect(verifyChecked(text).ok).toBe(false);
          },
        ),
        { numRuns: runs(80), seed: 43 },
      );
    },
    fuzzTimeout,
  );

  it(
    'random text and JSON values are refused with a located error',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.string({ maxLength: 300 }), fc.json({ maxDepth: 6 }), fc.string({ unit: 'binary', maxLength: 300 })),
          (text) => {
            expect(verifyChecked(text).ok).toBe(false);
          },
        ),
        { numRuns: runs(120), seed: 47 },
      );
    },
    fuzzTimeout,
  );
});
