// Characters that make text read differently from what it is, or that no document should hold:
// control characters (NUL, escape, ...) and the Unicode bidirectional embeddings, overrides and
// isolates that reorder what is displayed ("Trojan Source"). Found in any text of an ordinance and in
// the ids and offense names of booking cases, and reported where they are. And characters that do not
// show at all (zero-width spaces, the word joiner, the byte-order mark, the left-to-right and
// right-to-left marks, and the zero-width non-joiner and joiner where they join nothing: between two
// letters of Persian or an Indic script, or between emoji, they are part of the text): harmless to how
// text reads, but two names that differ by one look the same, and a term can look defined, or used,
// when it is not.
//
// The one definition of these sets: the command line's output (`terminalText`), the app's views
// (`visibleText`), the exports (xml-safe.ts) and the engine's checks read them here. The faces may import this module (an entry point, as engine/baseline-reasons.ts): it
// imports no code of the engine, so the command line's start stays small.

import type { Diagnostic, PathSegment } from './diagnostics';

const BIDI_NAMES: Record<number, string> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

const INVISIBLE_NAMES: Record<number, string> = {
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2060: 'WORD JOINER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

/** True for a character that takes no room when shown (U+200B-U+200F, U+2060, U+FEFF): text with one looks the same as without. */
export function isInvisibleCharCode(c: number): boolean {
  return (c >= 0x200b && c <= 0x200f) || c === 0x2060 || c === 0xfeff;
}

// The zero-width non-joiner and joiner are part of how some scripts are spelt: Persian writes
// "می‌خواهم" with a non-joiner, the Indic scripts choose a conjunct's form with either (Hindi "क्‍ष"),
// and an emoji sequence (a family, a flag with a sign) is emoji joined by U+200D. Between two letters
// (or marks) of one of these scripts, or (the joiner alone) between two emoji, each changes what is
// shown and is kept; anywhere else it shows nothing, and is treated as the other invisible characters.
const JOINING_SCRIPTS = [
  'Arabic',
  'Syriac',
  'Nko',
  'Mandaic',
  'Mongolian',
  'Phags_Pa',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Oriya',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Tibetan',
  'Myanmar',
  'Khmer',
].map((script) => new RegExp(`^\\p{scx=${script}}$`, 'u'));
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const EMOJI = /^\p{Extended_Pictographic}$/u;
const EMOJI_BEFORE_JOINER = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]$/u;

/** The code point that ends just before index `i` of `s`, or undefined. */
function codePointBefore(s: string, i: number): number | undefined {
  if (i <= 0) return undefined;
  const low = s.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = s.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return s.codePointAt(i - 2);
  }
  return low;
}

/** True when the joiner between `before` and `after` joins two letters (or marks) of one script that needs it, or two emoji. */
function joins(joiner: number, before: number, after: number): boolean {
  const a = String.fromCodePoint(before);
  const b = String.fromCodePoint(after);
  if (LETTER_OR_MARK.test(a) && LETTER_OR_MARK.test(b) && JOINING_SCRIPTS.some((r) => r.test(a) && r.test(b))) return true;
  return joiner === 0x200d && EMOJI_BEFORE_JOINER.test(a) && EMOJI.test(b);
}

/**
 * True when the character at `i` of `s` does not show: U+200B-U+200F, U+2060 or U+FEFF, but not a
 * non-joiner or joiner that joins letters of a script that needs it, or emoji (see above).
 */
export function isInvisibleAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (!isInvisibleCharCode(c)) return false;
  if (c !== 0x200c && c !== 0x200d) return true;
  const before = codePointBefore(s, i);
  const after = s.codePointAt(i + 1);
  return before === undefined || after === undefined || !joins(c, before, after);
}

/** Index of the first invisible character of `s` (`isInvisibleAt`), or -1. */
export function invisibleCharacterIndex(s: string): number {
  for (let i = 0; i < s.length; i++) if (isInvisibleAt(s, i)) return i;
  return -1;
}

/** The text without the characters `drop` picks (given the text and an index); the text itself when it picks none. */
function withoutWhere(s: string, drop: (s: string, i: number) => boolean): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (drop(s, i)) {
      out += s.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/** The text without its invisible characters (`isInvisibleAt`: the joiners a script or an emoji needs stay). */
export function withoutInvisible(s: string): string {
  return withoutWhere(s, isInvisibleAt);
}

/** True for a character no text here may hold; tab and line feed pass when `lineBreaks` allows them. */
export function isUnsafeCharCode(c: number, lineBreaks: boolean): boolean {
  if (c < 0x20) return !(lineBreaks && (c === 0x09 || c === 0x0a));
  if (c < 0x7f) return false;
  if (c <= 0x9f) return true; // DEL and the C1 controls
  return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/** Index of the first unsafe character of `s[from..to)`, or -1. */
export function unsafeCharacterIndex(s: string, lineBreaks: boolean, from = 0, to = s.length): number {
  for (let i = from; i < to; i++) if (isUnsafeCharCode(s.charCodeAt(i), lineBreaks)) return i;
  return -1;
}

/** A character that is shown as an escape where text is quoted: unsafe (line breaks too) or invisible (`isInvisibleAt`). */
function quotedAsEscape(s: string, i: number): boolean {
  return isUnsafeCharCode(s.charCodeAt(i), false) || isInvisibleAt(s, i);
}

function escaped(c: number): string {
  return `\\u${c.toString(16).padStart(4, '0')}`;
}

/**
 * The text with each unsafe or invisible character written as a visible escape (`\u0000`, `\u200b`),
 * for messages that quote it: a quoted name shows what it holds.
 */
export function escapeUnsafe(s: string): string {
  let i = 0;
  while (i < s.length && !quotedAsEscape(s, i)) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += quotedAsEscape(s, i) ? escaped(c) : s[i];
  }
  return out;
}

/**
 * The text as a terminal may be given it: each unsafe or invisible character written as a visible
 * escape (`\u001b`, `\u202e`, `\u200b`), so an escape sequence cannot recolour, clear or retitle the
 * terminal, nothing is shown in another order than it reads, and nothing is hidden. Tab and line feed
 * print as they are, and so does a carriage return before a line feed or at the end of the text (its
 * line feed may be written next).
 */
export function terminalText(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d ? i + 1 < text.length && text.charCodeAt(i + 1) !== 0x0a : c !== 0x09 && c !== 0x0a && quotedAsEscape(text, i)) {
      out += text.slice(from, i) + escaped(c);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * The text without its unsafe characters (controls, line breaks too, and direction overrides) and its
 * invisible ones: for a file name the app suggests or saves under, which a file manager would otherwise
 * show in another order than it reads ("report\u202Efdp.exe") or with a character no one can see.
 */
export function withoutUnsafeOrInvisible(text: string): string {
  return withoutWhere(text, quotedAsEscape);
}

/** The character in words: `U+202E RIGHT-TO-LEFT OVERRIDE`, `U+200B ZERO WIDTH SPACE`, `the control character U+0000`. */
export function describeUnsafeCharacter(c: number): string {
  const hex = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = BIDI_NAMES[c] ?? INVISIBLE_NAMES[c];
  return name ? `${hex} ${name}` : `the control character ${hex}`;
}

/**
 * Text quoted from the user's files (a key, a column name, a file name) as a view of the app shows it:
 * as terminalText writes it, each unsafe or invisible character as a visible escape, so a right-to-left
 * override cannot show the rest of a message reversed, nor a zero-width space hide in a name.
 */
export function visibleText(text: string): string {
  return terminalText(text);
}

/** Why an invisible character is flagged, for messages: what it does to the text. */
export function invisibleCharacterProblem(s: string, index: number): string {
  return `holds ${describeUnsafeCharacter(s.charCodeAt(index))} (character ${index + 1}), which does not show: the text looks the same as without it, but is not; remove it`;
}

/** Why a character is refused, for messages: what it does to the text. */
export function unsafeCharacterProblem(s: string, index: number): string {
  const c = s.charCodeAt(index);
  const what = describeUnsafeCharacter(c);
  return BIDI_NAMES[c]
    ? `holds ${what} (character ${index + 1}), which makes the text display in another order than it reads; remove it`
    : `holds ${what} (character ${index + 1}), which no text here may contain; remove it`;
}

/** The name of the field a path ends in, for messages: its last key. */
function fieldOf(path: readonly PathSegment[]): string {
  return String(path.findLast((p) => typeof p === 'string') ?? 'the text');
}

/** Frozen objects (the editor's document, read by `parseEditedSource`, shares them between edits) that hold no unsafe string. */
const CLEAN = new WeakSet<object>();

/**
 * Every string in a document (recursively; object keys are left to the schema) that holds an unsafe
 * character, as an error located by `locate` (given the string and the character's index in it, so the
 * finding can be placed on the character), or else an invisible one, as a warning. Text may keep tabs
 * and line breaks.
 */
export function unsafeTextDiagnostics(
  value: unknown,
  locate: (path: PathSegment[], value: string, index: number) => Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  // One path, grown and shrunk along the walk: copied only for a string that holds an unsafe character.
  const at: PathSegment[] = [];
  const walk = (v: unknown): void => {
    // A frozen object is frozen through (`deepFreeze`): one found clean before holds no unsafe string now.
    if (v !== null && typeof v === 'object' && Object.isFrozen(v)) {
      if (CLEAN.has(v)) return;
      const before = out.length;
      walkInside(v);
      if (out.length === before) CLEAN.add(v);
      return;
    }
    walkInside(v);
  };
  const walkInside = (v: unknown): void => {
    if (typeof v === 'string') {
      const i = unsafeCharacterIndex(v, true);
      if (i >= 0) {
        const path = [...at];
        out.push({
          severity: 'error',
          code: 'unsafe-character',
          message: `"${fieldOf(path)}" ${unsafeCharacterProblem(v, i)}`,
          path,
          ...locate(path, v, i),
        });
        return;
      }
      // A character that does not show: the document stays valid (its logic reads the text as it is),
      // but a name, a term or a heading that holds one looks like another that does not.
      const j = invisibleCharacterIndex(v);
      if (j >= 0) {
        const path = [...at];
        out.push({
          severity: 'warning',
          code: 'invisible-character',
          message: `"${fieldOf(path)}" ${invisibleCharacterProblem(v, j)}`,
          path,
          ...locate(path, v, j),
        });
      }
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        at.push(i);
        walk(v[i]);
        at.pop();
      }
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        at.push(k);
        walk(x);
        at.pop();
      }
    }
  };
  walk(value);
  return out;
}
