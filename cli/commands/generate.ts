// `detainer-studio generate --count N [--seed S] [--format json|csv] [--out FILE]`: synthetic cases,
// written as they are made, so ten million cases take as little memory as ten.

import { generatedCasesText, writeBatched } from '../../engine/index';
import { parseArgs, UsageError } from '../args';
import type { Output } from '../context';
import type { CommandCode } from '../command';
import { FORCE_EXTENSION, openOutFile } from '../out-file';

export const generate: CommandCode = {
  run(argv: string[], io: Output): number {
    const args = parseArgs(argv, { values: ['count', 'seed', 'format', 'out', 'from-year', 'to-year'], flags: [FORCE_EXTENSION] });
    const count = Number(args.values.get('count') ?? 'NaN');
    if (!Number.isInteger(count) || count < 1 || count > 10_000_000)
      throw new UsageError('--count must be a whole number from 1 to 10000000');
    const seed = Number(args.values.get('seed') ?? '2012');
    if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number');
    const format = args.values.get('format') ?? (args.values.get('out')?.endsWith('.csv') ? 'csv' : 'json');
    if (format !== 'json' && format !== 'csv') throw new UsageError('--format must be json or csv');
    const fromYear = Number(args.values.get('from-year') ?? '2011');
    const toYear = Number(args.values.get('to-year') ?? '2019');
    const text = generatedCasesText({ count, seed, fromYear, toYear }, format);
    const out = args.values.get('out');
    if (!out) {
      writeBatched(text, io.out);
      return 0;
    }
    const file = openOutFile(out, { kind: format, inputs: [], forceExtension: args.flags.has(FORCE_EXTENSION) });
    try {
      writeBatched(text, (t) => file.write(t));
      file.commit();
    } catch (e) {
      file.abort();
      throw e;
    }
    return 0;
  },
};
