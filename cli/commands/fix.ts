// `detainer-studio fix POLICY [--code CODE]... [--dry-run]`: applies the legal lint's and the
// validator's quick fixes to the policy file in place (the preferred fix of each finding, one at a
// time), keeping the author's comments and layout, and says what it changed. Fixes that undo one
// another are never applied: they are named, and left to a person (exit 1).

import { fixDocument, formatDiagnostic, isBlocking, nearCandidates } from '../../engine/index';
import { TITLED_CODES } from '../../engine/vocabulary';
import { contentHash, writeFileAtomic } from '../../host/files.node';
import { parseArgs, UsageError } from '../args';
import { loadScenarioOrReport, readOrReport, reimbursementOverride, type Output } from '../context';
import type { CommandCode } from '../command';

/**
 * The codes the engine gives nearest one it never gives: those it is part of ("shadowed" in
 * "provision-shadowed"), then those a typo away, closest first, at most three.
 */
export function nearestCodes(code: string, known: readonly string[] = TITLED_CODES): string[] {
  const w = code.toLowerCase();
  return w ? nearCandidates(w, known, { max: 3, containing: true, limitOf: 'word' }) : [];
}

/** Why a --code fixed nothing: no finding of the policy has it, or no finding ever has it (and which codes are near). */
export function unmatchedCodeWords(code: string): string {
  if (TITLED_CODES.includes(code)) return `no finding has the code ${code}`;
  const near = nearestCodes(code);
  return (
    `unknown code ${code}: no finding is ever given it; ` +
    (near.length
      ? `did you mean ${near.join(' or ')}?`
      : 'the code of a finding is the last word of its line, in brackets, as validate prints it (e.g. [hold-without-maximum])')
  );
}

export const fix: CommandCode = {
  run(argv: string[], io: Output): number {
    const args = parseArgs(argv, { values: ['scenario', 'reimbursement'], repeat: ['code'], flags: ['dry-run'] });
    if (args.positional.length !== 1) throw new UsageError('fix needs exactly one policy file');
    const file = args.positional[0]!;
    const scenario =
      args.values.has('scenario') || args.values.has('reimbursement')
        ? reimbursementOverride(args.values.get('reimbursement'), loadScenarioOrReport(io, args.values.get('scenario')))
        : undefined;
    const text = readOrReport(io, file);
    const crlf = text.includes('\r\n');
    const fixed = fixDocument(text, { codes: args.repeated.get('code') ?? [], ...(scenario ? { scenario } : {}) });
    for (const a of fixed.applied)
      io.out(`${file}:${a.line}:${a.column}: ${args.flags.has('dry-run') ? 'would fix' : 'fixed'}: ${a.title} [${a.code}]\n`);
    for (const f of fixed.failed) io.out(`${file}:${f.line}:${f.column}: not fixed: ${f.title} [${f.code}]: ${f.reason}\n`);
    for (const c of fixed.conflicts) {
      const first = c.findings[0]!;
      const named = c.findings.filter((f, i) => c.findings.findIndex((g) => g.code === f.code && g.title === f.title) === i);
      io.out(
        `${file}:${first.line}:${first.column}: fixes conflict: ${named.map((f) => `"${f.title}" [${f.code}]`).join(' and ')} undo each other` +
          `${c.shown === 'document-repeated' ? ' (together they bring back a text already had)' : ''}; none of them was applied: a person must choose\n`,
      );
    }
    for (const c of fixed.unmatchedCodes) io.out(`${file}: ${unmatchedCodeWords(c)}\n`);
    const left = fixed.remaining.filter((d) => !d.suppressed && d.severity !== 'info');
    for (const d of left) io.out(formatDiagnostic(file, d) + '\n');
    // What was asked for and is still there: an error, or a finding of a code named with --code.
    const asked = args.repeated.get('code') ?? [];
    const unfixed = fixed.remaining.filter((d) => !d.suppressed && (isBlocking(d) || asked.includes(d.code)));
    if (fixed.applied.length > 0 && !args.flags.has('dry-run')) {
      // Written only if the file is still what was read, all or nothing.
      writeFileAtomic(file, crlf ? fixed.text.replace(/\r?\n/g, '\r\n') : fixed.text, { expectedHash: contentHash(text) });
    }
    const n = fixed.applied.length;
    io.err(
      `${file}: ${n ? `${n} fix${n === 1 ? '' : 'es'} ${args.flags.has('dry-run') ? 'would be applied (nothing written)' : 'applied'}` : 'nothing to fix'}; ` +
        `${left.length} finding${left.length === 1 ? '' : 's'} left` +
        (fixed.conflicts.length
          ? `; ${fixed.conflicts.length} conflict${fixed.conflicts.length === 1 ? '' : 's'} between fixes left to a person`
          : '') +
        '\n',
    );
    return unfixed.length > 0 || fixed.failed.length > 0 || fixed.conflicts.length > 0 || fixed.unmatchedCodes.length > 0 ? 1 : 0;
  },
};
