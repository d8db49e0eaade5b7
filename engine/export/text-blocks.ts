// The ordinance text as a flat sequence of printed blocks (title, clauses, list items, footer), built
// once from the format-neutral text model so HTML, DOCX and the redline print exactly the same words.

import { shortFingerprint } from '../canonical';
import type { OrdinanceText, TextItem } from '../text-model';

/** A stretch of text with one look. */
export interface Run {
  text: string;
  /** A defined term where it is defined. */
  term?: boolean;
}

export type BlockKind =
  'title' | 'subtitle' | 'whereas' | 'enacting' | 'heading' | 'intro' | 'clause' | 'item' | 'plain-reading' | 'footer';

export interface PrintedBlock {
  kind: BlockKind;
  /** "(a)" for a lettered clause, "(1)" for a list item; absent for other blocks. */
  label?: string;
  /** For list items: 1 for a clause's own list, 2 for a list inside an item, and so on. */
  depth?: number;
  /** For headings: the section number. For clauses and items: the section they belong to. */
  section?: number;
  /** For clauses and their items: the provision id ("default" for the otherwise clause). */
  provision?: string;
  /** For plain readings: the lead-in ("Generated plain reading" or "Plain reading"). */
  lead?: string;
  runs: Run[];
}

/** The whole words of a block, as a reader sees them (label and lead-in included). */
export function blockText(b: PrintedBlock): string {
  const body = b.runs.map((r) => r.text).join('');
  const lead = b.lead ? `${b.lead}: ` : '';
  return b.label ? `${b.label} ${lead}${body}` : `${lead}${body}`;
}

function plain(text: string): Run[] {
  return [{ text }];
}

/** Paragraphs of free text: blank lines separate them, other line breaks are spaces. */
export function paragraphsOf(text: string): string[] {
  return text
    .trim()
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A definition's text with the defined term set apart where it first appears in quotes. */
function termRuns(text: string, term: string | undefined): Run[] {
  if (!term) return plain(text);
  const quoted = `"${term}"`;
  const at = text.indexOf(quoted);
  if (at < 0) return plain(text);
  const runs: Run[] = [];
  if (at + 1 > 0) runs.push({ text: text.slice(0, at + 1) });
  runs.push({ text: term, term: true });
  runs.push({ text: text.slice(at + 1 + term.length) });
  return runs.filter((r) => r.text !== '');
}

/**
 * List items with their closing punctuation: "; and" / "; or" between items, and the enclosing
 * list's ending after the last one, so a nested list closes its parent's item.
 */
function itemBlocks(
  items: TextItem[],
  conj: 'and' | 'or',
  depth: number,
  ending: string,
  ctx: Pick<PrintedBlock, 'section' | 'provision'>,
): PrintedBlock[] {
  const out: PrintedBlock[] = [];
  items.forEach((item, i) => {
    const end = i < items.length - 1 ? `; ${conj}` : ending;
    const label = `(${i + 1})`;
    if (item.items) {
      out.push({ kind: 'item', label, depth, ...ctx, runs: plain(oneLine(item.text)) });
      out.push(...itemBlocks(item.items, item.conjunction ?? 'and', depth + 1, end, ctx));
    } else {
      out.push({ kind: 'item', label, depth, ...ctx, runs: plain(`${oneLine(item.text)}${end}`) });
    }
  });
  return out;
}

export function footerLine(t: Pick<OrdinanceText, 'version' | 'date' | 'fingerprint'>): string {
  return `Version ${t.version}${t.date ? ` · ${t.date}` : ''} · Fingerprint ${shortFingerprint(t.fingerprint)} (${t.fingerprint})`;
}

/** The printed blocks of an ordinance, in reading order. */
export function printedBlocks(t: OrdinanceText): PrintedBlock[] {
  const blocks: PrintedBlock[] = [{ kind: 'title', runs: plain(oneLine(t.title)) }];
  if (t.subtitle) blocks.push({ kind: 'subtitle', runs: plain(oneLine(t.subtitle)) });
  t.whereas.forEach((w, i) => {
    blocks.push({ kind: 'whereas', runs: plain(`WHEREAS, ${oneLine(w)}${i < t.whereas.length - 1 ? '; and' : '; now, therefore,'}`) });
  });
  blocks.push({ kind: 'enacting', runs: plain(oneLine(t.enacting)) });
  for (const s of t.sections) {
    blocks.push({ kind: 'heading', section: s.number, runs: plain(`Section ${s.number}. ${oneLine(s.heading)}`) });
    if (s.intro) for (const p of paragraphsOf(s.intro)) blocks.push({ kind: 'intro', section: s.number, runs: plain(p) });
    for (const c of s.clauses) {
      const ctx = { section: s.number, ...(c.provision ? { provision: c.provision } : {}) };
      blocks.push({
        kind: 'clause',
        ...(c.label ? { label: c.label } : {}),
        ...ctx,
        runs: termRuns(oneLine(c.text), c.term),
      });
      if (c.items) blocks.push(...itemBlocks(c.items, c.conjunction ?? 'and', 1, '.', ctx));
      if (c.plainReading && (c.authorWording || c.term)) {
        blocks.push({
          kind: 'plain-reading',
          ...ctx,
          lead: c.authorWording ? 'Generated plain reading' : 'Plain reading',
          runs: plain(oneLine(c.plainReading)),
        });
      }
    }
  }
  blocks.push({ kind: 'footer', runs: plain(footerLine(t)) });
  return blocks;
}
