// The lint codes that state a legal finding, which the labelled policy sets compare with their labels.
export const LAW_CODES: ReadonlySet<string> = new Set([
  'hold-without-judicial-warrant',
  'hold-exceeds-federal-maximum',
  'hold-exceeds-request',
  'state-requires-honoring-detainers',
  'state-bars-holds',
  'state-limits-notification',
  'state-law-uncertain',
  'state-protects-status-information',
  'state-requires-287g',
  'state-bars-287g',
]);

/** Findings about the whole document (not a provision) have no provision in the labels. */
export const DOCUMENT_CODES: ReadonlySet<string> = new Set(['state-protects-status-information', 'state-requires-287g', 'state-bars-287g']);
