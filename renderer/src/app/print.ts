// Print (Ctrl+P): the ordinance as it is exported (the printable HTML of `detainer-studio export
// --format html`), or, while the Simulation or Comparison is shown, that view as the committee reads
// it. Never the app's window with its toolbars and editor.

import { ExportClient } from '../export/export-client';
import { printInFrame } from '../export/print-frame';
import { emit } from '../lib/app-events';
import type { Simulation } from '../simulation/use-simulation';
import type { Notice, RightView, ValidDraft } from './session';

let client: ExportClient | null = null;
let lastJob: { dispose(): void } | null = null;

/** The view printed as itself: everything else on the page is hidden while it prints. */
function printView(region: HTMLElement, what: string): void {
  document.documentElement.classList.add('printing-view');
  region.classList.add('print-target');
  const done = () => {
    document.documentElement.classList.remove('printing-view');
    region.classList.remove('print-target');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  emit('print-started', { what });
  window.print();
  // Browsers that print synchronously have already fired afterprint; others fire it later.
  setTimeout(done, 0);
}

export async function printCurrent({
  right,
  draft,
  title,
  sim,
  notify,
}: {
  right: RightView;
  draft: ValidDraft | null;
  title: string;
  sim: Simulation;
  notify: (kind: Notice['kind'], text: string) => void;
}): Promise<void> {
  if ((right === 'simulation' || right === 'compare') && sim.state.result) {
    const region = document.querySelector<HTMLElement>(right === 'simulation' ? '.committee' : '.compare');
    if (region) return printView(region, right === 'simulation' ? 'simulation' : 'comparison');
  }
  if (!draft) {
    notify('warning', 'There is nothing to print yet: the draft has errors and no earlier version without them.');
    return;
  }
  client ??= new ExportClient();
  try {
    const built = await client.build({
      format: 'html',
      rendition: 'html',
      ordinance: draft.ordinance,
      scenario: {},
      cases: null,
    });
    const html = typeof built.data === 'string' ? built.data : (built.printHtml ?? '');
    lastJob?.dispose();
    const job = await printInFrame(html, `Print: ${draft.ordinance.title}`, document.body);
    lastJob = job;
    emit('print-started', { what: 'ordinance', title: draft.ordinance.title, version: draft.version });
    // The frame stays until the next print: some browsers print after print() returns.
    window.addEventListener('afterprint', () => job.dispose(), { once: true });
  } catch (e) {
    notify('error', `Could not print ${title}: ${(e as Error).message}`);
  }
}
