// The comparison chart: the municipality (solid, thick) against the chosen municipalities, groups
// and the country (thinner, dashed), one line per series, each named at its last year. Server-side
// SVG (Observable Plot on linkedom); the same figures are in the table beside it.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { asLabelledImage } from '../../web/chart.ts';
import type { ComparisonSeries } from './kolada.read.ts';

const DASHES = ['6,3', '2,3', '8,3,2,3', '4,4', '1,3'];

export function comparisonChart(series: readonly ComparisonSeries[], ariaLabel: string): string | null {
  const points = series.flatMap((s, i) => s.values.map((v) => ({ series: s.title, index: i, own: s.own, year: v.period, value: v.value })));
  if (points.length === 0) return null;
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const years = [...new Set(points.map((p) => p.year))].sort((a, b) => a - b);
  const marks: Plot.Markish[] = [];
  series.forEach((s, i) => {
    const data = points.filter((p) => p.index === i);
    if (data.length === 0) return;
    const stroke = s.own ? '#1a5b8f' : '#4a4a4a';
    marks.push(
      Plot.line(data, {
        x: 'year',
        y: 'value',
        stroke,
        strokeWidth: s.own ? 3 : 1.5,
        strokeDasharray: s.own ? undefined : DASHES[i % DASHES.length],
      }),
      Plot.dot(data, { x: 'year', y: 'value', fill: stroke, r: s.own ? 4 : 2.5 }),
      Plot.text([data[data.length - 1]], {
        x: 'year',
        y: 'value',
        text: 'series',
        dx: 6,
        textAnchor: 'start',
        fill: '#1b1b1b',
        fontSize: 11,
      }),
    );
  });
  const svg = Plot.plot({
    document,
    width: 640,
    height: 300,
    marginLeft: 60,
    marginRight: 140,
    x: { domain: [years[0] - 0.25, (years.at(-1) ?? years[0]) + 0.25], ticks: years, tickFormat: (y: number) => String(y), label: null },
    y: { grid: true, zero: false, nice: true, label: null, tickFormat: (d: number) => d.toLocaleString('sv-SE') },
    marks,
  }) as unknown as Element;
  return asLabelledImage(svg, ariaLabel);
}
