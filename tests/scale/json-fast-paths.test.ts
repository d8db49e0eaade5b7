// The JSON reader's shortcuts, held to the reference reading (the same file handed in as text, which
// JsonCaseSplitter, JSON.parse and prepareCase read): every file here gives the same cases (every
// column, the table's strings in order, the ids) and the same problems read from bytes.
//  - A case's id in plain ASCII is copied from the file's bytes, never made a string: an id holding
//    DEL (which no id may hold), escapes, text past ASCII, or 200 and 201 characters must be read as
//    the reference reading reads it.
//  - A file handed in as bytes whose first bytes are "[" or "{" (after a byte order mark and white
//    space) goes to the JSON reader without its start being decoded first: a file whose format is
//    given as another, or that starts with other white space, must be read as before.
//  - Each key is first compared with the key that came after the same key last time, written as
//    '"name":': keys whose order changes from one object to the next, keys written with white space
//    before their colon, a key given twice where the expected one would be, and a key that starts
//    like the expected one must be read as any other key.
//  - Near the end of the bytes held, keys, words and texts are compared against the count of bytes
//    the reader was handed: a piece that ends at any byte of a case (inside a key, a word, a string,
//    an escape or a number) must give the same result, and a problem deep in a case the same place.

import { describe, expect, it, vi } from 'vitest';
import { CaseImporter, type CaseSet, type ImportOptions } from '../../engine/index';
import { generateCases } from '../../engine/generate';
import { tableRows } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- generated cases edited freely
type Json = Record<string, any>;

function read(chunks: Array<string | Uint8Array>, options: ImportOptions = { format: 'json' }): CaseSet {
  const importer = new CaseImporter(options);
  for (const c of chunks) importer.push(c);
  return importer.finish();
}

function result(set: CaseSet) {
  return {
    rows: tableRows(set.table),
    strings: set.table.strings,
    facility: Array.from(set.table.facility),
    ageHi: Array.from(set.table.ageHi),
    form: Array.from(set.table.detainerForm),
    problems: set.problems.map((p) => ({ ...p })),
    total: set.total,
    rejected: set.rejected,
  };
}

/** The same result from the text (the reference reading) and from the bytes, whole and in two pieces cut near each case's start. */
function expectSame(text: string, label: string): ReturnType<typeof result> {
  const want = result(read([text]));
  const bytes = new TextEncoder().encode(text);
  expect(result(read([bytes])), `${label}, read whole`).toEqual(want);
  for (let cut = 1; cut < bytes.length; cut += 997)
    expect(result(read([bytes.slice(0, cut), bytes.slice(cut)])), `${label}, cut at ${cut}`).toEqual(want);
  return want;
}

const base = () => generateCases({ count: 40, seed: 77 }) as unknown as Json[];

describe('JSON reader shortcuts', () => {
  it('reads ids as the reference reading does: DEL, escapes, text past ASCII, 200 and 201 characters', () => {
    const ids = [
      'A\u007fB',
      '\u007f',
      'ends with DEL\u007f',
      'tab\there',
      'quote"and\\backslash',
      'caf\u00e9-12',
      'x'.repeat(200),
      'y'.repeat(201),
      '\u0080',
      'plain-1',
    ];
    const cases = base();
    ids.forEach((id, k) => (cases[2 * k]!.id = id));
    const want = expectSame(JSON.stringify(cases), 'ids');
    // Some of these are refused (DEL, a tab, 201 characters, a C1 control) and some kept: both are checked.
    expect(want.rejected).toBeGreaterThanOrEqual(4);
    expect(want.rows.map((r) => r.id)).toContain('x'.repeat(200));
    expect(want.rows.map((r) => r.id)).toContain('caf\u00e9-12');
    expect(want.problems.some((p) => p.field === 'id')).toBe(true);
    // A DEL in the id of the last case of the file (its bytes end a few bytes after the id's).
    const last = base().slice(0, 3);
    last[2]!.id = 'Z\u007f';
    expectSame(JSON.stringify(last), 'DEL in the last case');
  });

  it('reads keys whose order changes from one object to the next, or that are written unusually where a key is expected', () => {
    const cases = base().map((c, i) => {
      // Keys rotated by a different amount in each case, and in each object in it.
      const rotate = (o: Json, by: number): Json => {
        const entries = Object.entries(o);
        const n = entries.length;
        return Object.fromEntries(entries.map((_, k) => entries[(k + by) % n]!));
      };
      const copy = rotate(structuredClone(c), i);
      copy.detainer = rotate(copy.detainer, i + 1);
      if (copy.currentCharges) copy.currentCharges = copy.currentCharges.map((h: Json, k: number) => rotate(h, i + k));
      if (copy.convictions) copy.convictions = copy.convictions.map((v: Json, k: number) => rotate(v, i * 2 + k));
      if (i % 3 === 0) copy.records = rotate({ gangDatabase: i % 2 === 0, finalRemovalOrder: true, sexOffenderRegistry: false }, i);
      if (i % 4 === 0)
        copy.warrants = [rotate({ kind: 'criminal', jurisdiction: 'state', felony: true }, i), { jurisdiction: 'federal', kind: 'civil' }];
      return copy;
    });
    const text = JSON.stringify(cases);
    const want = expectSame(text, 'rotated keys');
    expect(want.rejected).toBe(0);
    expect(want.rows.length).toBe(cases.length);
    // Each case read twice: once as in the file, then again right after with an edit where the key
    // read last time is expected ("age" follows "id" in the case before).
    const twice = (edit: (s: string) => string) => {
      const plain = JSON.stringify(base().slice(0, 6));
      return plain.slice(0, -1) + ',' + edit(JSON.stringify(base().slice(6, 12)).slice(1));
    };
    const edits: Array<[string, (s: string) => string]> = [
      ['white space before a colon', (s) => s.replaceAll('"age":', '"age" :')],
      ['white space after a colon', (s) => s.replaceAll('"age":', '"age": ')],
      ['a line break before a key', (s) => s.replaceAll(',"age":', ',\n"age":')],
      ['a key given twice', (s) => s.replace(/"age":(\d+),/, '"age":$1,"age":$1,')],
      ['a key that starts like the expected one', (s) => s.replaceAll('"age":', '"ageAtMost":')],
      ['a key the expected one starts like', (s) => s.replaceAll('"ageAtMost":', '"age":')],
      ['an unknown key in its place', (s) => s.replace('"age":', '"agee":')],
      ['an escaped key', (s) => s.replace('"age":', '"\\u0061ge":')],
      ['the expected key in another kind of object', (s) => s.replace('"requests":', '"age":')],
      ['a conviction key in a charge', (s) => s.replace('"bondPosted":', '"convictedOn":')],
    ];
    for (const [label, edit] of edits) expectSame(twice(edit), label);
    // The key expected next already read in this object: "convictions" follows "currentCharges" in
    // the case before (a copy of this one), and comes again after it here. JSON.parse keeps the last list only.
    const list = base();
    const k = list.findIndex((c, i) => i > 3 && c.currentCharges?.length && c.convictions?.length >= 2);
    list[k - 1] = { ...structuredClone(list[k]!), id: 'copy' };
    expect(Object.keys(list[k - 1]!).join()).toContain('currentCharges,convictions');
    const c = structuredClone(list[k]!);
    const { currentCharges, convictions } = c;
    delete c.currentCharges;
    delete c.convictions;
    const repeated =
      JSON.stringify(c).slice(0, -1) +
      `,"convictions":${JSON.stringify(convictions.slice(1))},"currentCharges":${JSON.stringify(currentCharges)},"convictions":${JSON.stringify(convictions)}}`;
    const file =
      '[' +
      [...list.slice(0, k).map((x) => JSON.stringify(x)), repeated, ...list.slice(k + 1).map((x) => JSON.stringify(x))].join(',') +
      ']';
    const got = expectSame(file, 'the expected key given twice');
    expect(got.rows.find((r) => r.id === c.id)?.convictions).toHaveLength(convictions.length);
  });

  it('reads strings and word lists four bytes at a time as the reference reading does, whatever byte ends the run and wherever it falls', () => {
    // Offense names and facilities with a quote, a backslash, a line break or other control character
    // (escaped), DEL, text past ASCII, a raw tab (not JSON), or nothing special, after 0 to 8 bytes.
    const specials = ['"', '\\', '\n', '\u0001', '\u007f', '\u00e9', '\u2028', 'RAWTAB', '/', ''];
    // Category lists and lists of requests written in other ways (a placeholder list replaced in the text).
    const categoryLists = [
      '["violent",\n"serious"]',
      '[\t"violent" , "serious"\r\n]',
      '["Violent"]',
      '["a]b"]',
      '["vi\\u006flent"]',
      '["viol\u00e9nt"]',
      '["vio\u007flent"]',
      '[["violent"]]',
      '["violent","serious","dangerous","aggravated-felony"]',
      '[]',
      '[ ]',
      '["violent"\u0001]',
      '["violent"]',
    ];
    const requestLists = ['["hold",\n"notify"]', '["HOLD"]', '["hold" ]', '[\n]', '["notify","hold"]', '["hold"]'];
    let at = 0;
    const cases = base().map((c, i) => {
      const copy = structuredClone(c);
      for (const item of [...(copy.currentCharges ?? []), ...(copy.convictions ?? [])]) {
        item.offense = 'o'.repeat(at % 9) + specials[at % specials.length] + 'ffense';
        item.categories = [`list${at % categoryLists.length}`];
        at++;
      }
      if (i % 3 === 0) copy.facility = 'f'.repeat(i % 9) + specials[i % specials.length] + 'acility';
      copy.detainer.requests = [`requests${i % requestLists.length}`];
      return copy;
    });
    const text = JSON.stringify(cases)
      .replaceAll('RAWTAB', '\t')
      .replace(/\["list(\d+)"\]/g, (_, k: string) => categoryLists[Number(k)]!)
      .replace(/\["requests(\d+)"\]/g, (_, k: string) => requestLists[Number(k)]!);
    const want = expectSame(text, 'strings and word lists');
    // Some cases are kept and some refused (with problems placed by line and column).
    expect(want.rows.length).toBeGreaterThan(3);
    expect(want.rejected).toBeGreaterThan(3);
    expect(want.problems.every((p) => p.line !== undefined && p.column !== undefined)).toBe(true);
    // Plain names and lists of every length, ending at every place of a word of four bytes, are read by
    // the fast reading itself: no case is handed to the reference reading.
    const plain = base().map((c, i) => {
      const copy = structuredClone(c);
      for (const [k, item] of [...(copy.currentCharges ?? []), ...(copy.convictions ?? [])].entries())
        item.offense = 'o'.repeat((i + k) % 13) + ' offense';
      if (i % 2 === 0) copy.facility = 'f'.repeat(i % 11) + ' county';
      return copy;
    });
    const handed = vi.spyOn(CaseImporter.prototype as unknown as { jsonCase(e: unknown): void }, 'jsonCase');
    try {
      expect(read([new TextEncoder().encode(JSON.stringify(plain))]).table.length).toBe(plain.length);
      expect(handed).not.toHaveBeenCalled();
    } finally {
      handed.mockRestore();
    }
  });

  it('hands bytes that start as JSON to the JSON reader only when no other format is given', () => {
    const enc = new TextEncoder();
    const cases = base().slice(0, 8);
    // A YAML flow sequence (keys without quotes: not JSON) given as YAML, and left to be guessed.
    const yaml = JSON.stringify(cases).replace(/"(\w+)":/g, '$1: ');
    const asYaml = result(read([yaml], { format: 'yaml' }));
    expect(asYaml.rows.length).toBe(cases.length);
    expect(result(read([enc.encode(yaml)], { format: 'yaml' }))).toEqual(asYaml);
    const guessed = result(read([yaml], {}));
    expect(result(read([enc.encode(yaml)], {}))).toEqual(guessed);
    // JSON after a byte order mark and white space, or after white space JSON does not allow, format guessed.
    const json = JSON.stringify(cases);
    for (const start of ['\uFEFF', '\uFEFF \r\n\t', '  \n', '\u00A0', '\u2028 ']) {
      const text = start + json;
      const want = result(read([text], {}));
      const bytes = enc.encode(text);
      expect(result(read([bytes], {})), JSON.stringify(start)).toEqual(want);
      for (const size of [1, 2, 3, 5])
        expect(result(read([bytes.slice(0, size), bytes.slice(size)], {})), `${JSON.stringify(start)}, first piece ${size} bytes`).toEqual(
          want,
        );
    }
  });

  it('gives the same cases and problems however a case is cut, at every byte: in a key, a word, a string, an escape or a number', () => {
    const cases = base().slice(0, 6);
    // A text with escapes and one past ASCII, a long key ("probableCauseFinding") and numbers of several digits.
    cases[2]!.convictions = [
      ...(cases[2]!.convictions ?? []),
      { offense: 'say "no" \u00e9té', class: 'felony', degree: 2, convictedOn: '2001-02-03', incarceratedDays: 12345 },
    ];
    cases[2]!.currentCharges = [{ offense: 'theft', class: 'misdemeanor', categories: ['property'], probableCauseFinding: true }];
    cases[3]!.facility = 'County \\ jail';
    const enc = new TextEncoder();
    const text = JSON.stringify(cases, null, 1);
    const want = result(read([text]));
    expect(want.rows.length).toBe(cases.length);
    const bytes = enc.encode(text);
    const from = bytes.indexOf(0x7b, enc.encode(JSON.stringify(cases.slice(0, 2), null, 1)).length - 4);
    for (let cut = from; cut < bytes.length; cut++) {
      expect(result(read([bytes.slice(0, cut), bytes.slice(cut)])), `cut at ${cut}`).toEqual(want);
      expect(result(read([bytes.slice(0, cut), bytes.slice(cut, cut + 3), bytes.slice(cut + 3)])), `3 bytes at ${cut}`).toEqual(want);
    }

    // A value the contract refuses, deep in the third case (its second conviction's date), on a line of its own.
    const bad = text.replace('"2001-02-03"', '"2001-02-30"');
    const wantBad = result(read([bad]));
    const lines = bad.split('\n');
    const line = lines.findIndex((l) => l.includes('2001-02-30')) + 1;
    expect(wantBad.problems).toHaveLength(1);
    expect(wantBad.problems[0]).toMatchObject({ line, column: lines[line - 1]!.indexOf('"2001-02-30"') + 1 });
    const badBytes = enc.encode(bad);
    for (let cut = from; cut < badBytes.length; cut += 3)
      expect(result(read([badBytes.slice(0, cut), badBytes.slice(cut)])), `refused, cut at ${cut}`).toEqual(wantBad);
  });
});
