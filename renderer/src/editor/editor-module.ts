// What the window loads as a chunk of its own when the YAML view is first shown (or when the window
// is idle after the document became editable): Monaco with the ordinance editor and its quick fixes.
// The frame, the form and the panes never wait for it.

export { EditorSession } from './editor-session';
export { registerQuickFixes } from './quick-fixes';
