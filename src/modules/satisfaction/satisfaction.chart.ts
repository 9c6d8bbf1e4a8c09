// Server-rendered SVG charts (Observable Plot on linkedom): an area's NKI over the years with its
// targets, and a survey question's distribution. One labelled image each, no user text inside, and
// the same data always in a table beside it.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { asLabelledImage } from '../../web/chart.ts';

export interface YearValue {
  year: number;
  value: number;
}

/** NKI per year (solid line, dots) and targets (dotted, triangles); y from 0 to 100. */
export function nkiChart(outcome: YearValue[], targets: YearValue[], ariaLabel: string): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const years = [...outcome, ...targets].map((p) => p.year);
  const min = Math.min(...years);
  const max = Math.max(...years);
  const svg = Plot.plot({
    document,
    width: 640,
    height: 260,
    marginLeft: 40,
    x: { domain: [min - 0.25, max + 0.25], ticks: [...new Set(years)].sort(), tickFormat: (y: number) => String(y), label: null },
    y: { domain: [0, 100], grid: true, label: null },
    marks: [
      Plot.line(targets, { x: 'year', y: 'value', stroke: '#7a4b00', strokeDasharray: '2,3', curve: 'step', strokeWidth: 2 }),
      Plot.dot(targets, { x: 'year', y: 'value', stroke: '#7a4b00', symbol: 'triangle', r: 4 }),
      Plot.line(outcome, { x: 'year', y: 'value', stroke: '#1a5b8f', strokeWidth: 2 }),
      Plot.dot(outcome, { x: 'year', y: 'value', fill: '#1a5b8f', r: 4 }),
    ],
  }) as unknown as Element;
  return asLabelledImage(svg, ariaLabel);
}

/** Number of answers per value as horizontal bars; labels are the values (1–5) or option numbers. */
export function distributionChart(rows: { label: string; count: number }[], ariaLabel: string): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = Plot.plot({
    document,
    width: 560,
    height: 40 + rows.length * 28,
    marginLeft: 50,
    x: { grid: true, label: null },
    y: { domain: rows.map((r) => r.label), label: null },
    marks: [Plot.barX(rows, { x: 'count', y: 'label', fill: '#1a5b8f' }), Plot.ruleX([0])],
  }) as unknown as Element;
  return asLabelledImage(svg, ariaLabel);
}
