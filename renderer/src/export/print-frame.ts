// PDF where the host has no print-to-PDF engine (the browser build): the printable HTML goes into a
// hidden frame and the browser's own print dialog opens on it, where "Save as PDF" is a destination.
// The frame runs no script (sandboxed without allow-scripts); allow-same-origin only lets this page
// call print() on it, and allow-modals lets the print dialog open.

export interface PrintJob {
  /** The frame holding the document being printed. */
  frame: HTMLIFrameElement;
  /** Removes the frame (when the dialog closes or the next job starts). */
  dispose(): void;
}

/**
 * Prints `html` from a hidden frame placed in `container` (the open modal dialog: outside it the
 * page is inert, and focus must stay where the person left it).
 */
export function printInFrame(html: string, title: string, container: HTMLElement): Promise<PrintJob> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
    frame.title = title;
    frame.tabIndex = -1;
    frame.setAttribute('aria-hidden', 'true');
    frame.className = 'print-frame';
    // Laid out (unlike display: none), so the print engine paginates it at the paper's size.
    frame.style.cssText = 'position: fixed; right: 0; bottom: 0; width: 1px; height: 1px; border: 0; opacity: 0; pointer-events: none;';
    const dispose = () => frame.remove();
    frame.addEventListener(
      'load',
      () => {
        const view = frame.contentWindow;
        if (!view) {
          dispose();
          reject(new Error('the browser did not lay out the document for printing'));
          return;
        }
        // The document embeds its typefaces (data: URLs); print once they are decoded, or the
        // dialog could lay the pages out in a fallback font.
        const fontsReady = frame.contentDocument?.fonts?.ready ?? Promise.resolve();
        fontsReady
          .catch(() => undefined)
          .then(() => {
            view.print();
            resolve({ frame, dispose });
          })
          .catch((e: unknown) => {
            dispose();
            reject(e instanceof Error ? e : new Error(String(e)));
          });
      },
      { once: true },
    );
    frame.srcdoc = html;
    container.append(frame);
  });
}
