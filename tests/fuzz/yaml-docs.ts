// Random YAML documents in the style policy documents are written in (and near misses), and a
// comparison of the fast block reader with the `yaml` library on them: same values, same ranges,
// same duplicate keys, or the reader declines the text.

import { isAlias, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { NodeKind, readBlockYaml, type BlockNode } from '../../engine/yaml-block';

const WORDS = ['title', 'id', 'when', 'age', 'under', 'outcome', 'hold', 'a', 'b', 'sections', 'heading', 'x y', 'text'];
const KEYS = [
  ...WORDS,
  '1',
  '01',
  'true',
  'null',
  '~',
  '',
  '__proto__',
  'constructor',
  'toString',
  'a:b',
  'a#b',
  '"quoted key"',
  "'single key'",
  '"a\\"b"',
  "'it''s'",
  '0x1F',
  '.nan',
  '1.0',
  '-x',
  'a[0]',
  'é',
];
const PLAINS = [
  'hold',
  'decline',
  'a felony involving violence',
  '48',
  '-0',
  '+12',
  '007',
  '0o17',
  '0o8',
  '0x1f',
  '0xZZ',
  '1e3',
  '1.5E-2',
  '.5',
  '1.',
  '.inf',
  '-.Inf',
  '.NaN',
  'NaN',
  'true',
  'False',
  'TRUE',
  'yes',
  'on',
  'null',
  'Null',
  '~',
  '2014-09-05',
  '12:30',
  'http://example.org/a',
  'a#b',
  'a: b',
  'x:',
  'end.',
  "it's",
  'say "hi"',
  'a,b',
  'a [b] {c}',
  'é ü 中文 😀',
  '2012-06-01T11:00',
  '@at',
  '`tick',
  '%pct',
  '!tag',
  '&anchor',
  '*alias',
  '- dash',
  '? q',
  '|pipe',
  '>gt',
  '9999999999999999999999',
  '0.1000',
];

/** Values and keys a drafter writes; the odd ones above come in one document out of three. */
const TAME = new Set([
  ...WORDS,
  '1',
  'true',
  'null',
  '~',
  '"quoted key"',
  "'single key'",
  "'it''s'",
  'a:b',
  'a#b',
  'é',
  ...PLAINS.slice(0, 40),
]);

/** One random document, as text. */
export function randomYaml(rnd: () => number, opts: { crlf?: boolean } = {}): string {
  const tame = rnd() < 0.67;
  const pick = <T>(xs: readonly T[]): T => {
    for (;;) {
      const x = xs[Math.floor(rnd() * xs.length)]!;
      if (!tame || typeof x !== 'string' || TAME.has(x) || x.length < 3 || rnd() < 0.02) return x;
    }
  };
  const sp = () => (rnd() < 0.8 ? ' ' : rnd() < 0.5 ? '  ' : '');
  const comment = () => (rnd() < 0.15 ? `${rnd() < 0.9 ? ' ' : ''}# ${pick(WORDS)}` : '');
  const lines: string[] = [];
  const trailing = () => (rnd() < 0.1 ? ' '.repeat(1 + Math.floor(rnd() * 3)) : '');
  const between = (indent: number) => {
    if (rnd() < 0.1) lines.push(rnd() < 0.5 ? '' : ' '.repeat(Math.floor(rnd() * (indent + 4))));
    if (rnd() < 0.08) lines.push(`${' '.repeat(Math.floor(rnd() * (indent + 3)))}# note`);
  };
  const quotedDouble = () => {
    const parts = [
      'plain',
      ' ',
      '\\n',
      '\\t',
      '\\"',
      '\\\\',
      '\\/',
      '\\x41',
      '\\u00e9',
      '\\U0001F600',
      '\\q',
      "'",
      '#',
      ': ',
      '\\ ',
      '\\_',
    ];
    let out = '"';
    for (let i = 0, n = Math.floor(rnd() * 5); i < n; i++) out += pick(parts);
    return out + '"';
  };
  const quotedSingle = () => {
    const parts = ['plain', ' ', "''", '\\', '"', '#', ': '];
    let out = "'";
    for (let i = 0, n = Math.floor(rnd() * 5); i < n; i++) out += pick(parts);
    return out + "'";
  };
  const flowScalar = (): string => {
    const r = rnd();
    if (r < 0.2) return quotedDouble();
    if (r < 0.3) return quotedSingle();
    return pick(['felony', 'violent', '48', 'true', 'a b', 'x', '1.5', 'null', '"k"', 'a:b', 'é', '2012-06-01T11:00', 'a:']);
  };
  const flow = (depth: number, indent: number, multiline: boolean): string => {
    const isMap = rnd() < 0.5;
    const n = Math.floor(rnd() * 4);
    const sep = multiline && rnd() < 0.3 ? `,\n${' '.repeat(indent + 1 + Math.floor(rnd() * 3))}` : rnd() < 0.8 ? ', ' : ',';
    const items: string[] = [];
    for (let i = 0; i < n; i++) {
      const v = depth < 3 && rnd() < 0.25 ? flow(depth + 1, indent, multiline) : flowScalar();
      if (isMap) {
        const k = rnd() < 0.2 ? `"${pick(WORDS)}"` : pick(['hours', 'a', 'b', 'name', 'state', '1', 'true']);
        items.push(`${k}:${k.startsWith('"') && rnd() < 0.5 ? '' : ' '}${v}`);
      } else items.push(v);
    }
    const pad = rnd() < 0.5 ? ' ' : '';
    if (!isMap && rnd() < 0.1) items.push(`&f${Math.floor(rnd() * 3)} x`, `*f${Math.floor(rnd() * 3)}`);
    return isMap ? `{${pad}${items.join(sep)}${pad}}` : `[${items.join(sep)}]`;
  };
  const blockScalar = (indent: number) => {
    const head = pick(['|', '>', '|-', '>-', '|+', '>+']);
    const out = [head + comment()];
    const n = 1 + Math.floor(rnd() * 4);
    const inner = indent + 1 + Math.floor(rnd() * 3);
    if (rnd() < 0.15) out.push('');
    for (let i = 0; i < n; i++) {
      const r = rnd();
      if (r < 0.15) out.push('');
      else if (r < 0.22) out.push(' '.repeat(inner + 2));
      else if (r < 0.35) out.push(' '.repeat(inner + 2) + 'more indented');
      else out.push(' '.repeat(inner) + pick(['text here', 'a: b', '# not a comment', '- item', 'last line']) + trailing());
    }
    if (rnd() < 0.3) out.push('');
    if (rnd() < 0.15) out.push(' '.repeat(inner + 1));
    return out;
  };
  const anchors: string[] = [];
  /** Sometimes an anchor before a value, or an alias instead of one. */
  const value = (depth: number, indent: number): string => {
    const r = rnd();
    if (r < 0.04 && anchors.length) return ` *${pick(anchors)}${comment()}`;
    if (r < 0.05) return ` *undefined${comment()}`;
    if (r < 0.1) {
      const name = `a${anchors.length}`;
      const v = plainValue(depth, indent);
      anchors.push(name);
      return v.startsWith(' ') ? ` &${name}${v}` : ` &${name} ${v}`;
    }
    return plainValue(depth, indent);
  };
  /** Lines for a value of a key or item at `indent`; returns the text to put on the key's line. */
  const plainValue = (depth: number, indent: number): string => {
    const r = rnd();
    if (depth < 4 && r < 0.22) {
      // A block map or list below.
      const childIndent = indent + (rnd() < 0.9 ? 2 : 1 + Math.floor(rnd() * 4));
      const useSeq = rnd() < 0.45;
      const seqIndent = useSeq && rnd() < 0.3 ? indent : childIndent;
      lines.push('');
      const at = lines.length - 1;
      if (useSeq) seq(depth + 1, seqIndent);
      else map(depth + 1, childIndent);
      lines.splice(at, 1);
      return comment();
    }
    if (r < 0.3) return rnd() < 0.5 ? comment() : '';
    if (r < 0.4) return ' ' + flow(0, indent, rnd() < 0.3) + comment();
    if (r < 0.5) return ' ' + quotedDouble() + comment();
    if (r < 0.55) return ' ' + quotedSingle() + comment();
    if (r < 0.62) {
      const b = blockScalar(indent);
      lines.push('');
      const at = lines.length - 1;
      lines.push(...b.slice(1));
      lines.splice(at, 1);
      return ' ' + b[0];
    }
    if (r < 0.7) {
      // A plain scalar over several lines.
      const cont = ' '.repeat(indent + 1 + Math.floor(rnd() * 3));
      const more: string[] = [];
      for (let i = 0, n = 1 + Math.floor(rnd() * 3); i < n; i++) {
        if (rnd() < 0.2) more.push('');
        more.push(cont + pick(['continued text', 'more', '- dash', 'a: b', '# hash', 'end']));
      }
      const first = ' ' + pick(['first line', 'text']);
      lines.push('');
      const at = lines.length - 1;
      lines.push(...more);
      lines.splice(at, 1);
      return first;
    }
    if (r < 0.74) {
      // A quoted scalar over several lines.
      const cont = ' '.repeat(indent + 1 + Math.floor(rnd() * 2));
      const q = rnd() < 0.5 ? '"' : "'";
      lines.push('');
      const at = lines.length - 1;
      if (rnd() < 0.3) lines.push('');
      lines.push(cont + 'second' + (rnd() < 0.3 ? ' \\' : '') + trailing());
      lines.push(cont + 'third' + q + comment());
      lines.splice(at, 1);
      return ` ${q}first${trailing()}`;
    }
    return sp() + pick(PLAINS) + trailing() + comment();
  };
  const key = () => pick(KEYS);
  const map = (depth: number, indent: number, first?: string) => {
    const n = 1 + Math.floor(rnd() * 4);
    const used: string[] = [];
    for (let i = 0; i < n; i++) {
      const k = used.length && rnd() < 0.05 ? pick(used) : key();
      used.push(k);
      const pad = i === 0 && first !== undefined ? first : ' '.repeat(indent);
      lines.push('');
      const at = lines.length - 1;
      const v = value(depth, indent);
      lines[at] = `${pad}${k}${rnd() < 0.05 ? ' ' : ''}:${v}`;
      between(indent);
    }
  };
  const seq = (depth: number, indent: number, first?: string) => {
    const n = 1 + Math.floor(rnd() * 4);
    for (let i = 0; i < n; i++) {
      const pad = i === 0 && first !== undefined ? first : ' '.repeat(indent);
      const r = rnd();
      if (depth < 4 && r < 0.3) {
        // A compact mapping in the item.
        lines.push('');
        const at = lines.length - 1;
        map(depth + 1, indent + 2, `${pad}- `);
        lines.splice(at, 1);
      } else if (depth < 4 && r < 0.36) {
        lines.push('');
        const at = lines.length - 1;
        seq(depth + 1, indent + 2, `${pad}- `);
        lines.splice(at, 1);
      } else {
        lines.push('');
        const at = lines.length - 1;
        const v = value(depth, indent);
        lines[at] = `${pad}-${v}`;
      }
      between(indent);
    }
  };
  if (rnd() < 0.1) lines.push('# a leading comment');
  const top = rnd();
  if (top < 0.75) map(0, 0);
  else if (top < 0.9) seq(0, 0);
  else lines.push(flow(0, -1, true));
  let text = lines.join('\n') + (rnd() < 0.9 ? '\n' : '');
  if (opts.crlf) text = text.replace(/\n/g, '\r\n');
  return text;
}

/** A copy of the text with a few characters inserted, deleted or replaced. */
export function mutate(text: string, rnd: () => number): string {
  const chars = [' ', '\n', ':', '-', '#', '"', "'", '[', ']', '{', '}', ',', '|', '>', 'a', '\\', '  ', '\t', '&a', '*a', '!'];
  let out = text;
  for (let k = 0, n = 1 + Math.floor(rnd() * 3); k < n; k++) {
    const i = Math.floor(rnd() * (out.length + 1));
    const r = rnd();
    const c = chars[Math.floor(rnd() * chars.length)]!;
    if (r < 0.4) out = out.slice(0, i) + c + out.slice(i);
    else if (r < 0.7) out = out.slice(0, i) + out.slice(i + 1);
    else out = out.slice(0, i) + c + out.slice(i + 1);
  }
  return out;
}

const LIMITS = { maxNesting: 100, maxKeysPerMap: 1e9, maxKeys: 1e9, maxExpandedChars: 1e9 };

/**
 * Compares the fast reader with the yaml library on a text. Returns undefined when they agree (or
 * the reader declined), else what differs; `declined` counts the texts the reader left to the library.
 */
export function compareWithLibrary(text: string, stats?: { read: number; declined: number }): string | undefined {
  const fast = readBlockYaml(text, LIMITS);
  if (fast.declined) {
    if (stats) stats.declined++;
    return undefined;
  }
  if (stats) stats.read++;
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  const dup = doc.errors.filter((e) => e.code === 'DUPLICATE_KEY').length;
  const other = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  if (other.length) return `the library reports ${other[0]!.code} at ${other[0]!.pos[0]} (${other[0]!.message.split('\n')[0]})`;
  if (doc.warnings.length) return `the library warns: ${doc.warnings[0]!.message}`;
  const fastDup = fast.problems.filter((p) => p.code === 'duplicate-key').length;
  if (dup !== fastDup) return `${fastDup} duplicate keys, library ${dup}`;
  if (fast.problems.some((p) => p.code !== 'duplicate-key')) return `reader problem ${fast.problems[0]!.code}`;
  const ranges = compareNodes(fast.root, doc.contents as Node, '$');
  if (ranges) return ranges;
  if (dup === 0) {
    let want: unknown;
    try {
      want = doc.toJS({ maxAliasCount: 100 });
    } catch {
      // The library refuses many aliases; the reader counts their written-out size instead.
      return undefined;
    }
    const diff = sameValue(fast.value, want, '$');
    if (diff) return diff;
  }
  return undefined;
}

function compareNodes(a: BlockNode, b: Node | null, path: string): string | undefined {
  if (!b) return `${path}: the library has no node`;
  const r = b.range!;
  if (a.start !== r[0] || a.end !== r[1]) return `${path}: range [${a.start}, ${a.end}], library [${r[0]}, ${r[1]}]`;
  if (isMap(b)) {
    if (a.kind !== NodeKind.Map) return `${path}: not a mapping`;
    if (a.keys!.length !== b.items.length) return `${path}: ${a.keys!.length} keys, library ${b.items.length}`;
    for (let i = 0; i < b.items.length; i++) {
      const d =
        compareNodes(a.keys![i]!, b.items[i]!.key as Node, `${path}.key${i}`) ??
        compareNodes(a.items![i]!, b.items[i]!.value as Node, `${path}.value${i}`);
      if (d) return d;
    }
  } else if (isSeq(b)) {
    if (a.kind !== NodeKind.Seq) return `${path}: not a list`;
    if (a.items!.length !== b.items.length) return `${path}: ${a.items!.length} items, library ${b.items.length}`;
    for (let i = 0; i < b.items.length; i++) {
      const d = compareNodes(a.items![i]!, b.items[i] as Node, `${path}[${i}]`);
      if (d) return d;
    }
  } else if (isScalar(b)) {
    if (a.kind !== NodeKind.Scalar) return `${path}: not a scalar`;
    const d = sameValue(a.value, b.value, path);
    if (d) return d;
  } else if (isAlias(b)) {
    if (a.kind !== NodeKind.Alias) return `${path}: not an alias`;
  } else return `${path}: library node of another kind`;
  return undefined;
}

function sameValue(a: unknown, b: unknown, path: string): string | undefined {
  if (typeof a !== typeof b) return `${path}: ${typeof a} ${JSON.stringify(a)}, library ${typeof b} ${JSON.stringify(b)}`;
  if (typeof a === 'number') return Object.is(a, b) ? undefined : `${path}: ${a}, library ${String(b)}`;
  if (a === null || typeof a !== 'object') return a === b ? undefined : `${path}: ${JSON.stringify(a)}, library ${JSON.stringify(b)}`;
  if (b === null) return `${path}: library null`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: list or not`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: prototypes differ`;
  const ka = Object.getOwnPropertyNames(a);
  const kb = Object.getOwnPropertyNames(b);
  if (JSON.stringify(ka) !== JSON.stringify(kb)) return `${path}: keys ${JSON.stringify(ka)}, library ${JSON.stringify(kb)}`;
  for (const k of ka) {
    const d = sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return undefined;
}
