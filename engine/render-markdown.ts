// The ordinance as Markdown: the text model serialized, with plain readings beside author's wording.
// Every piece of text is escaped, so what a reader of the rendered Markdown sees is the text typed:
// no heading, link, image, HTML or emphasis can come from an ordinance's own words.

import { shortFingerprint } from './canonical';
import { xmlSafe } from './export/html';
import type { Ordinance } from './model';
import { ordinanceText, type OrdinanceText, type TextItem } from './text-model';

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
  if (lineStart) s = s.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return s;
}

const md = markdownText;

function itemLines(items: TextItem[], conj: 'and' | 'or', indent: string, last: boolean): string[] {
  const out: string[] = [];
  items.forEach((item, i) => {
    const end = i < items.length - 1 ? `; ${conj}` : last ? '.' : '';
    if (item.items) {
      out.push(`${indent}- (${i + 1}) ${md(item.text)}`);
      out.push(...itemLines(item.items, item.conjunction ?? 'and', indent + '  ', last && i === items.length - 1));
      if (end && end !== '.') out[out.length - 1] += end;
    } else {
      out.push(`${indent}- (${i + 1}) ${md(item.text)}${end}`);
    }
  });
  return out;
}

export function markdownFromText(t: OrdinanceText): string {
  const lines: string[] = [`# ${md(t.title)}`, ''];
  if (t.subtitle) lines.push(`*${md(t.subtitle)}*`, '');
  t.whereas.forEach((w, i) => {
    lines.push(`WHEREAS, ${md(w)}${i < t.whereas.length - 1 ? '; and' : '; now, therefore,'}`, '');
  });
  lines.push(`**${md(t.enacting)}**`, '');
  for (const s of t.sections) {
    lines.push(`## Section ${s.number}. ${md(s.heading)}`, '');
    if (s.intro) for (const p of s.intro.trim().split(/\n[ \t]*\n/)) if (p.trim()) lines.push(md(p, true), '');
    for (const c of s.clauses) {
      const label = c.label ? `${c.label} ` : '';
      const at = c.term ? c.text.indexOf(`"${c.term}"`) : -1;
      const text =
        c.term && at >= 0
          ? `${md(c.text.slice(0, at + 1), !label)}**${md(c.term)}**${md(c.text.slice(at + 1 + c.term.length))}`
          : md(c.text, !label);
      lines.push(`${label}${text}`);
      if (c.items) {
        lines.push('');
        lines.push(...itemLines(c.items, c.conjunction ?? 'and', '', true));
      }
      lines.push('');
      if (c.plainReading && (c.authorWording || c.term)) {
        lines.push(`> ${c.authorWording ? 'Generated plain reading' : 'Plain reading'}: ${md(c.plainReading)}`, '');
      }
    }
  }
  lines.push(
    '---',
    '',
    md(`Version ${t.version}${t.date ? ` · ${t.date}` : ''} · Fingerprint ${shortFingerprint(t.fingerprint)} (${t.fingerprint})`),
    '',
  );
  return lines.join('\n');
}

export function renderMarkdown(o: Ordinance): string {
  return markdownFromText(ordinanceText(o));
}
