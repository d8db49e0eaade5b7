// Accessibility checks with axe (WCAG 2 A and AA) for the end-to-end specs: each violation as one
// line naming the view, the rule and the first elements.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export async function axeViolations(page: Page, what: string): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // Monaco's own editor surface is a third-party widget with its own accessibility mode (Alt+F1).
    .exclude('.monaco-editor')
    .analyze();
  return result.violations.map(
    (v) =>
      `${what}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
}
