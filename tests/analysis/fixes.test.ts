// Quick fixes are document edits in the one vocabulary the form uses (engine/document-edit.ts): they
// change only the entries they touch, produce valid documents, and reach the editor as one text edit
// that gives the same result.

import { describe, expect, it } from 'vitest';
import { applyQuickFix, checkDocument, quickFixTextEdit, type QuickFix, type TextEdit } from '../../engine/analysis/index';
import { applyTextEdits } from '../../engine/document';
import { allOrdinanceFiles, readRepoFile } from './helpers';

const applyTextEdit = (text: string, e: TextEdit) => applyTextEdits(text, [e]);

const text = `# A note the drafters keep.
title: Test   # inline comment kept
jurisdiction: { name: Test City, state: CT }
sections:
  - heading: Detainers
    provisions:
      - id: first
        when: { any: [{ record: gangDatabase }, { judicialWarrant: true }] }
        outcome: notify
      # a comment between provisions
      - id: second
        when:
          all:
            - record: finalRemovalOrder
            - judicialWarrant: true
        outcome: decline
otherwise: decline
`;

describe('document edits', () => {
  it('sets a value in place, keeping everything else', () => {
    const out = applyQuickFix(text, {
      title: 't',
      edits: [{ op: 'set', path: ['sections', 0, 'provisions', 1, 'outcome'], value: 'notify' }],
    });
    expect(out).toBe(text.replace('outcome: decline\notherwise', 'outcome: notify\notherwise'));
  });

  it('removes an item of an inline list, keeping the list inline', () => {
    const out = applyQuickFix(text, { title: 't', edits: [{ op: 'delete', path: ['sections', 0, 'provisions', 0, 'when', 'any', 1] }] });
    expect(out).toBe(
      text.replace('when: { any: [{ record: gangDatabase }, { judicialWarrant: true }] }', 'when: { any: [{ record: gangDatabase }] }'),
    );
  });

  it('removes an item of a block list with its lines', () => {
    const out = applyQuickFix(text, { title: 't', edits: [{ op: 'delete', path: ['sections', 0, 'provisions', 1, 'when', 'all', 0] }] });
    expect(out).toBe(text.replace('            - record: finalRemovalOrder\n', ''));
  });

  it('inserts list items and new keys at the right indentation', () => {
    const out = applyQuickFix(text, {
      title: 't',
      edits: [
        {
          op: 'insert',
          path: ['sections', 0, 'provisions'],
          index: 0,
          value: { id: 'zero', when: { age: { under: 18 } }, outcome: 'decline' },
        },
        { op: 'set', path: ['sections', 0, 'provisions', 1, 'heading'], value: 'First' },
        { op: 'insert', path: ['findings'], index: 0, value: { text: 'a finding', aims: 'public-trust' } },
      ],
    });
    expect(out).toContain(
      '    provisions:\n      - id: zero\n        when:\n          age: { under: 18 }\n        outcome: decline\n      - id: first\n',
    );
    expect(out).toContain('        outcome: notify\n        heading: First\n      # a comment between provisions\n');
    expect(out).toContain('otherwise: decline\nfindings:\n  - text: a finding\n    aims: public-trust\n');
    expect(out.startsWith('# A note the drafters keep.\ntitle: Test   # inline comment kept\n')).toBe(true);
    expect(checkDocument(out).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('moves a provision with the comment above it', () => {
    const fix: QuickFix = { title: 't', edits: [{ op: 'move', path: ['sections', 0, 'provisions'], from: 1, to: 0 }] };
    const out = applyQuickFix(text, fix);
    expect(out.indexOf('# a comment between provisions\n      - id: second')).toBeLessThan(out.indexOf('id: first'));
    expect(out.split('\n').sort()).toEqual(text.split('\n').sort());
    expect(checkDocument(out).ordinance?.sections[0]!.provisions!.map((p) => p.id)).toEqual(['second', 'first']);
  });

  it('adds a comment line above a line, indented like it', () => {
    const out = applyQuickFix(text, {
      title: 't',
      edits: [{ op: 'comment', line: 11, text: 'lint-ignore no-minimum-age: none are booked here' }],
    });
    expect(out.split('\n')[10]).toBe('      # lint-ignore no-minimum-age: none are booked here');
  });

  it('leaves alone what is not there, and refuses text it cannot read', () => {
    expect(applyQuickFix(text, { title: 't', edits: [{ op: 'delete', path: ['sections', 0, 'provisions', 5] }] })).toBe(text);
    expect(() => applyQuickFix('title: [', { title: 't', edits: [{ op: 'set', path: ['title'], value: 'x' }] })).toThrow(/syntax/);
  });
});

describe('every quick fix on the samples and fixtures', () => {
  for (const file of allOrdinanceFiles()) {
    it(`${file}: gives a valid document, and the same as one text edit`, () => {
      const source = readRepoFile(file);
      const fixes = checkDocument(source).diagnostics.flatMap((d) => d.fixes ?? []);
      for (const fix of fixes) {
        const out = applyQuickFix(source, fix);
        expect(
          checkDocument(out).diagnostics.filter((d) => d.severity === 'error'),
          fix.title,
        ).toEqual([]);
        expect(applyTextEdit(source, quickFixTextEdit(source, fix))).toBe(out);
        // Lines the fix does not touch are kept verbatim, comments included.
        for (const line of source.split('\n').filter((l) => l.trimStart().startsWith('#'))) expect(out).toContain(line);
      }
    });
  }
});
