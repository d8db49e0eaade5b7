// Charts as inline SVG for reports: no script, no external resources, labelled for screen readers
// (role="img" with a title and a description), numbers printed on the bars so color is never the only cue.

import { SANS } from './fonts';
import { escapeHtml } from './html';

export interface BarSeries {
  name: string;
  color: string;
  /** One value per category. */
  values: number[];
}

export interface BarChart {
  id: string;
  title: string;
  /** A sentence that says what the chart shows, for readers who can't see it. */
  description: string;
  categories: string[];
  series: BarSeries[];
  /** Formats a value for its label. */
  format?: (n: number) => string;
}

/** Labels in the shipped sans-serif, which the page embedding the chart loads by @font-face. */
const FONT = `font-family="${escapeHtml(SANS)}"`;

/** Horizontal bars: one row per category, one bar per series, the value written after each bar. */
export function horizontalBarChart(c: BarChart): string {
  const fmt = c.format ?? ((n: number) => n.toLocaleString('en-US'));
  const labelWidth = Math.min(230, Math.max(70, ...c.categories.map((x) => x.length * 6.4 + 12)));
  const plotWidth = 300;
  const valueWidth = 70;
  const width = labelWidth + plotWidth + valueWidth;
  const bar = 14;
  const gap = 3;
  const rowHeight = c.series.length * (bar + gap) + 8;
  const legendHeight = c.series.length > 1 ? 22 : 0;
  const height = legendHeight + c.categories.length * rowHeight + 6;
  const max = Math.max(1, ...c.series.flatMap((s) => s.values));
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="${c.id}-title ${c.id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<title id="${c.id}-title">${escapeHtml(c.title)}</title>`,
    `<desc id="${c.id}-desc">${escapeHtml(c.description)}</desc>`,
  );
  if (legendHeight) {
    let x = labelWidth;
    for (const s of c.series) {
      parts.push(`<rect x="${x}" y="4" width="12" height="12" fill="${s.color}" stroke="#333" stroke-width="0.5"/>`);
      parts.push(`<text x="${x + 16}" y="14" font-size="11" ${FONT}>${escapeHtml(s.name)}</text>`);
      x += 24 + s.name.length * 6.2;
    }
  }
  c.categories.forEach((cat, i) => {
    const top = legendHeight + i * rowHeight + 4;
    parts.push(
      `<text x="${labelWidth - 8}" y="${top + (c.series.length * (bar + gap)) / 2 + 3}" font-size="11" text-anchor="end" ${FONT}>${escapeHtml(cat)}</text>`,
    );
    c.series.forEach((s, k) => {
      const v = s.values[i] ?? 0;
      const w = v <= 0 ? 0 : Math.max(1, (v / max) * plotWidth);
      const y = top + k * (bar + gap);
      parts.push(
        `<rect x="${labelWidth}" y="${y}" width="${w.toFixed(1)}" height="${bar}" fill="${s.color}" stroke="#333" stroke-width="0.5"/>`,
      );
      parts.push(`<text x="${(labelWidth + w + 4).toFixed(1)}" y="${y + bar - 3}" font-size="10.5" ${FONT}>${escapeHtml(fmt(v))}</text>`);
    });
  });
  parts.push(`<line x1="${labelWidth}" y1="${legendHeight}" x2="${labelWidth}" y2="${height - 2}" stroke="#333" stroke-width="1"/>`);
  parts.push('</svg>');
  return parts.join('');
}
