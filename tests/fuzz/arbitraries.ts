// fast-check generators for the fuzz tests: random valid ordinances with deeply nested conditions,
// hostile text, and helpers to time-box each input and check that every error is located.

import fc from 'fast-check';
import { expect } from 'vitest';
import type { Condition, Definition, Diagnostic, Ordinance, Outcome, Provision } from '../../engine/index';
import { RECORD_KEYS } from '../../engine/model';

/** Test time limit: the default for `npm test`; none to speak of for a long FUZZ_RUNS campaign. */
export const fuzzTimeout: number | undefined = process.env.FUZZ_RUNS ? 24 * 3600_000 : undefined;

/** Number of runs: short in `npm test`, longer with FUZZ_RUNS=100000 (scaled per property). */
export function runs(normal: number): number {
  const env = Number(process.env.FUZZ_RUNS);
  return Number.isFinite(env) && env > 0 ? Math.max(normal, Math.round((env * normal) / 1000)) : normal;
}

/**
 * How far past its time box an input may run before it counts as a hang. The box is what the input
 * takes on an idle machine with room to spare; a shared two-core machine under load has run inputs at
 * 1.6 times theirs. A hang (a loop that never ends, work that grows with the square of the input) runs
 * far past any such factor; how fast an input is read is the benchmarks' business (`npm run bench`).
 */
const HANG_FACTOR = 10;

/** Runs one input and fails if it ran far past its time box: a hang shows up as an input that never ends. */
export function timeBoxed<T>(ms: number, what: () => string, run: () => T): T {
  const t0 = performance.now();
  const r = run();
  const took = performance.now() - t0;
  if (took > ms * HANG_FACTOR) throw new Error(`${what()} took ${took.toFixed(0)} ms (a hang: its time box is ${ms} ms)`);
  return r;
}

/** Every diagnostic points into the text (1-based line and column) and says something. */
export function expectLocated(diagnostics: readonly Diagnostic[], text: string): void {
  const lines = text.split('\n').length;
  for (const d of diagnostics) {
    expect(d.line, d.message).toBeGreaterThanOrEqual(1);
    expect(d.line, d.message).toBeLessThanOrEqual(lines + 1);
    expect(d.column, d.message).toBeGreaterThanOrEqual(1);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.code.length).toBeGreaterThan(0);
  }
}

/** Object.prototype has no new keys and no polluted values. */
export function expectNoPollution(): void {
  const proto = Object.prototype as Record<string, unknown>;
  expect(Object.getOwnPropertyNames(proto).sort()).toEqual(PROTO_KEYS);
  for (const key of ['polluted', 'isAdmin', 'id', 'outcome', 'age']) expect(proto[key]).toBeUndefined();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}
const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

/** Text an attacker might put in a free-text field: markup and code, which must stay inert data. */
export const hostileText = fc.constantFrom(
  '<script>globalThis.__ranScript = true</script>',
  '<img src=x onerror="globalThis.__ranScript=true">',
  '${globalThis.__ranScript = true}',
  '{{constructor.constructor("globalThis.__ranScript = true")()}}',
  "'); globalThis.__ranScript = true; ('",
  'javascript:globalThis.__ranScript=true',
  '__proto__',
  'constructor',
  '[link](javascript:alert(1))',
  'a\u0000b'.replace('\u0000', ''),
  '*'.repeat(500),
);

/** Text that reads differently from what it is, or holds control characters: reported wherever it appears. */
export const unsafeText = fc.constantFrom(
  '\u202eevil\u202c',
  'Section 9\u2066 forged\u2069',
  '\u202dleft\u202c',
  'a\u0000b',
  'bell\u0007',
  'esc\u001b[31mred',
  'next\u0085line',
  '\u007f',
);

export const TERMS = ['violent felony', 'serious offense', 'felony', 'constructor', 'toString', 'hasOwnProperty'];
const CATEGORIES = ['violent', 'serious', 'property', 'dui', 'serious-traffic', 'homicide', 'constructor', 'prototype', 'tostring'];

const offenseFilter = fc.record(
  {
    classes: fc.uniqueArray(fc.constantFrom('felony' as const, 'misdemeanor' as const, 'infraction' as const), {
      minLength: 1,
      maxLength: 3,
    }),
    degrees: fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 3 }),
    categories: fc.uniqueArray(fc.constantFrom(...CATEGORIES), { minLength: 1, maxLength: 3 }),
  },
  { requiredKeys: [] },
);

const window = fc.record(
  {
    years: fc.integer({ min: 1, max: 100 }),
    of: fc.constantFrom('request' as const, 'arrest' as const),
    measuredFrom: fc.constantFrom('conviction' as const, 'release' as const, 'later-of-conviction-and-release' as const),
    excludeTimeIncarcerated: fc.boolean(),
  },
  { requiredKeys: ['years'] },
);

const age = fc
  .tuple(fc.option(fc.integer({ min: 0, max: 129 }), { nil: undefined }), fc.option(fc.integer({ min: 1, max: 130 }), { nil: undefined }))
  .filter(([lo, hi]) => (lo !== undefined || hi !== undefined) && (lo === undefined || hi === undefined || lo < hi))
  .map(([atLeast, under]) => ({ age: { ...(atLeast !== undefined ? { atLeast } : {}), ...(under !== undefined ? { under } : {}) } }));

export const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.boolean().map((b) => ({ judicialWarrant: b })),
  fc.boolean().map((b) => ({ administrativeWarrant: b })),
  fc.constantFrom('hold' as const, 'notify' as const).map((r) => ({ requested: r })),
  fc.boolean().map((b) => ({ reimbursementAgreement: b })),
  age,
  fc
    .tuple(
      fc.option(fc.constantFrom(...TERMS), { nil: undefined }),
      offenseFilter,
      fc.record(
        { within: window, atLeast: fc.integer({ min: 1, max: 3 }), current: fc.boolean(), includeJuvenile: fc.boolean() },
        { requiredKeys: [] },
      ),
    )
    .map(([term, filter, rest]) => ({ conviction: { ...(term ? { term } : {}), ...filter, ...rest } })),
  fc
    .tuple(
      fc.option(fc.constantFrom(...TERMS), { nil: undefined }),
      offenseFilter,
      fc.record({ bondPosted: fc.boolean(), bondable: fc.boolean(), probableCauseFinding: fc.boolean() }, { requiredKeys: [] }),
    )
    .map(([term, filter, rest]) => ({ charge: { ...(term ? { term } : {}), ...filter, ...rest } })),
  fc
    .record(
      {
        kind: fc.constantFrom('criminal' as const, 'civil' as const),
        jurisdictions: fc.uniqueArray(fc.constantFrom('state' as const, 'federal' as const, 'other-state' as const, 'local' as const), {
          minLength: 1,
          maxLength: 4,
        }),
        felony: fc.boolean(),
      },
      { requiredKeys: [] },
    )
    .map((w) => ({ warrant: w })),
  fc.constantFrom(...RECORD_KEYS).map((r) => ({ record: r })),
  fc
    .record(
      {
        by: fc.constantFrom('officer' as const, 'supervisor' as const, 'sheriff' as const),
        finding: fc.constant('the person poses a risk'),
      },
      { requiredKeys: ['finding'] },
    )
    .map((d) => ({ discretion: d })),
);

/** Conditions of every shape, nested up to `maxDepth` combinations deep. */
export function condition(maxDepth: number): fc.Arbitrary<Condition> {
  return fc.letrec<{ c: Condition }>((tie) => ({
    c: fc.oneof(
      { depthSize: 'small', maxDepth, withCrossShrink: true },
      leaf,
      fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
      fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
      tie('c').map((not) => ({ not })),
    ),
  })).c;
}

/** A condition wrapped in a long spine of not / one-item all / one-item any: deep, but within the nesting limit. */
export const deepCondition: fc.Arbitrary<Condition> = fc
  .tuple(condition(3), fc.array(fc.constantFrom('not', 'all', 'any'), { minLength: 10, maxLength: 40 }))
  .map(([inner, spine]) =>
    spine.reduce<Condition>((c, k) => (k === 'not' ? { not: c } : k === 'all' ? { all: [c] } : { any: [c] }), inner),
  );

const outcome = fc.constantFrom<Outcome>('hold', 'notify', 'review', 'decline');

/** Random valid ordinances: every defined term used covers offenses, ids unique, holds bounded. */
export const ordinance: fc.Arbitrary<Ordinance> = fc
  .record({
    title: fc.oneof(
      hostileText,
      fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0),
    ),
    provisions: fc.array(
      fc.record({
        when: fc.option(fc.oneof(condition(6), deepCondition), { nil: undefined }),
        outcome,
        hours: fc.integer({ min: 1, max: 240 }),
        exclude: fc.boolean(),
        heading: fc.option(hostileText, { nil: undefined }),
        text: fc.option(hostileText, { nil: undefined }),
      }),
      { minLength: 1, maxLength: 7 },
    ),
    sectionsOf: fc.integer({ min: 1, max: 3 }),
    covers: fc.array(
      fc.array(
        offenseFilter.filter((f) => Object.keys(f).length > 0),
        { minLength: 1, maxLength: 2 },
      ),
      {
        minLength: TERMS.length,
        maxLength: TERMS.length,
      },
    ),
    meaning: hostileText,
    otherwise: outcome,
    // An otherwise hold states its own maximum, or holds for the federal maximum.
    otherwiseHold: fc.option(fc.record({ hours: fc.integer({ min: 1, max: 240 }), exclude: fc.boolean() }), { nil: undefined }),
    juvenile: fc.constantFrom('excluded' as const, 'counted' as const),
  })
  .map(({ title, provisions, sectionsOf, covers, meaning, otherwise, otherwiseHold, juvenile }) => {
    const definitions: Definition[] = TERMS.map((term, i) => ({ term, meaning, covers: covers[i]! }));
    const all: Provision[] = provisions.map((p, i) => ({
      id: `p-${i + 1}`,
      ...(p.heading ? { heading: p.heading } : {}),
      ...(p.when ? { when: p.when } : {}),
      outcome: p.outcome,
      ...(p.outcome === 'hold' ? { maxHold: { hours: p.hours, excludingWeekendsAndHolidays: p.exclude } } : {}),
    }));
    const per = Math.ceil(all.length / sectionsOf);
    const sections = [];
    for (let s = 0; s * per < all.length; s++)
      sections.push({ heading: `Part ${s + 1}`, text: provisions[s]?.text ?? 'Detainers.', provisions: all.slice(s * per, (s + 1) * per) });
    return {
      title,
      jurisdiction: { name: 'Fuzz County', state: 'IL' },
      juvenileAdjudications: juvenile,
      definitions,
      sections,
      otherwise,
      ...(otherwise === 'hold' && otherwiseHold
        ? { otherwiseMaxHold: { hours: otherwiseHold.hours, excludingWeekendsAndHolidays: otherwiseHold.exclude } }
        : {}),
    } satisfies Ordinance;
  });

/** Up to `maxEdits` edits of a text of `length` characters: at a place, cut up to `maxCut` characters and insert a piece. */
export function textEdits(
  length: number,
  pieces: readonly string[],
  maxCut: number,
  maxEdits: number,
): fc.Arbitrary<[number, number, string][]> {
  return fc.array(
    fc.tuple(
      fc.integer({ min: 0, max: length }),
      fc.integer({ min: 0, max: maxCut }),
      fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 })),
    ),
    { minLength: 1, maxLength: maxEdits },
  );
}

/** The text with the edits made one after another. */
export function applyEdits(text: string, edits: readonly [number, number, string][]): string {
  for (const [at, cut, insert] of edits) text = text.slice(0, at) + insert + text.slice(at + cut);
  return text;
}
