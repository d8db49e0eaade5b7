// `detainer-studio test FILE... [--policy POLICY] [--json]`: checks a policy against expected
// decisions (cases with the outcome, deciding provision and hold end each must get); exit 1 on any
// mismatch, so a city's policy repository can run it in CI on every amendment.

import path from 'node:path';
import { checkExpectedDecisions, formatDiagnostic, loadExpectedDecisions, type CaseVerdict } from '../../engine/index';
import { parseArgs, UsageError } from '../args';
import { loadPolicyOrReport, readOrSkip, Reported, type Output } from '../context';
import type { CommandCode } from '../command';

interface FileResult {
  file: string;
  policy: string;
  passed: number;
  failed: number;
  verdicts: CaseVerdict[];
  /** Cases not checked because they could not be read (each reported, located, on stderr). */
  notRead: number;
}

function verdictJson(v: CaseVerdict) {
  const d = v.decision;
  return {
    id: v.id,
    pass: v.differences.length === 0,
    expected: v.expected,
    got: { outcome: d.outcome, provision: d.provision, citation: d.citation, holdUntil: d.holdUntil },
    differences: v.differences,
    line: v.at.line,
  };
}

export const testCommand: CommandCode = {
  run(argv: string[], io: Output): number {
    const args = parseArgs(argv, { values: ['policy'], flags: ['json'] });
    if (args.positional.length === 0) throw new UsageError('test needs at least one expected-decisions file');
    const json = args.flags.has('json');
    const results: FileResult[] = [];
    let failed = false;
    let unreadable = false;
    for (const file of args.positional) {
      const text = readOrSkip(io, file);
      if (text === null) {
        unreadable = true;
        continue;
      }
      const loaded = loadExpectedDecisions(text);
      // Every bad case is reported at its line and column; the other cases of the file are still checked.
      for (const d of loaded.diagnostics.filter((x) => x.severity === 'error')) io.err(formatDiagnostic(file, d) + '\n');
      const expected = loaded.expected ?? loaded.readable?.expected;
      if (!loaded.expected) failed = true;
      if (!expected) continue;
      const unread = loaded.readable ? expected.cases.length - loaded.readable.cases.length : 0;
      // The file names its ordinance relative to its own folder, or by an absolute path (kept as it is).
      const named = expected.ordinance;
      const policyFile = args.values.get('policy') ?? (path.isAbsolute(named) ? named : path.join(path.dirname(file), named));
      let policy;
      try {
        policy = loadPolicyOrReport(io, policyFile);
      } catch (e) {
        if (!(e instanceof Reported)) throw e;
        if (e.exitCode === 2) unreadable = true;
        failed = true;
        continue;
      }
      const check = checkExpectedDecisions(expected, policy.ordinance, loaded.source, loaded.readable?.cases);
      results.push({ file, policy: policyFile, ...check, notRead: unread });
      if (check.failed > 0) failed = true;
      if (json) continue;
      for (const v of check.verdicts) {
        if (v.differences.length === 0) continue;
        io.out(`${file}:${v.at.line}:${v.at.column}: error: case ${v.id}: ${v.differences.join('; ')} [expected-decision]\n`);
        if (v.why) io.out(`    why: ${v.why}\n`);
      }
      const n = check.verdicts.length;
      const notRead = unread ? `; ${unread} ${unread === 1 ? 'case' : 'cases'} not read (listed above)` : '';
      io.err(
        `${file}: ${check.passed} of ${n} case${n === 1 ? '' : 's'} decided as expected by ${policyFile}${check.failed ? `; ${check.failed} not` : ''}${notRead}\n`,
      );
    }
    if (json) {
      const files = results.map((r) => ({
        file: r.file,
        policy: r.policy,
        passed: r.passed,
        failed: r.failed,
        ...(r.notRead ? { notRead: r.notRead } : {}),
        cases: r.verdicts.map(verdictJson),
      }));
      io.out(JSON.stringify({ files }, null, 2) + '\n');
    }
    if (unreadable) return 2;
    return failed ? 1 : 0;
  },
};
