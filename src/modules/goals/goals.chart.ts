// Server-rendered SVG charts of the goals module (Observable Plot on linkedom's DOM): an
// indicator's outcomes, targets and forecasts per year, and an action plan's activities on a
// timeline. role="img" with a label; the same data is always in a table beside the chart.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { formatNumber } from './assessment.ts';

function finish(svg: Element, ariaLabel: string): string {
  for (const style of [...svg.querySelectorAll('style')]) style.remove();
  // The whole SVG is one image: ARIA on its parts is not allowed (and not needed).
  for (const el of [...svg.querySelectorAll('*')]) {
    for (const attr of ['aria-label', 'aria-description', 'aria-hidden', 'role']) el.removeAttribute(attr);
  }
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', ariaLabel);
  return svg.outerHTML;
}

export interface YearPoint {
  year: number;
  value: number;
}

/** Outcome as a solid line with dots, target as a dotted step line, forecast dashed with squares. Contains no user text. */
export function indicatorChart(input: {
  outcome: YearPoint[];
  target: YearPoint[];
  forecast: YearPoint[];
  decimals: number;
  ariaLabel: string;
}): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const all = [...input.outcome, ...input.target, ...input.forecast];
  const years = all.map((p) => p.year);
  const min = Math.min(...years);
  const max = Math.max(...years);
  const marks: Plot.Markish[] = [
    Plot.line(input.target, { x: 'year', y: 'value', stroke: '#7a4b00', strokeDasharray: '2,3', curve: 'step', strokeWidth: 2 }),
    Plot.dot(input.target, { x: 'year', y: 'value', stroke: '#7a4b00', symbol: 'triangle', r: 4 }),
    Plot.line(input.forecast, { x: 'year', y: 'value', stroke: '#4a4a4a', strokeDasharray: '6,4', strokeWidth: 2 }),
    Plot.dot(input.forecast, { x: 'year', y: 'value', fill: '#4a4a4a', symbol: 'square', r: 4 }),
    Plot.line(input.outcome, { x: 'year', y: 'value', stroke: '#1a5b8f', strokeWidth: 2 }),
    Plot.dot(input.outcome, { x: 'year', y: 'value', fill: '#1a5b8f', r: 4 }),
  ];
  const svg = Plot.plot({
    document,
    width: 640,
    height: 280,
    marginLeft: 60,
    ariaLabel: input.ariaLabel,
    x: { domain: [min - 0.25, max + 0.25], ticks: [...new Set(years)].sort(), tickFormat: (y: number) => String(y), label: null },
    y: { grid: true, zero: false, nice: true, tickFormat: (d: number) => formatNumber(d, input.decimals), label: null },
    marks,
  }) as unknown as Element;
  return finish(svg, input.ariaLabel);
}

export interface TimelineRow {
  label: string;
  start: string;
  end: string;
  done: boolean;
}

/** Activities as bars from start to end; finished ones hatched grey. Labels are activity numbers only. */
export function timelineChart(rows: TimelineRow[], ariaLabel: string): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const data = rows.map((r) => ({ ...r, from: new Date(`${r.start}T00:00:00Z`), to: new Date(`${r.end}T23:59:59Z`) }));
  const svg = Plot.plot({
    document,
    width: 640,
    height: 60 + rows.length * 36,
    marginLeft: 50,
    ariaLabel,
    x: { type: 'utc', grid: true, label: null },
    y: { domain: rows.map((r) => r.label), label: null },
    marks: [
      Plot.barX(data, { x1: 'from', x2: 'to', y: 'label', fill: (d: { done: boolean }) => (d.done ? '#6b6b6b' : '#1a5b8f') }),
      Plot.ruleX([new Date()], { stroke: '#b00020', strokeDasharray: '4,3' }),
    ],
  }) as unknown as Element;
  return finish(svg, ariaLabel);
}
