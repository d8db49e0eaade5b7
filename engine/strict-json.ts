// A strict JSON check (RFC 8259) for files that must be exactly JSON, such as policy bundles: no YAML,
// no comments, nothing after the value, no duplicate keys, every string and number as JSON spells it.
// Linear in the text; says where the first problem is.

export interface StrictJsonProblem {
  offset: number;
  line: number;
  column: number;
  message: string;
}

/** How deeply arrays and objects may nest before the check gives up (a bundle nests a few dozen levels). */
export const MAX_JSON_DEPTH = 256;

class Stop extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

function describeAt(text: string, i: number): string {
  if (i >= text.length) return 'the end of the file';
  const c = text.codePointAt(i)!;
  if (c < 0x20 || c === 0x7f) return `the control character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return JSON.stringify(String.fromCodePoint(c));
}

/**
 * Line and column (both from 1, columns in UTF-16 units as editors count them) of an offset. A leading
 * byte-order mark is no column: editors do not show it, so the first line's columns start after it.
 */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = text.charCodeAt(0) === 0xfeff && offset > 0 ? 1 : 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * Null when `text` is strict JSON; otherwise the first problem, located. A leading byte-order mark is
 * allowed. When the value is an object, `members` receives where each member's value starts and ends.
 */
export function checkStrictJson(text: string, members?: Map<string, { start: number; end: number }>): StrictJsonProblem | null {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;

  const space = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };

  const string = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    let run = i;
    for (;;) {
      if (i >= n) throw new Stop(start, 'a string is not closed');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(run, i);
        i++;
        return out;
      }
      if (c < 0x20) throw new Stop(i, `${describeAt(text, i)} inside a string (JSON writes it as an escape such as \\n)`);
      if (c === 0x5c) {
        out += text.slice(run, i);
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Stop(i, '\\u must be followed by four hex digits');
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          out += e === 'b' ? '\b' : e === 'f' ? '\f' : e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e;
          i += 2;
        } else {
          throw new Stop(i, `\\${e ?? ''} is not a JSON escape`);
        }
        run = i;
        continue;
      }
      i++;
    }
  };

  const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

  const value = (depth: number): void => {
    space();
    if (i >= n) throw new Stop(i, 'a value is missing: the file ends here');
    const c = text[i]!;
    if (c === '{' || c === '[') {
      if (depth >= MAX_JSON_DEPTH) throw new Stop(i, `arrays and objects nest more than ${MAX_JSON_DEPTH} levels deep`);
      const close = c === '{' ? '}' : ']';
      const keys = c === '{' ? new Set<string>() : null;
      i++;
      space();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (keys) {
          space();
          if (text[i] !== '"') throw new Stop(i, `found ${describeAt(text, i)} where a key in double quotes belongs`);
          const keyAt = i;
          const key = string();
          if (keys.has(key)) throw new Stop(keyAt, `the key ${JSON.stringify(key)} appears twice in one object`);
          keys.add(key);
          space();
          if (text[i] !== ':') throw new Stop(i, `found ${describeAt(text, i)} where ":" belongs after a key`);
          i++;
          if (depth === 0 && members) {
            space();
            const start = i;
            value(depth + 1);
            members.set(key, { start, end: i });
          } else value(depth + 1);
        } else value(depth + 1);
        space();
        if (text[i] === ',') {
          i++;
          space();
          if (text[i] === close) throw new Stop(i, `a comma before "${close}" (JSON allows no trailing comma)`);
          continue;
        }
        if (text[i] === close) {
          i++;
          return;
        }
        throw new Stop(i, `found ${describeAt(text, i)} where "," or "${close}" belongs`);
      }
    }
    if (c === '"') {
      string();
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m && m[0].length > 0 && m[0] !== '-') {
      i += m[0].length;
      return;
    }
    throw new Stop(i, `found ${describeAt(text, i)} where a JSON value belongs (YAML and comments are not JSON)`);
  };

  try {
    value(0);
    space();
    if (i < n) throw new Stop(i, `found ${describeAt(text, i)} after the end of the JSON value (comments and further values are not JSON)`);
    return null;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    return { offset: e.offset, ...lineColumnAt(text, e.offset), message: e.message };
  }
}
