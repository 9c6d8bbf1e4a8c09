// One model, four formats: the HTML the PDF is printed from, DOCX, XLSX and PDF. The chart image
// of the DOCX and the PDF come from Chromium; without it the DOCX keeps the table and no image.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPage } from '../../web/render.ts';
import { CHART_WIDTH, chartHeight, summaryChartStandalone } from './report.chart.ts';
import type { ReportPrinter } from './report.chromium.ts';
import { ReportDocument } from './report.document.tsx';
import type { ChartImage } from './report.docx.ts';
import { type Block, layoutReport } from './report.layout.ts';
import type { ReportModel } from './report.model.ts';
import { buildOffThread } from './report.offthread.ts';

const STYLES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'static', 'styles.css');
let styles: string | null = null;

/** The report alone, with the site's stylesheet inlined (the PDF is printed from this, not from a served page). */
export function printableHtml(model: ReportModel): string {
  styles ??= readFileSync(STYLES, 'utf8');
  return renderPage(
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <title>{model.title}</title>
        <meta name="author" content={`${model.tenantName}, ${model.board.name}`} />
        <style dangerouslySetInnerHTML={{ __html: styles }} />
      </head>
      <body class="print">
        <main>
          <ReportDocument model={model} />
        </main>
      </body>
    </html>,
  );
}

/**
 * An approved report's files never change until its status does, so the last few are kept:
 * a second download of the same file is immediate. Drafts are always built anew.
 */
const FILE_CACHE_SIZE = 12;
const files = new Map<string, Promise<Buffer>>();

function cached(model: ReportModel, format: string, build: () => Promise<Buffer>): Promise<Buffer> {
  if (model.status === 'draft') return build();
  const key = `${model.reportId}|${model.status}|${model.generatedAt}|${format}`;
  const hit = files.get(key);
  if (hit) {
    files.delete(key);
    files.set(key, hit);
    return hit;
  }
  const made = build();
  made.catch(() => files.delete(key));
  files.set(key, made);
  for (const k of files.keys()) if (files.size > FILE_CACHE_SIZE) files.delete(k);
  return made;
}

/** The summary chart as PNG, drawn by Chromium; the same bars give the same image, so recent ones are kept. */
const charts = new Map<string, Promise<ChartImage | null>>();

function chartImage(model: ReportModel, printer: ReportPrinter): Promise<ChartImage | null> {
  const chart = layoutReport(model).find((b): b is Extract<Block, { type: 'chart' }> => b.type === 'chart');
  if (!chart || !printer.available) return Promise.resolve(null);
  const key = JSON.stringify(chart.bars);
  const hit = charts.get(key);
  if (hit) return hit;
  const size = { width: CHART_WIDTH, height: chartHeight(chart.bars) };
  const drawn = printer
    .png(summaryChartStandalone(chart.bars), size)
    .then((png): ChartImage | null => ({ png: new Uint8Array(png), ...size }))
    // A failed drawing leaves the image out; the table carries the same data.
    .catch(() => {
      charts.delete(key);
      return null;
    });
  charts.set(key, drawn);
  for (const k of charts.keys()) if (charts.size > FILE_CACHE_SIZE) charts.delete(k);
  return drawn;
}

export function docxOf(model: ReportModel, printer: ReportPrinter): Promise<Buffer> {
  return cached(model, 'docx', async () => buildOffThread('docx', model, await chartImage(model, printer)));
}

export function xlsxOf(model: ReportModel): Promise<Buffer> {
  return cached(model, 'xlsx', () => buildOffThread('xlsx', model, null));
}

export function pdfOf(model: ReportModel, printer: ReportPrinter): Promise<Buffer> {
  return cached(model, 'pdf', () => printer.pdf(printableHtml(model), { footer: model.title }));
}

/** A file name without characters that break a Content-Disposition header. */
export function fileName(model: ReportModel, ext: string): string {
  const base = `${model.board.name} ${model.period} v${model.version}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9 -]/g, '')
    .trim()
    .replace(/\s+/g, '-');
  return `${base || 'rapport'}.${ext}`;
}
