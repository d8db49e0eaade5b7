// The ordinance as Markdown: the text model serialized, with plain readings beside author's wording.

import { shortFingerprint } from './canonical';
import type { Ordinance } from './model';
import { ordinanceText, type OrdinanceText, type TextItem } from './text-model';

function itemLines(items: TextItem[], conj: 'and' | 'or', indent: string, last: boolean): string[] {
  const out: string[] = [];
  items.forEach((item, i) => {
    const end = i < items.length - 1 ? `; ${conj}` : last ? '.' : '';
    if (item.items) {
      out.push(`${indent}- (${i + 1}) ${item.text}`);
      out.push(...itemLines(item.items, item.conjunction ?? 'and', indent + '  ', last && i === items.length - 1));
      if (end && end !== '.') out[out.length - 1] += end;
    } else {
      out.push(`${indent}- (${i + 1}) ${item.text}${end}`);
    }
  });
  return out;
}

export function markdownFromText(t: OrdinanceText): string {
  const lines: string[] = [`# ${t.title}`, ''];
  if (t.subtitle) lines.push(`*${t.subtitle}*`, '');
  t.whereas.forEach((w, i) => {
    lines.push(`WHEREAS, ${w}${i < t.whereas.length - 1 ? '; and' : '; now, therefore,'}`, '');
  });
  lines.push(`**${t.enacting}**`, '');
  for (const s of t.sections) {
    lines.push(`## Section ${s.number}. ${s.heading}`, '');
    if (s.intro) lines.push(s.intro.trim(), '');
    for (const c of s.clauses) {
      const label = c.label ? `${c.label} ` : '';
      const text = c.term ? c.text.replace(`"${c.term}"`, `"**${c.term}**"`) : c.text;
      lines.push(`${label}${text}`);
      if (c.items) {
        lines.push('');
        lines.push(...itemLines(c.items, c.conjunction ?? 'and', '', true));
      }
      lines.push('');
      if (c.plainReading && (c.authorWording || c.term)) {
        lines.push(`> ${c.authorWording ? 'Generated plain reading' : 'Plain reading'}: ${c.plainReading}`, '');
      }
    }
  }
  lines.push(
    '---',
    '',
    `Version ${t.version}${t.date ? ` · ${t.date}` : ''} · Fingerprint ${shortFingerprint(t.fingerprint)} (${t.fingerprint})`,
    '',
  );
  return lines.join('\n');
}

export function renderMarkdown(o: Ordinance): string {
  return markdownFromText(ordinanceText(o));
}
