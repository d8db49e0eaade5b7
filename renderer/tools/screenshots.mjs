// Takes the screenshots in docs/screenshots/ from the real app (the browser build in Chromium):
// `npm run screenshots`. Documents are opened and edited the way the end-to-end tests do it.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, eventCount, startWebServer, waitForEvent } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = path.join(root, 'docs/screenshots');
const port = Number(process.env.SCREENSHOT_PORT ?? 4327);
mkdirSync(outDir, { recursive: true });

const { address, server } = await startWebServer(port);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

async function freshPage(theme = 'light') {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: theme });
  const page = await context.newPage();
  await page.addInitScript((t) => localStorage.setItem('detainer-studio.theme', t), theme);
  await page.goto(`${address}?e2e`);
  // A new document opens in the Form; the pictures show the sample in the YAML editor unless they say otherwise.
  await waitForEvent(page, 'document-editable');
  await page.getByRole('tab', { name: 'YAML' }).click();
  await waitForEvent(page, 'editor-ready');
  const since = await eventCount(page);
  await page.getByLabel('Open a sample ordinance').selectOption({ label: 'An Act Concerning Civil Immigration Detainers' });
  await waitForEvent(page, 'analysis-applied', {}, since);
  return page;
}

async function setText(page, text) {
  const since = await eventCount(page);
  const version = await page.evaluate((t) => window.__detainerStudio.setText(t), text);
  await waitForEvent(page, 'analysis-applied', { version }, since);
}

/** Gives the right-hand view the room a committee member would: outline hidden, editor narrowed. */
async function widenRight(page) {
  await page.getByRole('button', { name: 'Outline' }).click();
  await page.getByRole('separator', { name: /Resize/ }).focus();
  for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowLeft');
}

async function shoot(page, name) {
  // Let fonts and the last frame settle before the picture.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: path.join(outDir, name) });
  process.stdout.write(`docs/screenshots/${name}\n`);
}

const sample = readFileSync(path.join(root, 'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml'), 'utf8');

try {
  // 0. A new document: the Form with "Start from…" (a blank ordinance, the seed policies, the enacted samples).
  {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${address}?e2e`);
    await waitForEvent(page, 'document-editable');
    await page.getByRole('heading', { name: 'Enacted ordinances and policies' }).waitFor();
    await shoot(page, 'start.png');
    await context.close();
  }

  // 1. The editor with the engine's problems: a mistyped defined term and a maximum on a non-hold.
  {
    const page = await freshPage();
    const broken = sample
      .replace('conviction: { term: felony }', 'conviction: { term: felonny }')
      .replace(
        '        when: { record: gangDatabase }\n        outcome: hold',
        '        when: { record: gangDatabase }\n        outcome: notify',
      );
    await setText(page, broken);
    const line = broken.split('\n').findIndex((l) => l.includes('felonny')) + 1;
    await page.evaluate((l) => window.__detainerStudio.insertAt(l, 1, ''), line);
    await page.getByRole('list', { name: 'Problems' }).getByRole('button').first().click();
    await page.keyboard.press('Control+k');
    await page.keyboard.press('Control+i');
    await page.waitForSelector('.monaco-hover', { state: 'visible' }).catch(() => {});
    await shoot(page, 'editor-problems.png');
    await page.context().close();
  }

  // 1b. The legal lint: a finding opened in the Problems panel (explanation, authority, quick fixes)
  //     and the same fixes offered on its squiggle.
  {
    const page = await freshPage();
    // The sample silences, with its reasons, the findings of the law made after 2014: the picture shows the statute's text without them.
    await setText(page, sample.replace(/\n# The sample reproduces[^]*?\nsuppress:\n(?: {2}.*\n| {4}.*\n)*\n/, '\n'));
    const problems = page.getByRole('list', { name: 'Problems' });
    const finding = problems.getByRole('button', { name: /gang-member.*without a judicial warrant/ }).first();
    await finding.click();
    await finding.evaluate((el) => el.scrollIntoView({ block: 'nearest' }));
    const marker = (await page.evaluate(() => window.__detainerStudio.markers())).find((m) =>
      /gang-member.*without a judicial warrant/.test(m.message),
    );
    await page.evaluate(([l, c]) => window.__detainerStudio.setCursor(l, c), [marker.line, marker.column + 1]);
    await page.keyboard.press('Control+Period');
    // The picture is the opened finding with its fixes; the editor's menu of the same fixes is shown when it opens in time.
    await page
      .getByRole('option', { name: /Require a judicial warrant/ })
      .waitFor({ timeout: 10_000 })
      .catch(() => console.warn('legal-findings.png: the code-action menu did not open; the picture shows the Problems panel'));
    await shoot(page, 'legal-findings.png');
    await page.context().close();
  }

  // 2. The form: a provision added from a template, its condition pickers in view.
  {
    const page = await freshPage();
    await page.getByRole('tab', { name: 'Form' }).click();
    const form = page.getByRole('region', { name: 'Form' });
    await form
      .getByLabel('Provision template')
      .selectOption({ label: 'Hold after a 1st/2nd-degree violent felony conviction, with a judicial warrant' });
    await form.getByLabel('Position in the section').selectOption({ label: 'At the top (read first)' });
    const since = await eventCount(page);
    await form.getByRole('button', { name: 'Add provision' }).click();
    await waitForEvent(page, 'analysis-applied', {}, since);
    await page.getByRole('listitem', { name: /violent-felony-judicial-warrant/ }).scrollIntoViewIfNeeded();
    await page.getByRole('listitem', { name: /violent-felony-judicial-warrant/ }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await form.evaluate((el) => (el.scrollTop -= 60));
    await shoot(page, 'form.png');
    await page.context().close();
  }

  // 3. The preview: an author's wording (the TRUST Act's gang-member ground) beside the generated reading.
  {
    const page = await freshPage();
    const clause = page.getByRole('article').locator('[data-provision="gang-member"]');
    await clause.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shoot(page, 'preview.png');
    await page.context().close();
  }

  // 3b. The decision table of the sample, one row's facts in full.
  {
    const page = await freshPage();
    await widenRight(page);
    const since = await eventCount(page);
    await page.getByRole('tab', { name: 'Decision table' }).click();
    await waitForEvent(page, 'decision-table-rendered', {}, since);
    const row = page.getByRole('grid', { name: 'Decision table rows' }).getByRole('row').nth(10);
    await row.getByRole('gridcell').first().click();
    await page.getByRole('complementary', { name: /^Row \d+ of the decision table$/ }).waitFor();
    await shoot(page, 'decision-table.png');
    await page.context().close();
  }

  // 3c. What separates the sample from another draft: the smallest cases, explained side by side.
  {
    const page = await freshPage();
    await widenRight(page);
    await page.getByRole('tab', { name: 'Drafts' }).click();
    const since = await eventCount(page);
    await page.getByLabel('Find the cases that separate this draft from').selectOption({ label: 'Sample: Welcoming City Ordinance' });
    await waitForEvent(page, 'difference-rendered', {}, since);
    // Scroll the pane only: scrollIntoView would move the whole window too.
    await page.getByRole('listitem', { name: /^2\. A: / }).evaluate((el) => {
      const pane = el.closest('.pane-body');
      pane.scrollTop += el.getBoundingClientRect().top - pane.getBoundingClientRect().top - 8;
    });
    await shoot(page, 'drafts.png');
    await page.context().close();
  }

  // 4. The simulation of 10,000 synthetic cases, one case explained.
  for (const theme of ['light', 'dark']) {
    const page = await freshPage(theme);
    await widenRight(page);
    await page.getByRole('tab', { name: 'Simulation' }).click();
    const since = await eventCount(page);
    await page.getByLabel('Case set', { exact: true }).selectOption({ label: 'Synthetic: 10,000 cases (seed 2012)' });
    await waitForEvent(page, 'simulation-rendered', { total: 10000 }, since);
    if (theme === 'light') {
      await shoot(page, 'simulation.png');
      await page.getByLabel('Outcome', { exact: true }).selectOption({ label: 'Hold' });
      const before = await eventCount(page);
      await page.getByRole('grid', { name: 'Cases and their decisions' }).getByRole('row').nth(2).click();
      await waitForEvent(page, 'explanation-shown', {}, before);
      await page.getByRole('complementary', { name: /^Explanation of case / }).waitFor();
      await shoot(page, 'explanation.png');
    } else {
      await shoot(page, 'simulation-dark.png');
    }
    await page.context().close();
  }

  // 5. The comparison with honoring every detainer.
  {
    const page = await freshPage();
    await widenRight(page);
    await page.getByRole('tab', { name: 'Comparison' }).click();
    const since = await eventCount(page);
    await page.getByLabel('Case set', { exact: true }).selectOption({ label: 'Synthetic: 10,000 cases (seed 2012)' });
    await waitForEvent(page, 'comparison-rendered', {}, since);
    await shoot(page, 'comparison.png');
    await page.context().close();
  }
} finally {
  await browser.close();
  server.kill();
}
