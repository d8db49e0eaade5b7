// `detainer-studio validate FILE...`: one line per problem, FILE:LINE:COL: severity: MESSAGE [CODE].

import { formatDiagnostic, loadOrdinance, loadScenario, type Diagnostic } from '../../engine/index';
import { parseArgs, UsageError } from '../args';
import { readOrReport, Reported, type Output } from '../context';
import type { Command } from '../command';

/** Extra checks other modules add to `validate` (legal lint registers here). */
export type ValidateHook = (text: string, file: string, base: Diagnostic[]) => Diagnostic[];
export const validateHooks: ValidateHook[] = [];

export function diagnosticsFor(text: string, file: string): Diagnostic[] {
  if (/\.scenario\.(ya?ml|json)$/i.test(file)) return loadScenario(text).diagnostics;
  const base = loadOrdinance(text).diagnostics;
  return [...base, ...validateHooks.flatMap((h) => h(text, file, base))];
}

export const validate: Command = {
  name: 'validate',
  summary: 'check ordinances (and scenarios) against the schema and the law',
  usage: 'validate FILE... [--quiet]',
  run(argv: string[], io: Output): number {
    const args = parseArgs(argv, { flags: ['quiet'] });
    if (args.positional.length === 0) throw new UsageError('validate needs at least one file');
    let errors = 0;
    let warnings = 0;
    let unreadable = false;
    for (const file of args.positional) {
      let text: string;
      try {
        text = readOrReport(io, file);
      } catch (e) {
        if (e instanceof Reported) {
          unreadable = true;
          continue;
        }
        throw e;
      }
      const diagnostics = diagnosticsFor(text, file).filter((d) => !d.suppressed);
      for (const d of diagnostics) {
        if (d.severity === 'error') errors++;
        else if (d.severity === 'warning') warnings++;
        if (d.severity === 'info' && args.flags.has('quiet')) continue;
        io.out(formatDiagnostic(file, d) + '\n');
      }
    }
    if (!args.flags.has('quiet')) {
      io.err(
        `${args.positional.length} file${args.positional.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`,
      );
    }
    if (unreadable) return 2;
    return errors > 0 ? 1 : 0;
  },
};
