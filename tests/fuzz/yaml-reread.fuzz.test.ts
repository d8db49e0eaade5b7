// Reading a document again after a keystroke (`parseEditedSource`) against reading it from nothing
// (`parseSource`): after every edit of random documents and of the samples, typed one keystroke at a
// time, the same values, the same diagnostics and the same place for every node and key. The edits
// it reads again (inside one plain value or a comment) must be a good share, or nothing is compared.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PathSegment } from '../../engine/diagnostics';
import {
  DOCUMENT_LIMITS,
  MAX_NESTING,
  editedSourceReads,
  forgetEditedSource,
  parseEditedSource,
  parseSource,
  type ParsedSource,
} from '../../engine/source';
import { readBlockYaml } from '../../engine/yaml-block';
import { sampleOrdinanceText } from '../../bench/sample-ordinance';
import { fuzzTimeout, runs } from './arbitraries';
import { seededRandom } from '../../engine/generate';
import { randomYaml } from './yaml-docs';

/** Every path to a value in plain data (the root included). */
function pathsOf(value: unknown, path: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], out));
  else if (value !== null && typeof value === 'object')
    for (const k of Object.keys(value)) pathsOf((value as Record<string, unknown>)[k], [...path, k], out);
  return out;
}

/** What differs between the two readings, or undefined. */
function difference(again: ParsedSource, fresh: ParsedSource): string | undefined {
  try {
    expect(again.value).toEqual(fresh.value);
    expect(again.diagnostics).toEqual(fresh.diagnostics);
    expect(again.text).toBe(fresh.text);
  } catch (e) {
    return (e as Error).message.slice(0, 2000);
  }
  for (const path of pathsOf(fresh.value))
    for (const key of [false, true]) {
      const a = again.locate(path, key);
      const f = fresh.locate(path, key);
      if (JSON.stringify(a) !== JSON.stringify(f))
        return `${JSON.stringify(path)} key=${key}: ${JSON.stringify(a)} != ${JSON.stringify(f)}`;
    }
  return undefined;
}

/** One keystroke: a character typed or deleted at a place, most often in the middle of a line. */
function keystroke(text: string, rnd: () => number): string {
  const typed = ['a', 'e', 'x', '1', '0', ' ', ' ', '#', ':', '-', '"', "'", '\n', ',', '[', '\u00e9', '.', 't', 'n'];
  const i = Math.floor(rnd() * (text.length + 1));
  const r = rnd();
  if (r < 0.55) return text.slice(0, i) + typed[Math.floor(rnd() * typed.length)]! + text.slice(i);
  if (r < 0.85) return text.slice(0, i) + text.slice(i + 1);
  return text.slice(0, i) + typed[Math.floor(rnd() * typed.length)]! + text.slice(i + 1);
}

/**
 * A drafter's keystrokes from `text`: each text in turn, and after one the reader cannot read
 * without an error, the undo to the last text it could (typing goes on from there).
 */
function* session(text: string, rnd: () => number, n: number): Generator<string> {
  let good = text;
  for (let k = 0; k < n; k++) {
    const typed = keystroke(good, rnd);
    yield typed;
    if (parseSource(typed, 'ordinance').diagnostics.some((d) => d.severity === 'error')) yield good;
    else good = typed;
  }
}

/** Types `word` at `at` one character at a time, then deletes it again, checking every text. */
function* typing(text: string, at: number, word: string): Generator<string> {
  for (let k = 1; k <= word.length; k++) yield text.slice(0, at) + word.slice(0, k) + text.slice(at);
  for (let k = word.length - 1; k >= 0; k--) yield text.slice(0, at) + word.slice(0, k) + text.slice(at);
}

/** Checks each text read again against it read from nothing; counts the texts and those read again. */
function check(texts: Iterable<string>, stats: { again: number; all: number }): void {
  for (const text of texts) {
    const before = editedSourceReads.again;
    const again = parseEditedSource(text, 'ordinance');
    const fresh = parseSource(text, 'ordinance');
    const d = difference(again, fresh);
    expect(d, `after the edit giving ${JSON.stringify(text.length < 400 ? text : text.slice(0, 400) + '...')}`).toBeUndefined();
    stats.all++;
    stats.again += editedSourceReads.again - before;
  }
}

describe('reading a document again after a keystroke', () => {
  it(
    'random documents under random keystrokes: the same values, diagnostics and places as reading them from nothing',
    () => {
      const stats = { again: 0, all: 0 };
      for (let seed = 0, tried = 0; tried < runs(150); seed++) {
        const rnd = seededRandom(seed);
        const text = randomYaml(rnd, { crlf: seed % 5 === 0 });
        // Only a document the block reader reads without problems is kept to be read again.
        const read = readBlockYaml(text, { ...DOCUMENT_LIMITS, maxNesting: MAX_NESTING });
        if (read.declined || read.problems.length > 0) continue;
        tried++;
        forgetEditedSource();
        check([text, ...session(text, rnd, 40)], stats);
      }
      // Random keystrokes in random documents fall mostly on keys and marks, and the undo after one
      // that breaks the document is read from nothing: 9.3% of the texts were read again (at 150
      // documents), so 6% is the floor.
      expect(stats.again / stats.all).toBeGreaterThan(0.06);
    },
    fuzzTimeout,
  );

  it('the samples, typed into word by word in values and comments, and keystrokes anywhere: the same as reading them from nothing', () => {
    const dir = new URL('../../samples/ordinances/', import.meta.url);
    const stats = { again: 0, all: 0 };
    const rnd = seededRandom(7);
    for (const name of readdirSync(dir)) {
      forgetEditedSource();
      const text = `# ${name}\n${readFileSync(new URL(name, dir), 'utf8')}`;
      check([text], stats);
      // In the title, a heading, an outcome, a comment; then a number typed where one is.
      const places = [
        text.indexOf('\n', text.indexOf('title:')),
        text.indexOf('\n', text.indexOf('heading:')),
        text.indexOf('outcome: ') + 'outcome: '.length,
        text.indexOf('\n'),
      ].filter((i) => i > 0);
      for (const at of places) check(typing(text, at, ' revised 2 x'), stats);
      check(session(text, rnd, 60), stats);
    }
    // Most of the typing is in values and comments: 56% of the texts were read again.
    expect(stats.again / stats.all).toBeGreaterThan(0.45);
  });

  it('a 300-provision ordinance whose outcomes are changed one after another', () => {
    const stats = { again: 0, all: 0 };
    forgetEditedSource();
    let text = sampleOrdinanceText(300);
    const texts = [text];
    for (let k = 0; k < 12; k++) {
      const at = text.indexOf('outcome: decline', (k * 7919) % text.length);
      if (at < 0) continue;
      text = `${text.slice(0, at)}outcome: notify${text.slice(at + 'outcome: decline'.length)}`;
      texts.push(text);
    }
    check(texts, stats);
    expect(stats.again).toBe(stats.all - 1);
  });

  it('what it keeps cannot be changed: the data read is frozen, the part read again too', () => {
    forgetEditedSource();
    const text = 'title: A\nsections:\n  - heading: B\n    outcome: decline # c\n';
    const first = parseEditedSource(text, 'ordinance').value as { sections: Array<{ outcome: string }> };
    const again = parseEditedSource(text.replace('decline', 'notify'), 'ordinance').value as typeof first;
    expect(again.sections[0]!.outcome).toBe('notify');
    expect(first.sections[0]!.outcome).toBe('decline');
    expect(() => {
      again.sections[0]!.outcome = 'hold';
    }).toThrow(TypeError);
    expect(() => {
      first.sections.push({ outcome: 'hold' });
    }).toThrow(TypeError);
    // A comment edited: the same data, nothing read again.
    const commented = parseEditedSource(text.replace('decline # c', 'notify # cc'), 'ordinance');
    expect(parseEditedSource(text.replace('decline # c', 'notify # c d'), 'ordinance').value).toBe(commented.value);
  });
});
