// Every command of `detainer-studio`: its name, usage and options as `--help` prints them, and where
// its code is. Plain data, so printing help loads nothing else.

import type { Command } from './command';
// The baseline's names from their own module: the help is printed without loading the engine.
import { BASELINE_NAME, BASELINE_TITLE } from '../engine/baseline-reasons';

const SCENARIO: readonly [string, string] = [
  '--scenario FILE',
  'a scenario file (reimbursement agreement, cost per inmate-day, holidays, as-of date)',
];
const REIMBURSEMENT: readonly [string, string] = [
  '--reimbursement yes|no',
  'whether a written reimbursement agreement is in force (overrides the scenario)',
];
const MAPPING: readonly [string, string] = [
  '--mapping FILE',
  "a column mapping (YAML or JSON) for a CSV export with the jail's own column names and codes",
];
const SOURCE: readonly [string, string] = [
  '--source ice-detainers',
  "read the file as ICE's released detainer records (found without it when the header names their columns)",
];
/** --force-extension, with an example of a name the command itself refuses without it (its own format). */
const forceExtension = (refused: string): readonly [string, string] => [
  '--force-extension',
  `write to --out even when its extension does not fit the format (without it, ${refused} is refused)`,
];
const PROGRESS: readonly [string, string] = [
  '--progress',
  'print a progress line on stderr while reading the cases (on by default on a terminal)',
];

export const commands: readonly Command[] = [
  {
    name: 'validate',
    summary: 'check ordinances (and scenarios) against the schema and the law',
    usage: 'validate FILE... [--scenario FILE] [--reimbursement yes|no] [--quiet] [--examples]',
    options: [
      SCENARIO,
      REIMBURSEMENT,
      ['--quiet', 'print errors and warnings only, and no summary line'],
      ['--examples', 'under each legal finding that has one, the simplest booking case showing it ("    e.g. FACTS")'],
    ],
    notes: 'Prints FILE:LINE:COL: severity: MESSAGE [CODE] per finding. Exit 0 when no file has errors, 1 when one has.',
    shortLived: true,
    load: async () => (await import('./commands/validate')).validate,
  },
  {
    name: 'simulate',
    summary: 'simulate a policy on booking cases: outcomes, hold hours, cost, coverage, comparison',
    usage:
      'simulate POLICY --cases FILE [--source ice-detainers] [--facility NAME] [--from DATE] [--to DATE] [--mapping FILE] [--scenario FILE] [--reimbursement yes|no] [--compare POLICY2 | --baseline honor-all] [--json] [--skip-bad] [--progress]',
    options: [
      ['--cases FILE', "the booking cases: JSON, YAML or CSV; or ICE's released detainer records, as the .xlsx workbook or its CSV"],
      SOURCE,
      ['--facility NAME', 'only the detainers sent to this facility (its name as the records give it)'],
      ['--from DATE', 'only requests on or after this date (YYYY-MM-DD)'],
      ['--to DATE', 'only requests on or before this date (YYYY-MM-DD)'],
      MAPPING,
      SCENARIO,
      REIMBURSEMENT,
      ['--compare POLICY2', 'compare every decision with another draft'],
      ['--baseline honor-all', `compare with ${BASELINE_TITLE}`],
      ['--json', 'print one JSON object: { policy, scenario, cases, summary, decisions, coverage, comparison }'],
      ['--skip-bad', 'simulate the good cases when some records have problems (they are still listed)'],
      PROGRESS,
    ],
    load: async () => (await import('./commands/simulate')).simulate,
  },
  {
    name: 'explain',
    summary: 'explain the decision on one case: every condition, its value and the facts it used',
    usage:
      'explain POLICY --cases FILE --id CASE_ID [--source ice-detainers] [--mapping FILE] [--scenario FILE] [--reimbursement yes|no] [--json] [--progress]',
    options: [
      ['--cases FILE', "the booking cases: JSON, YAML or CSV; or ICE's released detainer records, as the .xlsx workbook or its CSV"],
      ['--id CASE_ID', "the id of the case to explain (in ICE's records, row-N for the record on row N)"],
      SOURCE,
      MAPPING,
      SCENARIO,
      REIMBURSEMENT,
      ['--json', 'print the decision as JSON, shaped as in simulate --json'],
      PROGRESS,
    ],
    load: async () => (await import('./commands/explain')).explain,
  },
  {
    name: 'render',
    summary: 'print the ordinance text as Markdown',
    usage: 'render POLICY [--out FILE] [--force-extension]',
    options: [
      ['--out FILE', 'write the text to FILE instead of standard output (a regular file or a new path, not the policy)'],
      forceExtension('--out ordinance.pdf'),
    ],
    load: async () => (await import('./commands/render')).render,
  },
  {
    name: 'diff',
    summary: 'find the smallest cases two drafts decide differently, or prove them equivalent',
    usage: 'diff DRAFT_A DRAFT_B [--json] [--scenario FILE] [--reimbursement yes|no]',
    options: [['--json', 'print { equivalent, witnesses: [ { case, a, b } ] }'], SCENARIO, REIMBURSEMENT],
    notes:
      'Exit 0 when the drafts are equivalent, 1 when they differ or a draft is invalid (its errors are printed, as validate does), 2 when a file cannot be read or the usage is wrong.',
    load: async () => (await import('./commands/diff')).diff,
  },
  {
    name: 'decision-table',
    summary: 'list every combination of the facts a policy reads with its outcome (CSV or JSON)',
    usage: 'decision-table POLICY [--json] [--out FILE] [--scenario FILE] [--reimbursement yes|no] [--force-extension]',
    options: [
      ['--json', 'print the table as JSON instead of CSV'],
      ['--out FILE', 'write the table to FILE (a regular file or a new path, none of the inputs)'],
      SCENARIO,
      REIMBURSEMENT,
      forceExtension('--json --out table.csv'),
    ],
    load: async () => (await import('./commands/decision-table')).decisionTableCommand,
  },
  {
    name: 'export',
    summary: 'export the ordinance (md, html, docx, pdf), the officer guide, the policy bundle, the impact report or a redline',
    usage:
      'export POLICY --format md|html|docx|pdf|officer-guide|bundle|report|redline [--out FILE] [--cases FILE] [--source ice-detainers] [--facility NAME] [--from DATE] [--to DATE] [--scenario FILE] [--reimbursement yes|no] [--compare POLICY2 | --baseline honor-all] [--against OLD_POLICY] [--skip-bad] [--force-extension]',
    options: [
      ['--format FORMAT', 'md, html, docx, pdf (the ordinance text), officer-guide, bundle, report (impact report) or redline'],
      [
        '--out FILE',
        'the file to write (needed for docx and pdf); its extension chooses HTML or PDF where a format has both; a regular file or a new path, none of the inputs',
      ],
      [
        '--cases FILE',
        "the booking cases the impact report (or the redline) is computed on; or ICE's released detainer records (.xlsx or CSV)",
      ],
      [
        '--source ice-detainers',
        "read the case file as ICE's released detainer records (found without it when the header names their columns)",
      ],
      ['--facility NAME', 'only the detainers sent to this facility'],
      ['--from DATE', 'only requests on or after this date (YYYY-MM-DD)'],
      ['--to DATE', 'only requests on or before this date (YYYY-MM-DD)'],
      SCENARIO,
      REIMBURSEMENT,
      ['--compare POLICY2', `report: compare with another draft instead of ${BASELINE_NAME}`],
      ['--baseline honor-all', `report: compare with ${BASELINE_TITLE}, the default`],
      ['--against OLD_POLICY', 'redline: the earlier version; report: another name for --compare'],
      ['--skip-bad', 'use the good cases when some records have problems'],
      forceExtension('--format html --out o.pdf'),
    ],
    notes: 'A policy with validation errors or unsilenced legal errors is not exported (exit 1).',
    load: async () => (await import('./commands/export')).exportCommand,
  },
  {
    name: 'verify',
    summary:
      'check that a policy bundle can be relied on: strict JSON, fingerprint and decision logic match the policy, the policy passes validation and the legal lint, the signature holds',
    usage: 'verify BUNDLE... [--key PUBLIC_KEY]',
    options: [
      [
        '--key PUBLIC_KEY',
        "the issuing city's public key (PEM, or a raw 32-byte Ed25519 key as bytes, hex or base64): every bundle must be signed with it",
      ],
    ],
    notes:
      'Without --key a signature, if any, must match the bundle, but who made it is not checked (anyone can sign with a key of their own).\n' +
      'Exit 0 when every bundle verifies, 1 when one does not, 2 when a file cannot be read.',
    load: async () => (await import('./commands/verify')).verify,
  },
  {
    name: 'sign',
    summary: "sign a verified policy bundle with the issuing city's Ed25519 key, or make a key pair",
    usage: 'sign BUNDLE --key PRIVATE_KEY [--signer NAME] [--out FILE] [--force-extension] | sign --new-key NAME',
    options: [
      [
        '--key PRIVATE_KEY',
        'the private key: PEM (PKCS#8, as `openssl genpkey -algorithm ed25519 -out city.key` writes) or a raw 32-byte Ed25519 seed (bytes, hex or base64)',
      ],
      ['--signer NAME', 'who signs, in words (e.g. "City of Boston, City Clerk"); signed with the rest'],
      ['--out FILE', 'write the signed bundle to FILE (a new path or another file than the bundle) instead of standard output'],
      forceExtension('--out signed.txt'),
      ['--new-key NAME', 'make a key pair: NAME.key (private, readable only by you) and NAME.pub (public, for verify --key)'],
    ],
    notes:
      'The bundle must verify first (exit 1 when it does not). The signature covers the whole bundle; any later change breaks it.\n' +
      'The public key of an existing PEM private key: openssl pkey -in city.key -pubout -out city.pub',
    load: async () => (await import('./commands/sign')).sign,
  },
  {
    name: 'fix',
    summary: "apply the quick fixes of a policy's findings in place, keeping its comments and layout",
    usage: 'fix POLICY [--code CODE]... [--dry-run] [--scenario FILE] [--reimbursement yes|no]',
    options: [
      [
        '--code CODE',
        'fix only findings with this code (repeat for more), e.g. hold-without-maximum; notes (such as unused-term) are fixed only when named',
      ],
      ['--dry-run', 'say what would be fixed, and write nothing'],
      SCENARIO,
      REIMBURSEMENT,
    ],
    notes:
      'Each finding gets its first (preferred) fix, one at a time, each worked out on the text the last one left. Prints FILE:LINE:COL: fixed: WHAT [CODE] for each fix, "not fixed: ... REASON" for a fix that could not be applied, a line for each --code no finding has (for a code no finding is ever given, that it is unknown and the known codes nearest it), then the findings left. Fixes that undo one another (one brings back a finding of the same code as the fix that led to it, or the text returns to one already had: e.g. declining minors where state law requires honoring detainers, and honoring the detainer again) are never applied: "fixes conflict: ... undo each other; none of them was applied: a person must choose" names them, and the other fixes are applied as if they were not there. The file is rewritten all at once, and only if it is still what was read. Exit 0 when no error is left and everything asked for was fixed; 1 when an error is left, a fix could not be applied, fixes conflict, or a --code is still found (or was never found).',
    load: async () => (await import('./commands/fix')).fix,
  },
  {
    name: 'test',
    summary: 'check a policy against expected decisions: cases with the outcome, provision and hold end each must get',
    usage: 'test FILE... [--policy POLICY] [--json]',
    options: [
      ['--policy POLICY', 'check this draft instead of the ordinance each file names (a file names it relative to its own folder)'],
      ['--json', 'print { files: [ { file, policy, passed, failed, cases: [ { id, pass, expected, got, differences } ] } ] }'],
    ],
    notes:
      'A file is YAML or JSON (policy-schemas/expected-decisions.schema.json): `ordinance`, an optional `scenario`, and `cases`, each with `case`, `expect: { outcome, provision, holdUntil }` and `why`.\nPrints FILE:LINE:COL: error: case ID: what differs, per mismatch. Exit 0 when every case is decided as expected, 1 when one is not or a file has errors, 2 when a file cannot be read.',
    load: async () => (await import('./commands/test')).testCommand,
  },
  {
    name: 'generate',
    summary: 'make a seeded, reproducible synthetic case set calibrated to public figures',
    usage: 'generate --count N [--seed S] [--format json|csv] [--out FILE] [--from-year YEAR] [--to-year YEAR] [--force-extension]',
    options: [
      ['--count N', 'how many cases, 1 to 10,000,000'],
      ['--seed S', 'the seed (default 2012): the same seed gives the same cases'],
      ['--format json|csv', 'the file format (default: csv when --out ends in .csv, else json)'],
      ['--out FILE', 'write the cases to FILE instead of standard output'],
      ['--from-year YEAR', 'first year of bookings (default 2011)'],
      ['--to-year YEAR', 'last year of bookings (default 2019)'],
      forceExtension('--format json --out cases.csv'),
    ],
    notes: 'The cases are written as they are made: ten million take no more memory than ten.',
    load: async () => (await import('./commands/generate')).generate,
  },
];

/** `detainer-studio COMMAND --help`. */
export function commandHelp(c: Command): string {
  const width = Math.max(6, ...c.options.map(([o]) => o.length));
  let out = `Usage: detainer-studio ${c.usage}\n\n${c.summary[0]!.toUpperCase()}${c.summary.slice(1)}.\n`;
  const options = [...c.options, ['--help', 'print this help'] as const];
  out += `\nOptions:\n${options.map(([o, m]) => `  ${o.padEnd(width)}  ${m}\n`).join('')}`;
  if (c.notes) out += `\n${c.notes}\n`;
  return out;
}
