// A column mapping: how a county's own booking export (its column names, its codes such as "F" for
// felony or "Y" for yes) is read as the documented case columns. Written as a small YAML or JSON file
// (`--mapping FILE` in the CLI) or passed as an object by the app.

import type { Diagnostic, PathSegment } from '../diagnostics';
import { parseSource } from '../source';
import { blankProblem, parseMappedTarget, parseTarget } from './columns';

export interface ColumnMapping {
  /**
   * Their column name -> the documented column it fills (`bookedAt`, `charge1.class`, ...). A group
   * field with no number (`charge.class`) reads the row's one charge (conviction, warrant): a booking
   * is then the run of rows with its id, one after another, each adding its item.
   */
  columns?: Record<string, string>;
  /**
   * Value maps, keyed by their column name, by the documented column (`charge1.class`), or by a
   * group field for every numbered group (`charge.class`): their value -> ours. A value the map does
   * not list is read as it is; matching tries the exact value first, then ignoring case.
   */
  values?: Record<string, Record<string, string | number | boolean>>;
  /**
   * What an empty cell means, keyed as `values` (their column name, our column, or a group field such
   * as `charge.bondPosted`): `unknown` (the records don't say), or a value in our terms (`no`, `yes`,
   * a date...). Without an entry an empty cell reads as the column's default (a yes/no fact: no). In a
   * numbered group it applies only when another cell of that charge, conviction or warrant is filled.
   */
  blanks?: Record<string, string | number | boolean>;
  /** Their columns left out on purpose (names, addresses...): not read, and not reported as unknown. */
  ignore?: string[];
  /**
   * The order of the export's slashed dates (`09/07/2025`, `09/07/2025 14:30`, `9/7/2025 2:30 PM`):
   * read as month/day/year or day/month/year. ISO dates are read either way.
   */
  dates?: DateOrder;
  /** What the mapping is for; not read. */
  description?: string;
}

export type DateOrder = 'month/day/year' | 'day/month/year';
export const DATE_ORDERS: readonly DateOrder[] = ['month/day/year', 'day/month/year'];

export interface LoadedMapping {
  mapping: ColumnMapping | undefined;
  diagnostics: Diagnostic[];
}

const KEYS = ['columns', 'values', 'blanks', 'ignore', 'dates', 'description'];
const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);
const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Reads a mapping file; every problem located by line and column. */
export function loadColumnMapping(text: string): LoadedMapping {
  const source = parseSource(text, 'column mapping');
  const diagnostics = source.diagnostics.slice();
  if (source.value === undefined || diagnostics.some((d) => d.severity === 'error')) return { mapping: undefined, diagnostics };
  const report = (code: string, message: string, path: PathSegment[], key = false, severity: 'error' | 'warning' = 'error') =>
    diagnostics.push({ severity, code, message, path, ...source.locate(path, key) });
  const doc = source.value;
  if (!isMap(doc)) {
    report('not-a-mapping', 'a column mapping is a set of keys: columns, values, ignore', []);
    return { mapping: undefined, diagnostics };
  }
  for (const key of Object.keys(doc))
    if (!KEYS.includes(key)) report('unknown-key', `unknown key "${key}"; a mapping has ${KEYS.join(', ')}`, [key], true);
  const mapping: ColumnMapping = {};

  if (doc.columns !== undefined) {
    if (!isMap(doc.columns)) report('wrong-type', '"columns" is a set of "their column: our column" pairs', ['columns']);
    else {
      const columns: Record<string, string> = {};
      for (const theirs of Object.keys(doc.columns)) {
        const ours = doc.columns[theirs];
        if (typeof ours !== 'string') {
          report('wrong-type', `"${theirs}" must map to a column name such as bookedAt or charge1.class`, ['columns', theirs]);
          continue;
        }
        // A group field without a number (charge.class) reads one charge (conviction, warrant) per row.
        const meaning = parseMappedTarget(ours);
        if (typeof meaning === 'string') report('unknown-column', meaning, ['columns', theirs]);
        Object.defineProperty(columns, theirs, { value: ours, enumerable: true, writable: true, configurable: true });
      }
      mapping.columns = columns;
    }
  }

  if (doc.values !== undefined) {
    if (!isMap(doc.values)) report('wrong-type', '"values" is a set of "column: { their value: our value }" maps', ['values']);
    else {
      const values: Record<string, Record<string, string | number | boolean>> = {};
      for (const column of Object.keys(doc.values)) {
        const map = doc.values[column];
        if (!isMap(map)) {
          report('wrong-type', `the values of "${column}" must be a set of "their value: our value" pairs`, ['values', column]);
          continue;
        }
        const clean: Record<string, string | number | boolean> = {};
        for (const from of Object.keys(map)) {
          const to = map[from];
          if (typeof to !== 'string' && typeof to !== 'number' && typeof to !== 'boolean') {
            report('wrong-type', `"${from}" must map to a single value (text, a number, true or false)`, ['values', column, from]);
            continue;
          }
          Object.defineProperty(clean, from, { value: to, enumerable: true, writable: true, configurable: true });
        }
        const known =
          (mapping.columns && own(mapping.columns, column)) ||
          typeof parseTarget(column) !== 'string' ||
          /^(charge|conviction|warrant)\.[A-Za-z]+$/.test(column);
        if (!known)
          report(
            'values-for-unmapped-column',
            `no column is mapped from or to "${column}"; these values apply only if the file has a column of that name`,
            ['values', column],
            true,
            'warning',
          );
        Object.defineProperty(values, column, { value: clean, enumerable: true, writable: true, configurable: true });
      }
      mapping.values = values;
    }
  }

  if (doc.blanks !== undefined) {
    if (!isMap(doc.blanks))
      report('wrong-type', '"blanks" is a set of "column: what an empty cell means" pairs (unknown, no, ...)', ['blanks']);
    else {
      const blanks: Record<string, string | number | boolean> = {};
      for (const column of Object.keys(doc.blanks)) {
        const to = doc.blanks[column];
        if (typeof to !== 'string' && typeof to !== 'number' && typeof to !== 'boolean') {
          report('wrong-type', `an empty "${column}" must mean a single value: unknown, or a value such as no`, ['blanks', column]);
          continue;
        }
        // The column it fills, when the mapping or the name says: a blank it can't take is refused here.
        const target = mapping.columns && own(mapping.columns, column) ? mapping.columns[column]! : column;
        const wrong = blankProblem(target, String(to));
        if (wrong) report('wrong-value', wrong, ['blanks', column]);
        else if (
          !(mapping.columns && own(mapping.columns, column)) &&
          typeof parseTarget(column) === 'string' &&
          !/^(charge|conviction|warrant)\.[A-Za-z]+$/.test(column)
        )
          report(
            'blanks-for-unmapped-column',
            `no column is mapped from or to "${column}"; this applies only if the file has a column of that name`,
            ['blanks', column],
            true,
            'warning',
          );
        Object.defineProperty(blanks, column, { value: to, enumerable: true, writable: true, configurable: true });
      }
      mapping.blanks = blanks;
    }
  }

  if (doc.ignore !== undefined) {
    if (!Array.isArray(doc.ignore)) report('wrong-type', '"ignore" is a list of column names', ['ignore']);
    else {
      mapping.ignore = [];
      doc.ignore.forEach((name, i) => {
        if (typeof name === 'string' || typeof name === 'number') mapping.ignore!.push(String(name));
        else report('wrong-type', 'a column name is text', ['ignore', i]);
      });
    }
  }
  if (doc.dates !== undefined) {
    if (typeof doc.dates === 'string' && (DATE_ORDERS as readonly string[]).includes(doc.dates)) mapping.dates = doc.dates as DateOrder;
    else
      report('wrong-value', `"dates" is ${DATE_ORDERS.map((d) => `"${d}"`).join(' or ')}: the order of the export's slashed dates`, [
        'dates',
      ]);
  }
  if (doc.description !== undefined) mapping.description = String(doc.description);
  const ok = diagnostics.every((d) => d.severity !== 'error');
  return { mapping: ok ? mapping : undefined, diagnostics };
}
