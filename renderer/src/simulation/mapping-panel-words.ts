// The Map columns panel's list of what the mapping still leaves wrong, in the panel's own words: the
// engine's column planning gives its problems as data (kind, column, name, likeness); the command line
// words them for a mapping file ("map it under columns"), the panel for its "Reads as" lists.

import { columnProblemText, rowItemSection, type ColumnProblem } from '../../../engine/index';
import { visibleText } from '../../../engine/text-safety';

/** Columns not chosen yet named one by one in the list, at most; past this they are counted, with where they are. */
export const NOT_CHOSEN_LISTED = 8;

const HOW = 'in its “Reads as” list, or “Leave out”';

type Unknown = Extract<ColumnProblem, { kind: 'unknown' }>;

function notChosen(columns: readonly Unknown[]): string {
  const one = columns.length === 1 ? columns[0]! : null;
  if (one)
    return `“${one.name}” (column ${one.column}) is not chosen yet${one.like ? ` (its name is like “${one.like}”)` : ''}: choose the case column it fills ${HOW}`;
  if (columns.length <= NOT_CHOSEN_LISTED)
    return (
      `${columns.length} columns are not chosen yet: ` +
      columns.map((c) => `“${c.name}” (column ${c.column}${c.like ? `; its name is like “${c.like}”` : ''})`).join(', ') +
      `. Choose the case column each fills ${HOW}`
    );
  // A long header (a jail's export of every field it keeps) is said in one short line: how many, where
  // they are in the table, the few whose names are like ours, and the panel's one button for the rest.
  const first = columns[0]!;
  const last = columns[columns.length - 1]!;
  const alike = columns.filter((c) => c.like);
  return (
    `${columns.length} columns are not chosen yet, from “${first.name}” (column ${first.column}) to “${last.name}” (column ${last.column}), ` +
    'each marked “— choose —” in the table’s “Reads as” column' +
    (alike.length
      ? `; ${alike
          .slice(0, NOT_CHOSEN_LISTED)
          .map((c) => `“${c.name}” (column ${c.column}) is like “${c.like}”`)
          .join(', ')}${alike.length > NOT_CHOSEN_LISTED ? `, and ${alike.length - NOT_CHOSEN_LISTED} more` : ''}`
      : '') +
    '. Choose the case column of those that hold one, then “Leave out every column not chosen” above'
  );
}

/** One line of the panel's list; `drop` names a column the mapping reads that the file lacks, whose entry the line's button takes out. */
export interface PanelProblem {
  text: string;
  drop?: string;
}

/** The label of the button that takes a column the file lacks out of the mapping. */
export const dropLabel = (name: string): string => `Take “${visibleText(name)}” out of the mapping`;

/**
 * The panel's list, in its order: the columns not chosen yet said in one line where the first was; the
 * required case columns no column gives said once, by where the panel already names them (“Every case
 * needs” above), never a second time by name; the others in the panel's terms where it has them. Names
 * quoted from the file show their unsafe and invisible characters as escapes, as the rest of the panel does.
 */
export function panelProblems(problems: readonly ColumnProblem[]): string[] {
  return panelProblemItems(problems).map((p) => p.text);
}

/** The panel's list as its lines, each with what its button does where it has one. */
export function panelProblemItems(problems: readonly ColumnProblem[]): PanelProblem[] {
  const unknown = problems.filter((p): p is Unknown => p.kind === 'unknown');
  const missing = problems.filter((p) => p.kind === 'required').length;
  const out: PanelProblem[] = [];
  const push = (text: string) => out.push({ text });
  let saidUnknown = false;
  let saidMissing = false;
  for (const p of problems) {
    switch (p.kind) {
      case 'unknown':
        if (!saidUnknown) push(notChosen(unknown));
        saidUnknown = true;
        break;
      case 'required':
        if (!saidMissing)
          push(
            `${missing === 1 ? 'A case column' : `${missing} case columns`} every case needs ${missing === 1 ? 'has' : 'have'} no column yet ` +
              `(marked “no column chosen” under “Every case needs” above): choose ${missing === 1 ? 'it' : 'each'} in the “Reads as” list of the column that holds it`,
          );
        saidMissing = true;
        break;
      case 'unnamed':
        push(`column ${p.column} has no name (“(no name)” in the table): choose what it holds ${HOW}`);
        break;
      case 'doubled':
        push(
          `“${p.firstName}” (column ${p.first}) and “${p.name}” (column ${p.column}) both read as ${p.target}: choose another case column for one of them, or “Leave out”`,
        );
        break;
      case 'row-items-and-numbered':
        push(
          `the ${p.group} is read both one per row (the targets under “${rowItemSection(p.group)}”) and numbered (“${p.name}”): ` +
            `choose one way for all the ${p.group}’s columns`,
        );
        break;
      case 'mapped-column-absent':
        // The table lists only the file's columns: the entry is taken out by the line's own button.
        out.push({
          text:
            `the mapping reads ${p.target} from “${p.name}”, a column this file does not have` +
            (p.like ? ` (its name is like “${p.like}”)` : '') +
            `: every case would read ${p.target} as empty. Take it out of the mapping (the button after this line), ` +
            `then choose ${p.target} in the “Reads as” list of the column that holds it, if the file has one`,
          drop: p.name,
        });
        break;
      default:
        push(columnProblemText(p));
    }
  }
  return out.map((p) => ({ ...p, text: visibleText(p.text) }));
}

/** Words joined as a list is said: “a”, “a and b”, “a, b and c”. */
function listed(parts: readonly string[]): string {
  return parts.length <= 2 ? parts.join(' and ') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** “a column” or “N columns”, and the like. */
const some = (n: number, one: string, many: string) => (n === 1 ? one : `${n} ${many}`);

/**
 * The refusal of a file for its header, said above the Map columns panel: once and briefly, what is wrong
 * and that the panel is where it is mended, in the panel's words (a column "not chosen yet"); the panel's
 * own list gives each problem. `problems` are those of the header as the file was read (with its mapping,
 * if it had one). `panelOpen`: the panel is open below; closed, the refusal names the button that opens it.
 */
export function refusedHeaderText(name: string, problems: readonly ColumnProblem[], panelOpen = true): string {
  const n = (kind: ColumnProblem['kind']) => problems.filter((p) => p.kind === kind).length;
  const parts: string[] = [];
  // None of the case columns: none of its columns is chosen, which is not said a second time.
  const none = n('no-case-columns') > 0;
  if (none) parts.push('names none of the case columns');
  const notChosen = n('unknown') + n('unnamed') + problems.reduce((s, p) => s + (p.kind === 'unlisted' ? p.count : 0), 0);
  if (notChosen && !none) parts.push(`has ${some(notChosen, 'a column', 'columns')} not chosen yet`);
  if (n('doubled')) parts.push(`has ${some(n('doubled'), 'two columns', 'pairs of columns')} read as one case column`);
  if (n('bad-target')) parts.push(`has ${some(n('bad-target'), 'a column', 'columns')} mapped to what is not a case column`);
  if (n('row-items-and-numbered')) parts.push('gives charges both one per row and numbered');
  if (n('mapped-column-absent')) parts.push(`lacks ${some(n('mapped-column-absent'), 'a column', 'columns')} the mapping reads`);
  if (n('required')) parts.push(`has no column for ${some(n('required'), 'a case column', 'case columns')} every case needs`);
  const where = panelOpen ? 'the Map columns panel below' : 'the Map columns panel (Map columns…)';
  return `${name} was not loaded: its header ${parts.length ? listed(parts) : 'is not read as it stands'}. Map its columns in ${where}, which lists what is still to do.`;
}
