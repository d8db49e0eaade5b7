// Every text export prints the same words: Markdown, HTML and DOCX are all serializations of the
// one text model, so the word sequences must be identical.

import { describe, expect, it } from 'vitest';
import { renderMarkdown, type Ordinance } from '../../engine/index';
import { renderOrdinanceDocx, renderOrdinanceHtml } from '../../engine/export/index';
import { allOrdinanceFiles, docxParagraphs, htmlText, loadFile, markdownVisibleText, words } from './helpers';
import path from 'node:path';

/**
 * The words a reader of the rendered Markdown sees (the export escapes markup, so it is rendered, not
 * stripped), without the record line after the closing rule: the DOCX prints it in every page's footer.
 */
function markdownWords(md: string): string[] {
  return words(markdownVisibleText(md.slice(0, md.lastIndexOf('\n---\n'))));
}

function htmlWords(html: string): string[] {
  const body = /<body>([\s\S]*)<\/body>/.exec(html)![1]!.replace(/<footer class="doc-footer">[\s\S]*?<\/footer>/, '');
  return words(htmlText(body, 'dfn|span|strong|em'));
}

/** One section with more clauses than letters, so Word's list must letter on past "z" as the text does. */
function manyClauses(): Ordinance {
  const provisions = Array.from({ length: 30 }, (_, i) => ({ id: `p${i}`, when: { age: { under: 10 + i } }, outcome: 'decline' as const }));
  return {
    title: 'Thirty clauses',
    jurisdiction: { name: 'Lettertown', state: 'VT' },
    sections: [{ heading: 'Many', provisions }],
    otherwise: 'notify',
    detainerGrounds: 'separate-subsections',
  };
}

describe('the same words in every format', () => {
  it('a section lettered past (z)', async () => {
    const o = manyClauses();
    const md = markdownWords(renderMarkdown(o));
    expect(md).toContain('(aa)');
    expect(htmlWords(renderOrdinanceHtml(o))).toEqual(md);
    expect(words(docxParagraphs(await renderOrdinanceDocx(o)).join('\n'))).toEqual(md);
  });

  for (const file of allOrdinanceFiles()) {
    it(path.basename(file), async () => {
      const o = loadFile(file);
      const md = markdownWords(renderMarkdown(o));
      const html = htmlWords(renderOrdinanceHtml(o));
      const docx = words(docxParagraphs(await renderOrdinanceDocx(o)).join('\n'));
      expect(html).toEqual(md);
      expect(docx).toEqual(md);
    });
  }
});
