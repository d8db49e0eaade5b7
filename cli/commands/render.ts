// `detainer-studio render POLICY [--out FILE]`: the ordinance text as Markdown.

import { renderMarkdown } from '../../engine/index';
import { parseArgs, UsageError } from '../args';
import { loadPolicyOrReport, type Output } from '../context';
import type { CommandCode } from '../command';
import { writeFileAtomic } from '../../host/files.node';
import { checkOutFile, FORCE_EXTENSION } from '../out-file';

export const render: CommandCode = {
  run(argv: string[], io: Output): number {
    const args = parseArgs(argv, { values: ['out'], flags: [FORCE_EXTENSION] });
    if (args.positional.length !== 1) throw new UsageError('render needs exactly one policy file');
    const out = args.values.get('out');
    if (out) checkOutFile(out, { kind: 'md', inputs: args.positional, forceExtension: args.flags.has(FORCE_EXTENSION) });
    const policy = loadPolicyOrReport(io, args.positional[0]!);
    const md = renderMarkdown(policy.ordinance);
    if (out) writeFileAtomic(out, md);
    else io.out(md);
    return 0;
  },
};
