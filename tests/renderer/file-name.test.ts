// The file name a save downloads under where the browser asks for none: suggested, and as typed.
import { describe, expect, it } from 'vitest';
import { cleanExportName, cleanSaveName, documentTooltip, saveNameFor } from '../../renderer/src/app/file-name';
import { exportBaseName } from '../../renderer/src/analysis/table-rows';
import { STARTER_NAME } from '../../renderer/src/app/starter';

describe('saveNameFor', () => {
  it("suggests a new document's name from its short title or title, and its version", () => {
    expect(saveNameFor(STARTER_NAME, { title: 'An Ordinance Concerning Civil Immigration Detainers', version: '0.1' })).toBe(
      'an-ordinance-concerning-civil-immigration-detainers-0-1.ordinance.yaml',
    );
    expect(
      saveNameFor(STARTER_NAME, { title: 'An Act Concerning Civil Immigration Detainers', shortTitle: 'TRUST Act', version: '2014' }),
    ).toBe('trust-act-2014.ordinance.yaml');
  });

  it("keeps a document's own name, and the new document's while it has no title to go by", () => {
    expect(saveNameFor('berkeley-2012.ordinance.yaml', { title: 'Policy on Immigration Detainer Requests' })).toBe(
      'berkeley-2012.ordinance.yaml',
    );
    expect(saveNameFor(STARTER_NAME, null)).toBe(STARTER_NAME);
  });
});

describe('cleanSaveName', () => {
  it('adds .ordinance.yaml to a name without .yaml or .yml', () => {
    expect(cleanSaveName('  council draft 3 ')).toBe('council draft 3.ordinance.yaml');
    expect(cleanSaveName('draft.ordinance')).toBe('draft.ordinance.yaml');
    expect(cleanSaveName('draft.yml')).toBe('draft.yml');
    expect(cleanSaveName('Draft.Ordinance.YAML')).toBe('Draft.Ordinance.YAML');
  });

  it('takes out folders and the characters file systems refuse, and gives null when no name is left', () => {
    expect(cleanSaveName('../etc/passwd')).toBe('etc-passwd.ordinance.yaml');
    expect(cleanSaveName('a:b*c?.yaml')).toBe('a-b-c-.yaml');
    expect(cleanSaveName('   ')).toBeNull();
    expect(cleanSaveName('...')).toBeNull();
  });

  it('never gives a name Windows keeps for a device, nor one ending in a dot or space', () => {
    expect(cleanSaveName('CON')).toBe('CON_.ordinance.yaml');
    expect(cleanSaveName('nul.yaml')).toBe('nul_.yaml');
    expect(cleanSaveName('lpt1.ordinance.yaml')).toBe('lpt1_.ordinance.yaml');
    expect(cleanSaveName('draft.yaml. .')).toBe('draft.yaml');
    expect(cleanExportName('aux', 'trust-act-2014.docx')).toBe('aux_.docx');
    expect(cleanExportName('report.docx.', 'trust-act-2014.docx')).toBe('report.docx');
    expect(cleanExportName('console', 'trust-act-2014.docx')).toBe('console.docx');
    expect(saveNameFor(STARTER_NAME, { title: 'x', shortTitle: 'NUL' })).toBe('nul-ordinance.ordinance.yaml');
  });
});

describe('documentTooltip', () => {
  it('gives the full path of a file on disk, and the name where the document has no path a reader could use', () => {
    expect(documentTooltip('draft.ordinance.yaml', '/home/clerk/Council/2026/draft.ordinance.yaml')).toBe(
      '/home/clerk/Council/2026/draft.ordinance.yaml',
    );
    expect(documentTooltip('draft.ordinance.yaml', 'C:\\Users\\clerk\\draft.ordinance.yaml')).toBe(
      'C:\\Users\\clerk\\draft.ordinance.yaml',
    );
    expect(documentTooltip('draft.ordinance.yaml', null)).toBe('draft.ordinance.yaml');
    expect(documentTooltip('draft.ordinance.yaml', 'browser-file:m3x-1/draft.ordinance.yaml')).toBe('draft.ordinance.yaml');
  });
});

describe('hostile names', () => {
  it('a name typed or a document name with a direction override or a character that does not show is saved without it', () => {
    expect(cleanSaveName('report\u202Efdp.exe')).toBe('reportfdp.exe.ordinance.yaml');
    expect(cleanExportName('draft\u200B\u2066one', 'x.docx')).toBe('draftone.docx');
    expect(cleanExportName('a\u0001b', 'x.csv')).toBe('a-b.csv');
    expect(exportBaseName('draft\u202Etxt.ordinance.yaml')).toBe('drafttxt');
    // A Persian name keeps its non-joiner.
    expect(exportBaseName('\u0645\u06cc\u200c\u062e.ordinance.yaml')).toBe('\u0645\u06cc\u200c\u062e');
  });
});
