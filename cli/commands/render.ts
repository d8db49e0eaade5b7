// `detainer-studio render POLICY [--out FILE]`: the ordinance text as Markdown.

import { renderMarkdown } from '../../engine/index';
import { parseArgs, UsageError } from '../args';
import { loadPolicyOrReport, type Output } from '../context';
import type { CommandCode } from '../command';
import { writeFileAtomic } from '../../host/files.node';

export const render: CommandCode = {
  run(argv: string[], io: Output): number {
    const args = parseArgs(argv, { values: ['out'] });
    if (args.positional.length !== 1) throw new UsageError('render needs exactly one policy file');
    const policy = loadPolicyOrReport(io, args.positional[0]!);
    const md = renderMarkdown(policy.ordinance);
    const out = args.values.get('out');
    if (out) writeFileAtomic(out, md);
    else io.out(md);
    return 0;
  },
};
