// Structured edits of ordinance YAML: the meaning changes as asked, everything else stays as written.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadOrdinance, type Ordinance } from '../../engine/index';
import { applyEdits, applyTextEdits, type DocumentEdit } from '../../engine/document';

const sample = readFileSync(new URL('../renderer/fixtures/trust-act-2014.ordinance.yaml', import.meta.url), 'utf8');
const P = ['sections', 0, 'provisions'];

function edit(text: string, ops: DocumentEdit[]): string {
  const r = applyEdits(text, ops);
  if (!r.ok) throw new Error(r.error);
  expect(applyTextEdits(text, r.edits)).toBe(r.text);
  return r.text;
}

function changedLines(before: string, after: string): string[] {
  const a = new Set(before.split('\n'));
  return after.split('\n').filter((l) => !a.has(l));
}

describe('applyEdits', () => {
  it('changes one value and nothing else', () => {
    const out = edit(sample, [{ op: 'set', path: [...P, 1, 'outcome'], value: 'notify' }]);
    const before = sample.split('\n');
    const after = out.split('\n');
    expect(after).toHaveLength(before.length);
    const diff = after.map((l, i) => (l === before[i] ? null : i)).filter((i) => i !== null);
    expect(diff).toHaveLength(1);
    expect(after[diff[0]!]).toBe('        outcome: notify');
  });

  it('adds a provision in the author layout, keeping comments and flow maps as written', () => {
    const provision = {
      id: 'minors',
      heading: 'Never for minors',
      when: { age: { under: 18 } },
      outcome: 'decline',
    };
    const out = edit(sample, [{ op: 'insert', path: P, index: 0, value: provision }]);
    expect(out.startsWith(sample.split('\n').slice(0, 5).join('\n'))).toBe(true);
    expect(out).toContain('# Source: https://www.cga.ct.gov/current/pub/chap_961.htm#sec_54-192h');
    expect(out).toContain('maxHold: { hours: 48, excludingWeekendsAndHolidays: true }');
    expect(out).toContain('warrant: { kind: criminal, jurisdictions: [state] }');
    const block =
      '      - id: minors\n        heading: Never for minors\n        when:\n          age: { under: 18 }\n        outcome: decline\n';
    expect(out).toContain(block);
    expect(out.replace(block, '')).toBe(sample);
    const loaded = loadOrdinance(out);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.ordinance!.sections[0]!.provisions![0]!.id).toBe('minors');
  });

  it('moves a provision with the comment above it', () => {
    const text = sample.replace('      - id: gang-database', '      # Gang database: see the 2013 amendment.\n      - id: gang-database');
    const out = edit(text, [{ op: 'move', path: P, from: 3, to: 0 }]);
    const lines = out.split('\n');
    const i = lines.indexOf('      # Gang database: see the 2013 amendment.');
    expect(lines[i + 1]).toBe('      - id: gang-database');
    expect(lines[i + 2]).toBe('        when: { record: gangDatabase }');
    expect(lines[i + 4]).toBe('        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }');
    expect(lines[i + 5]).toBe('      - id: felony-conviction');
    expect((parse(out) as { sections: { provisions: { id: string }[] }[] }).sections[0]!.provisions.map((p) => p.id).slice(0, 2)).toEqual([
      'gang-database',
      'felony-conviction',
    ]);
  });

  it('moves a provision to another section with its comment, and into a section that has none yet', () => {
    const text = sample
      .replace('      - id: gang-database', '      # Gang database: see the 2013 amendment.\n      - id: gang-database')
      .replace(
        /\notherwise: decline\n$/,
        '\n  - heading: Records\n    provisions:\n      - id: annual-report\n        type: report\n        reportTo: the General Assembly\n        every: year\n  - heading: Reserved\n    text: Reserved.\notherwise: decline\n',
      );
    const out = edit(text, [{ op: 'move', path: P, from: 3, to: -1, toPath: ['sections', 1, 'provisions'] }]);
    const doc = parse(out) as { sections: { provisions?: { id: string }[] }[] };
    expect(doc.sections[0]!.provisions!.map((p) => p.id)).not.toContain('gang-database');
    expect(doc.sections[1]!.provisions!.map((p) => p.id)).toEqual(['annual-report', 'gang-database']);
    const lines = out.split('\n');
    const i = lines.indexOf('      # Gang database: see the 2013 amendment.');
    expect(lines[i - 1]).toBe('        every: year');
    expect(lines[i + 1]).toBe('      - id: gang-database');
    expect(loadOrdinance(out).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

    const into = edit(out, [{ op: 'move', path: P, from: 0, to: 0, toPath: ['sections', 2, 'provisions'] }]);
    const moved = parse(into) as { sections: { heading: string; provisions?: { id: string }[] }[] };
    expect(moved.sections[2]!.heading).toBe('Reserved');
    expect(moved.sections[2]!.provisions!.map((p) => p.id)).toEqual([doc.sections[0]!.provisions![0]!.id]);
    expect(loadOrdinance(into).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a moved provision keeps its folded wording line for line, as the author wrapped it', () => {
    const text = readFileSync(new URL('../../samples/ordinances/connecticut-trust-act-2014.ordinance.yaml', import.meta.url), 'utf8');
    const block = text.slice(text.indexOf('      - id: gang-member'), text.indexOf('      - id: terrorist-screening'));
    expect(block.split('\n').length).toBeGreaterThan(10);
    const out = edit(text, [{ op: 'move', path: P, from: 3, to: -1, toPath: ['sections', 2, 'provisions'] }]);
    expect(out).toBe(text.replace(block, '').replace(/otherwise: decline\n$/, `${block}otherwise: decline\n`));
    const back = edit(out, [{ op: 'move', path: ['sections', 2, 'provisions'], from: 1, to: 3, toPath: P }]);
    expect(back).toBe(text);
  });

  it('refuses a move to a place that is not there', () => {
    expect(applyEdits(sample, [{ op: 'move', path: P, from: 0, to: 9, toPath: ['sections', 0, 'provisions'] }]).ok).toBe(false);
    expect(applyEdits(sample, [{ op: 'move', path: P, from: 99, to: -1, toPath: ['findings'] }]).ok).toBe(false);
  });

  it('removes a provision and only its lines', () => {
    const out = edit(sample, [{ op: 'delete', path: [...P, 4] }]);
    expect(out).not.toContain('terrorist-screening');
    expect(sample.split('\n').length - out.split('\n').length).toBe(4);
    expect(changedLines(sample, out)).toEqual([]);
  });

  it('renames a condition key, keeping what is under it', () => {
    const text = edit(sample, [
      { op: 'set', path: [...P, 0, 'when'], value: { all: [{ conviction: { term: 'felony' } }, { judicialWarrant: true }] } },
    ]);
    const out = edit(text, [{ op: 'rename', path: [...P, 0, 'when'], from: 'all', to: 'any' }]);
    expect(out).toContain('          any:');
    expect(out).not.toContain('          all:');
    expect((parse(out) as Ordinance).sections[0]!.provisions![0]!.when).toEqual({
      any: [{ conviction: { term: 'felony' } }, { judicialWarrant: true }],
    });
  });

  it('creates missing keys on the way to a value', () => {
    const out = edit(sample, [{ op: 'set', path: [...P, 0, 'when', 'conviction', 'within', 'years'], value: 10 }]);
    expect((parse(out) as Ordinance).sections[0]!.provisions![0]!.when).toEqual({ conviction: { term: 'felony', within: { years: 10 } } });
  });

  it('requotes a value that needs quotes and keeps a quoted one quoted', () => {
    let out = edit(sample, [{ op: 'set', path: ['title'], value: 'Trust Act: an act' }]);
    expect(out).toContain('title: "Trust Act: an act"');
    out = edit(out, [{ op: 'set', path: ['version'], value: '2015' }]);
    expect(out).toContain('version: "2015"');
  });

  it('follows unpadded flow lists and non-indented lists when the author writes them', () => {
    const text =
      'title: T\njurisdiction: {name: X, state: MA}\nsections:\n- heading: H\n  provisions:\n  - id: a\n    outcome: decline\notherwise: decline\n';
    const out = edit(text, [
      {
        op: 'insert',
        path: ['sections', 0, 'provisions'],
        index: -1,
        value: { id: 'b', when: { warrant: { jurisdictions: ['state', 'federal'] } }, outcome: 'decline' },
      },
    ]);
    expect(out).toContain('  - id: b\n    when:\n      warrant: {jurisdictions: [state, federal]}\n    outcome: decline\n');
    expect(out.startsWith('title: T\njurisdiction: {name: X, state: MA}\n')).toBe(true);
  });

  it('refuses to edit text with a syntax error, saying where', () => {
    const r = applyEdits('title: [unclosed\nsections: []\n', [{ op: 'set', path: ['title'], value: 'x' }]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/syntax error at line \d/);
  });

  it('refuses to insert into something that is not a list', () => {
    const r = applyEdits(sample, [{ op: 'insert', path: ['title'], index: 0, value: 'x' }]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/title is not a list/);
  });
});

describe('applyEdits on a long ordinance', () => {
  const provisions = Array.from(
    { length: 300 },
    (_, i) =>
      `      # Provision ${i + 1}, as amended.\n      - id: p${i + 1}\n        heading: Provision ${i + 1}\n        when:\n          conviction: { classes: [felony], within: { years: ${(i % 20) + 1} } }\n        outcome: hold\n        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }\n`,
  ).join('');
  const long = `title: Long\njurisdiction: { name: City of Example, state: MA }\nsections:\n  - heading: Detainers\n    provisions:\n${provisions}otherwise: decline\n`;

  it('touches only the edited line of a 300-provision draft (its time is in npm run bench)', () => {
    const out = edit(long, [{ op: 'set', path: ['sections', 0, 'provisions', 299, 'outcome'], value: 'notify' }]);
    const a = long.split('\n');
    const b = out.split('\n');
    expect(b).toHaveLength(a.length);
    expect(b.filter((l, i) => l !== a[i])).toEqual(['        outcome: notify']);
  });

  it('moves the last provision to the top with its comment', () => {
    const out = edit(long, [{ op: 'move', path: ['sections', 0, 'provisions'], from: 299, to: 0 }]);
    expect(out.indexOf('# Provision 300, as amended.\n      - id: p300')).toBeLessThan(out.indexOf('- id: p1\n'));
    expect(out.split('\n').sort()).toEqual(long.split('\n').sort());
  });
});

describe('applyEdits keeps wrapped values as the author wrapped them', () => {
  const wrapped = [
    'title: A long title that the author',
    '  wrapped over two lines',
    'jurisdiction: { name: Town of Example,',
    '  state: MA }',
    'sections:',
    '  - heading: Detainers',
    '    text: >-',
    '      No officer shall detain a person on a civil immigration detainer unless one of the',
    '      grounds below applies.',
    '    provisions:',
    '      - id: warrant',
    '        when: { judicialWarrant: true }',
    '        outcome: hold',
    '        maxHold: { hours: 48 }',
    '        text: |-',
    '          An officer may hold a person',
    '          on a judicial warrant.',
    'otherwise: decline',
    '',
  ].join('\n');

  it('an edit elsewhere leaves folded, literal, plain and flow values untouched', () => {
    const out = edit(wrapped, [{ op: 'set', path: ['sections', 0, 'provisions', 0, 'maxHold', 'hours'], value: 24 }]);
    expect(out).toBe(wrapped.replace('maxHold: { hours: 48 }', 'maxHold: { hours: 24 }'));
  });

  it('adding a provision keeps every wrapped value', () => {
    const out = edit(wrapped, [
      {
        op: 'insert',
        path: ['sections', 0, 'provisions'],
        index: -1,
        value: { id: 'minors', when: { age: { under: 18 } }, outcome: 'decline' },
      },
    ]);
    expect(out).toBe(
      wrapped.replace(
        'otherwise: decline',
        '      - id: minors\n        when:\n          age: { under: 18 }\n        outcome: decline\notherwise: decline',
      ),
    );
  });

  it('the edited paragraph itself is rewritten, and means what was asked', () => {
    const out = edit(wrapped, [{ op: 'set', path: ['sections', 0, 'text'], value: 'No officer shall detain anyone on a detainer.' }]);
    expect((parse(out) as Ordinance).sections[0]!.text).toBe('No officer shall detain anyone on a detainer.');
    expect(out.startsWith('title: A long title that the author\n  wrapped over two lines\n')).toBe(true);
    expect(out).toContain('        text: |-\n          An officer may hold a person\n          on a judicial warrant.\n');
  });
});
