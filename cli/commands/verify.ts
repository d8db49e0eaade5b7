// `detainer-studio verify BUNDLE...`: checks that a policy bundle is what was exported: its schema,
// a fingerprint that matches the policy inside, and decision logic that matches the policy.

import { verifyPolicyBundle } from '../../engine/export/policy-bundle';
import { formatDiagnostic } from '../../engine/index';
import { parseArgs, UsageError } from '../args';
import { readOrSkip, type Output } from '../context';
import type { CommandCode } from '../command';

export const verify: CommandCode = {
  run(argv: string[], io: Output): number {
    const args = parseArgs(argv, {});
    if (args.positional.length === 0) throw new UsageError('verify needs at least one bundle file');
    let failed = false;
    let unreadable = false;
    for (const file of args.positional) {
      const text = readOrSkip(io, file);
      if (text === null) {
        unreadable = true;
        continue;
      }
      const v = verifyPolicyBundle(text);
      if (v.ok && v.bundle) {
        const b = v.bundle;
        io.out(
          `${file}: verified: "${b.title}"${b.version ? `, version ${b.version}` : ''}${b.effectiveDate ? `, effective ${b.effectiveDate}` : ''}; fingerprint ${b.fingerprint} matches the policy\n`,
        );
        continue;
      }
      failed = true;
      for (const d of v.diagnostics) io.err(formatDiagnostic(file, d) + '\n');
      const mismatch = v.diagnostics.some((d) => d.code === 'fingerprint-mismatch');
      io.err(
        `${file}: NOT VERIFIED: ${mismatch ? 'the fingerprint does not match the policy; ' : ''}${v.diagnostics.length} problem${v.diagnostics.length === 1 ? '' : 's'}; do not rely on this bundle\n`,
      );
    }
    if (unreadable) return 2;
    return failed ? 1 : 0;
  },
};
