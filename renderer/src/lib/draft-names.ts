// How the views name the draft compared with this one: by its title and file, or, where it has this
// draft's title and version (a draft and its edited copy), by its file alone, said to be the same title.

export interface ComparedDraft {
  title: string;
  /** The file it was read from. */
  name: string;
  ordinance: { version?: string };
}

/** This draft's title and version (null while there is no draft without errors). */
export type ThisDraft = { title: string; version?: string } | null;

export function sameTitleAndVersion(other: ComparedDraft, mine: ThisDraft): boolean {
  return mine !== null && other.title === mine.title && (other.ordinance.version ?? '') === (mine.version ?? '');
}

/** "Safe City Ordinance (northampton.yaml)"; "the file ct.yaml, of the same title and version" when that is all that differs. */
export function otherDraftLabel(other: ComparedDraft, mine: ThisDraft): string {
  return sameTitleAndVersion(other, mine) ? `the file ${other.name}, of the same title and version` : `${other.title} (${other.name})`;
}

/** The other draft's short name, after "Draft B:": its title, or its file where the titles and versions are the same. */
export function otherDraftTitle(other: ComparedDraft, mine: ThisDraft): string {
  return sameTitleAndVersion(other, mine) ? `the file ${other.name}` : other.title;
}
