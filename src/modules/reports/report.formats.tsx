// One model, four formats: the HTML the PDF is printed from, DOCX, XLSX and PDF. The chart image
// of the DOCX and the PDF come from Chromium; without it the DOCX keeps the table and no image.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPage } from '../../web/render.ts';
import { CHART_WIDTH, chartHeight, summaryChartStandalone } from './report.chart.ts';
import type { ReportPrinter } from './report.chromium.ts';
import { ReportDocument } from './report.document.tsx';
import { type ChartImage, reportDocx } from './report.docx.ts';
import { type Block, layoutReport } from './report.layout.ts';
import type { ReportModel } from './report.model.ts';
import { reportXlsx } from './report.xlsx.ts';

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

async function chartImage(model: ReportModel, printer: ReportPrinter): Promise<ChartImage | null> {
  const chart = layoutReport(model).find((b): b is Extract<Block, { type: 'chart' }> => b.type === 'chart');
  if (!chart || !printer.available) return null;
  const size = { width: CHART_WIDTH, height: chartHeight(chart.bars) };
  try {
    return { png: await printer.png(summaryChartStandalone(chart.bars), size), ...size };
  } catch {
    // A failed drawing leaves the image out; the table carries the same data.
    return null;
  }
}

export async function docxOf(model: ReportModel, printer: ReportPrinter): Promise<Buffer> {
  return reportDocx(model, await chartImage(model, printer));
}

export function xlsxOf(model: ReportModel): Promise<Buffer> {
  return reportXlsx(model);
}

export function pdfOf(model: ReportModel, printer: ReportPrinter): Promise<Buffer> {
  return printer.pdf(printableHtml(model), { footer: model.title });
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
