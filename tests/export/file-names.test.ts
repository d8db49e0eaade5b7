// The file names exports suggest: the short title (or title) and version in lower case, cut at a word,
// never in the middle of one.

import { describe, expect, it } from 'vitest';
import { buildExport } from '../../engine/export/index';
import { loadFile, ctFile } from './helpers';

describe('suggested file names', () => {
  const ct = loadFile(ctFile);

  it('end at a whole word when the title is long', async () => {
    const ordinance = {
      ...ct,
      shortTitle: undefined,
      title: 'An Ordinance Ending the Honoring of Civil Immigration Hold Requests for Individuals in the Custody of the Department',
      version: '1',
    };
    const built = await buildExport({ format: 'md', ordinance });
    const base = built.suggestedName.replace(/-1\.md$/, '');
    expect(base.length).toBeLessThanOrEqual(60);
    const words = ordinance.title.toLowerCase().split(' ');
    // Every word of the name is a whole word of the title, in order.
    expect(base.split('-')).toEqual(words.slice(0, base.split('-').length));
  });

  it('keep a short title whole', async () => {
    const built = await buildExport({ format: 'md', ordinance: { ...ct, shortTitle: 'TRUST Act', version: '2014' } });
    expect(built.suggestedName).toBe('trust-act-2014.md');
  });

  it('never name a Windows device, and carry no folder, dot-dot or trailing dot from the title', async () => {
    for (const shortTitle of ['CON', 'nul', 'Com1', 'LPT9.']) {
      const built = await buildExport({ format: 'md', ordinance: { ...ct, shortTitle, version: undefined } });
      expect(built.suggestedName).toBe(`${shortTitle.replace('.', '').toLowerCase()}-ordinance.md`);
    }
    const built = await buildExport({ format: 'docx', ordinance: { ...ct, shortTitle: '../..\\etc/passwd. ', version: '..' } });
    expect(built.suggestedName).toBe('etc-passwd-ordinance.docx');
    const con = await buildExport({ format: 'md', ordinance: { ...ct, shortTitle: 'CON', version: '1' } });
    expect(con.suggestedName).toBe('con-1.md');
  });
});
