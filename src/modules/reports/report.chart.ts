// The summary chart: per goal area, stacked bars of the direction goals met / partly / not met /
// not assessable, with the symbol and count written on each part (colour is never the only cue).
// Server-rendered SVG (Observable Plot on linkedom); its text alternative and its data as a
// table are in the report beside it.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { asLabelledImage } from '../../web/chart.ts';
import type { SummaryBar } from './report.layout.ts';

const PARTS = [
  { key: 'met', name: 'Uppfyllt', symbol: '✓', colour: '#2e7d32' },
  { key: 'partly', name: 'Delvis', symbol: '◐', colour: '#b26a00' },
  { key: 'notMet', name: 'Ej uppfyllt', symbol: '✗', colour: '#b00020' },
  { key: 'noData', name: 'Kan inte bedömas', symbol: '–', colour: '#6b6b6b' },
] as const;

export const CHART_WIDTH = 640;

export function chartHeight(bars: SummaryBar[]): number {
  return 50 + bars.length * 34;
}

function plot(bars: SummaryBar[]): Element {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const data = bars.flatMap((b, n) =>
    PARTS.map((p) => ({ area: `Område ${n + 1}`, part: p.name, symbol: p.symbol, count: b[p.key] })).filter((d) => d.count > 0),
  );
  return Plot.plot({
    document,
    width: CHART_WIDTH,
    height: chartHeight(bars),
    marginLeft: 80,
    x: { label: 'Antal inriktningsmål', grid: true, tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : '') },
    y: { label: null, domain: bars.map((_, n) => `Område ${n + 1}`) },
    color: { domain: PARTS.map((p) => p.name), range: PARTS.map((p) => p.colour) },
    marks: [
      Plot.barX(data, Plot.stackX({ x: 'count', y: 'area', fill: 'part', order: PARTS.map((p) => p.name) })),
      Plot.text(
        data,
        Plot.stackX({
          x: 'count',
          y: 'area',
          z: 'part',
          order: PARTS.map((p) => p.name),
          text: (d: { symbol: string; count: number }) => `${d.symbol} ${d.count}`,
          fill: 'white',
          fontWeight: 'bold',
        }),
      ),
      Plot.ruleX([0]),
    ],
  }) as unknown as Element;
}

// Drawing with Plot on linkedom holds the event loop for 0.1–0.25 s on a loaded machine; an
// approved report's chart never changes, so the last few drawings are kept.
const drawn = new Map<string, string>();

/** For the web page and the PDF: one labelled image, no inline styles (the CSP). */
export function summaryChartSvg(bars: SummaryBar[], alt: string): string {
  const key = `${alt}|${JSON.stringify(bars)}`;
  let svg = drawn.get(key);
  if (!svg) {
    svg = asLabelledImage(plot(bars), alt, 'chart report-chart');
    drawn.set(key, svg);
    for (const k of drawn.keys()) if (drawn.size > 20) drawn.delete(k);
  }
  return svg;
}

/** For drawing a PNG (DOCX): the SVG as Plot makes it, with its own styles. */
export function summaryChartStandalone(bars: SummaryBar[]): string {
  const svg = plot(bars);
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return svg.outerHTML;
}
