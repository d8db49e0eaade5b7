// Footers say the document's date as its header does ("Effective January 1, 2014"), never in the ISO
// form ("2014-01-01") beside a long date: one style of date in one document.

import { describe, expect, it } from 'vitest';
import { renderOrdinanceHtml } from '../../engine/export/index';
import { marginFooter } from '../../engine/export/ordinance-html';
import { renderMarkdown } from '../../engine/render-markdown';
import { ordinanceText } from '../../engine/text-model';
import { ctFile, loadFile } from './helpers';

describe('the date in footers', () => {
  const o = loadFile(ctFile);
  const t = ordinanceText(o);

  it('is the long date the header gives, with its word, in the Markdown, HTML and page-margin footers', () => {
    expect(t.date).toBe('2014-01-01');
    expect(t.subtitle).toContain('Effective January 1, 2014');
    const facts = `Version ${t.version} · Effective January 1, 2014 · Fingerprint`;
    expect(renderMarkdown(o)).toContain(facts);
    expect(renderOrdinanceHtml(o)).toContain(facts);
    expect(marginFooter(t)).toContain(facts);
    for (const text of [renderMarkdown(o), renderOrdinanceHtml(o), marginFooter(t)]) expect(text).not.toContain('2014-01-01');
  });
});
