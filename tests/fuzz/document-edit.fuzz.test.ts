// Local document edits (one line changed in the text) give exactly the text the printed edit gives:
// random edits by path (set, delete, insert, move, rename, comment) on the samples, the fixtures,
// generated drafts and re-laid-out copies of them, each applied both ways and compared.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { applyEdits, applyTextEdits, type DocumentEdit, type PathSegment } from '../../engine/document';
import { localEdit, type StructuralEdit } from '../../engine/document-edit';
import { sampleOrdinanceText } from '../../bench/sample-ordinance';
import { fuzzTimeout, runs } from './arbitraries';
import { seededRandom } from '../../engine/generate';
import { mutate } from './yaml-docs';

const DIRS = ['samples/ordinances', 'tests/analysis/fixtures', 'tests/renderer/fixtures'];

function documents(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const dir of DIRS) {
    for (const f of readdirSync(new URL(`../../${dir}`, import.meta.url)).sort()) {
      if (f.endsWith('.yaml')) out.push([`${dir}/${f}`, readFileSync(new URL(`../../${dir}/${f}`, import.meta.url), 'utf8')]);
    }
  }
  out.push(['generated 30', sampleOrdinanceText(30)], ['generated 100', sampleOrdinanceText(100)]);
  return out;
}

/** Other layouts of the same document: what an author may type that the printer would not. */
function relaid(text: string, rnd: () => number): string {
  const lines = text.split('\n');
  const r = rnd();
  if (r < 0.2) return lines.map((l) => l.replace(/^( +)/, (m) => m + m)).join('\n'); // indented by 4
  if (r < 0.35) return text.replace(/\n/g, '\r\n');
  const i = Math.floor(rnd() * lines.length);
  const extra = ['', '   ', '  # a note', '# a note', '      # deeper note'][Math.floor(rnd() * 5)]!;
  if (r < 0.7) lines.splice(i, 0, extra);
  else if (r < 0.8) lines[i] = `${lines[i]} `;
  else if (r < 0.9) lines[i] = lines[i]!.replace(/: (\S)/, ':  $1');
  else return mutate(text, rnd);
  return lines.join('\n');
}

interface Place {
  path: PathSegment[];
  value: unknown;
}

function places(data: unknown, path: PathSegment[] = [], out: Place[] = []): Place[] {
  out.push({ path, value: data });
  if (Array.isArray(data)) data.forEach((v, i) => places(v, [...path, i], out));
  else if (data && typeof data === 'object') for (const [k, v] of Object.entries(data)) places(v, [...path, k], out);
  return out;
}

const VALUES: unknown[] = [
  'notify',
  'hold',
  'decline',
  'a heading: with a colon',
  'yes',
  '48',
  '',
  'it\'s "quoted"',
  '# not a comment',
  'see [1]',
  'two\nlines',
  48,
  0.5,
  -1,
  true,
  false,
  null,
  { hours: 48 },
  ['felony'],
  { under: 18 },
];

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}

function randomEdit(rnd: () => number, text: string, data: unknown): DocumentEdit[] {
  const all = places(data).filter((p) => p.path.length > 0);
  const scalars = all.filter((p) => p.value === null || typeof p.value !== 'object');
  const lists = all.filter((p) => Array.isArray(p.value));
  const maps = all.filter((p) => p.value && typeof p.value === 'object' && !Array.isArray(p.value));
  const lineCount = text.split('\n').length;
  const r = rnd();
  const target = pick(rnd, scalars.length ? scalars : all);
  const edits: DocumentEdit[] = [];
  if (rnd() < 0.15) edits.push({ op: 'comment', line: 1 + Math.floor(rnd() * lineCount), text: 'reviewed' });
  if (r < 0.35) edits.push({ op: 'set', path: target.path, value: rnd() < 0.15 ? target.value : pick(rnd, VALUES) });
  else if (r < 0.55) edits.push({ op: 'delete', path: pick(rnd, rnd() < 0.8 ? scalars : all).path });
  else if (r < 0.62) edits.push({ op: 'set', path: [...pick(rnd, maps).path, 'newKey'], value: pick(rnd, VALUES) });
  else if (r < 0.7) edits.push({ op: 'delete', path: [...pick(rnd, maps).path, 'missing'] });
  else if (r < 0.78 && lists.length) {
    const l = pick(rnd, lists);
    edits.push({
      op: 'insert',
      path: l.path,
      index: Math.floor(rnd() * ((l.value as unknown[]).length + 2)) - 1,
      value: pick(rnd, VALUES),
    });
  } else if (r < 0.86 && lists.length) {
    const l = pick(rnd, lists);
    const n = (l.value as unknown[]).length;
    edits.push({ op: 'move', path: l.path, from: Math.floor(rnd() * n), to: Math.floor(rnd() * n) });
  } else if (r < 0.93 && maps.length) {
    const m = pick(rnd, maps);
    const keys = Object.keys(m.value as object);
    if (keys.length) edits.push({ op: 'rename', path: m.path, from: pick(rnd, keys), to: rnd() < 0.5 ? 'renamed' : pick(rnd, keys) });
  } else {
    // two edits at once, and an edit of something that isn't there
    edits.push({ op: 'set', path: target.path, value: pick(rnd, VALUES) });
    edits.push({ op: 'delete', path: pick(rnd, all).path });
  }
  return edits;
}

describe('local document edits', () => {
  it(
    'give the same text and line edits as printing the edited document',
    () => {
      const docs = documents();
      const rnd = seededRandom(20261204);
      let local = 0;
      let compared = 0;
      const perDocument = runs(40);
      for (const [name, base] of docs) {
        for (let k = 0; k < perDocument; k++) {
          const text = k % 4 === 3 ? relaid(base, rnd) : base;
          let data: unknown;
          try {
            data = parse(text);
          } catch {
            continue;
          }
          const edits = randomEdit(rnd, text, data);
          const fast = applyEdits(text, edits);
          const full = applyEdits(text, edits, { local: false });
          const where = `${name} (variant ${k}): ${JSON.stringify(edits)}`;
          expect(fast, where).toEqual(full);
          if (fast.ok) expect(applyTextEdits(text.replace(/\r\n/g, '\n'), fast.edits), where).toBe(fast.text);
          compared++;
          // How many of them the local edit made (a plain set or delete of a scalar on its own line, a key renamed).
          const structural = edits.filter((e): e is StructuralEdit => e.op !== 'comment');
          if (structural.length === 1 && edits.length === 1 && localEdit(text, structural[0]!) !== undefined) local++;
        }
      }
      expect(compared).toBeGreaterThan(docs.length * perDocument * 0.9);
      console.log(`${local} of ${compared} random edits made locally`);
      expect(local).toBeGreaterThan(compared * 0.2);
    },
    fuzzTimeout ?? 240_000,
  );

  it('edits a 300-provision draft locally: the output is the printed edit, one line changed', () => {
    const text = sampleOrdinanceText(300);
    const data = parse(text) as { sections: Array<{ provisions?: Array<Record<string, unknown>> }> };
    const s = data.sections.findIndex((x) => (x.provisions?.length ?? 0) > 0);
    const last = data.sections[s]!.provisions!.length - 1;
    const path = ['sections', s, 'provisions', last, 'outcome'];
    const fast = applyEdits(text, [{ op: 'set', path, value: 'notify' }]);
    expect(fast).toEqual(applyEdits(text, [{ op: 'set', path, value: 'notify' }], { local: false }));
    expect(fast.ok && fast.edits).toHaveLength(1);
    expect(stringify(parse(fast.ok ? fast.text : '').sections[s].provisions[last].outcome)).toBe('notify\n');
  });

  it('moves a provision of a 300-provision draft locally: the output is the printed edit', () => {
    const text = sampleOrdinanceText(300);
    const data = parse(text) as { sections: Array<{ provisions?: unknown[] }> };
    const s = data.sections.findIndex((x) => (x.provisions?.length ?? 0) > 1);
    const last = data.sections[s]!.provisions!.length - 1;
    const op: StructuralEdit = { op: 'move', path: ['sections', s, 'provisions'], from: last, to: 0 };
    expect(localEdit(text, op)).toBeDefined();
    const fast = applyEdits(text, [op]);
    expect(fast).toEqual(applyEdits(text, [op], { local: false }));
    expect((parse(fast.ok ? fast.text : '') as typeof data).sections[s]!.provisions![0]).toEqual(data.sections[s]!.provisions![last]);
  });

  it('inserts a template provision into a 300-provision draft locally: the output is the printed edit', () => {
    const text = sampleOrdinanceText(300);
    const data = parse(text) as { sections: Array<{ provisions?: unknown[] }> };
    const s = data.sections.findIndex((x) => (x.provisions?.length ?? 0) > 0);
    const value = { id: 'new-provision', heading: 'New provision', when: { age: { under: 18 } }, outcome: 'decline' };
    for (const index of [0, 1, -1]) {
      const op: StructuralEdit = { op: 'insert', path: ['sections', s, 'provisions'], index, value };
      expect(localEdit(text, op)).toBeDefined();
      const fast = applyEdits(text, [op]);
      expect(fast).toEqual(applyEdits(text, [op], { local: false }));
      const provisions = (parse(fast.ok ? fast.text : '') as typeof data).sections[s]!.provisions!;
      expect(provisions[index < 0 ? provisions.length - 1 : index]).toEqual(value);
    }
  });

  it('renames a key of a 300-provision draft locally: the output is the printed edit, one line changed', () => {
    const text = sampleOrdinanceText(300);
    const data = parse(text) as { sections: Array<{ provisions?: Array<{ when?: object }> }> };
    const s = data.sections.findIndex((x) => x.provisions?.some((p) => p.when && 'all' in p.when));
    const k = data.sections[s]!.provisions!.findIndex((p) => p.when && 'all' in p.when);
    const path = ['sections', s, 'provisions', k, 'when'];
    const op = { op: 'rename', path, from: 'all', to: 'any' } as const;
    expect(localEdit(text, op)).toBeDefined();
    const fast = applyEdits(text, [op]);
    expect(fast).toEqual(applyEdits(text, [op], { local: false }));
    expect(fast.ok && fast.edits).toHaveLength(1);
    expect(Object.keys(parse(fast.ok ? fast.text : '').sections[s].provisions[k].when)).toEqual(['any']);
    // A key the map already has is refused the printed way, with its message.
    const taken = { op: 'rename', path: path.slice(0, -1), from: 'outcome', to: 'id' } as const;
    expect(localEdit(text, taken)).toBeUndefined();
    expect(applyEdits(text, [taken])).toMatchObject({ ok: false });
  });
});
