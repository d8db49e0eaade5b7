// Invented detainer records in the layout of ICE's released detainer table (title rows, the 65
// columns in order, Excel dates, FOIA redactions, blank cells), written as the workbook and as its
// CSV form. Every record is made up from a seed: the people, facilities and numbers are not real.
// The suite's fixture (tests/ice/fixtures) and the import benchmark's million rows come from here.

import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import { csvField } from '../../engine/csv';
import { daysFromCivil, packedCivilFromDays } from '../../engine/time';
import { seededRandom } from '../../engine/generate';
import { bookingCaseAt, type CaseSet } from '../../engine/index';

/** The columns of the release, in order (shared/data/ice-detainer-records.md). */
export const ICE_COLUMNS = [
  'Detainer Prepare Date',
  'Facility State',
  'Facility AOR',
  'Port of Departure',
  'Departure Country',
  'Departed Date',
  'Case Status',
  'Detainer Prepared Criminality',
  'Detention Facility',
  'Detention Facility Code',
  'Facility City',
  'Detainer Prep Threat Level',
  'Gender',
  'Citizenship Country',
  'Birth Country',
  'Birth Date',
  'Birth Year',
  'Entry Status',
  'Most Serious Conviction (MSC) Charge',
  'MSC Sentence Days',
  'MSC Sentence Months',
  'MSC Sentence Years',
  'MSC Charge Code',
  'MSC Charge Date',
  'MSC Conviction Date',
  'Felon',
  'Processing Disposition',
  'Case Category',
  'Final Program',
  'Time of Apprehension Case Category',
  'Time of Apprehension Current Program',
  'Apprehension Method',
  'Case Final Order Yes No',
  'Final Order Date',
  'Apprehension Date',
  'Entry Date',
  'Prior Felony Yes No',
  'Multiple Prior MISD Yes No',
  'Violent Misdemeanor Yes No',
  'Illegal Entry Yes No',
  'Illegal Reentry Yes No',
  'Immigration Fraud Yes No',
  'Significant Risk Yes No',
  'Other Removal Reason Yes No',
  'Other Removal Reason',
  'Criminal Street Gang Yes No',
  'Aggravated Felony Yes No',
  'Deportation Ordered Yes No',
  'Order to Show Cause Served Yes No',
  'Order to Show Cause Served Date',
  'Biometric Match Yes No',
  'Statements Made Yes No',
  'Unlawful Attempt Yes No',
  'Unlawful Entry Yes No',
  'Visa Yes No',
  'Final Order Yes No',
  'Federal Interest Yes No',
  'Resume Custody Yes No',
  'Detainer Lift Reason',
  'Detainer Type',
  'Alien File Number',
  'EID Case ID',
  'EID Subject ID',
  'EID DTA ID',
  'Unique Identifier',
] as const;

export type IceColumn = (typeof ICE_COLUMNS)[number];

/** Columns holding a date, and the one that also carries a time. */
export const ICE_DATE_COLUMNS: ReadonlySet<string> = new Set([
  'Detainer Prepare Date',
  'Departed Date',
  'Birth Date',
  'MSC Charge Date',
  'MSC Conviction Date',
  'Final Order Date',
  'Apprehension Date',
  'Entry Date',
  'Order to Show Cause Served Date',
]);
export const ICE_DATETIME_COLUMNS: ReadonlySet<string> = new Set(['Detainer Prepare Date']);

export const REDACTED = '(b)(6), (b)(7)(C)';

/** The six rows above the header. */
export const TITLE_ROWS = [
  'U.S. Immigration and Customs Enforcement',
  'Enforcement and Removal Operations: Law Enforcement Systems and Analysis, Statistical Tracking Unit',
  'ERO Detainers',
  'FOIA request 2024-ICFO-39357',
  'INVENTED RECORDS: a test fixture written by Detainer Policy Studio in the release layout; not ICE data',
  'Data are preliminary and subject to change; some fields are withheld under FOIA exemptions (b)(6) and (b)(7)(C)',
];

/** A cell: text, a number, a date (day number, with minutes past midnight for date-times), or blank. */
export type IceCell = string | number | { day: number; minutes?: number } | null;
export type IceRecord = Record<IceColumn, IceCell>;

interface Facility {
  name: string;
  code: string;
  city: string;
  state: string;
  aor: string;
  weight: number;
}

export const FIXTURE_FACILITIES: readonly Facility[] = [
  { name: 'RIVERTON COUNTY JAIL', code: 'RIVCOJL', city: 'RIVERTON', state: 'MA', aor: 'Boston Area of Responsibility', weight: 5 },
  {
    name: 'LAKE HARBOR CITY JAIL',
    code: 'LKHBRCJ',
    city: 'LAKE HARBOR',
    state: 'IL',
    aor: 'Chicago Area of Responsibility',
    weight: 3,
  },
  {
    name: 'NORTH FORK COUNTY CORRECTIONAL CENTER',
    code: 'NFKCOCC',
    city: 'NORTH FORK',
    state: 'TX',
    aor: 'Houston Area of Responsibility',
    weight: 4,
  },
  {
    name: 'SAN ISIDRO COUNTY JAIL',
    code: 'SISDCOJ',
    city: 'SAN ISIDRO',
    state: 'CA',
    aor: 'San Francisco Area of Responsibility',
    weight: 2,
  },
];

// Most serious convictions: the charge text as the records print it (NCIC literals), the code, and
// a typical sentence in days. Weights give roughly the mix of a detainer table (traffic and drugs first).
const CONVICTIONS: ReadonlyArray<{ text: string; code: string; days: [number, number]; weight: number; felony?: boolean }> = [
  { text: 'DRIVING UNDER INFLUENCE ALCOHOL', code: '5404', days: [0, 180], weight: 14 },
  { text: 'TRAFFIC OFFENSE', code: '5499', days: [0, 30], weight: 8 },
  { text: 'ILLEGAL ENTRY', code: '0301', days: [0, 180], weight: 7 },
  { text: 'IMMIGRATION', code: '0399', days: [0, 730], weight: 4 },
  { text: 'MARIJUANA - POSSESS', code: '3562', days: [0, 90], weight: 6 },
  { text: 'COCAINE - SELL', code: '3530', days: [365, 2400], weight: 3, felony: true },
  { text: 'DANGEROUS DRUGS', code: '3599', days: [0, 1200], weight: 5 },
  { text: 'SIMPLE ASSLT', code: '1313', days: [0, 365], weight: 7 },
  { text: 'AGGRAV ASSLT - WEAPON', code: '1315', days: [365, 2400], weight: 3, felony: true },
  { text: 'AGGRAV ASSLT - FAMILY-STGARM', code: '1303', days: [180, 1800], weight: 2, felony: true },
  { text: 'LARCENY', code: '2399', days: [0, 365], weight: 6 },
  { text: 'SHOPLIFTING', code: '2303', days: [0, 60], weight: 3 },
  { text: 'BURGL - FORCED ENTRY-RESID', code: '2202', days: [365, 2000], weight: 2, felony: true },
  { text: 'FRAUD - FALSE STATEMENT', code: '2607', days: [0, 900], weight: 2 },
  { text: 'ROBBERY - STREET-STGARM', code: '1206', days: [365, 3000], weight: 2, felony: true },
  { text: 'SEX ASSAULT', code: '1199', days: [365, 4000], weight: 1, felony: true },
  { text: 'SEX OFFENSE - AGAINST CHILD-FONDLING', code: '3601', days: [365, 3000], weight: 0.6, felony: true },
  { text: 'WEAPON OFFENSE', code: '5299', days: [0, 900], weight: 2 },
  { text: 'HOMICIDE - WILLFUL KILL-GUN', code: '0911', days: [3650, 9000], weight: 0.3, felony: true },
  { text: 'OBSTRUCT POLICE', code: '4899', days: [0, 60], weight: 2 },
  { text: 'PUBLIC PEACE', code: '5399', days: [0, 30], weight: 3 },
  { text: 'FAMILY OFFENSE', code: '3899', days: [0, 365], weight: 1.5 },
  { text: 'HIT AND RUN', code: '5401', days: [0, 365], weight: 1 },
];
const CONVICTION_WEIGHT = CONVICTIONS.reduce((s, c) => s + c.weight, 0);

const COUNTRIES = [
  'MEXICO',
  'GUATEMALA',
  'HONDURAS',
  'EL SALVADOR',
  'DOMINICAN REPUBLIC',
  'CUBA',
  'COLOMBIA',
  'ECUADOR',
  'VENEZUELA',
  'HAITI',
];
const DETAINER_TYPES = [
  'Immigration Detainer - Notice of Action (I-247A)',
  'Request for Voluntary Notification of Release (I-247N)',
  'Request for Voluntary Transfer (I-247X)',
];
const LIFT_REASONS = ['Removed', 'Released by LEA', 'Case closed', 'Subject Detained by ICE', 'Lifted - other'];

export interface IceGeneratorOptions {
  count: number;
  seed?: number;
  /** First and last day of detainers (day numbers); defaults: FY2024 and the first half of FY2025. */
  fromDay?: number;
  toDay?: number;
}

/** Calls `each` with every record, one at a time (a million are never held together). */
export function forEachIceRecord(opts: IceGeneratorOptions, each: (record: IceRecord, index: number) => void): void {
  const rnd = seededRandom(opts.seed ?? 14);
  const fromDay = opts.fromDay ?? daysFromCivil(2023, 10, 1);
  const toDay = opts.toDay ?? daysFromCivil(2025, 3, 31);
  const chance = (p: number) => rnd() < p;
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const totalWeight = FIXTURE_FACILITIES.reduce((s, f) => s + f.weight, 0);
  const yesNo = (p: number): IceCell => (chance(0.06) ? null : chance(p) ? 'YES' : 'NO');
  for (let i = 0; i < opts.count; i++) {
    let w = rnd() * totalWeight;
    const facility = FIXTURE_FACILITIES.find((f) => (w -= f.weight) < 0) ?? FIXTURE_FACILITIES[0]!;
    const day = between(fromDay, toDay);
    const year = Math.floor(packedCivilFromDays(day) / 512);
    // Criminality as ICE labels it: calibrated to about 48% with no conviction (see the docs).
    const roll = rnd();
    const criminality = roll < 0.52 ? '1 Convicted Criminal' : roll < 0.6 ? '2 Pending Criminal Charges' : '3 Other Immigration Violator';
    const convicted = criminality.startsWith('1');
    let msc: (typeof CONVICTIONS)[number] | undefined;
    if (convicted) {
      let c = rnd() * CONVICTION_WEIGHT;
      msc = CONVICTIONS.find((k) => (c -= k.weight) < 0) ?? CONVICTIONS[0]!;
    }
    const sentenceDays = msc ? between(msc.days[0], msc.days[1]) : 0;
    const convictionDay = msc ? day - between(20, 365 * 15) : 0;
    const age = between(18, 64);
    const birthYear = year - age;
    const redactMsc = msc !== undefined && chance(0.02);
    const r: IceRecord = {
      'Detainer Prepare Date': { day, minutes: between(6 * 60, 23 * 60) },
      'Facility State': facility.state,
      'Facility AOR': facility.aor,
      'Port of Departure': chance(0.3) ? pick(['BROWNSVILLE, TX', 'HOUSTON, TX', 'ALEXANDRIA, LA', 'MESA, AZ']) : null,
      'Departure Country': null,
      'Departed Date': null,
      'Case Status': pick(['ACTIVE', 'CLOSED', 'A', 'C']),
      'Detainer Prepared Criminality': criminality,
      'Detention Facility': facility.name,
      'Detention Facility Code': facility.code,
      'Facility City': facility.city,
      'Detainer Prep Threat Level': convicted ? pick(['Level 1', 'Level 2', 'Level 3']) : 'No ICE Threat Level',
      Gender: chance(0.88) ? 'Male' : 'Female',
      'Citizenship Country': pick(COUNTRIES),
      'Birth Country': null,
      'Birth Date': REDACTED,
      'Birth Year': chance(0.01) ? REDACTED : chance(0.01) ? null : birthYear,
      'Entry Status': chance(0.7) ? 'EWI' : chance(0.5) ? 'B2' : null,
      'Most Serious Conviction (MSC) Charge': msc ? (redactMsc ? REDACTED : msc.text) : null,
      'MSC Sentence Days': msc && sentenceDays % 30 !== 0 ? sentenceDays : msc ? 0 : null,
      'MSC Sentence Months': msc && sentenceDays % 30 === 0 && sentenceDays < 360 ? sentenceDays / 30 : msc ? 0 : null,
      'MSC Sentence Years': msc && sentenceDays % 30 === 0 && sentenceDays >= 360 ? Math.round(sentenceDays / 365) : msc ? 0 : null,
      'MSC Charge Code': msc ? (redactMsc ? REDACTED : msc.code) : null,
      'MSC Charge Date': msc ? { day: convictionDay - between(30, 400) } : null,
      'MSC Conviction Date': msc ? (chance(0.04) ? null : { day: convictionDay }) : null,
      Felon: msc ? (msc.felony || sentenceDays > 365 ? 'YES' : chance(0.1) ? 'YES' : 'NO') : 'NO',
      'Processing Disposition': pick(['Notice to Appear', 'Reinstated Final Order', 'Expedited Removal', null]),
      'Case Category': pick(['[8C] Excludable / Inadmissible - Administrative Final Order Issued', '[16] Reinstated Final Order', null]),
      'Final Program': pick(['Criminal Apprehension Program', 'ERO Criminal Alien Program', null]),
      'Time of Apprehension Case Category': null,
      'Time of Apprehension Current Program': null,
      'Apprehension Method': pick(['CAP Local Incarceration', 'CAP State Incarceration', null]),
      'Case Final Order Yes No': yesNo(0.3),
      'Final Order Date': null,
      'Apprehension Date': null,
      'Entry Date': chance(0.4)
        ? { day: Math.min(day - 30, daysFromCivil(birthYear + between(12, 30), between(1, 12), between(1, 28))) }
        : null,
      'Prior Felony Yes No': msc ? yesNo(msc.felony ? 0.4 : 0.05) : 'NO',
      'Multiple Prior MISD Yes No': msc ? yesNo(0.3) : 'NO',
      'Violent Misdemeanor Yes No': msc ? yesNo(0.08) : 'NO',
      'Illegal Entry Yes No': yesNo(0.4),
      'Illegal Reentry Yes No': yesNo(0.12),
      'Immigration Fraud Yes No': yesNo(0.02),
      'Significant Risk Yes No': yesNo(0.05),
      'Other Removal Reason Yes No': yesNo(0.03),
      'Other Removal Reason': null,
      'Criminal Street Gang Yes No': yesNo(0.04),
      'Aggravated Felony Yes No': msc ? yesNo(msc.felony ? 0.5 : 0.02) : 'NO',
      'Deportation Ordered Yes No': yesNo(0.2),
      'Order to Show Cause Served Yes No': yesNo(0.3),
      'Order to Show Cause Served Date': null,
      'Biometric Match Yes No': yesNo(0.95),
      'Statements Made Yes No': yesNo(0.5),
      'Unlawful Attempt Yes No': null,
      'Unlawful Entry Yes No': yesNo(0.4),
      'Visa Yes No': yesNo(0.1),
      'Final Order Yes No': yesNo(0.25),
      'Federal Interest Yes No': null,
      'Resume Custody Yes No': null,
      'Detainer Lift Reason': chance(0.4) ? pick(LIFT_REASONS) : null,
      'Detainer Type': chance(0.01) ? null : chance(0.82) ? DETAINER_TYPES[0]! : chance(0.7) ? DETAINER_TYPES[1]! : DETAINER_TYPES[2]!,
      'Alien File Number': REDACTED,
      'EID Case ID': REDACTED,
      'EID Subject ID': REDACTED,
      'EID DTA ID': REDACTED,
      'Unique Identifier': REDACTED,
    };
    each(r, i);
  }
}

// ---- writing ----

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function civil(day: number): [number, number, number] {
  const d = new Date(day * 86400000);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** A cell as the CSV form prints it (as LibreOffice saves the workbook as CSV): dates YYYY-MM-DD, with HH:MM:SS where the column has a time. */
export function csvCell(column: string, cell: IceCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'string') return csvField(cell);
  const [y, m, d] = civil(cell.day);
  const date = `${y}-${two(m)}-${two(d)}`;
  return ICE_DATETIME_COLUMNS.has(column)
    ? `${date} ${two(Math.floor((cell.minutes ?? 0) / 60))}:${two((cell.minutes ?? 0) % 60)}:00`
    : date;
}

/** The CSV form of the table, in chunks: title rows (padded to the table's width, as a spreadsheet exports them), the header, the records. */
export function* iceCsvChunks(opts: IceGeneratorOptions, rowsPerChunk = 5000): Generator<string> {
  const pad = ','.repeat(ICE_COLUMNS.length - 1);
  let out = TITLE_ROWS.map((t) => csvField(t) + pad).join('\n') + '\n' + ICE_COLUMNS.map(csvField).join(',') + '\n';
  let n = 0;
  const chunks: string[] = [];
  forEachIceRecord(opts, (r) => {
    out += ICE_COLUMNS.map((c) => csvCell(c, r[c])).join(',') + '\n';
    if (++n % rowsPerChunk === 0) {
      chunks.push(out);
      out = '';
    }
  });
  chunks.push(out);
  yield* chunks;
}

export function iceCsv(opts: IceGeneratorOptions): string {
  return [...iceCsvChunks(opts)].join('');
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeXml = (s: string) => s.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!);

function columnName(k: number): string {
  let s = '';
  for (let n = k + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
const COLUMN_NAMES = ICE_COLUMNS.map((_, k) => columnName(k));

/** Excel serial of a day number and minutes (1900 date system). */
export function excelSerial(day: number, minutes = 0): number {
  return day + 25569 + minutes / 1440;
}

// Styles: 0 general, 1 date (yyyy-mm-dd), 2 date and time (yyyy-mm-dd hh:mm:ss), 3 bold header.
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd\\ hh:mm:ss"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="ERO Detainers" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;

/**
 * The workbook, written in parts as Excel lays them out (the sheet before the shared strings), its
 * sheet and strings deflated as they are produced; `sink` receives the zip's bytes in order.
 */
export function writeIceWorkbook(opts: IceGeneratorOptions, sink: (bytes: Uint8Array) => void): void {
  let failed: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failed = err;
    else sink(data);
  });
  const mtime = new Date(Date.UTC(2025, 0, 1));
  const small = (name: string, text: string) => {
    const f = new ZipDeflate(name, { level: 6 });
    f.mtime = mtime;
    zip.add(f);
    f.push(strToU8(text), true);
  };
  small('[Content_Types].xml', CONTENT_TYPES);
  small('_rels/.rels', ROOT_RELS);
  small('xl/workbook.xml', WORKBOOK);
  small('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
  small('xl/styles.xml', STYLES);
  const strings = new Map<string, number>();
  const sid = (s: string) => {
    let k = strings.get(s);
    if (k === undefined) strings.set(s, (k = strings.size));
    return k;
  };
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
  sheet.mtime = mtime;
  zip.add(sheet);
  let buf = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
  const flush = (final: boolean) => {
    sheet.push(strToU8(buf), final);
    buf = '';
  };
  let row = 0;
  for (const title of TITLE_ROWS) {
    row++;
    buf += `<row r="${row}"><c r="A${row}" t="s"><v>${sid(title)}</v></c></row>`;
  }
  row++;
  buf +=
    `<row r="${row}">` + ICE_COLUMNS.map((c, k) => `<c r="${COLUMN_NAMES[k]}${row}" s="3" t="s"><v>${sid(c)}</v></c>`).join('') + '</row>';
  forEachIceRecord(opts, (r) => {
    row++;
    let cells = '';
    for (let k = 0; k < ICE_COLUMNS.length; k++) {
      const column = ICE_COLUMNS[k]!;
      const cell = r[column];
      if (cell === null) continue;
      const ref = `${COLUMN_NAMES[k]}${row}`;
      if (typeof cell === 'string') cells += `<c r="${ref}" t="s"><v>${sid(cell)}</v></c>`;
      else if (typeof cell === 'number') cells += `<c r="${ref}"><v>${cell}</v></c>`;
      else {
        const dt = ICE_DATETIME_COLUMNS.has(column);
        cells += `<c r="${ref}" s="${dt ? 2 : 1}"><v>${excelSerial(cell.day, dt ? cell.minutes : 0)}</v></c>`;
      }
    }
    buf += `<row r="${row}">${cells}</row>`;
    if (buf.length > 1 << 20) flush(false);
  });
  buf += `</sheetData></worksheet>`;
  flush(true);
  const shared = new ZipDeflate('xl/sharedStrings.xml', { level: 6 });
  shared.mtime = mtime;
  zip.add(shared);
  let sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.size}" uniqueCount="${strings.size}">`;
  for (const s of strings.keys()) sst += `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`;
  sst += '</sst>';
  shared.push(strToU8(sst), true);
  zip.end();
  if (failed) throw failed;
}

/** The whole workbook in memory (for the small fixture). */
export function iceWorkbook(opts: IceGeneratorOptions): Uint8Array {
  const parts: Uint8Array[] = [];
  writeIceWorkbook(opts, (b) => parts.push(b));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A workbook from given sheet XML and strings: for tests of the reader on odd layouts. */
export function workbookOf(sheetXml: string, sharedStrings?: string[], extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'xl/workbook.xml': strToU8(WORKBOOK),
    'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS),
    'xl/styles.xml': strToU8(STYLES),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml),
  };
  if (sharedStrings)
    files['xl/sharedStrings.xml'] = strToU8(
      `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sharedStrings.map((s) => `<si><t>${escapeXml(s)}</t></si>`).join('')}</sst>`,
    );
  for (const [k, v] of Object.entries(extra)) files[k] = strToU8(v);
  return zipSync(files);
}

/** Everything an import gives (problems, notes, counts and every case in the contract's form), as one string to compare. */
export function caseSetDigest(set: CaseSet): string {
  return JSON.stringify([
    set.problems,
    set.notes,
    set.total,
    set.rejected,
    Array.from({ length: set.table.length }, (_, i) => bookingCaseAt(set.table, i)),
  ]);
}

/** A sheet column's letters from its index (0 is A, 26 is AA). */
export function letters(column: number): string {
  let out = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}
