// What the window loads as a chunk of its own, fetched beside the app's first script (a modulepreload
// in index.html) and taken up when it arrives: Monaco with the ordinance editor, its quick fixes and
// the test hook that drives it. The frame, the form and the panes paint without waiting for it.

export { EditorSession } from './editor-session';
export { registerQuickFixes } from './quick-fixes';
export { installTestHook } from '../testing/test-hook';
