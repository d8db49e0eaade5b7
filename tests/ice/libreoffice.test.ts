// The fixture workbook opens in LibreOffice, and LibreOffice's CSV of it is the fixture's CSV form
// byte for byte: the two files the suite imports are one table in the release's two forms.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { skipReason, tempDir } from '../export/helpers';

const skip = skipReason(['soffice']);

describe.skipIf(skip)('the fixture workbook in LibreOffice', () => {
  it('converts to exactly the fixture CSV', () => {
    const dir = tempDir('ice-lo');
    const xlsx = path.join(dir, 'ice-detainers-fixture.xlsx');
    fs.copyFileSync(new URL('./fixtures/ice-detainers-fixture.xlsx', import.meta.url), xlsx);
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'csv', '--outdir', dir, xlsx], {
      timeout: 150000,
      stdio: 'ignore',
    });
    const converted = path.join(dir, 'ice-detainers-fixture.csv');
    expect(fs.existsSync(converted), 'LibreOffice could not load the workbook').toBe(true);
    const csv = fs.readFileSync(converted, 'utf8').replace(/\r\n/g, '\n');
    expect(csv).toBe(fs.readFileSync(new URL('./fixtures/ice-detainers-fixture.csv', import.meta.url), 'utf8'));
    fs.rmSync(dir, { recursive: true, force: true });
  }, 180000);
});
