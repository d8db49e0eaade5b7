// The ordinance text as a flat sequence of printed blocks (title block, clauses, list items, passage
// and signatures, the annex, the record line), built once from the format-neutral text model so
// Markdown, HTML, DOCX, the redline and the app's preview print exactly the same words.

import { shortFingerprint } from '../canonical';
import { longDate, type OrdinanceText, type TextItem } from '../text-model';

/** A stretch of text with one look. */
export interface Run {
  text: string;
  /** A defined term where it is defined. */
  term?: boolean;
}

export type BlockKind =
  | 'title'
  | 'number'
  | 'subtitle'
  | 'sponsors'
  | 'whereas'
  | 'enacting'
  | 'heading'
  | 'intro'
  | 'clause'
  | 'item'
  | 'after'
  | 'passage'
  | 'signature'
  | 'signer'
  | 'signature-date'
  | 'annex-heading'
  | 'annex'
  | 'footer';

/** Blocks that are part of the text put to the vote (the rest are the title block's record, the annex and the footer). */
export const VOTED_KINDS: ReadonlySet<BlockKind> = new Set(['whereas', 'enacting', 'heading', 'intro', 'clause', 'item', 'after']);

export interface PrintedBlock {
  kind: BlockKind;
  /** "(a)" for a lettered clause, "(1)", "(A)", "(i)" for a list item; absent for other blocks. */
  label?: string;
  /** For list items: 1 for a clause's own list, 2 for a list inside an item, and so on. */
  depth?: number;
  /** For headings: the section number. For clauses, items and continuations: the section they belong to. */
  section?: number;
  /** For clauses and their items: the provision id ("default" for the otherwise clause). */
  provision?: string;
  /** For a list item that is one ground of a subsection: its citation. */
  citation?: string;
  /** For annex entries: the lead-in (the citation and what the reading is). */
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
  const quoted = `"${oneLine(term)}"`;
  const at = text.indexOf(quoted);
  if (at < 0) return plain(text);
  const runs: Run[] = [{ text: text.slice(0, at + 1) }, { text: oneLine(term), term: true }, { text: text.slice(at + quoted.length - 1) }];
  return runs.filter((r) => r.text !== '');
}

function itemBlocks(items: readonly TextItem[], depth: number, ctx: Pick<PrintedBlock, 'section' | 'provision'>): PrintedBlock[] {
  const out: PrintedBlock[] = [];
  for (const item of items) {
    const own = item.provision ? { provision: item.provision, ...(item.citation ? { citation: item.citation } : {}) } : {};
    out.push({ kind: 'item', label: item.label, depth, ...ctx, ...own, runs: plain(oneLine(item.text)) });
    if (item.items) out.push(...itemBlocks(item.items, depth + 1, { ...ctx, ...own }));
  }
  return out;
}

export function footerLine(t: Pick<OrdinanceText, 'version' | 'date' | 'fingerprint'>): string {
  return `${versionFacts(t).join(' · ')} · Fingerprint ${shortFingerprint(t.fingerprint)} (${t.fingerprint})`;
}

/**
 * "Version <version>" and the document's (effective) date, for footers, the date as the header says it
 * ("Effective September 12, 2012", never "2012-09-12"): the date once, where the version is that date
 * (Cook County's "2011-09-07"), not "Version 2011-09-07 · Effective September 7, 2011".
 */
export function versionFacts(t: { version: string; date?: string }): string[] {
  return [`Version ${t.version}`, ...(t.date && t.date !== t.version ? [`Effective ${longDate(t.date)}`] : [])];
}

export const ANNEX_HEADING = 'Annex: generated plain readings (not part of the text)';

/** The printed blocks of an ordinance, in reading order. */
export function printedBlocks(t: OrdinanceText): PrintedBlock[] {
  const blocks: PrintedBlock[] = [{ kind: 'title', runs: plain(oneLine(t.title)) }];
  blocks.push({ kind: 'number', runs: plain(oneLine(t.number)) });
  if (t.subtitle) blocks.push({ kind: 'subtitle', runs: plain(oneLine(t.subtitle)) });
  if (t.sponsors) blocks.push({ kind: 'sponsors', runs: plain(oneLine(t.sponsors)) });
  for (const w of t.whereas) blocks.push({ kind: 'whereas', runs: plain(oneLine(w)) });
  blocks.push({ kind: 'enacting', runs: plain(oneLine(t.enacting)) });
  for (const s of t.sections) {
    blocks.push({ kind: 'heading', section: s.number, runs: plain(`Section ${s.number}. ${oneLine(s.heading)}`) });
    if (s.intro) for (const p of paragraphsOf(s.intro)) blocks.push({ kind: 'intro', section: s.number, runs: plain(p) });
    for (const c of s.clauses) {
      const ctx = { section: s.number, ...(c.provision ? { provision: c.provision } : {}) };
      blocks.push({ kind: 'clause', ...(c.label ? { label: c.label } : {}), ...ctx, runs: termRuns(oneLine(c.text), c.term) });
      if (c.items) blocks.push(...itemBlocks(c.items, 1, ctx));
      if (c.after) blocks.push({ kind: 'after', ...ctx, runs: plain(oneLine(c.after)) });
    }
  }
  for (const p of t.passage) blocks.push({ kind: 'passage', runs: plain(oneLine(p)) });
  for (const s of t.signatures) {
    blocks.push({ kind: 'signature', runs: plain(s.lead) });
    blocks.push({ kind: 'signer', runs: plain(oneLine(s.signer)) });
    if (s.date) blocks.push({ kind: 'signature-date', runs: plain(s.date) });
  }
  if (t.annex.length) {
    blocks.push({ kind: 'annex-heading', runs: plain(ANNEX_HEADING) });
    for (const a of t.annex) blocks.push({ kind: 'annex', lead: `${a.citation} ${a.lead}`, runs: plain(oneLine(a.text)) });
  }
  blocks.push({ kind: 'footer', runs: plain(footerLine(t)) });
  return blocks;
}
