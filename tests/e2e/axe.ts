// Accessibility checks with axe (WCAG 2 A and AA) for the end-to-end specs: each violation as one
// line naming the view, the rule and the first elements.
//
// One axe.run in the page (axe's "legacy" mode, which still checks same-origin frames through axe's own
// messaging), not the default partial runs, which finish in a new blank page: the same rules over the
// same elements, with the same violations, in about a third of the time (YAML view with a sample, one
// after the other on the same page, machine under load: 9.2 and 11.8 s against 33.6 and 22.5 s).
// axe's source (about 550 kB) goes into the page once, not twice for every sweep, when the page has no
// frames of its own; a navigation or reload drops it and the next sweep sends it again.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** What the builder sends instead of axe's source when the page already has it (a comment: runs nothing). */
const ALREADY_IN_PAGE = '/* axe-core is already in the page */';

export async function axeViolations(page: Page, what: string): Promise<string[]> {
  const injected =
    page.frames().length === 1 &&
    (await page.evaluate(() => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === 'function'));
  const result = await new AxeBuilder(injected ? { page, axeSource: ALREADY_IN_PAGE } : { page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // Monaco's own editor surface is a third-party widget with its own accessibility mode (Alt+F1).
    .exclude('.monaco-editor')
    .setLegacyMode(true)
    .analyze();
  return result.violations.map(
    (v) =>
      `${what}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
}
