// Text typed into an ordinance is text in every export: markup is escaped, and characters no XML
// file may hold (control characters) are replaced rather than breaking the DOCX or the HTML.

import { describe, expect, it } from 'vitest';
import { renderOfficerGuideHtml, renderOrdinanceDocx, renderOrdinanceHtml, renderRedlineDocx } from '../../engine/export/index';
import type { Ordinance } from '../../engine/index';
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
});
