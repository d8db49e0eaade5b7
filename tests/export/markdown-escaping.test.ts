// The Markdown export carries an ordinance's words as text: whatever an author (or an attacker) types
// into a title, finding, heading, definition, section text or provision renders as those characters,
// never as a heading, a script, an image, a link or emphasis, and the rendered words are the words
// of the HTML export.

import { describe, expect, it } from 'vitest';
import { markdownText, renderMarkdown, type Ordinance } from '../../engine/index';
import { renderOrdinanceHtml } from '../../engine/export/index';
import { htmlText, markdownHtml, markdownVisibleText, words } from './helpers';

const HOSTILE: Record<string, string> = {
  heading: '## Section 9. Forged section',
  script: '<script>alert(1)</script>',
  image: '![tracker](https://tracker.example/pixel.png?id=1)',
  jsLink: '[click here](javascript:alert(1))',
  autolink: '<javascript:alert(1)> <https://evil.example/a>',
  bareAddresses: 'see https://evil.example/x, www.evil.example and clerk@evil.example',
  emphasis: '**bold** _em_ `code` ~~struck~~',
  entities: '&amp; &#60;b&#62; &copy;',
  table: '| a | b |',
  referenceDefinition: '[ref]: https://evil.example/ "title"',
  html: '<img src=x onerror=alert(1)><iframe src="https://evil.example"></iframe>',
  listAndQuote: '- dash',
  ordered: '1. first',
  thematic: '---',
  backslash: 'C:\\path\\*not emphasis*',
  closingHashes: 'Budget ##',
};

function hostileOrdinance(text: string): Ordinance {
  return {
    title: `Title ${text}`,
    jurisdiction: { name: `Town ${text}`, state: 'VT', level: 'town' },
    legislativeBody: `Council ${text}`,
    agency: `the Police ${text}`,
    version: `v ${text}`,
    findings: [{ text }, { text: `second ${text}` }],
    definitions: [{ term: `term ${text}`, meaning: text }],
    sections: [
      {
        heading: text,
        text: `${text}\n\n${text}`,
        provisions: [
          { id: 'worded', text, when: { age: { under: 18 } }, outcome: 'decline' },
          { id: 'found', when: { discretion: { finding: text } }, outcome: 'review' },
          { id: 'other', type: 'other', text },
        ],
      },
    ],
    otherwise: 'decline',
  };
}

function htmlExportWords(html: string): string[] {
  return words(htmlText(/<body>([\s\S]*)<\/body>/.exec(html)![1]!, 'dfn|span|strong|em'));
}

describe('Markdown escaping', () => {
  for (const [name, text] of Object.entries(HOSTILE)) {
    it(`${name}: renders as the characters typed, with no markup of its own`, () => {
      const o = hostileOrdinance(text);
      const md = renderMarkdown(o);
      const html = markdownHtml(md);
      expect(html).not.toMatch(/<script|<img|<iframe|<a\b|<code|<del|<table|<h[3-6]/i);
      expect((html.match(/<blockquote\b/g) ?? []).length).toBe((md.match(/^> /gm) ?? []).length);
      expect((html.match(/<hr\b/g) ?? []).length).toBe((md.match(/^---$/gm) ?? []).length);
      expect(html).not.toMatch(/javascript:[^<]*"|href=/i);
      // Headings: the title and the printed sections only.
      expect(html.match(/<h1\b/g)).toHaveLength(1);
      expect(html.match(/<h2\b/g)?.length).toBe((md.match(/^## Section \d+\. /gm) ?? []).length);
      // Every ordered or bulleted list is one the text model made (condition items), none from the text.
      expect((html.match(/<li\b/g) ?? []).length).toBe((md.match(/^\s*- \(\d+\) /gm) ?? []).length);
      // The words a reader sees are the HTML export's words, the hostile text among them.
      expect(words(markdownVisibleText(md).replace(/—+/g, ' '))).toEqual(
        htmlExportWords(renderOrdinanceHtml(o)).filter((w) => !/^—+$/.test(w)),
      );
      expect(markdownVisibleText(md)).toContain(text.replace(/\s+/g, ' '));
    });
  }

  it('escapes only what Markdown could read as markup', () => {
    expect(markdownText('Smith & Wesson, 48 hours (excluding holidays)')).toBe('Smith & Wesson, 48 hours (excluding holidays)');
    expect(markdownText('# not a heading', true)).toBe('\\# not a heading');
    expect(markdownText('# inside a line')).toBe('# inside a line');
    expect(markdownText('2. not a list', true)).toBe('2\\. not a list');
    expect(markdownText('a\nb\r\n\nc')).toBe('a b c');
    expect(markdownText('bell\u0007')).toBe('bell\uFFFD');
  });
});
