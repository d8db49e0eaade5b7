// Shared by the export tests: fixtures, generated cases, reading DOCX packages as Word would number
// them, and the external tools (LibreOffice, pdftotext, Chromium) with a printed reason when absent.

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { loadOrdinance, readCaseSet, type Ordinance, type PreparedCase } from '../../engine/index';
import { generateCases } from '../../engine/generate';
import { marked } from 'marked';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const fixtures = path.join(here, 'fixtures');

export function ordinanceFrom(text: string, file = 'text'): Ordinance {
  const loaded = loadOrdinance(text);
  if (!loaded.ordinance) throw new Error(`${file}: ${loaded.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ')}`);
  return loaded.ordinance;
}

export function loadFile(file: string): Ordinance {
  return ordinanceFrom(fs.readFileSync(file, 'utf8'), file);
}

/** A frozen TRUST Act test copy: tests that assert exact words and numbers use it, not the maintained sample. */
export const ctFile = path.join(fixtures, 'trust-act.ordinance.yaml');
export const rivertonFile = path.join(fixtures, 'riverton.ordinance.yaml');

/** Every sample ordinance in the repository and the test fixtures. */
export function allOrdinanceFiles(): string[] {
  const samples = fs.readdirSync(path.join(root, 'samples/ordinances')).filter((f) => f.endsWith('.ordinance.yaml'));
  return [...samples.map((f) => path.join(root, 'samples/ordinances', f)).sort(), ctFile, rivertonFile];
}

export function generatedCases(count: number, seed = 7): PreparedCase[] {
  const set = readCaseSet(JSON.stringify(generateCases({ count, seed })), 'json');
  if (set.problems.length) throw new Error(`generated cases have problems: ${set.problems[0]!.message}`);
  return set.cases;
}

export function which(tool: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Says once why a group of tests is skipped, so a skip is never silent. */
export function skipReason(tools: string[]): string | undefined {
  const missing = tools.filter((t) => !which(t));
  if (missing.length === 0) return undefined;
  const reason = `skipped: ${missing.join(', ')} not installed (apt-get install ${missing.map((t) => ({ soffice: 'libreoffice-writer-nogui', pdftotext: 'poppler-utils', pdfinfo: 'poppler-utils', chromium: 'chromium' })[t] ?? t).join(' ')})`;
  console.warn(reason);
  return reason;
}

export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .map((l) => /^([^:]+):\s*(.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
}

/** Words of a text, whitespace-normalized, for comparing formats. */
export function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

export function unzip(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

/** 1 → a, 26 → z, 27 → aa: lower-letter list numbers as Word counts them. */
export function toLetters(n: number): string {
  const base = String.fromCharCode(97 + ((n - 1) % 26));
  return base.repeat(Math.floor((n - 1) / 26) + 1);
}

/** Lower-case Roman numerals, written out independently of the engine. */
export function toRoman(n: number): string {
  const digits: Array<[number, string]> = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  let rest = n;
  for (const [v, d] of digits) {
    while (rest >= v) {
      out += d;
      rest -= v;
    }
  }
  return out;
}

/** A list number as Word prints it in a level's format. */
function wordNumber(fmt: string, v: number): string {
  switch (fmt) {
    case 'lowerLetter':
      return toLetters(v);
    case 'upperLetter':
      return toLetters(v).toUpperCase();
    case 'lowerRoman':
      return toRoman(v);
    case 'upperRoman':
      return toRoman(v).toUpperCase();
    default:
      return String(v);
  }
}

/**
 * The paragraphs of a DOCX body as a reader sees them: list numbers worked out from numbering.xml
 * (restarting per list instance, as Word does), deleted text left out, tabs as spaces.
 */
export function docxParagraphs(bytes: Uint8Array): string[] {
  const files = unzip(bytes);
  const doc = files['word/document.xml']!;
  const numbering = files['word/numbering.xml'] ?? '';
  const abstractOf = new Map<string, string>();
  for (const m of numbering.matchAll(/<w:num w:numId="(\d+)"[^>]*>\s*<w:abstractNumId w:val="(\d+)"\/>/g)) abstractOf.set(m[1]!, m[2]!);
  const levelFormat = new Map<string, { fmt: string; text: string }>();
  for (const a of numbering.matchAll(/<w:abstractNum [^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    for (const l of a[2]!.matchAll(/<w:lvl [^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      const fmt = /<w:numFmt w:val="([^"]+)"/.exec(l[2]!)?.[1] ?? 'decimal';
      const text = /<w:lvlText w:val="([^"]*)"/.exec(l[2]!)?.[1] ?? '';
      levelFormat.set(`${a[1]}:${l[1]}`, { fmt, text });
    }
  }
  const counters = new Map<string, number[]>();
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(doc)?.[1] ?? '';
  const out: string[] = [];
  for (const p of body.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)) {
    const xml = p[1]!.replace(/<w:del\b[\s\S]*?<\/w:del>/g, '');
    let label = '';
    const num = /<w:numPr>\s*<w:ilvl w:val="(\d+)"\/>\s*<w:numId w:val="(\d+)"\/>/.exec(xml);
    if (num) {
      const ilvl = Number(num[1]);
      const numId = num[2]!;
      const c = counters.get(numId) ?? [];
      c[ilvl] = (c[ilvl] ?? 0) + 1;
      c.length = ilvl + 1;
      counters.set(numId, c);
      const f = levelFormat.get(`${abstractOf.get(numId)}:${ilvl}`);
      if (f) {
        label = f.text.replace(/%(\d)/g, (_, k: string) => {
          const v = c[Number(k) - 1] ?? 1;
          return wordNumber(f.fmt, v);
        });
      }
    }
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
      .map((m) => (m[1] === undefined ? ' ' : decodeXml(m[1])))
      .join('');
    out.push(label ? `${label} ${text}` : text);
  }
  return out;
}

export function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), `ds-${name}-`));
}

/** Markdown rendered the way GitHub and most viewers render it (CommonMark with GitHub's extensions). */
export function markdownHtml(md: string): string {
  return marked.parse(md, { gfm: true, async: false });
}

/** HTML's text: inline elements (`inline`, a regex alternation of tag names) joined to the words around them, other tags separating words, entities decoded. */
export function htmlText(html: string, inline: string): string {
  return html
    .replace(new RegExp(`<\\/?(?:${inline})\\b[^>]*>`, 'g'), '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text a reader of rendered Markdown sees: tags dropped, entities decoded. */
export function markdownVisibleText(md: string): string {
  return htmlText(markdownHtml(md), 'strong|em|code|a|del|span');
}

/** A city ordinance holding 48 hours on any felony conviction, otherwise declining: the smallest policy the state-law findings read. */
export function felonyHoldText(state: string, date: string, title = 'A city'): string {
  return `title: ${title}
jurisdiction: { name: Testville, state: ${state}, level: city }
effectiveDate: ${date}
sections:
  - heading: Detainers
    provisions:
      - id: felony
        when: { conviction: { classes: [felony] } }
        outcome: hold
        maxHold: { hours: 48 }
otherwise: decline
`;
}

/** Whether an officer guide's printed pages (pdftotext's, split at form feeds) hold its law notes. */
export function lawNotesIn(pages: readonly string[]): boolean {
  return pages.join(' ').replace(/\s+/g, ' ').includes('What the law it was checked against says');
}
