// An indicator's outcome, target and forecast per year as a server-rendered SVG (Observable Plot
// on linkedom's DOM): one role="img" with a label, numbers in the page's language, no user text.
// The same figures are always in a table beside the chart.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { asLabelledImage } from '../../web/chart.ts';
import { formatDecimal, type Lang } from '../../web/i18n.ts';

export interface YearPoint {
  year: number;
  value: number;
}

export function yearChart(input: {
  outcome: YearPoint[];
  target: YearPoint[];
  forecast: YearPoint[];
  decimals: number;
  lang: Lang;
  ariaLabel: string;
  small?: boolean;
}): string | null {
  const all = [...input.outcome, ...input.target, ...input.forecast];
  if (all.length === 0) return null;
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const years = [...new Set(all.map((p) => p.year))].sort((a, b) => a - b);
  const svg = Plot.plot({
    document,
    width: input.small ? 360 : 640,
    height: input.small ? 180 : 260,
    marginLeft: 60,
    ariaLabel: input.ariaLabel,
    x: { domain: [years[0] - 0.3, years[years.length - 1] + 0.3], ticks: years, tickFormat: (y: number) => String(y), label: null },
    y: { grid: true, zero: false, nice: true, tickFormat: (d: number) => formatDecimal(d, input.decimals, input.lang), label: null },
    marks: [
      Plot.line(input.target, { x: 'year', y: 'value', stroke: '#7a4b00', strokeDasharray: '2,3', curve: 'step', strokeWidth: 2 }),
      Plot.dot(input.target, { x: 'year', y: 'value', stroke: '#7a4b00', symbol: 'triangle', r: 4 }),
      Plot.line(input.forecast, { x: 'year', y: 'value', stroke: '#4a4a4a', strokeDasharray: '6,4', strokeWidth: 2 }),
      Plot.dot(input.forecast, { x: 'year', y: 'value', fill: '#4a4a4a', symbol: 'square', r: 4 }),
      Plot.line(input.outcome, { x: 'year', y: 'value', stroke: '#1a5b8f', strokeWidth: 2 }),
      Plot.dot(input.outcome, { x: 'year', y: 'value', fill: '#1a5b8f', r: 4 }),
    ],
  }) as unknown as Element;
  return asLabelledImage(svg, input.ariaLabel);
}
