// The ordinance as text, for the editor and the form on the UI thread: read it with every value's
// position, and find where a path is. (The YAML reader loads with it; the validators do not.)

export { parseSource, rangeOf, type ParsedSource, type SourcePosition, MAX_DOCUMENT_BYTES } from './source';
