// The ordinance as Markdown: the printed blocks of the text model, as every format prints them.
// Every piece of text is escaped, so what a reader of the rendered Markdown sees is the text typed:
// no heading, link, image, HTML or emphasis can come from an ordinance's own words.

import { xmlSafe } from './xml-safe';
import { printedBlocks, type Run } from './export/text-blocks';
import type { Ordinance } from './model';
import { ordinanceText, type OrdinanceText } from './text-model';

/**
 * Text as one line of Markdown that renders as exactly that text. Line breaks become spaces;
 * characters no XML file may hold become U+FFFD, as in every export; and every character Markdown
 * (CommonMark and GitHub's extensions) could read as markup is backslash-escaped: emphasis, code,
 * links and images, raw HTML and autolinks, entities, strikethrough, table cells, and the
 * bare-address autolinks (`https://`, `www.`, e-mail), so no word of a document becomes a link.
 * `lineStart` also escapes what only begins a block: a heading, a list item, a thematic break.
 */
export function markdownText(text: string, lineStart = false): string {
  let s = xmlSafe(text).replace(/\s+/g, ' ').trim();
  s = s.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
  s = s.replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
  s = s.replace(/\b([A-Za-z][A-Za-z0-9+.-]*):(?=\/\/)/g, '$1\\:');
  s = s.replace(/\b(www)\./gi, '$1\\.');
  s = s.replace(/@/g, '\\@');
  // A run of # at the end, after a space, would close an ATX heading and vanish from it.
  s = s.replace(/(^|\s)(#+)$/, '$1\\$2');
  if (lineStart) s = s.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return s;
}

const md = markdownText;

function runsMarkdown(runs: readonly Run[], lineStart: boolean): string {
  return runs.map((r, i) => (r.term ? `**${md(r.text)}**` : md(r.text, lineStart && i === 0))).join('');
}

/** The printed blocks as Markdown: one paragraph per block, list items as nested lists. */
export function markdownFromText(t: OrdinanceText): string {
  const lines: string[] = [];
  let inList = false;
  for (const b of printedBlocks(t)) {
    const label = b.label ? `${md(b.label)} ` : '';
    const text = runsMarkdown(b.runs, !label);
    if (b.kind === 'item') {
      if (!inList && lines.length) lines.push('');
      lines.push(`${'  '.repeat((b.depth ?? 1) - 1)}- ${label}${runsMarkdown(b.runs, false)}`);
      inList = true;
      continue;
    }
    if (lines.length) lines.push('');
    inList = false;
    switch (b.kind) {
      case 'title':
        lines.push(`# ${text}`);
        break;
      case 'heading':
      case 'annex-heading':
        lines.push(`## ${runsMarkdown(b.runs, false)}`);
        break;
      case 'number':
      case 'enacting':
        lines.push(`**${runsMarkdown(b.runs, false)}**`);
        break;
      case 'subtitle':
        lines.push(`*${runsMarkdown(b.runs, false)}*`);
        break;
      case 'annex':
        lines.push(`${md(b.lead ?? '', true)}: ${text}`);
        break;
      case 'footer':
        lines.push('---', '', text);
        break;
      default:
        lines.push(`${label}${text}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function renderMarkdown(o: Ordinance): string {
  return markdownFromText(ordinanceText(o));
}
