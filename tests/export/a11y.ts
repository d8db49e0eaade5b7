// An accessibility check of exported HTML for headings and landmarks, run in a real Chromium page:
// a lang attribute, one h1, no skipped heading levels, one main landmark, labelled charts and
// sections, headers on table columns, no script and no fetch.

import type { Page } from '@playwright/test';

/** Runs in the page: returns one message per problem. */
function auditInPage(): string[] {
  const problems: string[] = [];
  const doc = document;
  if (!doc.documentElement.getAttribute('lang')) problems.push('the html element has no lang attribute');
  if (!doc.title.trim()) problems.push('the document has no title');
  const headings = [...doc.querySelectorAll('h1, h2, h3, h4, h5, h6')] as HTMLElement[];
  const h1s = headings.filter((h) => h.tagName === 'H1');
  if (h1s.length !== 1) problems.push(`expected one h1, found ${h1s.length}`);
  let previous = 0;
  for (const h of headings) {
    const level = Number(h.tagName[1]);
    if (previous === 0 && level !== 1) problems.push(`the first heading is h${level}, not h1`);
    if (previous > 0 && level > previous + 1)
      problems.push(`heading level skipped: h${previous} then h${level} ("${h.textContent?.trim().slice(0, 40)}")`);
    if (!h.textContent?.trim()) problems.push(`an empty h${level}`);
    previous = level;
  }
  const mains = doc.querySelectorAll('main, [role="main"]');
  if (mains.length !== 1) problems.push(`expected one main landmark, found ${mains.length}`);
  const banner = [...doc.querySelectorAll('header')].filter((e) => !e.closest('main, section, article, aside, nav'));
  if (banner.length !== 1) problems.push(`expected one page header (banner), found ${banner.length}`);
  const contentinfo = [...doc.querySelectorAll('footer')].filter((e) => !e.closest('main, section, article, aside, nav'));
  if (contentinfo.length !== 1) problems.push(`expected one page footer (contentinfo), found ${contentinfo.length}`);
  const text = (id: string) => doc.getElementById(id)?.textContent?.trim() ?? '';
  for (const svg of doc.querySelectorAll('svg')) {
    if (svg.getAttribute('role') !== 'img') problems.push('an svg chart without role="img"');
    const label =
      svg.getAttribute('aria-label') ?? (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean).map(text).join(' ');
    if (!label.trim()) problems.push('an svg chart without an accessible name');
  }
  for (const img of doc.querySelectorAll('img')) if (!img.hasAttribute('alt')) problems.push('an img without alt');
  for (const el of doc.querySelectorAll('[aria-labelledby]')) {
    for (const id of (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) {
      if (!text(id)) problems.push(`aria-labelledby="${id}" names nothing`);
    }
  }
  for (const th of doc.querySelectorAll('thead th')) if (!th.getAttribute('scope')) problems.push('a column header without scope');
  const ids = [...doc.querySelectorAll('[id]')].map((e) => e.id);
  const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dup.length) problems.push(`duplicate ids: ${[...new Set(dup)].join(', ')}`);
  if (doc.scripts.length) problems.push(`${doc.scripts.length} script elements`);
  return problems;
}

/** Loads the HTML into the page and audits it; any attempt to fetch something is a problem too. */
export async function auditHtml(page: Page, html: string): Promise<string[]> {
  const fetched: string[] = [];
  const onRequest = (request: { url(): string }) => fetched.push(request.url());
  page.on('request', onRequest);
  // Nothing may leave the machine: every request is refused, and noted.
  await page.route('**/*', (route) => route.abort());
  try {
    await page.setContent(html, { waitUntil: 'load' });
    const problems = await page.evaluate(auditInPage);
    return [...problems, ...fetched.map((u) => `fetched ${u}`)];
  } finally {
    page.off('request', onRequest);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  }
}
