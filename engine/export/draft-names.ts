// Telling two drafts apart where an export names them: by title and version, and where both are the
// same (a draft and its edited copy), by the files they were read from.

export interface NamedDraft {
  title: string;
  version: string;
  /** The file the draft was read from (its base name), when known. */
  name?: string;
}

/**
 * What to add to each draft's name when their titles and versions coincide: their file names when
 * they differ, else `fallback` (null: no words tell them apart). Null when title or version differs.
 */
export function tellApart(
  a: NamedDraft,
  b: NamedDraft,
  fallback: readonly [string, string] | null = null,
): readonly [string, string] | null {
  if (a.title !== b.title || a.version !== b.version) return null;
  if (a.name && b.name && a.name !== b.name) return [a.name, b.name];
  return fallback;
}
