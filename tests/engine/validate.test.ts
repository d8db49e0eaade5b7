// Located, readable messages for bad ordinances.
import { describe, expect, it } from 'vitest';
import { loadOrdinance } from '../../engine/index';

const GOOD = `title: Test
jurisdiction: { name: Test City, state: MA }
definitions:
  - term: violent felony
    meaning: a felony involving violence
    covers: [{ classes: [felony], categories: [violent] }]
sections:
  - heading: Detainers
    provisions:
      - id: violent
        when:
          conviction: { term: violent felony }
        outcome: hold
        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }
otherwise: decline
`;

function problems(text: string) {
  return loadOrdinance(text).diagnostics.map((d) => ({
    line: d.line,
    column: d.column,
    code: d.code,
    message: d.message,
    severity: d.severity,
  }));
}

describe('validation', () => {
  it('accepts a good document', () => {
    expect(problems(GOOD)).toEqual([]);
  });
  it('locates a YAML syntax error', () => {
    const p = problems('title: [unclosed\n  - : :\n');
    expect(p[0]).toMatchObject({ code: 'yaml-syntax', severity: 'error' });
    expect(p[0]!.line).toBeGreaterThanOrEqual(1);
  });
  it("says in plain words what a misplaced space or a tab did, on its line, above the reader's own words", () => {
    const syntax = (text: string) => problems(text).filter((p) => p.code === 'yaml-syntax');
    // A key indented one space short of its neighbours.
    const short = syntax(GOOD.replace('        outcome: hold', '       outcome: hold'));
    expect(short).toEqual([
      expect.objectContaining({
        line: 13,
        column: 1,
        message: expect.stringMatching(
          /^line 13 is indented 7 spaces, which lines it up with no key above it \(the nearest start at 6 and 8 spaces\): indent it as far as the key it goes with \(the YAML reader: [^)]+\)(; \d+ more syntax errors? after it, most likely from it, shown once this is mended)?$/,
        ),
      }),
    ]);
    // A tab: one error, not the dozen that follow from it, which it counts.
    const tab = syntax(GOOD.replace('        outcome: hold', '\toutcome: hold'));
    expect(tab).toHaveLength(1);
    expect(tab[0]).toMatchObject({ line: 13, column: 1 });
    expect(tab[0]!.message).toMatch(
      /^line 13 is indented with a tab; YAML indents with spaces only: replace the tab with spaces \(the YAML reader: .+\); \d+ more syntax errors? after it, most likely from it, shown once this is mended$/,
    );
    // No space after a colon.
    const glued = syntax(GOOD.replace('otherwise: decline', 'otherwise:decline'));
    expect(glued).toEqual([
      expect.objectContaining({
        line: 15,
        column: 11,
        message: expect.stringMatching(
          /^put a space after the colon of "otherwise" \("otherwise: decline"\): without one, "otherwise:decline" is read as one word/,
        ),
      }),
    ]);
    // Errors these do not explain keep the reader's words alone.
    expect(syntax('title: [unclosed\n')[0]!.message).not.toMatch(/^line \d+ is indented|^put a space|YAML reader/);
  });

  it('names an unknown key, where it is, with a suggestion', () => {
    const p = problems(GOOD.replace('otherwise: decline', 'otherwise: decline\notherwize: hold'));
    expect(p).toContainEqual(expect.objectContaining({ code: 'unknown-key', line: 16, column: 1 }));
    expect(p.find((x) => x.code === 'unknown-key')!.message).toBe(
      'unknown key "otherwize" in "Detainer ordinance"; did you mean "otherwise"?',
    );
  });
  it('calls a misspelt condition a condition', () => {
    const p = problems(GOOD.replace('conviction: {', 'convction: {'));
    expect(p[0]).toMatchObject({
      code: 'unknown-key',
      line: 12,
      column: 11,
      message: 'unknown condition "convction"; did you mean "conviction"?',
    });
  });
  it('explains a condition with two keys', () => {
    const p = problems(
      GOOD.replace(
        '          conviction: { term: violent felony }',
        '          conviction: { term: violent felony }\n          age: { atLeast: 18 }',
      ),
    );
    expect(p[0]).toMatchObject({ code: 'condition-keys', line: 12 });
    expect(p[0]!.message).toMatch(/exactly one key.*combine them with "all:" or "any:"/);
  });
  it('reports wrong types and values in words', () => {
    expect(problems(GOOD.replace('hours: 48', 'hours: forty-eight'))[0]).toMatchObject({
      code: 'wrong-type',
      line: 14,
      message: '"Hours" must be a whole number, not text ("forty-eight")',
    });
    expect(problems(GOOD.replace('outcome: hold', 'outcome: detain'))[0]!.message).toMatch(
      /"Outcome" cannot be "detain"; it must be hold, notify, review or decline/,
    );
    // A question and then a new sentence (first hour: 'did you mean "hold"? it must be ...').
    expect(problems(GOOD.replace('outcome: hold', 'outcome: hodl'))[0]!.message).toBe(
      '"Outcome" cannot be "hodl"; did you mean "hold"? It must be hold, notify, review or decline',
    );
    expect(problems(GOOD.replace('state: MA', 'state: Mass'))[0]!.message).toMatch(/two-letter state code/);
  });
  it('reports a missing required key at its parent', () => {
    const p = problems(GOOD.replace('otherwise: decline\n', ''));
    expect(p[0]).toMatchObject({
      code: 'missing-key',
      line: 1,
      message: '"Detainer ordinance" needs "otherwise" (Otherwise (default outcome))',
    });
  });
  it('finds an undefined term and suggests the defined one', () => {
    const p = problems(GOOD.replace('conviction: { term: violent felony }', 'conviction: { term: violent felonies }'));
    expect(p[0]).toMatchObject({
      code: 'undefined-term',
      line: 12,
      message: '"violent felonies" is not a defined term; did you mean "violent felony"?',
    });
  });
  it('locates problems deep in a condition at their own paths (all, any, not)', () => {
    const nested = GOOD.replace(
      '          conviction: { term: violent felony }\n',
      [
        '          all:',
        '            - any:',
        '                - not: { charge: { term: violent felonies } }',
        '                - age: { atLeast: 30, under: 20 }',
        '            - conviction: { term: violent felons }',
        '',
      ].join('\n'),
    );
    const found = loadOrdinance(nested).diagnostics.map((d) => ({ code: d.code, path: d.path }));
    expect(found).toEqual([
      { code: 'undefined-term', path: ['sections', 0, 'provisions', 0, 'when', 'all', 0, 'any', 0, 'not', 'charge', 'term'] },
      { code: 'empty-age-range', path: ['sections', 0, 'provisions', 0, 'when', 'all', 0, 'any', 1, 'age'] },
      { code: 'undefined-term', path: ['sections', 0, 'provisions', 0, 'when', 'all', 1, 'conviction', 'term'] },
    ]);
  });
  it('finds duplicate provision ids', () => {
    const twice = GOOD.replace('otherwise: decline', '') + '      - id: violent\n        outcome: decline\notherwise: decline\n';
    const p = problems(twice);
    expect(p).toContainEqual(expect.objectContaining({ code: 'duplicate-id', line: 16 }));
  });
  it('requires a maximum for every hold', () => {
    const p = problems(GOOD.replace('        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }\n', ''));
    expect(p[0]).toMatchObject({ code: 'hold-without-maximum', line: 13 });
  });
  it('names a provision by its heading, as the form and the printed text do, not by its id', () => {
    const headed = GOOD.replace('      - id: violent\n', '      - id: violent\n        heading: Violent felony conviction\n');
    const noMax = problems(headed.replace('        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }\n', ''));
    expect(noMax[0]).toMatchObject({
      code: 'hold-without-maximum',
      message:
        'provision "Violent felony conviction" allows a hold but does not state its maximum; give it a maximum hold (maxHold, e.g. hours: 48, excludingWeekendsAndHolidays: true)',
    });
    const unused = problems(headed.replace('outcome: hold', 'outcome: decline'));
    expect(unused).toContainEqual(
      expect.objectContaining({
        code: 'unused-maximum',
        message: 'maxHold has no effect: provision "Violent felony conviction" does not allow a hold',
      }),
    );
    // Without a heading, its id is all there is to name it by.
    expect(problems(GOOD.replace('outcome: hold', 'outcome: decline'))).toContainEqual(
      expect.objectContaining({ code: 'unused-maximum', message: 'maxHold has no effect: provision "violent" does not allow a hold' }),
    );
  });
  it('rejects dates that do not exist', () => {
    expect(problems(GOOD + 'effectiveDate: 2013-02-29\n')[0]).toMatchObject({ code: 'bad-date', line: 16 });
  });
  it('says an empty file is empty', () => {
    expect(problems('')).toEqual([expect.objectContaining({ code: 'empty-file', line: 1, column: 1 })]);
    expect(problems('# only a comment\n')[0]!.code).toBe('empty-file');
  });
  it('says a binary file is not text', () => {
    const bytes = String.fromCharCode(...Array.from({ length: 64 }, (_, i) => (i * 37) % 256));
    expect(problems(bytes)[0]!.code).toBe('not-text');
  });
  it('refuses a 50 MB file quickly', () => {
    const huge = 'title: x\n' + '# padding\n'.repeat(5_300_000);
    const t0 = performance.now();
    expect(problems(huge)[0]).toMatchObject({ code: 'file-too-large', line: 1 });
    expect(performance.now() - t0).toBeLessThan(500);
  });
  it('stops an alias bomb', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map(
        (k, i) =>
          `${k}: &${k} [${Array(10)
            .fill('*' + 'abcdefgh'[i])
            .join(', ')}]`,
      ),
    ].join('\n');
    const t0 = performance.now();
    const p = problems(bomb);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(p[0]!.code).toBe('yaml-alias');
  });
  it('keeps __proto__ a plain unknown key', () => {
    const p = problems(GOOD + '__proto__: { polluted: true }\n');
    expect(p[0]).toMatchObject({ code: 'unknown-key', line: 16 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('reports a document that is a list', () => {
    expect(problems('- a\n- b\n')[0]!.code).toBe('not-an-ordinance');
  });
});

describe('jurisdiction.state', () => {
  it('a code that is no state, DC or territory is an error at the value, with the codes one letter off', () => {
    const ps = problems(GOOD.replace('state: MA', 'state: TS'));
    expect(ps).toEqual([
      expect.objectContaining({
        line: 2,
        column: 41,
        code: 'unknown-state',
        severity: 'error',
        message: expect.stringMatching(/"TS" is not the postal code of a U\.S\. state.*; did you mean TN, TX or KS\?$/),
      }),
    ]);
    expect(problems(GOOD.replace('state: MA', 'state: XX'))[0]).toEqual(expect.objectContaining({ code: 'unknown-state' }));
  });
  it('accepts every state, DC and the territories', () => {
    for (const st of ['MA', 'WY', 'DC', 'PR', 'GU', 'VI', 'AS', 'MP'])
      expect(problems(GOOD.replace('state: MA', `state: ${st}`)).filter((p) => p.code === 'unknown-state')).toEqual([]);
  });
});
