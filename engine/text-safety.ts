// Characters that make text read differently from what it is, or that no document should hold:
// control characters (NUL, escape, ...) and the Unicode bidirectional embeddings, overrides and
// isolates that reorder what is displayed ("Trojan Source"). Found in any text of an ordinance and in
// the ids and offense names of booking cases, and reported where they are.

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

/** The text with each unsafe character written as a visible escape (`\u0000`), for messages that quote it. */
export function escapeUnsafe(s: string): string {
  if (unsafeCharacterIndex(s, false) < 0) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += isUnsafeCharCode(c, false) ? `\\u${c.toString(16).padStart(4, '0')}` : s[i];
  }
  return out;
}

/** The character in words: `U+202E RIGHT-TO-LEFT OVERRIDE`, `the control character U+0000`. */
export function describeUnsafeCharacter(c: number): string {
  const hex = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return BIDI_NAMES[c] ? `${hex} ${BIDI_NAMES[c]}` : `the control character ${hex}`;
}

/** Why a character is refused, for messages: what it does to the text. */
export function unsafeCharacterProblem(s: string, index: number): string {
  const c = s.charCodeAt(index);
  const what = describeUnsafeCharacter(c);
  return BIDI_NAMES[c]
    ? `holds ${what} (character ${index + 1}), which makes the text display in another order than it reads; remove it`
    : `holds ${what} (character ${index + 1}), which no text here may contain; remove it`;
}

/** Frozen objects (the editor's document, read by `parseEditedSource`, shares them between edits) that hold no unsafe string. */
const CLEAN = new WeakSet<object>();

/**
 * Every string in a document (recursively; object keys are left to the schema) that holds an unsafe
 * character, as an error located by `locate`. Text may keep tabs and line breaks.
 */
export function unsafeTextDiagnostics(
  value: unknown,
  locate: (path: PathSegment[]) => Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>,
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
        const field = path.length ? String(path.findLast((p) => typeof p === 'string') ?? 'the text') : 'the text';
        out.push({
          severity: 'error',
          code: 'unsafe-character',
          message: `"${field}" ${unsafeCharacterProblem(v, i)}`,
          path,
          ...locate(path),
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
