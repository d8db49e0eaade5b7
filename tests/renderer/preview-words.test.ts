// The Preview shows the words the exports print: a defined term's quotes are the ones the Word, PDF
// and HTML exports write (the text model's), not quotes of the Preview's own.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ordinanceDocxFromText, renderOrdinanceHtml } from '../../engine/export/index';
import { checkDocument, markdownFromText, ordinanceText } from '../../engine/index';
import { PreviewView } from '../../renderer/src/preview/PreviewView';
import { docxParagraphs } from '../export/helpers';

const SAMPLE = path.resolve(__dirname, '../../samples/ordinances/connecticut-trust-act-2014.ordinance.yaml');

/** Visible text of HTML, one string, entities decoded. */
function words(html: string): string {
  return html
    .replace(/<\/?(?:dfn|span|em|strong|b|i)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('the Preview and the exports', () => {
  const ordinance = checkDocument(readFileSync(SAMPLE, 'utf8')).ordinance!;
  const text = ordinanceText(ordinance);
  const preview = words(
    renderToStaticMarkup(
      createElement(PreviewView, {
        text,
        markdown: markdownFromText(text),
        stale: false,
        errorCount: 0,
        version: 1,
        onShowProvision: () => {},
      }),
    ),
  );
  const terms = text.sections.flatMap((s) => s.clauses).flatMap((c) => (c.term ? [c.term] : []));

  it('quote each defined term as the Word export does', async () => {
    const docx = (await docxParagraphs(await ordinanceDocxFromText(text))).join('\n');
    expect(terms.length).toBeGreaterThan(3);
    for (const term of terms) {
      const quoted = `"${term}"`;
      expect(docx, term).toContain(quoted);
      expect(preview, term).toContain(quoted);
    }
    // No quotation mark the exports don't print.
    for (const mark of ['\u201c', '\u201d']) expect(preview.includes(mark), mark).toBe(docx.includes(mark));
  });

  it('quote each defined term as the HTML (and PDF) export does', () => {
    const html = words(renderOrdinanceHtml(ordinance));
    for (const term of terms) expect(html, term).toContain(`"${term}"`);
    for (const mark of ['\u201c', '\u201d']) expect(preview.includes(mark), mark).toBe(html.includes(mark));
  });
});
