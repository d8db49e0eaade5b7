// Text typed into an ordinance is text in every export: markup is escaped, and characters no XML
// file may hold (control characters) are replaced rather than breaking the DOCX or the HTML.

import { describe, expect, it } from 'vitest';
import { renderOfficerGuideHtml, renderOrdinanceDocx, renderOrdinanceHtml, renderRedlineDocx } from '../../engine/export/index';
import { renderMarkdown, type Ordinance } from '../../engine/index';
import { loadFile, rivertonFile, unzip } from './helpers';

// eslint-disable-next-line no-control-regex -- looking for control characters
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

describe('escaping', () => {
  const riverton = loadFile(rivertonFile);
  // The loader refuses control characters in any text; an ordinance built in code (an import, the
  // app's form) reaches the exports without the loader, so the exports replace them as well.
  const withControls: Ordinance = {
    ...riverton,
    findings: riverton.findings!.map((f, i) =>
      i === 0 ? { ...f, text: f.text.replace('essential to public safety', 'essential\x01 to public \x1b[31msafety') } : f,
    ),
  };

  it('the control characters really are in the test ordinance', () => {
    expect(withControls.findings![0]!.text).toMatch(CONTROL);
  });

  it('HTML escapes markup and replaces control characters', () => {
    for (const html of [renderOrdinanceHtml(withControls), renderOfficerGuideHtml(withControls)]) {
      expect(html).not.toMatch(CONTROL);
      expect(html).not.toMatch(/<script|<b>|<i>/);
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    }
    expect(renderOrdinanceHtml(withControls)).toContain('essential\uFFFD to public \uFFFD[31msafety');
  });

  it('DOCX escapes markup and replaces control characters in every part', async () => {
    for (const bytes of [await renderOrdinanceDocx(withControls), await renderRedlineDocx(riverton, withControls)]) {
      const parts = unzip(bytes);
      for (const [name, xml] of Object.entries(parts)) expect(xml, name).not.toMatch(CONTROL);
      expect(parts['word/document.xml']).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(parts['word/document.xml']).not.toContain('<script');
      expect(parts['docProps/core.xml']).toContain('&lt;script&gt;');
    }
  });

  // A right-to-left override shows "KJ >t:w<" for "<w:t> JK"; a C1 control (U+0085) is a line break to
  // some readers and nothing to others. Both are replaced, as the loader refuses them; right-to-left
  // script itself (Hebrew here) is kept.
  const TRICKS = /[\u0080-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/;
  const tricky = `A\u0085B \u202Eevil\u202C \u2067iso\u2069 \uFFFE \uD800 \u05e9\u05dc\u05d5\u05dd`;
  const withTricks: Ordinance = {
    ...riverton,
    title: `Title ${tricky}`,
    findings: riverton.findings!.map((f, i) => (i === 0 ? { ...f, text: `${f.text} ${tricky}` } : f)),
  };

  it('Markdown, HTML and DOCX replace bidirectional overrides and C1 controls, and keep right-to-left script', async () => {
    const docx = unzip(await renderOrdinanceDocx(withTricks));
    const texts = [renderMarkdown(withTricks), renderOrdinanceHtml(withTricks), renderOfficerGuideHtml(withTricks), ...Object.values(docx)];
    for (const text of texts) {
      expect(text).not.toMatch(TRICKS);
      expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
    expect(renderOrdinanceHtml(withTricks)).toContain('A\uFFFDB \uFFFDevil\uFFFD \uFFFDiso\uFFFD \uFFFD \uFFFD \u05e9\u05dc\u05d5\u05dd');
    expect(docx['word/document.xml']).toContain('\u05e9\u05dc\u05d5\u05dd');
  });

  // A zero-width space, a joiner, the word joiner, U+FEFF and the direction marks do not show: a defined
  // term holding one looks like the same term without it. The loader warns of them; the exports remove
  // them everywhere, so a term prints the same in its definition and where it is used.
  const INVISIBLE = /[\u200B-\u200F\u2060\uFEFF]/;
  const hidden = (t: string) => t.replace('violent felony', 'vio\u200Blent\u2060 fel\u200Dony\u200E\u200F\uFEFF\u200C');
  const withInvisible: Ordinance = {
    ...riverton,
    title: `Riverton\u200B ${riverton.title}`,
    definitions: riverton.definitions!.map((d) => ({ ...d, term: hidden(d.term) })),
    sections: JSON.parse(hidden(JSON.stringify(riverton.sections))) as Ordinance['sections'],
  };

  it('Markdown, HTML and DOCX remove the characters that do not show, in a term, where it is used and in the title', async () => {
    expect(JSON.stringify(withInvisible)).toMatch(INVISIBLE);
    const docx = unzip(await renderOrdinanceDocx(withInvisible));
    const markdown = renderMarkdown(withInvisible);
    const texts = [markdown, renderOrdinanceHtml(withInvisible), renderOfficerGuideHtml(withInvisible), ...Object.values(docx)];
    for (const text of texts) expect(text).not.toMatch(INVISIBLE);
    expect(markdown).toContain('violent felony');
    expect(markdown).toContain('Riverton ');
  });
});

// The non-joiner and joiner are part of how Persian, the Indic scripts and emoji sequences are spelt:
// between two letters of such a script, or two emoji, they stay; elsewhere (in a Latin word, at an
// edge) they are removed as the other characters that do not show.
describe('joiners a script or an emoji needs', () => {
  const riverton = loadFile(rivertonFile);
  const persian = 'می\u200Cخواهم کتاب\u200Cها'; // "I want", "books": a non-joiner after the prefix and before the plural
  const hindi = 'क्\u200Dष क्\u200Cष'; // half-form and explicit-virama conjuncts of "kṣa"
  const emoji = '👩\u200D⚖️ 👨\u200D👩\u200D👧 🏳️\u200D🌈 👩🏽\u200D💻'; // a judge, a family, the rainbow flag, a technologist with a skin tone
  const stray = 'fel\u200Dony\u200C \u200Cمی';
  const withScripts: Ordinance = {
    ...riverton,
    title: `${riverton.title} ${persian}`,
    findings: riverton.findings!.map((f, i) => (i === 0 ? { ...f, text: `${f.text} ${persian} ${hindi} ${emoji} ${stray}` } : f)),
  };

  it('Markdown, HTML and DOCX keep the joiners in Persian, Hindi and emoji sequences, and remove the stray ones', async () => {
    const docx = unzip(await renderOrdinanceDocx(withScripts));
    for (const text of [renderMarkdown(withScripts), renderOrdinanceHtml(withScripts), docx['word/document.xml']!]) {
      expect(text).toContain(persian);
      expect(text).toContain(hindi);
      expect(text).toContain(emoji);
      expect(text).toContain('felony \u0645\u06cc');
      expect(text).not.toContain(stray);
    }
  });
});
