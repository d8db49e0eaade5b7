// Monaco, bundled with only what the ordinance editor uses: the YAML language (tokens from Monaco,
// completion, hover, symbols and formatting from monaco-yaml, driven by the ordinance schema) and
// the editor features people expect (find/replace, folding, outline, format, go to problem).
import * as monacoApi from 'monaco-editor/editor/editor.api';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget';
import 'monaco-editor/editor/common/standaloneStrings';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon-modifiers.css';
import 'monaco-editor/features/find/register';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/format/browser/formatActions';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2';
import 'monaco-editor/editor/contrib/documentSymbols/browser/documentSymbols';
import 'monaco-editor/editor/standalone/browser/quickAccess/standaloneGotoSymbolQuickAccess';
import 'monaco-editor/editor/standalone/browser/quickAccess/standaloneGotoLineQuickAccess';
import 'monaco-editor/editor/standalone/browser/quickAccess/standaloneCommandsQuickAccess';
import 'monaco-editor/editor/standalone/browser/quickAccess/standaloneHelpQuickAccess';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/contrib/codeAction/browser/codeActionContributions';
import 'monaco-editor/editor/contrib/gotoError/browser/markerSelectionStatus';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/comment/browser/comment';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/indentation/browser/indentation';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter';
import 'monaco-editor/editor/contrib/smartSelect/browser/smartSelect';
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor';
import 'monaco-editor/editor/contrib/stickyScroll/browser/stickyScrollContribution';
import 'monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode';
import 'monaco-editor/languages/definitions/yaml/register';
import { configureMonacoYaml } from 'monaco-yaml';
import ordinanceSchema from '../../../policy-schemas/ordinance.schema.json';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import YamlWorker from './yaml.worker?worker';
import { legacyCreateWebWorker } from './legacy-web-worker';
import { schemaCompletion } from './provision-completion';

export const monaco = monacoApi;

function startWorker(label: string): Worker {
  return label === 'yaml' ? new YamlWorker() : new EditorWorker();
}

(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker: (_moduleId: string, label: string) => startWorker(label),
};

/**
 * Where ordinance models live. Samples start with `# yaml-language-server: $schema=../../policy-schemas/...`;
 * the YAML worker resolves that against the model's address, so models sit two folders below a root
 * that holds the schema under the same name, and the schema is registered at every address it is
 * likely to be referred to by.
 */
export const MODEL_ROOT = 'file:///workspace';
export function modelUri(fileName: string, instance: number): monacoApi.Uri {
  const safe = fileName.replace(/[^A-Za-z0-9._-]+/g, '-') || 'ordinance.yaml';
  // The instance goes in the query: the editor's problem reader shows the file name as the person knows it.
  return monacoApi.Uri.parse(`${MODEL_ROOT}/samples/ordinances/${safe}?${instance}`);
}

const schemaAddresses = [
  `${MODEL_ROOT}/policy-schemas/ordinance.schema.json`,
  `${MODEL_ROOT}/samples/policy-schemas/ordinance.schema.json`,
  `${MODEL_ROOT}/samples/ordinances/ordinance.schema.json`,
  String((ordinanceSchema as { $id?: string }).$id ?? 'https://detainer-studio.local/schemas/ordinance.schema.json'),
];

type CompletionProvider = monacoApi.languages.CompletionItemProvider;

/**
 * The YAML worker's completion, corrected where the schema can't say enough: inside a provision it
 * offers every provision type's fields (the schema is one object for all types), and after `maxHold:`
 * nothing of the mapping it takes. There schemaCompletion's suggestions replace the worker's.
 */
function withProvisionFields(provider: CompletionProvider): CompletionProvider {
  return {
    ...provider,
    provideCompletionItems: async (model, position, context, token) => {
      const ours = schemaCompletion(model.getLinesContent(), position.lineNumber, position.column);
      if (!ours) return provider.provideCompletionItems(model, position, context, token);
      const { drop } = ours;
      const list = drop === 'all' ? undefined : await provider.provideCompletionItems(model, position, context, token);
      const kept = (list?.suggestions ?? []).filter(
        (item) => drop !== 'all' && !drop.has(typeof item.label === 'string' ? item.label : item.label.label),
      );
      const rules = monacoApi.languages.CompletionItemInsertTextRule;
      const added = ours.suggestions.map((s) => ({
        label: s.label,
        kind: drop === 'all' ? monacoApi.languages.CompletionItemKind.Snippet : monacoApi.languages.CompletionItemKind.Property,
        insertText: s.insertText,
        // Each line's indentation is written out: the editor must not add the line's own again.
        insertTextRules: rules.InsertAsSnippet | rules.KeepWhitespace,
        detail: s.detail,
        documentation: s.documentation,
        sortText: s.sortText,
        range: new monacoApi.Range(position.lineNumber, s.startColumn, position.lineNumber, s.endColumn),
      }));
      return { ...list, suggestions: [...kept, ...added] };
    },
  };
}

configureMonacoYaml(
  {
    ...monacoApi,
    editor: { ...monacoApi.editor, createWebWorker: legacyCreateWebWorker(startWorker) },
    languages: {
      ...monacoApi.languages,
      registerCompletionItemProvider: (language: string, provider: CompletionProvider) =>
        monacoApi.languages.registerCompletionItemProvider(language, withProvisionFields(provider)),
    },
  } as unknown as Parameters<typeof configureMonacoYaml>[0],
  {
    enableSchemaRequest: false,
    // The engine is the authority on errors: its diagnostics are the squiggles. The YAML worker only
    // completes, explains (hover) and formats.
    validate: false,
    completion: true,
    hover: true,
    format: { enable: true, printWidth: 120, proseWrap: 'preserve', singleQuote: false, bracketSpacing: true },
    schemas: schemaAddresses.map((uri, i) => ({
      uri,
      fileMatch: i === 0 ? ['*'] : [],
      schema: ordinanceSchema as object,
    })),
  },
);
