// Diagnostics: every problem the engine reports, located by line and column in the source file.

export type Severity = 'error' | 'warning' | 'info';

export type PathSegment = string | number;

export interface Diagnostic {
  severity: Severity;
  /** A stable code, e.g. `unknown-key`, shown in brackets after the message. */
  code: string;
  message: string;
  /** 1-based line and column where the problem starts, and where it ends. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Where in the document the problem is (keys and indexes), when it is about a value. */
  path: PathSegment[];
  /** A citation to the law the finding rests on, when there is one. */
  citation?: string;
  /** Set when the drafters silenced the finding, with their reason. */
  suppressed?: string;
  /** The value (or key) probably meant, when the message asks "did you mean …?"; quick fixes offer it. */
  suggestion?: string;
}

/**
 * A finding's message with its citation after it, as one line (the editor's marker): the citation is
 * added only when the message does not already cite it (most legal findings end with their authority).
 * A citation of several authorities ("A; B; C") adds only those the message does not already name:
 * a finding that names each case where it says what the case held does not list them again.
 */
export function messageWithCitation(d: Pick<Diagnostic, 'message' | 'citation'>): string {
  const citation = d.citation?.trim();
  if (!citation || d.message.includes(citation)) return d.message;
  const missing = citation
    .split('; ')
    .map((part) => part.trim())
    .filter((part) => part && !d.message.includes(part));
  return missing.length ? `${d.message} (${missing.join('; ')})` : d.message;
}

/** `FILE:LINE:COL: severity: MESSAGE [CODE]`, the CLI's one-line format. */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]`;
}

/** A finding that stops a draft from being simulated or exported: an error nobody silenced. */
export function isBlocking(d: Pick<Diagnostic, 'severity' | 'suppressed'>): boolean {
  return d.severity === 'error' && !d.suppressed;
}

export function blockingErrors<D extends Pick<Diagnostic, 'severity' | 'suppressed'>>(diagnostics: readonly D[]): D[] {
  return diagnostics.filter(isBlocking);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some(isBlocking);
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}

/** "a.b[2].c" for messages and tests. */
export function pathToString(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}

/** Edit distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** How `nearCandidates` finds the candidates near a word. */
export interface NearOptions {
  /** At most this many, closest first (1 unless given). */
  max?: number;
  /** A candidate that contains the word (of 3 letters or more) is nearest of all: "shadowed" in "provision-shadowed". */
  containing?: boolean;
  /**
   * The most letters a typo gets wrong: a third of the word or of the candidate, whichever is longer
   * ('longer', unless given), or a third of the word alone ('word'); 2 at least. Or a third of the
   * shorter of the two, 1 at least ('shorter'): for names in someone else's words, where a short name is
   * two letters from several of ours without being like any.
   */
  limitOf?: 'longer' | 'word' | 'shorter';
}

/**
 * The candidates a word is likely a typo of, for "did you mean": closest first (by edit distance, case
 * ignored; a tie in the candidates' order), at most `max`, each within the typo limit.
 */
export function nearCandidates(word: string, candidates: readonly string[], opts: NearOptions = {}): string[] {
  // No typo makes a 200-character word out of a key or value name, and the edit distance of a huge
  // string (hostile input) would take seconds.
  if (word.length > 200) return [];
  const w = word.toLowerCase();
  const limit = (c: string) =>
    opts.limitOf === 'shorter'
      ? Math.max(1, Math.floor(Math.min(word.length, c.length) / 3))
      : Math.max(2, Math.floor(Math.max(word.length, opts.limitOf === 'word' ? 0 : c.length) / 3));
  return candidates
    .map((c) => {
      const lower = c.toLowerCase();
      return { c, d: opts.containing && w.length >= 3 && lower.includes(w) ? 0 : editDistance(w, lower) };
    })
    .sort((a, b) => a.d - b.d)
    .slice(0, opts.max ?? 1)
    .filter((x) => x.d <= limit(x.c))
    .map((x) => x.c);
}

/** The closest candidate, when it is close enough to be a likely typo. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  return nearCandidates(word, candidates)[0];
}
