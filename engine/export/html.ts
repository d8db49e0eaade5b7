// Building blocks of every HTML export: escaping, the self-contained page shell (no external
// resources, a strict Content-Security-Policy, the shipped typefaces embedded) and the print
// stylesheet with page numbers.

import { fontFaceCss, fontStack, MONO, SERIF, SERIF_DOCUMENT_FACES, type DocumentFace } from './fonts';
import { xmlSafe } from '../xml-safe';

export { xmlSafe };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or attribute value: markup in an ordinance prints as the characters typed. */
export function escapeHtml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * Text as a CSS string literal (for `content:` in page margins). Quotes, backslashes and line
 * breaks are escaped, and `<` too, so no text can close the style element.
 */
export function cssString(text: string): string {
  const body = xmlSafe(text).replace(/[\\"<>\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16).toUpperCase()} `);
  return `"${body}"`;
}

/** What prints in the bottom margin of every page: a left text (may hold `\n`) and the page number. */
export interface PageMargins {
  footer: string;
  /** A short text at the top right of every page after the first. */
  header?: string;
}

/** Typography and print rules shared by every exported page. */
export const BASE_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { font-family: ${SERIF}; font-size: 12pt; line-height: 1.45; color: #111; background: #fff; }
body { margin: 0 auto; max-width: 46rem; padding: 2rem 1.5rem 3rem; }
h1, h2, h3, h4 { line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 1.5rem; margin: 0 0 .4rem; }
h2 { font-size: 1.12rem; margin: 1.4rem 0 .5rem; }
h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
p { margin: 0 0 .6rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 .9rem; font-size: .92rem; }
caption { text-align: left; font-weight: bold; padding-bottom: .25rem; }
th, td { border: 1px solid #999; padding: .2rem .4rem; text-align: left; vertical-align: top; }
th[scope="col"] { background: #eee; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
/* A figure or a range ("3 to 51") is read whole: it is never broken over two lines. */
td.num { white-space: nowrap; }
/* A case id is one word: "B-0001" never breaks at its hyphen. */
td.case-id { white-space: nowrap; }
tr { break-inside: avoid; page-break-inside: avoid; }
/* A table's caption and header never end a page: they go over with the first two rows. */
caption, thead { break-after: avoid; page-break-after: avoid; }
tbody > tr:first-child, tbody > tr:nth-child(2) { break-before: avoid; page-break-before: avoid; }
/* A sentence that introduces what follows (a table, a list) goes over with it. */
.keep-with-next { break-after: avoid; page-break-after: avoid; }
/* At the size of the text around it: a smaller run ends the word in a PDF's text ("638c47572a50 ."). */
.fingerprint { font-family: ${MONO}; overflow-wrap: anywhere; }
code, kbd, pre, samp { font-family: ${MONO}; }
.doc-footer { margin-top: 2rem; padding-top: .5rem; border-top: 1px solid #999; font-size: .85rem; color: #333; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print {
  html { font-size: 11pt; }
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
}
`;

/** Page numbers and margin texts, in `font` (the document's own family, which its text has loaded). */
function pageCss(m: PageMargins, font: string): string {
  const header = m.header ? `@top-right { content: ${cssString(m.header)}; font: 8pt ${font}; color: #444; }` : '';
  return `
@page {
  size: Letter;
  margin: 0.9in 0.9in 0.9in 0.9in;
  @bottom-left { content: ${cssString(m.footer)}; white-space: pre; font: 7.5pt ${font}; color: #333; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt ${font}; color: #333; }
  ${header}
}
@page :first { @top-right { content: none; } }
`;
}

export interface HtmlPage {
  title: string;
  /** BCP 47 language of the text; the ordinance text is English. */
  lang?: string;
  description?: string;
  /** Extra CSS for this kind of document. */
  css?: string;
  /** The shipped faces its CSS uses, embedded in the page, the body's first; default: a serif document's. */
  faces?: readonly DocumentFace[];
  margins: PageMargins;
  /** The body's inner HTML (already escaped), with its own header, main and footer. */
  body: string;
}

/**
 * A complete, self-contained HTML document: inline CSS, no scripts, no external resources (the
 * Content-Security-Policy forbids fetching any; the typefaces are data: URLs), printable with page
 * numbers in the margins.
 */
export function htmlDocument(page: HtmlPage): string {
  const faces = page.faces ?? SERIF_DOCUMENT_FACES;
  const css = `${BASE_CSS}${pageCss(page.margins, fontStack(faces[0]!.family))}${page.css ?? ''}`;
  // Which font files a face needs depends on the characters printed: the title, margins and body.
  const fonts = fontFaceCss(faces, `${page.title}${css}${page.body}`);
  return (
    [
      '<!DOCTYPE html>',
      `<html lang="${escapeHtml(page.lang ?? 'en')}">`,
      '<head>',
      '<meta charset="utf-8">',
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`,
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<meta name="generator" content="Detainer Policy Studio">',
      page.description ? `<meta name="description" content="${escapeHtml(page.description)}">` : '',
      `<title>${escapeHtml(page.title)}</title>`,
      `<style>${fonts}\n${css}</style>`,
      '</head>',
      '<body>',
      page.body,
      '</body>',
      '</html>',
    ]
      .filter((line) => line !== '')
      .join('\n') + '\n'
  );
}
