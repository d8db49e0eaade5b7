// The engine's quick fixes as Monaco code actions: the light bulb (or Ctrl+.) on a finding offers
// the same fixes as the Problems panel, applied as one edit of the editor's undo history.

import type { CheckedDiagnostic, QuickFix, TextEdit } from '../../../engine/index';
import { MARKER_SOURCE } from './editor-session';
import { monaco } from './monaco';

export function registerQuickFixes(
  latest: () => { version: number; diagnostics: readonly CheckedDiagnostic[] } | null,
  fixEdit: (text: string, fix: QuickFix) => Promise<TextEdit>,
): { dispose(): void } {
  return monaco.languages.registerCodeActionProvider('yaml', {
    async provideCodeActions(model, _range, context) {
      const analysis = latest();
      const ours = context.markers.filter((m) => m.source === MARKER_SOURCE);
      if (!analysis || ours.length === 0) return { actions: [], dispose() {} };
      const text = model.getValue(monaco.editor.EndOfLinePreference.LF);
      const versionId = model.getVersionId();
      const actions = [];
      for (const marker of ours) {
        const d = analysis.diagnostics.find(
          (x) =>
            x.line === marker.startLineNumber &&
            x.column === marker.startColumn &&
            x.code === (typeof marker.code === 'string' ? marker.code : marker.code?.value),
        );
        for (const [k, fix] of (d?.fixes ?? []).entries()) {
          const edit = await fixEdit(text, fix).catch(() => null);
          if (!edit || model.getVersionId() !== versionId) continue;
          actions.push({
            title: fix.title,
            kind: 'quickfix',
            diagnostics: [marker],
            isPreferred: k === 0,
            edit: {
              edits: [
                {
                  resource: model.uri,
                  versionId,
                  textEdit: {
                    range: new monaco.Range(edit.startLine, edit.startColumn, edit.endLine, edit.endColumn),
                    text: edit.text,
                  },
                },
              ],
            },
          });
        }
      }
      return { actions, dispose() {} };
    },
  });
}
