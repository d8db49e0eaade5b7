// Text any XML or HTML document may carry: the one character check every export (and the Markdown
// text) makes, apart from the page shell so it loads without the typefaces.

import { withoutInvisible } from '../text-safety';

/**
 * Characters XML 1.0 forbids (C0 controls other than tab, newline and return, U+FFFE, U+FFFF and lone
 * surrogates), and those no document here may show as they are: the C1 controls (U+0080-U+009F) and
 * the Unicode bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which
 * make a name or a clause display in another order than it reads (text-safety.ts refuses all of them
 * where an ordinance is loaded; one built in code reaches the exports without the loader).
 */
const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u0080-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Replaces characters that no XML or HTML document may carry (or show as they are) with U+FFFD, so they
 * show rather than break the file, and removes those that do not show at all (zero-width spaces and
 * joiners, the word joiner, U+FEFF, the direction marks: text-safety.ts's invisible characters, which
 * the loader warns of in an ordinance and refuses in a case id). A printed name or term is then the
 * same wherever it is printed, and never two that look alike but differ; a definition and the text that
 * uses its term lose the same characters.
 */
export function xmlSafe(text: string): string {
  return withoutInvisible(text).replace(XML_FORBIDDEN, '\uFFFD');
}
