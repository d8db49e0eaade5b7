// `detainer-studio export POLICY --format FORMAT --out FILE`: the ordinance text (Markdown, HTML,
// DOCX, PDF), the officer guide, the policy bundle, the impact report and the redline.

import {
  buildExport,
  bundleBlockers,
  EXPORT_FORMATS,
  finishPdf,
  PdfFontError,
  renditionFor,
  RENDITIONS,
  UnprintableCharactersError,
  type CaseInput,
  type ExportFormat,
  type ExportResult,
} from '../../engine/export/index';
import { compile, formatDiagnostic, honorAllFor, shortFingerprint } from '../../engine/index';
import { caseSetLabel } from '../../engine/vocabulary';
import { parseArgs, UsageError } from '../args';
import {
  caseSelectionOf,
  caseSourceOf,
  loadCasesOrReport,
  loadPolicyOrReport,
  loadScenarioOrReport,
  readOrReport,
  MAX_CASE_FILE_BYTES,
  reimbursementOverride,
  Reported,
  type Output,
} from '../context';
import type { CommandCode } from '../command';
import { fileSha256, writeFileAtomic } from '../../host/files.node';
import { checkOutFile, FORCE_EXTENSION } from '../out-file';
import { ChromiumPrinter, PrinterError } from '../pdf-printer';
import path from 'node:path';

/** Which options each format reads; any other is a usage error rather than silently ignored. */
/** Which records, and which of them, the case file gives. */
const CASE_SELECTION = ['source', 'facility', 'from', 'to'];

const OPTIONS: Record<ExportFormat, string[]> = {
  md: [],
  html: [],
  docx: [],
  pdf: [],
  'officer-guide': ['scenario', 'reimbursement'],
  bundle: [],
  report: ['cases', 'scenario', 'reimbursement', 'compare', 'against', 'baseline', 'skip-bad', ...CASE_SELECTION],
  redline: ['against', 'cases', 'scenario', 'reimbursement', 'skip-bad', ...CASE_SELECTION],
};

export const exportCommand: CommandCode = {
  async run(argv: string[], io: Output): Promise<number> {
    const args = parseArgs(argv, {
      values: ['format', 'out', 'cases', 'scenario', 'reimbursement', 'compare', 'baseline', 'against', 'source', 'facility', 'from', 'to'],
      flags: ['skip-bad', FORCE_EXTENSION],
    });
    if (args.positional.length !== 1) throw new UsageError('export needs exactly one policy file');
    const formatName = args.values.get('format');
    if (!formatName) throw new UsageError(`export needs --format (${EXPORT_FORMATS.join(', ')})`);
    if (!(EXPORT_FORMATS as readonly string[]).includes(formatName)) {
      throw new UsageError(`unknown format "${formatName}"; choose ${EXPORT_FORMATS.join(', ')}`);
    }
    const format = formatName as ExportFormat;
    const given = [...args.values.keys(), ...args.flags].filter((k) => k !== 'format' && k !== 'out' && k !== FORCE_EXTENSION);
    for (const k of given) {
      if (!OPTIONS[format].includes(k)) throw new UsageError(`--${k} does not apply to --format ${format}`);
    }
    if (format === 'report' && !args.values.has('cases')) throw new UsageError('--format report needs --cases FILE');
    if (format === 'redline' && !args.values.has('against')) throw new UsageError('--format redline needs --against OLD_POLICY');
    const baseline = args.values.get('baseline');
    if (baseline !== undefined && baseline !== 'honor-all') throw new UsageError('--baseline must be honor-all');
    const others = ['compare', 'against', 'baseline'].filter((k) => args.values.has(k));
    if (format === 'report' && others.length > 1)
      throw new UsageError(`give one of --compare, --against or --baseline, not ${others.map((k) => `--${k}`).join(' and ')}`);
    const out = args.values.get('out');
    const rendition = renditionFor(format, out ?? '');
    if (!out && (rendition === 'docx' || rendition === 'pdf'))
      throw new UsageError(`--format ${format} writes ${rendition.toUpperCase()}: give --out FILE`);
    if (out) {
      const inputs = [args.positional[0], ...['cases', 'scenario', 'compare', 'against'].map((k) => args.values.get(k))];
      checkOutFile(out, { kind: rendition, inputs, forceExtension: args.flags.has(FORCE_EXTENSION), format, others: RENDITIONS[format] });
    }
    // Chromium starts now, on the other core, while the policy is checked and its HTML built.
    const printer = rendition === 'pdf' ? ChromiumPrinter.start() : undefined;
    try {
      const policy = loadPolicyOrReport(io, args.positional[0]!, { lint: true });
      if (format === 'bundle') {
        // What verify will find in the bundle (the policy without its comments) must already pass here.
        const blockers = bundleBlockers(policy.ordinance);
        for (const d of blockers) io.err(formatDiagnostic(policy.file, { ...d, ...policy.locate(d.path) }) + '\n');
        if (blockers.length) throw new Reported(1);
      }
      // For the report, --against OLD_POLICY is another name for --compare: the draft to compare with.
      const againstFile = format === 'redline' ? args.values.get('against') : undefined;
      const compareFile = format === 'report' ? (args.values.get('compare') ?? args.values.get('against')) : undefined;
      const against = againstFile ? loadPolicyOrReport(io, againstFile) : undefined;
      const compareWith = compareFile ? loadPolicyOrReport(io, compareFile) : undefined;
      const scenario = reimbursementOverride(args.values.get('reimbursement'), loadScenarioOrReport(io, args.values.get('scenario')));
      let cases: CaseInput | undefined;
      const casesFile = args.values.get('cases');
      if (casesFile) {
        const select = caseSelectionOf(args.values);
        const set = loadCasesOrReport(io, casesFile, {
          skipBad: args.flags.has('skip-bad'),
          source: caseSourceOf(args.values.get('source')),
          select,
        });
        const part = [
          select?.facility !== undefined ? `${args.values.get('facility')}` : '',
          args.values.has('from') || args.values.has('to') ? `${args.values.get('from') ?? '…'} to ${args.values.get('to') ?? '…'}` : '',
        ].filter(Boolean);
        cases = {
          cases: set.table,
          label: caseSetLabel(casesFile, part.join(', ')),
          fingerprint: `sha256:${fileSha256(casesFile, MAX_CASE_FILE_BYTES)}`,
        };
      }
      // Compile once up front so a policy the engine can't run is reported, not half-exported.
      compile(policy.ordinance, scenario);
      if (!compareWith && format === 'report') compile(honorAllFor(policy.ordinance), scenario);

      let result: ExportResult;
      try {
        result = await buildExport({
          format,
          rendition,
          ordinance: policy.ordinance,
          scenario,
          ...(cases ? { cases } : {}),
          ...(compareWith ? { compareWith: compareWith.ordinance } : {}),
          ...(against ? { against: against.ordinance } : {}),
          ...(againstFile || compareFile
            ? { names: { ordinance: path.basename(policy.file), other: path.basename((againstFile ?? compareFile)!) } }
            : {}),
        });
      } catch (e) {
        if (e instanceof UnprintableCharactersError) {
          const files = [policy.file, againstFile, compareFile, args.values.get('scenario')].filter((f): f is string => !!f);
          io.err(
            `${locateCharacter(
              io,
              files,
              e.characters.map((c) => c.character),
            )}: error: ${e.message}\n`,
          );
          throw new Reported(1);
        }
        throw e;
      }
      let data: string | Uint8Array;
      if (result.printHtml !== undefined) {
        try {
          data = finishPdf(await printer!.print(result.printHtml), result);
        } catch (e) {
          if (e instanceof PrinterError || e instanceof PdfFontError) {
            io.err(`detainer-studio export: ${e.message}\n`);
            throw new Reported(2);
          }
          throw e;
        }
      } else data = result.data!;
      if (!out) {
        io.out(typeof data === 'string' ? data : new TextDecoder().decode(data));
        return 0;
      }
      writeFileAtomic(out, data);
      // A name ending in the format's own name (`a.officer-guide`) does not say the rendition: say it.
      const unsaid = path.basename(out).toLowerCase().endsWith(`.${format}`) && format !== rendition;
      const what =
        (format === rendition || format === 'bundle' ? format : `${format} as ${rendition}`) +
        (unsaid ? ` (the name does not end in .${rendition})` : '');
      io.out(
        `${out}: ${what}, ${(typeof data === 'string' ? Buffer.byteLength(data) : data.length).toLocaleString('en-US')} bytes, policy fingerprint ${shortFingerprint(policy.fingerprint)}\n`,
      );
      return 0;
    } finally {
      await printer?.close();
    }
  },
};

/** Where the first of `characters` is typed: FILE:LINE:COLUMN in the first file holding one, else the first file. */
function locateCharacter(io: Output, files: string[], characters: string[]): string {
  for (const file of files) {
    const text = readOrReport(io, file);
    let at = -1;
    for (const ch of characters) {
      const i = text.indexOf(ch);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    }
    if (at < 0) continue;
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
    return `${file}:${line}:${column}`;
  }
  return files[0]!;
}
