// The YAML editor's suggestions inside a provision: only the fields of the provision's own type (its
// `type`, or detainer when it has none, as the engine reads it), and after `maxHold:` the mapping a
// maximum hold takes. The cursor is where `|` is in each text.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROVISION_TYPE_FIELDS, type Ordinance } from '../../engine/vocabulary';
import { schemaCompletion } from '../../renderer/src/editor/provision-completion';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function at(text: string) {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('|'));
  const column = lines[line]!.indexOf('|') + 1;
  lines[line] = lines[line]!.replace('|', '');
  return schemaCompletion(lines, line + 1, column);
}

const labels = (text: string) => at(text)?.suggestions.map((s) => s.label);

const head = ['title: T', 'jurisdiction: { name: X, state: MA }', 'sections:', '  - heading: Detainers', '    provisions:'];
const doc = (...lines: string[]) => [...head, ...lines, 'otherwise: decline'].join('\n');

describe('suggestions at a provision’s key', () => {
  it('a detainer provision (no type): its own fields, none of another type’s', () => {
    const text = doc('      - id: minors', '        |', '        outcome: decline');
    expect(labels(text)).toEqual(['type', 'heading', 'when', 'maxHold', 'text']);
    const { drop } = at(text)!;
    // The language server's offers of every provision field are replaced, reportTo and interviews among them.
    expect(drop !== 'all' && ['reportTo', 'interviews', 'notices', 'date', 'outcome'].every((k) => drop.has(k))).toBe(true);
  });

  it('a provision of another type: that type’s fields, whether `type` comes before or after the cursor', () => {
    expect(labels(doc('      - id: notice', '        |', '        type: notice-to-ice'))).toEqual(['heading', 'text', 'notices']);
    expect(labels(doc('      - id: report', '        type: report', '        every: year', '        rep|'))).toEqual([
      'heading',
      'text',
      'reportTo',
      'contents',
    ]);
    expect(labels(doc('      - id: access', '        type: "ice-access"', '        |'))).toEqual([
      'heading',
      'text',
      'interviews',
      'facilities',
    ]);
    expect(labels(doc('      - id: s', '        type: severability', '        |'))).toEqual(['heading', 'text']);
  });

  it('the provision the cursor is in, not its neighbours; a new item starts a detainer provision', () => {
    const text = doc(
      '      - id: report',
      '        type: report',
      '        text: >-',
      '          Note: the words of a report.',
      '      - |',
      '      - id: next',
      '        type: training',
    );
    expect(labels(text)).toEqual(['id', 'type', 'heading', 'when', 'outcome', 'maxHold', 'text']);
    expect(labels(doc('      - id: a', '        type: ice-access', '      - id: b', '        |'))).toEqual([
      'type',
      'heading',
      'when',
      'outcome',
      'maxHold',
      'text',
    ]);
  });

  it('the word being typed is what the suggestion replaces', () => {
    const s = at(doc('      - id: a', '        max|Ho', '        outcome: hold'))!.suggestions.find((x) => x.label === 'maxHold')!;
    expect([s.startColumn, s.endColumn]).toEqual([9, 14]);
  });

  it('an object-valued key comes with its shape: maxHold with hours and whether weekends count', () => {
    const s = at(doc('      - id: a', '        outcome: hold', '        |'))!.suggestions.find((x) => x.label === 'maxHold')!;
    expect(s.insertText).toBe('maxHold:\n          hours: ${1:48}\n          excludingWeekendsAndHolidays: ${2|false,true|}');
    expect(s.detail).toBe('Maximum hold');
    const outcome = at(doc('      - id: a', '        |'))!.suggestions.find((x) => x.label === 'outcome')!;
    expect(outcome.insertText).toBe('outcome: ${1|hold,notify,review,decline|}');
  });

  it('leaves other places to the language server', () => {
    expect(at(doc('      - id: a', '        when:', '          |'))).toBeNull();
    expect(at(['title: T', '|'].join('\n'))).toBeNull();
    expect(at(doc('      - id: a', '        text: >-', '          Some words', '          |'))).toBeNull();
    // A type the engine does not know: nothing to narrow to.
    expect(at(doc('      - id: a', '        type: repo', '        |'))).toBeNull();
  });
});

describe('suggestions after `maxHold:`', () => {
  it('the mapping it takes, on the lines below, at the provision’s indentation; nothing else', () => {
    const c = at(doc('      - id: a', '        outcome: hold', '        maxHold: |'))!;
    expect(c.drop).toBe('all');
    expect(c.suggestions).toHaveLength(1);
    expect(c.suggestions[0]!.insertText).toBe('\n          hours: ${1:48}\n          excludingWeekendsAndHolidays: ${2|false,true|}');
    // The space after the colon is replaced: no trailing space is left on the key's line.
    expect([c.suggestions[0]!.startColumn, c.suggestions[0]!.endColumn]).toEqual([17, 18]);
  });

  it('inside the mapping: its two keys, less those it has', () => {
    expect(labels(doc('      - id: a', '        maxHold:', '          hours: 24', '          |'))).toEqual([
      'excludingWeekendsAndHolidays',
    ]);
    expect(labels(doc('      - id: a', '        maxHold:', '          |'))).toEqual(['hours', 'excludingWeekendsAndHolidays']);
  });

  it('not in a provision of another type, nor in a flow mapping', () => {
    expect(at(doc('      - id: a', '        type: report', '        maxHold: |'))).toBeNull();
    expect(at(doc('      - id: a', '        maxHold: { |'))).toBeNull();
  });
});

describe('every provision of every sample', () => {
  it('a new line after its id is offered its own type’s fields, less those it has', () => {
    const dir = path.join(ROOT, 'samples/ordinances');
    let checked = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const ordinance = parse(text) as Ordinance;
      const lines = text.split('\n');
      for (const p of ordinance.sections.flatMap((s) => s.provisions ?? [])) {
        const at = lines.findIndex((l) => new RegExp(`^ *- id: ${p.id}$`).test(l));
        expect(at, `${file} ${p.id}`).toBeGreaterThan(0);
        const k = lines[at]!.indexOf('id:');
        const edited = [...lines.slice(0, at + 1), ' '.repeat(k), ...lines.slice(at + 1)];
        const fields = ['type', 'heading', 'text', ...PROVISION_TYPE_FIELDS[p.type ?? 'detainer']];
        const offered = schemaCompletion(edited, at + 2, k + 1)?.suggestions.map((s) => s.label);
        expect(new Set(offered), `${file} ${p.id}`).toEqual(new Set(fields.filter((f) => !(f in p))));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});
