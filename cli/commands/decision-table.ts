// `detainer-studio decision-table POLICY [--json] [--out FILE]`: every combination of the facts the
// policy reads, grouped into the ranges its conditions distinguish, with outcome and provision (CSV).

import { decisionTable, decisionTableCsv } from '../../engine/index';
import type { Scenario } from '../../engine/index';
import { parseArgs, UsageError } from '../args';
import { analyseOrReport, loadPolicyOrReport, loadScenarioOrReport, reimbursementOverride, type Output } from '../context';
import type { CommandCode } from '../command';
import { count } from '../format';
import { writeFileAtomic } from '../../host/files.node';
import { checkOutFile, FORCE_EXTENSION } from '../out-file';

export const decisionTableCommand: CommandCode = {
  run(argv: string[], io: Output): number {
    const args = parseArgs(argv, { values: ['out', 'scenario', 'reimbursement'], flags: ['json', FORCE_EXTENSION] });
    if (args.positional.length !== 1) throw new UsageError('decision-table needs exactly one policy file');
    const out = args.values.get('out');
    if (out) {
      const inputs = [args.positional[0], args.values.get('scenario')];
      checkOutFile(out, { kind: args.flags.has('json') ? 'json' : 'csv', inputs, forceExtension: args.flags.has(FORCE_EXTENSION) });
    }
    const policy = loadPolicyOrReport(io, args.positional[0]!);
    let scenario: Scenario | undefined;
    if (args.values.has('scenario') || args.values.has('reimbursement')) {
      scenario = reimbursementOverride(args.values.get('reimbursement'), loadScenarioOrReport(io, args.values.get('scenario')));
    }
    const table = analyseOrReport(io, policy, 'the decision table', 1, () => decisionTable(policy.ordinance, scenario ? { scenario } : {}));
    if (table.mismatches.length > 0) {
      io.err(
        `detainer-studio decision-table: internal error: ${count(table.mismatches.length, 'row')} ${table.mismatches.length === 1 ? 'disagrees' : 'disagree'} with the engine\n`,
      );
      return 2;
    }
    const text = args.flags.has('json') ? JSON.stringify(table, null, 2) + '\n' : decisionTableCsv(table);
    if (out) writeFileAtomic(out, text);
    else io.out(text);
    io.err(
      `${policy.file}: ${count(table.rows.length, 'row')} ${table.rows.length === 1 ? 'covers' : 'cover'} ${table.complete ? 'all' : 'only part of the'} ${count(table.totalCombinations, 'combination')} of the facts the policy reads; ` +
        `the otherwise clause decides ${table.defaultCombinations}${table.exact ? '' : ' (bounded analysis: ' + table.notes.join('; ') + ')'}\n`,
    );
    return table.complete ? 0 : 1;
  },
};
