// Fuzzing the parser, validator and condition compiler: random valid ordinances with deeply nested
// conditions load, compile and decide as a plain reading of their conditions says; random and
// mutated text never crashes or hangs the loader, and every error it reports is located.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import {
  caseTable,
  compile,
  CompileError,
  fingerprint,
  loadColumnMapping,
  loadOrdinance,
  loadScenario,
  OUTCOME_CODE,
  ordinanceText,
  parseSource,
  pathToString,
  prepareCase,
  renderMarkdown,
  type Condition,
  type ConditionNode,
  type Ordinance,
  type PreparedCase,
} from '../../engine/index';
import { generateCases } from '../../engine/generate';
import { xmlSafe } from '../../engine/export/index';
import { markdownVisibleText } from '../export/helpers';
import {
  applyEdits,
  expectLocated,
  expectNoPollution,
  fuzzTimeout,
  ordinance,
  runs,
  textEdits,
  timeBoxed,
  unsafeText,
} from './arbitraries';

const cases: PreparedCase[] = generateCases({ count: 300, seed: 31 }).map((c, i) => {
  const r = prepareCase(c, i);
  if (!r.ok) throw new Error('bad generated case');
  return r.prepared;
});

const FALSE = 0;
const TRUE = 1;
const UNKNOWN = 2;
const CLAMP = [3, 0, 1, 0, 3, 1, 1, 1, 3, 2, 2, 2, 3, 3, 3, 3];

const table = caseTable(cases);

interface BoundLeaf {
  test: (i: number) => number;
  bool?: (i: number) => boolean;
}

/** Compiled leaves by their path in the document, bound to the case table. */
function leavesOf(node: ConditionNode, into = new Map<string, BoundLeaf>()): Map<string, BoundLeaf> {
  if (node.kind === 'leaf')
    into.set(pathToString(node.path), { test: node.bind(table), ...(node.bindBool ? { bool: node.bindBool(table) } : {}) });
  for (const child of node.children) leavesOf(child, into);
  return into;
}

/**
 * The plain three-valued reading of a condition as written (all: false if any part is false, else
 * unknown if any part is unknown; any: the mirror; not: swaps true and false), taking each leaf's
 * value from the compiled leaf at the same place in the document.
 */
function reading(cond: Condition, path: string, leaves: Map<string, BoundLeaf>, c: number): number {
  if ('all' in cond) {
    const vs = cond.all.map((x, i) => reading(x, `${path}.all[${i}]`, leaves, c));
    return vs.includes(FALSE) ? FALSE : vs.includes(UNKNOWN) ? UNKNOWN : TRUE;
  }
  if ('any' in cond) {
    const vs = cond.any.map((x, i) => reading(x, `${path}.any[${i}]`, leaves, c));
    return vs.includes(TRUE) ? TRUE : vs.includes(UNKNOWN) ? UNKNOWN : FALSE;
  }
  if ('not' in cond) {
    const v = reading(cond.not, `${path}.not`, leaves, c);
    return v === UNKNOWN ? UNKNOWN : v === TRUE ? FALSE : TRUE;
  }
  const node = leaves.get(path);
  if (!node) throw new Error(`no compiled leaf at ${path}`);
  const v = node.test(c);
  if (node.bool) expect(node.bool(c)).toBe(v === TRUE);
  return v;
}

describe('random valid ordinances with deeply nested conditions', () => {
  it(
    'load without errors, compile, and decide exactly as the plain reading of their conditions',
    () => {
      fc.assert(
        fc.property(ordinance, fc.boolean(), (o, reimbursed) => {
          const text = stringify(o);
          const loaded = timeBoxed(
            3000,
            () => 'loading',
            () => loadOrdinance(text),
          );
          expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          const policy = compile(loaded.ordinance!, { reimbursementAgreement: reimbursed });
          const provisions = policy.provisions.map((p) => {
            const lp = policy.layout.detainerProvisions[p.index]!;
            return {
              p,
              base: `sections[${lp.sectionIndex}].provisions[${lp.provisionIndex}].when`,
              leaves: p.condition ? leavesOf(p.condition) : new Map(),
            };
          });
          const bound = policy.bind(table);
          for (let c = 0; c < 60; c++) {
            let expected = (provisions.length << 2) | OUTCOME_CODE[o.otherwise];
            for (const { p, base, leaves } of provisions) {
              const src = o.sections.flatMap((s) => s.provisions ?? []).find((x) => x.id === p.id)!;
              const v = src.when ? reading(src.when, base, leaves, c) : TRUE;
              if (v === FALSE) continue;
              expected = (p.index << 2) | (v === TRUE ? OUTCOME_CODE[p.outcome] : OUTCOME_CODE.review);
              break;
            }
            const k = cases[c]!;
            expected = (expected & ~3) | CLAMP[((expected & 3) << 2) | (k.reqHold ? 1 : 0) | (k.reqNotify ? 2 : 0)]!;
            expect(bound.decide(c)).toBe(expected);
            expect(policy.decideCode(k)).toBe(expected);
            const d = policy.explain(table, c);
            expect(d.outcome).toBe(['hold', 'notify', 'review', 'decline'][expected & 3]);
            expect(d.reasons.length).toBeGreaterThan(0);
          }
          // The printed text and fingerprint are computed without trouble, and the text carries hostile strings as text.
          // A reader of the rendered Markdown sees the title as typed (spaces collapsed, control characters dropped).
          const heading = renderMarkdown(loaded.ordinance!).split('\n')[0]!;
          expect(heading.startsWith('# ')).toBe(true);
          expect(markdownVisibleText(heading).trim()).toBe(xmlSafe(o.title).replace(/\s+/g, ' ').trim());
          expect(fingerprint(loaded.ordinance!)).toMatch(/^sha256:[0-9a-f]{64}$/);
          expect((globalThis as { __ranScript?: boolean }).__ranScript).toBeUndefined();
          expectNoPollution();
        }),
        { numRuns: runs(30), seed: 2024 },
      );
    },
    fuzzTimeout,
  );
});

describe('control characters and bidirectional overrides in any text', () => {
  it(
    'are an error located at the text that holds them, wherever they are put',
    () => {
      fc.assert(
        fc.property(ordinance, unsafeText, fc.nat(), (o, bad, pick) => {
          const fields: Array<(x: Ordinance) => (string | number)[]> = [
            (x) => ((x.title = bad), ['title']),
            (x) => ((x.definitions![0]!.meaning = `${x.definitions![0]!.meaning} ${bad}`), ['definitions', 0, 'meaning']),
            (x) => ((x.sections[0]!.heading = bad), ['sections', 0, 'heading']),
            (x) => ((x.jurisdiction.name = `City of ${bad}`), ['jurisdiction', 'name']),
          ];
          const path = fields[pick % fields.length]!(o);
          const text = stringify(o);
          const loaded = loadOrdinance(text);
          const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
          expect(errors.map((d) => [d.code, pathToString(d.path)])).toEqual([['unsafe-character', pathToString(path)]]);
          expect(errors[0]!.message).toMatch(/U\+[0-9A-F]{4}/);
          expectLocated(errors, text);
          expect(text.split('\n')[errors[0]!.line - 1]).toContain(`${String(path[path.length - 1])}:`);
          expect(loaded.ordinance).toBeUndefined();
        }),
        { numRuns: runs(30), seed: 77 },
      );
    },
    fuzzTimeout,
  );
});

const base = stringify(fc.sample(ordinance, { numRuns: 1, seed: 9 })[0]);

describe('hostile and broken ordinance text', () => {
  it(
    'random text never crashes the loader, and every error is located',
    () => {
      fc.assert(
        fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }), fc.json()), (text) => {
          const r = timeBoxed(
            2000,
            () => JSON.stringify(text.slice(0, 80)),
            () => loadOrdinance(text),
          );
          expectLocated(r.diagnostics, text);
          if (r.ordinance) compile(r.ordinance);
        }),
        { numRuns: runs(200), seed: 3 },
      );
    },
    fuzzTimeout,
  );

  it(
    'mutations of a valid document (cuts, insertions, swapped bytes) never crash and stay located',
    () => {
      const pieces = [
        '"',
        "'",
        '{',
        '}',
        '[',
        ']',
        ':',
        '- ',
        '\n',
        '  ',
        '\t',
        '&a ',
        '*a',
        '!!js/function',
        '__proto__: ',
        '#',
        '\uFFFD',
        '\u0000',
        'not: ',
        'all:\n  - ',
      ];
      fc.assert(
        fc.property(textEdits(base.length, pieces, 30, 5), (edits) => {
          const text = applyEdits(base, edits);
          const r = timeBoxed(
            2000,
            () => 'a mutated document',
            () => loadOrdinance(text),
          );
          expectLocated(r.diagnostics, text);
          if (r.ordinance) {
            const p = compile(r.ordinance);
            for (const c of cases.slice(0, 20)) p.decide(c);
            ordinanceText(r.ordinance);
          }
          expectNoPollution();
        }),
        { numRuns: runs(150), seed: 11 },
      );
    },
    fuzzTimeout,
  );

  it(
    'valid documents with a random part replaced by random data get located schema errors',
    () => {
      const replacement = fc.oneof(
        fc.json().map((j) => JSON.parse(j) as unknown),
        fc.constantFrom<unknown>(null, [], {}, '', 0, -1, 1e9, 'hold', ['felony'], { all: [] }, { not: {} }, { age: {} }, { __proto__: 1 }),
      );
      fc.assert(
        fc.property(ordinance, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), replacement, (o, steps, value) => {
          // Walk a random path into the document and put the random value there.
          const doc = JSON.parse(JSON.stringify(o)) as Record<string, unknown>;
          let node: Record<string, unknown> | unknown[] = doc;
          for (const step of steps) {
            const keys = Object.keys(node);
            if (keys.length === 0) break;
            const key = keys[step % keys.length]!;
            const next = (node as Record<string, unknown>)[key];
            if (next === null || typeof next !== 'object' || step % 3 === 0) {
              (node as Record<string, unknown>)[key] = value;
              break;
            }
            node = next as Record<string, unknown>;
          }
          const text = stringify(doc);
          const r = timeBoxed(
            2000,
            () => 'a document with a replaced part',
            () => loadOrdinance(text),
          );
          expectLocated(r.diagnostics, text);
          if (r.ordinance) {
            const p = compile(r.ordinance);
            for (const c of cases.slice(0, 10)) p.decide(c);
          }
          expectNoPollution();
        }),
        { numRuns: runs(80), seed: 17 },
      );
    },
    fuzzTimeout,
  );

  it(
    'scenario and column-mapping files: random and mutated text is located, never thrown',
    () => {
      const scenario = 'name: FY2012\nreimbursementAgreement: true\ncostPerInmateDay: 143\nholidays: [2012-12-24]\nasOf: 2012-06-30\n';
      const mapping = 'columns:\n  BOOK_DT: bookedAt\n  LVL: charge1.class\nvalues:\n  LVL: { F: felony }\nignore: [NAME]\n';
      fc.assert(
        fc.property(
          fc.constantFrom(scenario, mapping),
          fc.array(
            fc.tuple(
              fc.nat(),
              fc.integer({ min: 0, max: 10 }),
              fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(':', '- ', '&a ', '*a', '{', '__proto__: 1\n')),
            ),
            {
              maxLength: 4,
            },
          ),
          (text, edits) => {
            for (const [at, cut, insert] of edits) {
              const i = at % (text.length + 1);
              text = text.slice(0, i) + insert + text.slice(i + cut);
            }
            expectLocated(loadScenario(text).diagnostics, text);
            expectLocated(loadColumnMapping(text).diagnostics, text);
            expectNoPollution();
          },
        ),
        { numRuns: runs(150), seed: 19 },
      );
    },
    fuzzTimeout,
  );

  it('10,000-deep nesting, block or flow, is a located error, not a stack overflow', () => {
    let flow = '{ age: { under: 18 } }';
    for (let i = 0; i < 10_000; i++) flow = `{ not: ${flow} }`;
    const doc = (when: string) =>
      `title: Deep\njurisdiction: { name: X, state: MA }\nsections:\n  - heading: H\n    provisions:\n      - id: deep\n        outcome: decline\n        when: ${when}\notherwise: decline\n`;
    // Block style indents each level, so 2,000 levels already make a 4 MB file.
    let block = '\n';
    for (let i = 0; i < 2_000; i++) block += `${' '.repeat(10 + 2 * i)}not:\n`;
    block += `${' '.repeat(10 + 2 * 2_000)}age: { under: 18 }`;
    for (const text of [doc(flow), doc(block), '['.repeat(100_000) + ']'.repeat(100_000)]) {
      const r = timeBoxed(
        10_000,
        () => 'deep nesting',
        () => loadOrdinance(text),
      );
      expect(r.ordinance).toBeUndefined();
      const d = r.diagnostics.find((x) => x.code === 'too-deep');
      expect(d, JSON.stringify(r.diagnostics.slice(0, 2))).toBeDefined();
      expect(d!.message).toMatch(/more than 100 levels deep/);
      expectLocated(r.diagnostics, text);
    }
    // An ordinance built in code (not read from text) gets a CompileError, not a RangeError.
    let deep: Condition = { age: { under: 18 } };
    for (let i = 0; i < 10_000; i++) deep = { not: deep };
    const o: Ordinance = {
      title: 'x',
      jurisdiction: { name: 'x', state: 'MA' },
      sections: [{ heading: 'h', provisions: [{ id: 'a', when: deep, outcome: 'decline' }] }],
      otherwise: 'decline',
    };
    expect(() => compile(o)).toThrow(CompileError);
  });

  it('YAML anchor bombs are refused quickly with a located error', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...'bcdefghi'
        .split('')
        .map(
          (k, i) =>
            `${k}: &${k} [*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]}]`,
        ),
    ].join('\n');
    const asOrdinance = `title: *i\njurisdiction: { name: X, state: MA }\nsections: []\notherwise: decline\n${bomb}\n`;
    for (const text of [bomb, asOrdinance]) {
      const r = timeBoxed(
        2000,
        () => 'anchor bomb',
        () => loadOrdinance(text),
      );
      expect(r.ordinance).toBeUndefined();
      expect(r.diagnostics.some((d) => d.code === 'yaml-alias')).toBe(true);
      expectLocated(r.diagnostics, text);
    }
    // The same in a scenario and in a column mapping.
    for (const load of [loadScenario, loadColumnMapping]) {
      const text = `name: *i\n${bomb}\n`;
      const r = timeBoxed(
        2000,
        () => 'anchor bomb',
        () => load(text),
      );
      expect(r.diagnostics.some((d) => d.code === 'yaml-alias')).toBe(true);
      expectLocated(r.diagnostics, text);
    }
  });

  it('__proto__, constructor and prototype keys are reported as unknown keys and pollute nothing', () => {
    const keys = ['__proto__', 'constructor', 'prototype'];
    for (const key of keys) {
      const text = base
        .replace(/^title:/m, `${key}: { polluted: true, isAdmin: true }\ntitle:`)
        .replace(/^jurisdiction:\n/m, `jurisdiction:\n  ${key}: { polluted: true }\n`);
      const r = loadOrdinance(text);
      expect(r.ordinance).toBeUndefined();
      const unknown = r.diagnostics.filter((d) => d.code === 'unknown-key' && d.message.includes(key));
      expect(unknown.length, JSON.stringify(r.diagnostics)).toBeGreaterThanOrEqual(2);
      expectLocated(r.diagnostics, text);
      // The parser keeps such keys as plain data: the document's own prototype is untouched too.
      const value = parseSource(text).value as Record<string, unknown>;
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expectNoPollution();
    }
  });

  it('huge strings and files are refused or read within the time box', () => {
    const bigTitle = base.replace(/^title:.*$/m, `title: "${'x'.repeat(3_000_000)}"`);
    const r1 = timeBoxed(
      5000,
      () => 'a 3 MB title',
      () => loadOrdinance(bigTitle),
    );
    expectLocated(r1.diagnostics, bigTitle);
    const r2 = timeBoxed(
      2000,
      () => 'a 6 MB file',
      () => loadOrdinance('#'.repeat(6 * 1024 * 1024)),
    );
    expect(r2.diagnostics.map((d) => d.code)).toEqual(['file-too-large']);
    const longKey = `${'k'.repeat(1_000_000)}: 1\n` + base;
    const r3 = timeBoxed(
      5000,
      () => 'a 1 MB key',
      () => loadOrdinance(longKey),
    );
    expect(r3.ordinance).toBeUndefined();
    expectLocated(r3.diagnostics, longKey);
  });

  it(
    'bytes that are not UTF-8 are reported where they are',
    () => {
      const bytes = new TextEncoder().encode(base);
      fc.assert(
        fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), fc.constantFrom(0xff, 0xc3, 0x80, 0xed), (at, byte) => {
          const broken = bytes.slice();
          broken[at] = byte;
          const text = new TextDecoder().decode(broken);
          const r = loadOrdinance(text);
          expectLocated(r.diagnostics, text);
          if (text.includes('\uFFFD')) {
            const d = r.diagnostics.find((x) => x.code === 'not-utf8')!;
            expect(d).toBeDefined();
            const line = text.split('\n')[d.line - 1]!;
            expect(line[d.column - 1]).toBe('\uFFFD');
          }
        }),
        { numRuns: runs(100), seed: 5 },
      );
    },
    fuzzTimeout,
  );
});
