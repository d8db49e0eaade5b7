// JSON in pieces: joined, the pieces are exactly JSON.stringify(value, null, 2), streamed lists included.
import { describe, expect, it } from 'vitest';
import { jsonChunks, streamed, writeBatched } from '../../engine/json-chunks';

const long = Array.from({ length: 1000 }, (_, i) => ({ id: `x${i}`, v: [i, { a: null, b: undefined, c: () => 1 }], s: 'a\nb "q"' }));

describe('jsonChunks', () => {
  it.each([
    ['a number', 1],
    ['a string', 'x\n"y"'],
    ['null', null],
    ['empty containers', { a: [], b: {} }],
    ['nesting', { a: { b: [1, 2, { c: {} }] } }],
    ['a long list', long],
    ['a long list in an object, with skipped keys', { long, k: 2, u: undefined, f: () => 0, e: [] }],
    ['lists of long lists', [long, [long]]],
    ['a date beside a long list', { d: new Date(0), long }],
  ])('%s', (_, value) => {
    expect([...jsonChunks(value)].join('')).toBe(JSON.stringify(value, null, 2));
  });

  it('prints a streamed list as the array of its items, made one at a time', () => {
    let made = 0;
    function* items() {
      for (const x of long) {
        made++;
        yield x;
      }
    }
    const pieces = jsonChunks({ a: 1, list: streamed(items()), b: { none: streamed([]) } });
    const first = pieces.next();
    expect(first.done).toBe(false);
    expect(made).toBe(0);
    const text = first.value + [...pieces].join('');
    expect(text).toBe(JSON.stringify({ a: 1, list: long, b: { none: [] } }, null, 2));
  });

  it('batches pieces into larger writes without changing them', () => {
    const writes: string[] = [];
    writeBatched(jsonChunks(long), (t) => writes.push(t), 4096);
    expect(writes.join('')).toBe(JSON.stringify(long, null, 2));
    expect(writes.length).toBeGreaterThan(1);
    expect(writes.slice(0, -1).every((w) => w.length >= 4096)).toBe(true);
  });
});
