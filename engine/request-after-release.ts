// A detainer request that came after the person's release time: the jail had no one to hold or to
// report on when ICE asked. The policy still answers the request (its outcome is the decision), but
// no hold, notice, hour or dollar follows from it, and every total says so apart.

import { caseId, type CaseTable } from './case-table';
import { U_RELEASE } from './unknown-facts';

/**
 * Whether any case of the table can have its request after its release time. The table keeps the
 * booking's own array for both the request and the release column when no case's differs from its
 * booking (then every request is at its release), so this is one comparison, made once per table; the
 * per-case test is `requestAfterRelease`. Every count of late requests asks this first.
 */
export function mayHaveRequestAfterRelease(t: CaseTable): boolean {
  return t.issued !== t.release;
}

/**
 * Whether case i's request (`detainer.issuedAt`) is later than its release time (`eligibleForReleaseAt`).
 * A request at the release minute itself is in time. Where the records give no release time the
 * question cannot be asked: false.
 */
export function requestAfterRelease(t: CaseTable, i: number): boolean {
  return (t.unknown[i]! & U_RELEASE) === 0 && t.issued[i]! > t.release[i]!;
}

/** The cases of a table whose request came after their release time, by index, in order. */
export function casesWithRequestAfterRelease(t: CaseTable): number[] {
  const out: number[] = [];
  if (!mayHaveRequestAfterRelease(t)) return out;
  for (let i = 0; i < t.length; i++) if (requestAfterRelease(t, i)) out.push(i);
  return out;
}

/**
 * What a decision on a request that came after the release time comes to, as a sentence: the one the
 * command line's explanation and the app's case panel both print.
 */
export function requestAfterReleaseSentence(late: { requestedAt: string; releaseAt: string }): string {
  return (
    `ICE’s request (${late.requestedAt.replace('T', ' ')}) came after the person’s release time (${late.releaseAt.replace('T', ' ')}): ` +
    'the person was released before it arrived, so no one is held or reported on it. The decision is what the policy says to the request; ' +
    'the simulation counts this case apart, not as held, with no hold hours and no cost.'
  );
}

/** How many case ids a warning about requests after release names; the rest are counted. */
export const LISTED_AFTER_RELEASE = 10;

/** The two times as the command line's warning names them: by the case file's keys, as its other messages do. */
const ON_THE_COMMAND_LINE = 'the request ("detainer.issuedAt") after the release time ("eligibleForReleaseAt")';

/** The same in the app's words: ICE's request, and the time the case panel gives as "Would be released". */
const IN_THE_APP = 'ICE’s request dated after the time the person would be released';

/** A case set's warning as the app says it: the warning about requests after release names no key; any other is as it was. */
export function caseSetWarningInTheApp(warning: string): string {
  return warning.replace(ON_THE_COMMAND_LINE, IN_THE_APP);
}

/**
 * A case set's warning (not a problem: the cases are read and simulated) when some request is dated
 * after its release time: how many, and the first ids. Undefined when there is none.
 */
export function requestAfterReleaseWarning(t: CaseTable): string | undefined {
  const late = casesWithRequestAfterRelease(t);
  if (late.length === 0) return undefined;
  const ids = late.slice(0, LISTED_AFTER_RELEASE).map((i) => caseId(t, i));
  const more = late.length - ids.length;
  const one = late.length === 1;
  return (
    `${late.length.toLocaleString('en-US')} ${one ? 'case has' : 'cases have'} ${ON_THE_COMMAND_LINE}: ` +
    `${ids.join(', ')}${more ? ` and ${more.toLocaleString('en-US')} more` : ''}. ` +
    `No one released before ICE asks can be held or reported on the request: the simulation keeps the policy’s decision on ${one ? 'it' : 'each'} but counts ${one ? 'it' : 'them'} apart, not as held, with no hold hours or cost. If the jail did hold or report on ${one ? 'it' : 'them'}, a time in the file is wrong.`
  );
}
