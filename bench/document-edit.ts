// Document-edit benchmark: form edits (a provision's outcome, a condition's all/any renamed, a
// provision moved) and one quick fix applied to the text of a 300-provision draft of the samples' own
// provisions, as the form and the Problems panel do on a click, beside the yaml library's parse of the
// same text; and a template insert. Each says whether it was made on the text itself or printed. Run
// with `npm run bench -- edit`.

import { parseDocument } from 'yaml';
import { applyEdits } from '../engine/document';
import { localEdit } from '../engine/document-edit';
import { sampleOrdinanceText } from './sample-ordinance';
import { alternating } from './timing';

const TEMPLATE = { id: 'new-provision', heading: 'New provision', when: { age: { under: 18 } }, outcome: 'decline' };

/** What a click may take and still feel immediate (the keystroke budget of design.md). */
const BUDGET_MS = 100;

export async function documentEditBench(): Promise<void> {
  const text = sampleOrdinanceText(300);
  const sections = (parseDocument(text).toJS() as { sections: Array<{ provisions?: Array<{ when?: object }> }> }).sections;
  const s = sections.findIndex((x) => (x.provisions?.length ?? 0) > 0);
  const last = sections[s]!.provisions!.length - 1;
  // The last provision whose condition is an all() (the condition editor's "any of these" switch).
  let group: { path: Array<string | number>; from: string; to: string } | undefined;
  sections.forEach((x, si) =>
    x.provisions?.forEach((p, pi) => {
      if (p.when && 'all' in p.when) group = { path: ['sections', si, 'provisions', pi, 'when'], from: 'all', to: 'any' };
    }),
  );
  if (!group) throw new Error('no provision of the draft has an all() condition');
  const rename = { op: 'rename' as const, ...group };
  const move = { op: 'move' as const, path: ['sections', s, 'provisions'], from: last, to: 0 };
  const insert = { op: 'insert' as const, path: ['sections', s, 'provisions'], index: 0, value: TEMPLATE };
  console.log(`\n== document edit: a ${text.split('\n').length}-line draft of 300 provisions ==`);
  const ms = await alternating(5, {
    'yaml parse': () => void parseDocument(text),
    'set an outcome': () => {
      const r = applyEdits(text, [{ op: 'set', path: ['sections', s, 'provisions', last, 'outcome'], value: 'notify' }]);
      if (!r.ok || r.edits.length !== 1) throw new Error(`the edit did not touch one line: ${r.ok ? r.edits.length : r.error}`);
    },
    'add a comment and delete a key': () => {
      const r = applyEdits(text, [
        { op: 'comment', line: 3, text: 'reviewed' },
        { op: 'delete', path: ['sections', s, 'provisions', last, 'heading'] },
      ]);
      if (!r.ok) throw new Error(r.error);
    },
    'rename all() to any()': () => {
      const r = applyEdits(text, [rename]);
      if (!r.ok || r.edits.length !== 1) throw new Error(`the edit did not touch one line: ${r.ok ? r.edits.length : r.error}`);
    },
    'move a provision to the top': () => {
      const r = applyEdits(text, [move]);
      if (!r.ok) throw new Error(r.error);
    },
    'insert a provision (template)': () => {
      const r = applyEdits(text, [insert]);
      if (!r.ok) throw new Error(r.error);
    },
  });
  const local = (op: Parameters<typeof localEdit>[1]) => (localEdit(text, op) !== undefined ? 'local' : 'printed');
  const how: Record<string, string> = {
    'set an outcome': local({ op: 'set', path: ['sections', s, 'provisions', last, 'outcome'], value: 'notify' }),
    'add a comment and delete a key': local({ op: 'delete', path: ['sections', s, 'provisions', last, 'heading'] }),
    'rename all() to any()': local(rename),
    'move a provision to the top': local(move),
    'insert a provision (template)': local(insert),
  };
  console.log(`CPU time, median of 5 alternating passes after a warm-up each`);
  const parse = ms['yaml parse']!;
  console.log(`yaml library parse (the limit)     ${parse.toFixed(1)} ms`);
  for (const what of Object.keys(how)) {
    const t = ms[what]!;
    console.log(
      `${what.padEnd(34)} ${t.toFixed(1).padStart(6)} ms   ${(t / parse).toFixed(2)}x the parse   ${how[what]!.padEnd(7)}   budget <= ${BUDGET_MS} ms: ${t <= BUDGET_MS ? 'met' : 'NOT met'}`,
    );
  }
  console.log('local = the edit made on the text itself (only the lines it touches); printed = the whole document rebuilt and printed');
}
