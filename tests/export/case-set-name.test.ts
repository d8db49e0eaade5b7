// The impact report names its case set by title, the file's own name after it, as the app names case
// sets elsewhere: never by a path.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleTitle } from '../../electron/files';
import { caseSetLabel, caseSetTitle } from '../../engine/file-names';
import { runCli } from '../cli/run-in-process';

const ROOT = path.resolve(__dirname, '../..');

describe('caseSetTitle and caseSetLabel', () => {
  it('title a case file as the samples list titles it', () => {
    for (const name of ['illustrative.cases.yaml', 'synthetic-200.cases.csv', 'synthetic-200.cases.json']) {
      const file = path.join(ROOT, 'samples/cases', name);
      expect(caseSetTitle(name)).toBe(sampleTitle(file, 'cases'));
    }
    expect(caseSetTitle('riverton-2019.csv')).toBe('Riverton 2019');
    expect(caseSetTitle('/home/clerk/exports/ice_detainers_fy2019.xlsx')).toBe('Ice detainers fy2019');
    expect(caseSetTitle('C:\\jail\\bookings.cases.json')).toBe('Bookings');
  });

  it('put the file name, without its folder, after the title, with what narrowed the set', () => {
    expect(caseSetLabel('/srv/data/riverton-2019.csv')).toBe('Riverton 2019 (riverton-2019.csv)');
    expect(caseSetLabel('riverton-2019.csv', 'Jail A, 2019-01-01 to …')).toBe('Riverton 2019 (riverton-2019.csv; Jail A, 2019-01-01 to …)');
  });
});

describe('export --format report', () => {
  it('names the case set by its title and file name, not the path given', async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'detainer-report-')), 'report.html');
    const cases = path.join(ROOT, 'samples/cases/synthetic-200.cases.json');
    const r = await runCli(
      'export',
      path.join(ROOT, 'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml'),
      '--format',
      'report',
      '--cases',
      cases,
      '--out',
      out,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('booking cases from Synthetic 200 (synthetic-200.cases.json)');
    expect(html).not.toContain(path.dirname(cases));
  });
});
