// The document as data for the form before the engine's worker has answered: the same reading of the
// YAML the worker makes (parseSource, as checkDocument does), done on the window's own thread, so a new
// or just-opened document shows its fields without waiting for the worker's script and first check.
// The worker's answer replaces it as soon as it arrives (with the findings, the printed text and the
// citations, which only the worker works out).

import { parseSource } from '../../../engine/document';

/** Larger documents wait for the worker: reading them here would hold up the window. */
export const MAX_WINDOW_READ_CHARS = 100_000;

/** The document's top-level mapping, or null when it is not one (or too large to read here). */
export function documentData(text: string): Record<string, unknown> | null {
  if (text.length > MAX_WINDOW_READ_CHARS) return null;
  const value = parseSource(text, 'ordinance').value;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** What the form draws: the document's data, and whether it is the text as it was at the last check. */
export interface FormSource {
  data: Record<string, unknown> | null;
  /**
   * The data is the engine's last answer, for a text since changed that the window could not read
   * itself (over MAX_WINDOW_READ_CHARS, or not a mapping): the form must say so, not pass it off as now.
   */
  asOfLastCheck: boolean;
}

/**
 * The form's data: the engine's answer for the text as it is now; else the text read here; else, for
 * a text too large (or unreadable) to read here, the last answer, marked as of the last check.
 */
export function formSource(
  answer: { version: number; data: Record<string, unknown> | null } | null,
  version: number,
  windowData: Record<string, unknown> | null,
): FormSource {
  if (answer && answer.version === version) return { data: answer.data, asOfLastCheck: false };
  if (windowData) return { data: windowData, asOfLastCheck: false };
  return { data: answer?.data ?? null, asOfLastCheck: !!answer?.data };
}
