// What the Export dialog needs beside the engine's export catalog (engine/export/catalog.ts, through
// engine/vocabulary.ts): a file's size in words.

/** A file's size as people say it. */
export function describeSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
