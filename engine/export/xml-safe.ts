// Text any XML or HTML document may carry: the one character check every export (and the Markdown
// text) makes, apart from the page shell so it loads without the typefaces.

/** Characters XML 1.0 forbids (C0 controls other than tab, newline and return, and lone surrogates). */
const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces characters that no XML or HTML document may carry with U+FFFD, so they show rather than break the file. */
export function xmlSafe(text: string): string {
  return text.replace(XML_FORBIDDEN, '\uFFFD');
}
