// The engine's quick fixes as Monaco code actions: the light bulb (or Ctrl+.) on a finding offers
// the same fixes as the Problems panel, applied as one edit of the editor's undo history.

import type { CheckedDiagnostic, QuickFix, TextEdit } from '../../../engine/index';
import type { Diagnostic } from '../../../engine/index';
import { monaco } from './monaco';

export function registerQuickFixes(
  latest: () => { version: number; diagnostics: readonly CheckedDiagnostic[] } | null,
  fixEdit: (text: string, fix: QuickFix) => Promise<TextEdit>,
  /** The engine's finding a marker shows (every marker is the engine's: the YAML worker doesn't validate). */
  findingOf: (marker: { startLineNumber: number; startColumn: number; message: string }) => Diagnostic | undefined,
): { dispose(): void } {
  return monaco.languages.registerCodeActionProvider('yaml', {
    async provideCodeActions(model, _range, context) {
      const analysis = latest();
      const ours = context.markers;
      if (!analysis || ours.length === 0) return { actions: [], dispose() {} };
      const text = model.getValue(monaco.editor.EndOfLinePreference.LF);
      const versionId = model.getVersionId();
      const actions = [];
      // Two findings on one line may offer the same fix (a judicial warrant answers both): offer it once.
      const offered = new Set<string>();
      for (const marker of ours) {
        const shown = findingOf(marker);
        const d = analysis.diagnostics.find(
          (x) =>
            shown !== undefined &&
            x.line === shown.line &&
            x.column === shown.column &&
            x.code === shown.code &&
            x.message === shown.message,
        );
        for (const [k, fix] of (d?.fixes ?? []).entries()) {
          const edit = await fixEdit(text, fix).catch(() => null);
          if (!edit || model.getVersionId() !== versionId) continue;
          const key = `${fix.title}\n${edit.startLine}:${edit.startColumn}-${edit.endLine}:${edit.endColumn}\n${edit.text}`;
          if (offered.has(key)) continue;
          offered.add(key);
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
