// `detainer-studio validate FILE... [--scenario FILE] [--examples]`: one line per problem, FILE:LINE:COL: severity: MESSAGE [CODE],
// with the simplest booking case showing a legal finding under it when asked for.
// Ordinances get schema and semantic validation, then the legal lint; silenced findings are not counted.

// It reaches the engine through engine/check.ts and reads files through cli/documents.ts, not
// engine/index.ts and cli/context.ts, so that its process loads no case importer (scripts/build.mjs
// splits the command line by module; tests/cli/startup-graph.test.ts keeps it so).
import { checkDocument, formatDiagnostic, loadScenario, type CheckedDiagnostic, type Diagnostic, type Scenario } from '../../engine/check';
import { parseArgs, UsageError } from '../args';
import { loadScenarioOrReport, readOrSkip, reimbursementOverride } from '../documents';
import { Reported, type Output } from '../output';
import type { CommandCode } from '../command';

/** Extra checks other modules add to `validate`. */
export type ValidateHook = (text: string, file: string, base: Diagnostic[]) => Diagnostic[];
export const validateHooks: ValidateHook[] = [];

export interface ValidateOptions {
  /** Turns on the scenario-aware lint (holds that need an agreement the scenario lacks). */
  scenario?: Scenario;
}

export function diagnosticsFor(text: string, file: string, opts: ValidateOptions = {}): CheckedDiagnostic[] {
  if (/\.scenario\.(ya?ml|json)$/i.test(file)) return loadScenario(text).diagnostics;
  const base = checkDocument(text, opts.scenario ? { scenario: opts.scenario } : {}).diagnostics;
  return [...base, ...validateHooks.flatMap((h) => h(text, file, base))];
}

export const validate: CommandCode = {
  run(argv: string[], io: Output): number {
    const args = parseArgs(argv, { values: ['scenario', 'reimbursement'], flags: ['quiet', 'examples'] });
    if (args.positional.length === 0) throw new UsageError('validate needs at least one file');
    let scenario: Scenario | undefined;
    if (args.values.has('scenario') || args.values.has('reimbursement')) {
      try {
        scenario = reimbursementOverride(args.values.get('reimbursement'), loadScenarioOrReport(io, args.values.get('scenario')));
      } catch (e) {
        if (e instanceof Reported) return 2;
        throw e;
      }
    }
    const examples = args.flags.has('examples');
    let errors = 0;
    let warnings = 0;
    let silenced = 0;
    let unreadable = 0;
    for (const file of args.positional) {
      const text = readOrSkip(io, file);
      if (text === null) {
        unreadable++;
        continue;
      }
      const all = diagnosticsFor(text, file, scenario ? { scenario } : {});
      const diagnostics = all.filter((d) => !d.suppressed);
      silenced += all.length - diagnostics.length;
      for (const d of diagnostics) {
        if (d.severity === 'error') errors++;
        else if (d.severity === 'warning') warnings++;
        if (d.severity === 'info' && args.flags.has('quiet')) continue;
        io.out(formatDiagnostic(file, d) + '\n');
        // A finding's example is worked out here, when asked for (the lint leaves it until read).
        if (examples && d.example) io.out(`    e.g. ${d.example.facts.join('; ')}\n`);
      }
    }
    if (!args.flags.has('quiet')) {
      // A file that could not be read was not checked: the summary counts it apart, never as clean.
      const n = args.positional.length - unreadable;
      const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
      io.err(
        `${plural(n, 'file')} checked` +
          (n > 0 ? `: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}` : '') +
          (silenced ? `, ${silenced} silenced with a reason` : '') +
          (unreadable ? `; ${unreadable} could not be read` : '') +
          '\n',
      );
    }
    if (unreadable) return 2;
    return errors > 0 ? 1 : 0;
  },
};
