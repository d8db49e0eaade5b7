// The ordinance as text, for the editor and the form on the UI thread: read it with every value's
// position, find where a path is, and edit it (engine/document-edit.ts). The YAML reader loads with
// it; the validators do not.

export { parseSource, rangeOf, type ParsedSource, type SourcePosition, MAX_DOCUMENT_BYTES } from './source';
export {
  applyEdits,
  applyTextEdits,
  lineEdits,
  EditError,
  type DocumentEdit,
  type TextEdit,
  type EditResult,
  type PathSegment,
} from './document-edit';
